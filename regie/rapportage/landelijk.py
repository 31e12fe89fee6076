"""The national figures CBS publishes, kept as reference data with source and year in
`landelijk.json` (updated by hand when a new SWI report appears)."""

import json
from functools import cache
from pathlib import Path

BESTAND = Path(__file__).resolve().parent / "landelijk.json"


@cache
def landelijke_cijfers() -> list[dict]:
    return json.loads(BESTAND.read_text(encoding="utf-8"))["cijfers"]


def landelijk(kpi: str, **kenmerken) -> list[dict]:
    """The national figures of one kind, optionally narrowed (e.g. cohort=2022, doelgroep="asiel")."""
    return [
        c
        for c in landelijke_cijfers()
        if c["kpi"] == kpi and all(c.get(k) == v for k, v in kenmerken.items())
    ]

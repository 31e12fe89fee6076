"""The simulator's state: persons by BSN, contact persons, reference data, what Regie sent and
the notifications DUO sent; kept in memory and written to a JSON file after every change so a
restart loses nothing. Failure injection (`storingen`) is kept in memory only."""

from __future__ import annotations

import copy
import json
import os
import tempfile
import threading
from pathlib import Path

from .gegevens import INSTELLINGEN, VERLENGINGSGRONDEN

MAX_LOG = 2000  # entries kept in `ontvangen` and `notificaties`


def lege_gegevens() -> dict:
    return {
        "personen": {},
        "contactpersonen": {},  # id (string) -> {"id", "gemeentecode", "contactpersoongegevens"}
        "volgendContactpersoonId": 1,
        "instellingen": copy.deepcopy(INSTELLINGEN),
        "verlengingsgronden": copy.deepcopy(VERLENGINGSGRONDEN),
        "gemeenten": {},  # gemeentecode -> OIN, beyond the demo's OIN pattern
        "ontvangen": [],  # requests Regie sent to /v1
        "notificaties": [],  # notifications the simulator sent (or would have sent)
    }


class Toestand:
    def __init__(self, bestand: str | Path | None = None):
        self.slot = threading.RLock()
        self.bestand = Path(bestand) if bestand else None
        self.gegevens = lege_gegevens()
        self.storingen: list[dict] = []
        self.generatie = 0
        if self.bestand and self.bestand.exists():
            try:
                with open(self.bestand, encoding="utf-8") as f:
                    geladen = json.load(f)
            except ValueError as fout:
                raise ValueError(
                    f"Het toestandsbestand {self.bestand} is geen geldige JSON ({fout}); herstel of verwijder het."
                ) from None
            self.gegevens.update(geladen)

    # -- persistence -------------------------------------------------------------------------
    def bewaar(self) -> None:
        if not self.bestand:
            return
        with self.slot:
            self.bestand.parent.mkdir(parents=True, exist_ok=True)
            fd, tijdelijk = tempfile.mkstemp(
                dir=self.bestand.parent, prefix=".duo-simulator-", suffix=".json"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.gegevens, f, ensure_ascii=False, indent=1)
            os.replace(tijdelijk, self.bestand)

    def reset(self) -> None:
        with self.slot:
            # a request still in flight (a slow or timed-out one) started before the reset
            # must not change or log into the new state: it compares this number
            self.generatie += 1
            self.gegevens = lege_gegevens()
            self.storingen = []
            self.bewaar()

    # -- persons -----------------------------------------------------------------------------
    @property
    def personen(self) -> dict:
        return self.gegevens["personen"]

    def persoon(self, bsn: str) -> dict | None:
        return self.gegevens["personen"].get(bsn)

    def gemeente_oin(self, gemeentecode: str | None) -> str | None:
        from .gegevens import gemeente_oin

        if not gemeentecode:
            return None
        return self.gegevens["gemeenten"].get(gemeentecode) or gemeente_oin(gemeentecode)

    def gemeentecode_voor_oin(self, oin: str) -> str | None:
        from .gegevens import gemeentecode_uit_oin

        for code, bekend in self.gegevens["gemeenten"].items():
            if bekend == oin:
                return code
        return gemeentecode_uit_oin(oin)

    # -- logs --------------------------------------------------------------------------------
    def log(self, soort: str, regel: dict) -> None:
        with self.slot:
            lijst = self.gegevens[soort]
            lijst.append(regel)
            del lijst[:-MAX_LOG]

    # -- failure injection -------------------------------------------------------------------
    def storing_toevoegen(self, storing: dict) -> None:
        with self.slot:
            self.storingen.append(dict(storing))

    def volgende_storing(self) -> dict | None:
        """The failure for this request, counting it down; None when none is pending."""
        with self.slot:
            while self.storingen:
                storing = self.storingen[0]
                if storing.get("aantal", 1) <= 0:
                    self.storingen.pop(0)
                    continue
                storing["aantal"] = storing.get("aantal", 1) - 1
                resultaat = dict(storing)
                if storing["aantal"] <= 0:
                    self.storingen.pop(0)
                return resultaat
            return None

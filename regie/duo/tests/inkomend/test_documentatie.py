"""Every event code DUO names (regie/duo/specs/Gebeurtenissen.md and Attentiesignalen.md) has a
handler and a row in docs/duo-gebeurtenissen.md, and that table is the one the code generates."""

import re
from pathlib import Path

from regie.duo.inkomend.gebeurtenissen import GEBEURTENISSEN, tabel_markdown

ROOT = Path(__file__).resolve().parents[4]
SPECS = ROOT / "regie" / "duo" / "specs"
DOC = ROOT / "docs" / "duo-gebeurtenissen.md"


def _codes(bestand: Path) -> set[str]:
    return set(re.findall(r"\bSS\d{3}\b", bestand.read_text(encoding="utf-8")))


def test_elke_code_uit_de_specs_heeft_een_handler():
    codes = _codes(SPECS / "Gebeurtenissen.md") | _codes(SPECS / "Attentiesignalen.md")
    assert len(codes) >= 40
    assert codes - set(GEBEURTENISSEN) == set()
    assert all(callable(g.handler) for g in GEBEURTENISSEN.values())


def test_elke_code_heeft_een_regel_in_de_documentatie():
    tekst = DOC.read_text(encoding="utf-8")
    regels = set(re.findall(r"^\| (SS\d{3}) \|", tekst, flags=re.MULTILINE))
    codes = _codes(SPECS / "Gebeurtenissen.md") | _codes(SPECS / "Attentiesignalen.md")
    assert codes - regels == set()


def test_tabel_in_de_documentatie_is_die_uit_de_code():
    assert tabel_markdown() in DOC.read_text(encoding="utf-8"), (
        "Werk de tabel in docs/duo-gebeurtenissen.md bij met regie.duo.inkomend.gebeurtenissen.tabel_markdown()"
    )

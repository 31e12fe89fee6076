"""Every article cited anywhere in regie/ is one of the articles Regie relies on
(regie.wet.artikelen), with a lid the article has."""

import re
from pathlib import Path

import pytest

from regie.wet.artikelen import ARTIKELEN, WETTEN

REGIE = Path(__file__).resolve().parents[2]
KORT = {**{naam: afkorting for afkorting, naam in WETTEN.items()}, **{a: a for a in WETTEN}}
NUMMER = r"(?P<nr{n}>\d+[a-z]?(?:[.:]\d+[a-z]?)?)(?:,?\s+lid\s+(?P<lid{n}>\d+))?"
CITAAT = re.compile(
    r"\b(?P<kort>Wi|Bi|Atw|Awb|Pw)\.?\s+(?:art\.\s*|artikel\s+)?"
    + NUMMER.format(n=1)
    + r"|\b(?P<lang>"
    + "|".join(re.escape(naam) for naam in WETTEN.values())
    + r"),?\s+(?:art\.|artikel)\s*"
    + NUMMER.format(n=2)
)


def citaten(tekst: str):
    """(wet, artikel, lid or None) of every citation in `tekst`."""
    for m in CITAAT.finditer(tekst):
        wet = KORT[m["kort"] or m["lang"]]
        yield wet, m["nr1"] or m["nr2"], m["lid1"] or m["lid2"]


def bestanden():
    for pad in sorted(REGIE.rglob("*")):
        bron = pad.suffix in {".py", ".html", ".md", ".txt", ".json"} and "migrations" not in pad.parts
        if bron and pad.name != "test_artikelen.py":
            yield pad


def alle_citaten():
    for pad in bestanden():
        for regelnummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
            for citaat in citaten(regel):
                yield f"{pad.relative_to(REGIE.parent)}:{regelnummer}", citaat


def test_de_scanner_vindt_alle_vormen():
    tekst = (
        "Wi 6 lid 1; Wi art. 8 lid 3; Bi 5.3 lid 1; Atw art. 3 lid 3; Awb 5:53; Pw 56a;"
        " Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, artikel 5.4;"
        " Algemene wet bestuursrecht art. 4:8"
    )
    assert list(citaten(tekst)) == [
        ("Wi", "6", "1"),
        ("Wi", "8", "3"),
        ("Bi", "5.3", "1"),
        ("Atw", "3", "3"),
        ("Awb", "5:53", None),
        ("Pw", "56a", None),
        ("Wi", "17", "3"),
        ("Bi", "5.4", None),
        ("Awb", "4:8", None),
    ]


def test_er_zijn_citaten():
    assert len(list(alle_citaten())) > 300


def test_elk_geciteerd_artikel_staat_in_de_tabel():
    onbekend = sorted(
        f"{plaats}: {wet} {nr}" for plaats, (wet, nr, _lid) in alle_citaten() if (wet, nr) not in ARTIKELEN
    )
    assert not onbekend, "Niet in regie.wet.artikelen (controleer de wet en voeg toe):\n" + "\n".join(
        onbekend
    )


def test_geen_lid_dat_het_artikel_niet_heeft():
    fout = sorted(
        f"{plaats}: {wet} {nr} lid {lid} (heeft {ARTIKELEN[(wet, nr)].leden} leden)"
        for plaats, (wet, nr, lid) in alle_citaten()
        if lid and (wet, nr) in ARTIKELEN and ARTIKELEN[(wet, nr)].leden is not None
        if int(lid) > ARTIKELEN[(wet, nr)].leden
    )
    assert not fout, "\n".join(fout)


@pytest.mark.parametrize("woord, artikel", [("vrijstelling", "4"), ("ontheffing", "5")])
def test_vrijstelling_en_ontheffing_met_hun_eigen_artikel(woord, artikel):
    """Wi 4 is vrijstelling, Wi 5 ontheffing: a citation written right next to the word
    ("vrijstelling (Wi 4)", "ontheffing: Wi 5", "Wi 4 vrijstelling") must name its own article.
    The status module once said "(Wi 7 vrijstelling/ontheffing)"; Wi 7 is the B1-route."""
    wi = r"Wi\s+(?:art\.\s*)?(\d+)"
    patronen = [
        re.compile(rf"\b{woord}\w*\s*[(:]\s*{wi}", re.IGNORECASE),
        re.compile(rf"{wi}(?:\s+lid\s+\d+)?\s*[(:]?\s*{woord}", re.IGNORECASE),
    ]
    fout = [
        f"{pad.relative_to(REGIE.parent)}: '{m.group(0)}'"
        for pad in bestanden()
        for patroon in patronen
        for m in patroon.finditer(pad.read_text(encoding="utf-8"))
        if m.group(1) != artikel
    ]
    assert not fout, "\n".join(fout)


def test_elk_artikel_heeft_onderwerp_en_controle():
    for (wet, _nr), artikel in ARTIKELEN.items():
        assert wet in WETTEN
        assert artikel.onderwerp
        assert artikel.gecontroleerd in {"wettekst", "verwijzing", "secundair"}
        if artikel.leden is not None:
            assert artikel.gecontroleerd == "wettekst", "a number of leden needs the text itself"

"""Demo data for COA: the taakstelling per municipality and half year, and where the example
COA files are (docs/voorbeelden/). Called from `regie.demo.opbouw.bouw_demo`."""

from pathlib import Path

from regie.coa.models import Taakstelling
from regie.organisaties.models import Gemeente

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
VOORBEELDBESTAND = VOORBEELDEN / "coa-koppelingen.csv"
VOORBEELDBESTAND_MET_FOUTEN = VOORBEELDEN / "coa-koppelingen-met-fouten.csv"

# Set by the ministry per half year, roughly in proportion to the number of residents (about one
# statushouder per 1,000 residents per half year in 2025; a little lower in 2026). Policy, not
# code: in production the team lead or functioneel beheerder records the numbers from the letter.
TAAKSTELLING = {
    # CBS code: (residents (approx.), 2025-1, 2025-2, 2026-1, 2026-2)
    "0303": (43_000, 44, 39, 36, 33),  # Dronten
    "0505": (121_000, 124, 110, 101, 93),  # Dordrecht
    "0642": (45_000, 46, 41, 38, 34),  # Zwijndrecht
    "0590": (32_500, 33, 30, 27, 25),  # Papendrecht
    "0531": (32_000, 33, 29, 27, 24),  # Hendrik-Ido-Ambacht
    "0171": (48_500, 50, 44, 40, 37),  # Noordoostpolder
}
# From the seed document (raadsvoorstel Dronten): 58 in 2021, of which 26 in the second half.
DRONTEN_2021 = {1: 32, 2: 26}


def taakstellingen_maken() -> int:
    """The demo's taakstelling; idempotent. Returns how many there are."""
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.filter(cbs_code__in=TAAKSTELLING)}
    aantal = 0
    for code, (_inwoners, *aantallen) in TAAKSTELLING.items():
        if code not in gemeenten:
            continue
        perioden = [(2025, 1), (2025, 2), (2026, 1), (2026, 2)]
        for (jaar, halfjaar), getal in zip(perioden, aantallen, strict=True):
            Taakstelling.objects.update_or_create(
                gemeente=gemeenten[code],
                jaar=jaar,
                halfjaar=halfjaar,
                defaults={"aantal": getal, "toelichting": "Demo: brief van het ministerie (verzonnen)"},
            )
            aantal += 1
    if "0303" in gemeenten:
        for halfjaar, getal in DRONTEN_2021.items():
            Taakstelling.objects.update_or_create(
                gemeente=gemeenten["0303"],
                jaar=2021,
                halfjaar=halfjaar,
                defaults={"aantal": getal, "toelichting": "Raadsvoorstel Dronten: 58 in 2021"},
            )
            aantal += 1
    return aantal


def coa_demo() -> None:
    """Everything the demo needs from this app (the example files are read from disk when a
    user uploads them)."""
    taakstellingen_maken()

"""Every article of law Regie relies on, with its subject and how its text was checked.

A test (regie/wet/tests/test_artikelen.py) reads every citation in regie/ — "Wi 6 lid 1",
"Besluit inburgering 2021, art. 5.3 lid 1", "Awb 5:53", ... — and fails on an article that is
not in this table, or on a lid beyond the number of leden the article is known to have. A new
citation therefore needs a line here, which is the moment to check the law.

`gecontroleerd` says how the text was checked (December 2026, with the search tool over stored
copies of public pages; wetten.overheid.nl itself could not be read in full):
- "wettekst": the article's text read in a copy of the law;
- "verwijzing": its subject follows from the text of another article or a Staatsblad that
  refers to it;
- "secundair": only a secondary source (Divosa, Schulinck, DUO, a municipal regulation) gives
  its subject; to be checked against wetten.overheid.nl (Wi BWBR0044770, Bi BWBR0045555).
`leden` is the number of leden when the text was read; None when unknown (no lid check).
"""

from dataclasses import dataclass

WETTEN = {
    "Wi": "Wet inburgering 2021",
    "Bi": "Besluit inburgering 2021",
    "Atw": "Algemene termijnenwet",
    "Awb": "Algemene wet bestuursrecht",
    "Pw": "Participatiewet",
}


@dataclass(frozen=True)
class Artikel:
    onderwerp: str
    gecontroleerd: str
    leden: int | None = None


ARTIKELEN: dict[tuple[str, str], Artikel] = {
    ("Wi", "3"): Artikel("wie inburgeringsplichtig is (16 jaar tot de AOW-leeftijd)", "secundair"),
    ("Wi", "4"): Artikel("vrijstelling van de inburgeringsplicht", "verwijzing"),
    ("Wi", "5"): Artikel("ontheffing van de inburgeringsplicht", "wettekst", leden=5),
    ("Wi", "6"): Artikel("inhoud van de inburgeringsplicht (PVT onder a, MAP onder b)", "secundair"),
    ("Wi", "7"): Artikel("de B1-route", "verwijzing"),
    ("Wi", "8"): Artikel("de onderwijsroute (lid 3: geen MAP)", "secundair"),
    ("Wi", "9"): Artikel("de zelfredzaamheidsroute (Z-route)", "secundair"),
    ("Wi", "11"): Artikel("duur en aanvang van de termijn", "wettekst", leden=3),
    ("Wi", "12"): Artikel("verlenging van de termijn door DUO", "verwijzing"),
    ("Wi", "13"): Artikel("asielstatushouders: aanbod en begeleiding door de gemeente", "secundair"),
    ("Wi", "14"): Artikel("brede intake", "secundair"),
    ("Wi", "15"): Artikel("persoonlijk plan inburgering en participatie (lid 3 vaststelling)", "verwijzing"),
    ("Wi", "17"): Artikel("wijziging van de leerroute en afschalen naar A2", "secundair"),
    ("Wi", "22"): Artikel("boete: niet meewerken aan brede intake of PIP", "secundair"),
    ("Wi", "23"): Artikel("boete: het PIP verwijtbaar niet nakomen", "secundair"),
    ("Wi", "27"): Artikel(
        "geen boete als de bijstand al is verlaagd voor dezelfde gedraging (nummer uit de domeinreferentie)",
        "secundair",
    ),
    ("Bi", "3.1"): Artikel("participatieverklaringstraject", "verwijzing"),
    ("Bi", "3.14"): Artikel("zelfredzaamheidsroute: uren en eindgesprek", "verwijzing"),
    ("Bi", "4.1"): Artikel("aanvraag verlenging van de termijn", "secundair"),
    ("Bi", "5.2"): Artikel("brede intake", "secundair"),
    ("Bi", "5.3"): Artikel(
        "vaststelling PIP binnen tien weken (sinds 2023 vijf leden of meer)", "verwijzing"
    ),
    ("Bi", "5.4"): Artikel("leerroute wijzigen in de eerste anderhalf jaar", "secundair"),
    ("Bi", "5.5"): Artikel("afschalen: 600 uur, inzet, B1 niet haalbaar", "secundair"),
    ("Atw", "1"): Artikel("termijn eindigt op zaterdag, zondag of feestdag", "wettekst", leden=2),
    ("Atw", "3"): Artikel("algemeen erkende feestdagen en gelijkgestelde dagen", "wettekst", leden=3),
    ("Atw", "4"): Artikel("uitzonderingen: termijnen van drie maanden of langer", "secundair"),
    ("Awb", "4:87"): Artikel("betaling van een geldsom binnen zes weken na de beschikking", "secundair"),
    ("Awb", "4:8"): Artikel("zienswijze voor een belastende beschikking", "wettekst", leden=2),
    ("Awb", "5:46"): Artikel("hoogte van de bestuurlijke boete", "wettekst", leden=4),
    ("Awb", "5:48"): Artikel("rapport van de overtreding", "wettekst", leden=4),
    ("Awb", "5:53"): Artikel(
        "rapport en zienswijze bij een boete die hoger kan zijn dan EUR 340", "wettekst", leden=3
    ),
    ("Awb", "6:5"): Artikel("vereisten bezwaarschrift", "secundair"),
    ("Awb", "6:7"): Artikel("bezwaartermijn: zes weken", "secundair"),
    ("Awb", "6:8"): Artikel("aanvang bezwaartermijn: de dag na bekendmaking", "wettekst"),
    # Pw 56a: not read in a copy of the law (December 2026); its subject, the target group (also
    # the derived asylum permit, not the regular one), the six months and the four costs come from
    # Schulinck's commentary on the Wet inburgering 2021. No lid is cited until the text is read.
    ("Pw", "56a"): Artikel("ontzorging van asielstatushouders in de bijstand", "secundair"),
}

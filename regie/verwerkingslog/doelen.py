"""Purpose and legal basis of each part of Regie, in one place.

The processing log names, for every entry, why the data was processed (doel) and on
what legal basis (grondslag), as the Logboek Dataverwerkingen standard asks
(processing activity). A part not listed falls back to ALGEMEEN.
"""

from typing import NamedTuple


class Doel(NamedTuple):
    doel: str
    grondslag: str


_TAAK = "AVG art. 6 lid 1 sub e (taak van algemeen belang)"
_BIJZONDER = "AVG art. 9 lid 2 sub g en art. 6 lid 1 sub e"

ALGEMEEN = Doel("Uitvoering Wet inburgering 2021", f"Wet inburgering 2021; {_TAAK}")

DOELEN: dict[str, Doel] = {
    "dossier": Doel(
        "Uitvoering Wet inburgering 2021 — dossier van de inburgeraar", f"Wet inburgering 2021; {_TAAK}"
    ),
    "termijnen": Doel(
        "Uitvoering Wet inburgering 2021 — bewaken van de inburgeringstermijn (art. 11)",
        f"Wet inburgering 2021 art. 11; {_TAAK}",
    ),
    "tijdlijn": Doel(
        "Uitvoering Wet inburgering 2021 — dossier van de inburgeraar", f"Wet inburgering 2021; {_TAAK}"
    ),
    "brede intake": Doel(
        "Uitvoering Wet inburgering 2021 — brede intake (art. 14)",
        f"Wet inburgering 2021 art. 14; {_BIJZONDER}",
    ),
    "afspraak": Doel(
        "Uitvoering Wet inburgering 2021 — afspraak brede intake (art. 14)",
        f"Wet inburgering 2021 art. 14; {_TAAK}",
    ),
    "pip": Doel(
        "Uitvoering Wet inburgering 2021 — persoonlijk plan inburgering en participatie (art. 15)",
        f"Wet inburgering 2021 art. 15; {_TAAK}",
    ),
    "traject": Doel(
        "Uitvoering Wet inburgering 2021 — inburgeringsaanbod: verwijzing naar een aanbieder volgens het PIP"
        " (art. 15)",
        f"Wet inburgering 2021 art. 15; {_TAAK}",
    ),
    "factuur": Doel(
        "Uitvoering Wet inburgering 2021 — het inburgeringsaanbod betalen en de specifieke uitkering verantwoorden"
        " (SiSa)",
        f"Wet inburgering 2021; {_TAAK}",
    ),
    "ontzorging": Doel(
        "Uitvoering Participatiewet — ontzorging: de vaste lasten van een inburgeringsplichtige statushouder"
        " in de bijstand betalen en de inburgeraar helpen ze zelf te betalen (Participatiewet art. 56a)",
        f"Participatiewet art. 56a; {_TAAK}",
    ),
    "ontzorging betaalrun": Doel(
        "Uitvoering Participatiewet — de vaste lasten van de ontzorging betalen (Participatiewet art. 56a)",
        f"Participatiewet art. 56a; {_TAAK}",
    ),
    "voortgang": Doel(
        "Uitvoering Wet inburgering 2021 — voortgang van het traject bewaken: voortgangsgesprekken, aanwezigheid"
        " en de onderdelen van de inburgeringsplicht (art. 6 en 15)",
        f"Wet inburgering 2021 art. 6 en 15; {_TAAK}",
    ),
    "voortgangsgesprek": Doel(
        "Uitvoering Wet inburgering 2021 — voortgangsgesprekken volgens het PIP (art. 15)",
        f"Wet inburgering 2021 art. 15; {_TAAK}",
    ),
    "waarschuwing": Doel(
        "Handhaving Wet inburgering 2021 — schriftelijke waarschuwing voor een mogelijke boete (art. 23)",
        f"Wet inburgering 2021 art. 23; Algemene wet bestuursrecht titel 5.4; {_TAAK}",
    ),
    "boete": Doel(
        "Handhaving Wet inburgering 2021 — boete: voornemen, zienswijze, besluit, betaling en bezwaar (art. 22, 23)",
        f"Wet inburgering 2021 art. 22 en 23; Algemene wet bestuursrecht titel 5.4; {_TAAK}",
    ),
    "duo": Doel(
        "Uitvoering Wet inburgering 2021 — gegevens aan DUO verstrekken: PIP, inburgeringsaanbod, gevolgde uren,"
        " PVT, MAP, Z-route en contactpersoon (PIP art. 15, inburgeringsaanbod art. 16)",
        f"Wet inburgering 2021 art. 15 en 16, Besluit inburgering 2021 art. 3.14; {_TAAK}",
    ),
    "overdracht": Doel(
        "Uitvoering Wet inburgering 2021 — overdracht aan de nieuwe gemeente na een verhuizing: de termijn loopt"
        " door (art. 11 lid 3) en de leerroute blijft (art. 15 lid 4)",
        f"Wet inburgering 2021 art. 11 en 15; {_TAAK}",
    ),
    "participatie": Doel(
        "Uitvoering Wet inburgering 2021 — participatie en de situatie van de inburgeraar volgen, voor het PIP"
        " en de verantwoording over de regierol (art. 15)",
        f"Wet inburgering 2021 art. 15; {_TAAK}",
    ),
    "cbs": Doel(
        "Statistiek Wet inburgering: de kwartaallevering aan het CBS voor de monitoring van de wet",
        f"Wet op het Centraal bureau voor de statistiek art. 33; Wet inburgering 2021; {_TAAK}",
    ),
    "werkvoorraad": Doel(
        "Uitvoering Wet inburgering 2021 — werkvoorraad van de consulent", f"Wet inburgering 2021; {_TAAK}"
    ),
    "team": Doel(
        "Uitvoering Wet inburgering 2021 — verdeling van het werk in het team",
        f"Wet inburgering 2021; {_TAAK}",
    ),
    "zoekresultaten": Doel(
        "Uitvoering Wet inburgering 2021 — zoeken van een dossier", f"Wet inburgering 2021; {_TAAK}"
    ),
    "verwerkingslog": Doel(
        "Toezicht op de verwerking van persoonsgegevens (verantwoordingsplicht)",
        "AVG art. 5 lid 2, art. 30 en art. 32",
    ),
    "inzageverzoek": Doel("Inzageverzoek van de betrokkene (AVG art. 15)", "AVG art. 15 en art. 12"),
    "bewaartermijn": Doel(
        "Vernietiging na afloop van de bewaartermijn", "Archiefwet 1995; AVG art. 5 lid 1 sub e"
    ),
    "toegang": Doel("Beveiliging van de verwerking (geweigerde toegang)", "AVG art. 32"),
    "accountbeheer": Doel(
        "Beveiliging van de verwerking: wie met welke rol en welke inlogmiddelen bij de gegevens kan",
        "AVG art. 32",
    ),
}


def doel_voor(onderdeel: str) -> Doel:
    return DOELEN.get(onderdeel, ALGEMEEN)

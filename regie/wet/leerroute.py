"""Rules a PIP must meet: route, language goal, components and dates.

These mirror the law (Wi 15, 17; Bi 5.3-5.5) and the checks DUO applies before it
registers a PIP (DUO M2M PIP API, "Het aanleveren van een PIP"), so that a PIP
Regie accepts is never rejected by DUO for the same reason.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regie.wet import termijnen

AFSCHALEN_MIN_UREN_NT2 = 600  # Bi 5.5: at least 600 lesson hours at a language school
# Wi 6 lid 1 onder b asks the MAP in every route; the onderwijsroute is the exception. One
# citation for that exception everywhere (plicht, aanbod, the PIP form).
GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE = "Wet inburgering 2021, art. 8 lid 3"


class Leerroute(StrEnum):
    """The three leerroutes: B1-route (Wi 7), onderwijsroute (Wi 8) and Z-route (Wi 9)."""

    B1 = "b1"
    ONDERWIJSROUTE = "onderwijsroute"
    Z_ROUTE = "z_route"

    @property
    def label(self) -> str:
        """The Dutch name shown on pages (no rule of law)."""
        return {"b1": "B1-route", "onderwijsroute": "Onderwijsroute", "z_route": "Z-route"}[self.value]


class Taalniveau(StrEnum):
    """The language goal of the B1-route: B1, or A2 after afschalen (Wi 17 lid 3)."""

    A2 = "A2"
    B1 = "B1"


class Doelgroep(StrEnum):
    """The target groups of the law; asielstatushouders are those of Wi 13 lid 1."""

    ASIELSTATUSHOUDER = "asielstatushouder"
    GEZINSMIGRANT = "gezinsmigrant"
    OVERIGE_MIGRANT = "overige_migrant"


@dataclass(frozen=True)
class EerderPip:
    """The PIP that applies until the new one is decided (own or of a previous municipality)."""

    leerroute: Leerroute
    taalniveau: Taalniveau | None
    # None when only the leerroute of a previous municipality is known (Wi 15 lid 4).
    dagtekening: date | None
    andere_gemeente: bool = False


@dataclass(frozen=True)
class PipVoorstel:
    """The PIP the consulent wants to decide (Wi 15, Bi 5.3)."""

    leerroute: Leerroute
    taalniveau: Taalniveau | None
    dagtekening: date
    map: bool = False
    geschatte_intensiteit_uren: int | None = None
    aantal_voortgangsgesprekken: int | None = None
    uren_nt2_gevolgd: int | None = None
    inspanning_aangetoond: bool = False
    b1_niet_haalbaar: bool = False
    pvt: bool = True
    maatschappelijke_begeleiding: bool = False


@dataclass(frozen=True)
class Situatie:
    """What is known of the case when the PIP is decided. `dagtekening_eerste_pip` is the
    first PIP ever, also of a previous municipality (Wi 11 lid 3)."""

    doelgroep: Doelgroep
    # The start of the obligation as DUO reports it (Inburgeringsplicht.begindatum), not the date
    # of DUO's notice: a notice can come later than the start.
    begin_inburgeringsplicht: date | None
    datum_inschrijving_brp: date | None
    vandaag: date
    eerder_pip: EerderPip | None = None
    dagtekening_eerste_pip: date | None = None


@dataclass(frozen=True)
class Overtreding:
    """A broken rule: the form field it belongs to, a Dutch message and the article."""

    veld: str
    melding: str
    grondslag: str


def standaard_taalniveau(leerroute: Leerroute, taalniveau: Taalniveau | None) -> Taalniveau | None:
    """DUO PIP API ("Het aanleveren van een PIP", Niveau): without a level, DUO records B1
    for the B1-route and the onderwijsroute (Wi 7 and 8: both aim at B1)."""
    if taalniveau is None and leerroute in (Leerroute.B1, Leerroute.ONDERWIJSROUTE):
        return Taalniveau.B1
    return taalniveau


def toets_pip(voorstel: PipVoorstel, situatie: Situatie) -> list[Overtreding]:
    """Every rule the proposed PIP breaks; an empty list means it may be decided.

    Dagtekening: Wi 15 and DUO's PIP checks (not before DUO's start of the obligation, the BRP
    registration, the current or the first PIP; not in the future). Taaldoel: Wi 17
    lid 3, Bi 5.5 and DUO's checks (A2 never with the onderwijsroute, B1 never with the
    Z-route, A2 in the B1-route only after the first PIP, after 600 hours, with
    enough effort and when B1 is not feasible within the (extended) termijn). Leerroute: Bi 5.4 (changes in the first 1.5 years, onderwijsroute to
    B1-route always) and Wi 15 lid 4 (after a move the route stays). Onderdelen: Wi 6
    lid 1 with Wi 8 lid 3 (no MAP in the onderwijsroute), Wi 15 / Bi 5.3 (progress talks for
    asielstatushouders) and DUO's check on the estimated intensity.
    """
    niveau = standaard_taalniveau(voorstel.leerroute, voorstel.taalniveau)
    return [
        *_toets_dagtekening(voorstel, situatie),
        *_toets_taalniveau(voorstel, niveau, situatie),
        *_toets_leerroutewijziging(voorstel, situatie),
        *_toets_onderdelen(voorstel, situatie),
    ]


def waarschuwingen_pip(voorstel: PipVoorstel, situatie: Situatie) -> list[Overtreding]:
    """What the law asks in the PIP but the consultant may still leave out for a reason (for
    instance a gedeeltelijke ontheffing on file): warnings, not refusals.

    The PVT in every route (Wi 6 lid 1 onder a); the MAP in the B1-route and the Z-route (Wi 6
    lid 1 onder b; not in the onderwijsroute, Wi 8 lid 3); maatschappelijke begeleiding for an
    asielstatushouder (Wi 13 lid 1, Wi 15)."""
    route = voorstel.leerroute
    waarschuwingen = []
    if not voorstel.pvt:
        waarschuwingen.append(
            Overtreding(
                "pvt",
                f"Dit PIP ({route.label}) heeft geen participatieverklaringstraject (PVT). Het PVT hoort bij"
                " elke leerroute; laat het alleen weg met een reden, zoals een ontheffing.",
                "Wet inburgering 2021, art. 6 lid 1",
            )
        )
    if not voorstel.map and route != Leerroute.ONDERWIJSROUTE:
        waarschuwingen.append(
            Overtreding(
                "map",
                f"Dit PIP ({route.label}) heeft geen module arbeidsmarkt en participatie (MAP). De MAP hoort bij"
                " de B1-route en de Z-route; laat hem alleen weg met een reden, zoals een ontheffing.",
                "Wet inburgering 2021, art. 6 lid 1",
            )
        )
    if situatie.doelgroep == Doelgroep.ASIELSTATUSHOUDER and not voorstel.maatschappelijke_begeleiding:
        waarschuwingen.append(
            Overtreding(
                "maatschappelijke_begeleiding",
                "Een asielstatushouder krijgt maatschappelijke begeleiding van de gemeente. Dit PIP heeft die"
                " niet.",
                "Wet inburgering 2021, art. 13 lid 1 en art. 15",
            )
        )
    return waarschuwingen


def _toets_dagtekening(voorstel: PipVoorstel, situatie: Situatie) -> list[Overtreding]:
    dag = voorstel.dagtekening
    fouten = []
    if dag > situatie.vandaag:
        fouten.append(
            Overtreding(
                "dagtekening",
                "De dagtekening mag niet in de toekomst liggen.",
                "Wet inburgering 2021, art. 15 (het PIP is een beschikking)",
            )
        )
    if situatie.begin_inburgeringsplicht and dag < situatie.begin_inburgeringsplicht:
        fouten.append(
            Overtreding(
                "dagtekening",
                "De dagtekening mag niet voor de start van de inburgeringsplicht liggen"
                f" ({termijnen.datum_tekst(situatie.begin_inburgeringsplicht)}, volgens DUO).",
                "DUO PIP API, controle dagtekening",
            )
        )
    if situatie.datum_inschrijving_brp and dag < situatie.datum_inschrijving_brp:
        fouten.append(
            Overtreding(
                "dagtekening",
                "De dagtekening mag niet voor de inschrijving in de BRP van de gemeente liggen.",
                "DUO PIP API, controle dagtekening",
            )
        )
    eerder = situatie.eerder_pip
    if eerder and eerder.dagtekening and dag < eerder.dagtekening:
        fouten.append(
            Overtreding(
                "dagtekening",
                "De dagtekening mag niet voor de dagtekening van het huidige PIP liggen.",
                "DUO PIP API, controle dagtekening",
            )
        )
    if situatie.dagtekening_eerste_pip and dag < situatie.dagtekening_eerste_pip:
        fouten.append(
            Overtreding(
                "dagtekening",
                "De dagtekening mag niet voor de dagtekening van het eerste PIP liggen.",
                "DUO PIP API, controle dagtekening",
            )
        )
    return fouten


def _toets_taalniveau(
    voorstel: PipVoorstel, niveau: Taalniveau | None, situatie: Situatie
) -> list[Overtreding]:
    route = voorstel.leerroute
    if route == Leerroute.ONDERWIJSROUTE and niveau == Taalniveau.A2:
        return [
            Overtreding(
                "taalniveau",
                "Bij de onderwijsroute hoort geen taaldoel A2. Kies B1.",
                "Wet inburgering 2021, art. 17 lid 3; DUO PIP API, controle niveau",
            )
        ]
    if route == Leerroute.Z_ROUTE and niveau == Taalniveau.B1:
        return [
            Overtreding(
                "taalniveau",
                "Bij de Z-route hoort geen taaldoel B1. Laat het taaldoel leeg.",
                "DUO PIP API, controle niveau",
            )
        ]
    if route != Leerroute.B1 or niveau != Taalniveau.A2:
        return []
    eerder = situatie.eerder_pip
    # DUO: "als dit de eerste PIP is die wordt aangeleverd voor de persoon ongeacht welke
    # gemeente": a PIP of a previous municipality (Wi 11 lid 3) also counts.
    if eerder is None and situatie.dagtekening_eerste_pip is None:
        return [
            Overtreding(
                "taalniveau",
                "Het eerste PIP met de B1-route heeft taaldoel B1. Afschalen naar A2 kan pas later.",
                "Wet inburgering 2021, art. 17 lid 3; DUO PIP API, controle niveau",
            )
        ]
    if eerder is not None and eerder.leerroute == Leerroute.B1 and eerder.taalniveau == Taalniveau.A2:
        return []
    fouten = []
    if (voorstel.uren_nt2_gevolgd or 0) < AFSCHALEN_MIN_UREN_NT2:
        fouten.append(
            Overtreding(
                "uren_nt2_gevolgd",
                f"Afschalen naar A2 kan pas na minstens {AFSCHALEN_MIN_UREN_NT2} uur les bij een taalschool."
                f" Nu ingevuld: {voorstel.uren_nt2_gevolgd or 0} uur.",
                "Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5",
            )
        )
    if not voorstel.inspanning_aangetoond:
        fouten.append(
            Overtreding(
                "inspanning_aangetoond",
                "Afschalen naar A2 kan alleen als de inburgeraar aantoonbaar genoeg moeite heeft gedaan.",
                "Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5",
            )
        )
    if not voorstel.b1_niet_haalbaar:
        fouten.append(
            Overtreding(
                "b1_niet_haalbaar",
                "Afschalen naar A2 kan alleen als B1 niet haalbaar is binnen de (verlengde) termijn."
                " Leg vast dat dat zo is.",
                "Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5",
            )
        )
    return fouten


def _toets_leerroutewijziging(voorstel: PipVoorstel, situatie: Situatie) -> list[Overtreding]:
    eerder = situatie.eerder_pip
    if eerder is None or eerder.leerroute == voorstel.leerroute:
        return []
    if eerder.andere_gemeente:
        return [
            Overtreding(
                "leerroute",
                f"Na een verhuizing blijft de leerroute van de vorige gemeente gelden ({eerder.leerroute.label}).",
                "Wet inburgering 2021, art. 15 lid 4; Besluit inburgering 2021, art. 5.3",
            )
        ]
    if eerder.leerroute == Leerroute.ONDERWIJSROUTE and voorstel.leerroute == Leerroute.B1:
        return []
    if situatie.dagtekening_eerste_pip is None:
        return []
    grens = termijnen.leerroute_wijzigen(situatie.dagtekening_eerste_pip)
    if voorstel.dagtekening <= grens.datum:
        return []
    return [
        Overtreding(
            "leerroute",
            f"De leerroute kan niet meer veranderen: dat kon tot en met {termijnen.datum_tekst(grens.datum)}"
            " (anderhalf jaar na de start van de inburgeringstermijn). Alleen van onderwijsroute naar"
            " B1-route kan altijd.",
            "Besluit inburgering 2021, art. 5.4",
        )
    ]


def _toets_onderdelen(voorstel: PipVoorstel, situatie: Situatie) -> list[Overtreding]:
    fouten = []
    if voorstel.leerroute == Leerroute.ONDERWIJSROUTE and voorstel.map:
        fouten.append(
            Overtreding(
                "map",
                "De onderwijsroute heeft geen MAP (module arbeidsmarkt en participatie).",
                GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE,
            )
        )
    if voorstel.geschatte_intensiteit_uren is not None and (
        voorstel.leerroute != Leerroute.B1 or situatie.doelgroep != Doelgroep.ASIELSTATUSHOUDER
    ):
        fouten.append(
            Overtreding(
                "geschatte_intensiteit_uren",
                "Een geschatte intensiteit hoort alleen bij de B1-route van een asielstatushouder.",
                "DUO PIP API, geschatteIntensiteitB1Route",
            )
        )
    if situatie.doelgroep == Doelgroep.ASIELSTATUSHOUDER and not voorstel.aantal_voortgangsgesprekken:
        fouten.append(
            Overtreding(
                "aantal_voortgangsgesprekken",
                "Leg voor een asielstatushouder vast hoeveel voortgangsgesprekken er komen.",
                "Wet inburgering 2021, art. 15; Besluit inburgering 2021, art. 5.3",
            )
        )
    return fouten

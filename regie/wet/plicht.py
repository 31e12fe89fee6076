"""Has the inburgeringsplichtige met the obligation? Which components are done, which are missing.

The obligation is met when every component the leerroute requires is done (Wi 6 lid 1):
- the participatieverklaringstraject (PVT) in every route;
- the module arbeidsmarkt en participatie (MAP) in the B1-route and the Z-route, not in the
  onderwijsroute;
- and the route itself: in the B1-route the inburgeringsexamen (lezen, luisteren, spreken and
  schrijven at B1, or at A2 after afschalen under Wi 17 lid 3 / Bi 5.5, plus KNM); the
  onderwijsroute completed; the Z-route completed (Bi 3.14: 800 hours of language and KNM, for an
  asielstatushouder also 800 hours of participation, and the end interview).
The obligation also ends without these components: a gehele vrijstelling (Wi 4; reasons in
Bi/Regeling inburgering as DUO's Vrijstelling API lists them), a gehele ontheffing (Wi 5), or
when it no longer applies (naturalised, moved abroad, AOW age, deceased: DUO events SS106-SS111).
A gedeeltelijke vrijstelling or ontheffing counts for the exam components it names.

Sources and their certainty (regie.wet.artikelen keeps the table of every article Regie cites,
with how it was checked): Wi 5 (ontheffing) and Wi 7 (B1-route) were read in a copy of the law;
PVT = Wi 6 lid 1 onder a and MAP = onder b in a municipal regulation quoting the law; the
exception of the MAP for the onderwijsroute (Wi 8 lid 3), vrijstelling (Wi 4), PVT's minimum of
12 hours (Bi 3.1) and the Z-route hours (Bi 3.14) rest on secondary sources. Pure Python: no
Django, no database.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from regie.wet import einde
from regie.wet.leerroute import GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE, Doelgroep, Leerroute, Taalniveau

PVT_MIN_UREN = (
    12  # Bi 3.1: the PVT takes at least 12 hours (shown, not checked: the provider reports it done)
)
Z_ROUTE_UREN_TAAL_KNM = 800  # Bi 3.14: at least 800 hours of Dutch and KNM
Z_ROUTE_UREN_PARTICIPATIE = 800  # Bi 3.14: at least 800 hours of participation (asielstatushouder)

# The CEFR levels in order: an exam passed at a higher level than required counts.
NIVEAUS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")

GRONDSLAG_PVT = "Wi 6 lid 1 (participatieverklaringstraject); Bi 3.1"
GRONDSLAG_MAP = f"Wi 6 lid 1 (module arbeidsmarkt en participatie); niet in de onderwijsroute: {GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE}"
GRONDSLAG_EXAMEN = (
    "Wi 6 lid 1 (inburgeringsexamen in de B1-route); taaldoel A2 na afschalen: Wi 17 lid 3, Bi 5.5"
)
GRONDSLAG_KNM = "Wi 6 lid 1 (inburgeringsexamen: kennis van de Nederlandse maatschappij)"
GRONDSLAG_ONDERWIJSROUTE = "Wi 6 lid 1 (onderwijsroute met goed gevolg afgerond)"
GRONDSLAG_Z_ROUTE = "Wi 6 lid 1 (zelfredzaamheidsroute met goed gevolg afgerond); Bi 3.14"
GRONDSLAG_VRIJSTELLING = einde.grondslag(einde.EindeReden.VRIJSTELLING)
GRONDSLAG_ONTHEFFING = einde.grondslag(einde.EindeReden.ONTHEFFING)
GRONDSLAG_EINDE = "Wi 3 (de plicht geldt niet meer); DUO gebeurtenissen SS106-SS111"


class Onderdeel(StrEnum):
    """A component of the obligation (Wi 6 lid 1). The four language skills and KNM are the
    exam components of the B1-route; they have the codes DUO uses (LE, LU, SP, SC, KNM)."""

    PVT = "pvt"
    MAP = "map"
    LEZEN = "LE"
    LUISTEREN = "LU"
    SPREKEN = "SP"
    SCHRIJVEN = "SC"
    KNM = "KNM"
    ONDERWIJSROUTE = "onderwijsroute"
    Z_ROUTE = "z_route"

    @property
    def label(self) -> str:
        """The Dutch name shown on pages (no rule of law)."""
        return {
            Onderdeel.PVT: "Participatieverklaringstraject (PVT)",
            Onderdeel.MAP: "Module arbeidsmarkt en participatie (MAP)",
            Onderdeel.LEZEN: "Examen lezen",
            Onderdeel.LUISTEREN: "Examen luisteren",
            Onderdeel.SPREKEN: "Examen spreken",
            Onderdeel.SCHRIJVEN: "Examen schrijven",
            Onderdeel.KNM: "Examen kennis van de Nederlandse maatschappij (KNM)",
            Onderdeel.ONDERWIJSROUTE: "Onderwijsroute afgerond",
            Onderdeel.Z_ROUTE: "Z-route afgerond",
        }[self]


TAALVAARDIGHEDEN = (Onderdeel.LEZEN, Onderdeel.LUISTEREN, Onderdeel.SPREKEN, Onderdeel.SCHRIJVEN)


class EindeReden(StrEnum):
    """Ways the obligation ends without the components being done."""

    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"
    NIET_MEER_PLICHTIG = "niet_meer_plichtig"


@dataclass(frozen=True)
class Stand:
    """What is known to be done. `examens` maps an exam component (a language skill or KNM) to
    the highest level at which it was passed (for KNM any level: it has none). Gedeeltelijke
    vrijstellingen map a language skill to the level they count for (DUO Vrijstelling API:
    A2 or B1); gedeeltelijke ontheffingen name exam components (DUO Ontheffing API)."""

    pvt: bool = False
    map: bool = False
    examens: Mapping[Onderdeel, str] = field(default_factory=dict)
    onderwijsroute_afgerond: bool = False
    z_route_afgerond: bool = False
    gehele_vrijstelling: bool = False
    gehele_ontheffing: bool = False
    gedeeltelijke_vrijstellingen: Mapping[Onderdeel, str] = field(default_factory=dict)
    gedeeltelijke_ontheffingen: frozenset[Onderdeel] = frozenset()
    niet_meer_plichtig: bool = False


@dataclass(frozen=True)
class Eis:
    """One component the route requires, with the level for a language exam and the article."""

    onderdeel: Onderdeel
    grondslag: str
    niveau: str | None = None

    @property
    def omschrijving(self) -> str:
        return f"{self.onderdeel.label} op niveau {self.niveau}" if self.niveau else self.onderdeel.label


@dataclass(frozen=True)
class Onderdeelstand:
    """One required component: done or not, and how (behaald, vrijstelling, ontheffing)."""

    eis: Eis
    gedaan: bool
    hoe: str = ""

    @property
    def onderdeel(self) -> Onderdeel:
        return self.eis.onderdeel


@dataclass(frozen=True)
class Plichtcheck:
    """The answer: every required component with its state, and whether the obligation is met
    or has ended another way (`einde`, with its article in `einde_grondslag`)."""

    leerroute: Leerroute | None
    onderdelen: tuple[Onderdeelstand, ...]
    einde: EindeReden | None = None
    einde_grondslag: str = ""

    @property
    def gedaan(self) -> list[Onderdeelstand]:
        return [o for o in self.onderdelen if o.gedaan]

    @property
    def ontbrekend(self) -> list[Onderdeelstand]:
        return [o for o in self.onderdelen if not o.gedaan]

    @property
    def voldaan(self) -> bool:
        """Wi 6 lid 1: every required component done (a known leerroute is needed for that)."""
        return self.leerroute is not None and not self.ontbrekend

    @property
    def afgesloten(self) -> bool:
        """The obligation no longer asks anything: met, or ended another way."""
        return self.voldaan or self.einde is not None


def niveau_voldoet(behaald: str | None, vereist: str) -> bool:
    """Whether an exam passed at level `behaald` covers the required level (Wi 6 lid 1 with
    Wi 17 lid 3: B1 is required, A2 after afschalen; a higher level always counts)."""
    if not behaald or behaald.upper() not in NIVEAUS:
        return False
    return NIVEAUS.index(behaald.upper()) >= NIVEAUS.index(vereist.upper())


def vereiste_onderdelen(leerroute: Leerroute, taalniveau: Taalniveau | str | None = None) -> list[Eis]:
    """The components of the obligation for this leerroute (Wi 6 lid 1).

    B1-route: PVT, MAP, the four language exams at the PIP's taaldoel (B1, or A2 after
    afschalen: Wi 17 lid 3, Bi 5.5) and KNM. Onderwijsroute: PVT and the completed onderwijsroute,
    no MAP (Wi 8 lid 3). Z-route: PVT, MAP and the completed Z-route (Bi 3.14); no language exams.
    """
    route = Leerroute(leerroute)
    eisen = [Eis(Onderdeel.PVT, GRONDSLAG_PVT)]
    if route != Leerroute.ONDERWIJSROUTE:
        eisen.append(Eis(Onderdeel.MAP, GRONDSLAG_MAP))
    if route == Leerroute.B1:
        niveau = Taalniveau(taalniveau).value if taalniveau else Taalniveau.B1.value
        eisen += [Eis(vaardigheid, GRONDSLAG_EXAMEN, niveau) for vaardigheid in TAALVAARDIGHEDEN]
        eisen.append(Eis(Onderdeel.KNM, GRONDSLAG_KNM))
    elif route == Leerroute.ONDERWIJSROUTE:
        eisen.append(Eis(Onderdeel.ONDERWIJSROUTE, GRONDSLAG_ONDERWIJSROUTE))
    else:
        eisen.append(Eis(Onderdeel.Z_ROUTE, GRONDSLAG_Z_ROUTE))
    return eisen


def _stand_van(eis: Eis, stand: Stand) -> Onderdeelstand:
    onderdeel = eis.onderdeel
    if onderdeel == Onderdeel.PVT:
        return Onderdeelstand(eis, stand.pvt, "afgerond" if stand.pvt else "")
    if onderdeel == Onderdeel.MAP:
        return Onderdeelstand(eis, stand.map, "afgerond" if stand.map else "")
    if onderdeel == Onderdeel.ONDERWIJSROUTE:
        return Onderdeelstand(
            eis, stand.onderwijsroute_afgerond, "afgerond" if stand.onderwijsroute_afgerond else ""
        )
    if onderdeel == Onderdeel.Z_ROUTE:
        return Onderdeelstand(eis, stand.z_route_afgerond, "afgerond" if stand.z_route_afgerond else "")
    # An exam component of the B1-route.
    if onderdeel in stand.examens and (
        onderdeel == Onderdeel.KNM or niveau_voldoet(stand.examens[onderdeel], eis.niveau)
    ):
        return Onderdeelstand(eis, True, "behaald")
    if onderdeel in stand.gedeeltelijke_ontheffingen:
        return Onderdeelstand(eis, True, "ontheffing")
    if eis.niveau and niveau_voldoet(stand.gedeeltelijke_vrijstellingen.get(onderdeel), eis.niveau):
        return Onderdeelstand(eis, True, "vrijstelling")
    return Onderdeelstand(eis, False)


def plicht_voldaan(
    leerroute: Leerroute | str | None, taalniveau: Taalniveau | str | None, stand: Stand
) -> Plichtcheck:
    """Which components of the obligation are done and which are missing (Wi 6 lid 1), and
    whether it ended another way: a gehele vrijstelling (Wi 4), a gehele ontheffing (Wi 5) or
    no longer being inburgeringsplichtig (Wi 3; DUO events SS106-SS111). Without a leerroute
    (no PIP yet) no component can be named; only those other ways can end the obligation.
    A gedeeltelijke ontheffing or vrijstelling counts for the exam components it names."""
    route = Leerroute(leerroute) if leerroute else None
    onderdelen = (
        tuple(_stand_van(eis, stand) for eis in vereiste_onderdelen(route, taalniveau)) if route else ()
    )
    einde, grondslag = None, ""
    if stand.gehele_vrijstelling:
        einde, grondslag = EindeReden.VRIJSTELLING, GRONDSLAG_VRIJSTELLING
    elif stand.gehele_ontheffing:
        einde, grondslag = EindeReden.ONTHEFFING, GRONDSLAG_ONTHEFFING
    elif stand.niet_meer_plichtig:
        einde, grondslag = EindeReden.NIET_MEER_PLICHTIG, GRONDSLAG_EINDE
    return Plichtcheck(leerroute=route, onderdelen=onderdelen, einde=einde, einde_grondslag=grondslag)


def z_route_voltooid(
    *,
    doelgroep: Doelgroep | str,
    uren_taal_knm: int,
    uren_participatie: int,
    eindgesprek: bool,
    max_uren_participatie: int | None = None,
) -> bool:
    """Bi 3.14: the Z-route is completed with at least 800 hours of Dutch and KNM, for an
    asielstatushouder also at least 800 hours of participation, and the end interview with the
    municipality. A gedeeltelijke ontheffing (DUO Ontheffing API,
    urenBelastbaarheidParticipatieactiviteit) can lower the participation hours to its maximum,
    0 included."""
    if not eindgesprek or uren_taal_knm < Z_ROUTE_UREN_TAAL_KNM:
        return False
    if Doelgroep(doelgroep) != Doelgroep.ASIELSTATUSHOUDER:
        return True
    nodig = Z_ROUTE_UREN_PARTICIPATIE
    if max_uren_participatie is not None:
        nodig = min(nodig, max_uren_participatie)
    return uren_participatie >= nodig

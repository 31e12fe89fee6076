"""The CBS delivery, definition version 1 (PROVISIONAL): which items, their codes, when each is
mandatory, and how the file is written. Pure Python (no Django).

CBS's own "Richtlijnen voor gemeenten, Statistiek Wet inburgering" (2021, revised 2023) and its XSD
are not public here. This definition follows what CBS does publish: a file per quarter and
berichtgever, every person delivered first over the quarter in which the person was linked to the
municipality, not every item mandatory (not yet known, not applicable to the doelgroep or the
leerroute), and what CBS reports from it (brede intake and the time to it, PIP and the time to it,
leerroute, PVT, MAP, maatschappelijke begeleiding, exams, the end). When CBS's documents are at hand,
replace this module and `schema/swi-v1.xsd` by a new version (`swi_v2.py`, `schema/swi-v2.xsd`) and
point `regie.cbs.definitie` at it; nothing else knows an item or a code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lxml import etree

from regie.cbs.kwartaal import Kwartaal

VERSIE = "swi-v1"
VOORLOPIG = True
NAAMRUIMTE = "urn:regie:cbs:swi:v1"
SCHEMA = Path(__file__).resolve().parent / "schema" / "swi-v1.xsd"

# Regie's values (regie.inburgeraars.models, regie.wet) -> the codes in the file.
DOELGROEP = {"asielstatushouder": "A", "gezinsmigrant": "G", "overige_migrant": "O"}
GESLACHT = {"man": "M", "vrouw": "V", "onbekend": "O"}
LEERROUTE = {"b1": "B1", "onderwijsroute": "OND", "z_route": "Z"}
OPLEIDING = {"geen": "0", "basis": "1", "voortgezet": "2", "mbo": "3", "hbo": "4", "wo": "5"}
LEERBAARHEID = {"B1-route haalbaar": "H", "B1-route niet haalbaar": "N", "Onbekend": "O"}
EINDE = {
    "diploma": "01",
    "z_route_voltooid": "02",
    "onderwijsroute_voltooid": "03",
    "vrijstelling": "04",
    "ontheffing": "05",
    "naturalisatie": "06",
    "vertrek": "07",
    "aow_leeftijd": "08",
    "overlijden": "09",
}
# The phase of the case at the end of the quarter.
STATUS = {
    "aangemeld": "1",
    "brede_intake": "2",
    "pip_vastgesteld": "3",
    "in_uitvoering": "4",
    "afgerond": "5",
    "verhuisd": "6",
    "beeindigd": "7",
}
# A component of the PIP: 0 not in the PIP, 1 in the PIP and not started, 2 started, 3 completed.
ONDERDEEL_NIET, ONDERDEEL_GEPLAND, ONDERDEEL_GESTART, ONDERDEEL_AFGEROND = "0", "1", "2", "3"
EXAMENNIVEAU = ("A1", "A2", "B1", "B2")


@dataclass
class Onderdeel:
    """A referral for one component (perceel), as known at the end of the quarter."""

    gestart: date | None = None
    afgerond: date | None = None
    instellingsnummer: str = ""
    aanbieder: str = ""


@dataclass
class Persoon:
    """What Regie knows of one person at the end of the quarter (the peildatum): dated facts after it
    are left out by the selector that fills this."""

    id: int
    uuid: str
    bsn: str
    geboortedatum: date
    geslacht: str
    doelgroep: str
    gemeentecode: str
    koppeldatum: date
    datum_koppeling_coa: date | None = None
    begindatum_plicht: date | None = None
    verhuisd_naar_gemeente: bool = False  # moved in: the termijn and leerroute came from elsewhere
    intake_start: date | None = None
    intake_afgerond: date | None = None
    opleidingsniveau: str = ""
    leerbaarheidstoets: str = ""
    eerste_pip: date | None = None
    leerroute: str = ""
    pvt: bool = False
    map: bool = False
    maatschappelijke_begeleiding: bool = False
    onderdelen: dict[str, Onderdeel] = field(default_factory=dict)  # perceel -> referral
    examens: dict[str, str] = field(default_factory=dict)  # exam part -> highest level passed
    knm_behaald: bool = False
    einddatum: date | None = None
    eindstatus: str = ""
    einde_reden: str = ""
    # For the validation report only, never in the file.
    naam: str = ""
    consulent: str = ""

    def geeindigd(self, kwartaal: Kwartaal) -> bool:
        return self.einddatum is not None and self.einddatum <= kwartaal.einde

    def heeft_pip(self) -> bool:
        return self.eerste_pip is not None

    def leerroute_onderdeel(self) -> Onderdeel | None:
        perceel = {"b1": "b1_route", "onderwijsroute": "onderwijsroute", "z_route": "z_route"}.get(
            self.leerroute
        )
        return self.onderdelen.get(perceel) if perceel else None

    def leerroute_gestart(self) -> bool:
        onderdeel = self.leerroute_onderdeel()
        return onderdeel is not None and onderdeel.gestart is not None


def status(p: Persoon, kwartaal: Kwartaal) -> str:
    """The phase at the end of the quarter, from the dates (not from today's status)."""
    if p.geeindigd(kwartaal):
        return p.eindstatus
    if p.leerroute_gestart():
        return "in_uitvoering"
    if p.heeft_pip():
        return "pip_vastgesteld"
    if p.intake_start or p.intake_afgerond:
        return "brede_intake"
    return "aangemeld"


def _datum(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _onderdeel(p: Persoon, perceel: str, in_pip: bool, resultaat: date | None = None) -> str:
    if not in_pip:
        return ONDERDEEL_NIET
    verwijzing = p.onderdelen.get(perceel)
    if resultaat or (verwijzing and verwijzing.afgerond):
        return ONDERDEEL_AFGEROND
    if verwijzing and verwijzing.gestart:
        return ONDERDEEL_GESTART
    return ONDERDEEL_GEPLAND


# "Mandatory when": each returns whether the item must be filled for this person and quarter. An item
# that is not mandatory and has no value is left out of the record.
def altijd(p: Persoon, k: Kwartaal) -> bool:
    return True


def nooit(p: Persoon, k: Kwartaal) -> bool:
    return False


def asiel(p: Persoon, k: Kwartaal) -> bool:
    """COA's linking and maatschappelijke begeleiding concern asielstatushouders only (Wi 13)."""
    return p.doelgroep == "asielstatushouder"


def met_pip(p: Persoon, k: Kwartaal) -> bool:
    """A PIP is decided after the brede intake (Wi 14 and 15): from then on the intake and the
    route are known."""
    return p.heeft_pip()


def intake_afgerond(p: Persoon, k: Kwartaal) -> bool:
    return p.intake_afgerond is not None or p.heeft_pip()


def leerbaarheid_nodig(p: Persoon, k: Kwartaal) -> bool:
    """The leerbaarheidstoets is part of the brede intake, except for who goes to the onderwijsroute."""
    return intake_afgerond(p, k) and p.leerroute != "onderwijsroute"


def map_nodig(p: Persoon, k: Kwartaal) -> bool:
    """The MAP is no part of the onderwijsroute (Wi 8 lid 3)."""
    return p.heeft_pip() and p.leerroute != "onderwijsroute"


def mb_nodig(p: Persoon, k: Kwartaal) -> bool:
    return p.heeft_pip() and asiel(p, k)


def leerroute_gestart(p: Persoon, k: Kwartaal) -> bool:
    return p.leerroute_gestart()


def geeindigd(p: Persoon, k: Kwartaal) -> bool:
    return p.geeindigd(k)


def met_reden(p: Persoon, k: Kwartaal) -> bool:
    """A move has no reason; every other end has one (Wi 3, 4, 5, 6 lid 1)."""
    return p.geeindigd(k) and p.eindstatus != "verhuisd"


@dataclass(frozen=True)
class Item:
    element: str  # the element in the file
    naam: str  # Dutch, for the validation report
    waarde: Callable[[Persoon, Kwartaal], str | None]
    verplicht: Callable[[Persoon, Kwartaal], bool]
    herstel: str = ""  # where the consultant fills it: a tab of the case (dossier, intake, pip, traject)
    wanneer: str = "Altijd"  # plain Dutch: when it is mandatory


def _code(tabel: dict, waarde: str) -> str | None:
    return tabel.get(waarde) if waarde else None


ITEMS: tuple[Item, ...] = (
    Item("bsn", "BSN", lambda p, k: p.bsn or None, altijd, "dossier"),
    Item("gemeentecode", "Gemeente (CBS-code)", lambda p, k: p.gemeentecode or None, altijd, "dossier"),
    Item("geboortedatum", "Geboortedatum", lambda p, k: _datum(p.geboortedatum), altijd, "dossier"),
    Item("geslacht", "Geslacht", lambda p, k: _code(GESLACHT, p.geslacht), altijd, "dossier"),
    Item("doelgroep", "Doelgroep", lambda p, k: _code(DOELGROEP, p.doelgroep), altijd, "dossier"),
    Item(
        "datumKoppeling",
        "Datum koppeling aan de gemeente",
        lambda p, k: _datum(p.koppeldatum),
        altijd,
        "dossier",
    ),
    Item(
        "eersteLevering",
        "Eerste levering (gekoppeld in dit kwartaal)",
        lambda p, k: "J" if k.bevat(p.koppeldatum) else "N",
        altijd,
    ),
    Item(
        "datumKoppelingCoa",
        "Datum koppeling COA",
        lambda p, k: _datum(p.datum_koppeling_coa),
        asiel,
        "dossier",
        "Bij asielstatushouders",
    ),
    Item(
        "datumStartInburgeringsplicht",
        "Start inburgeringsplicht (DUO)",
        lambda p, k: _datum(p.begindatum_plicht),
        nooit,
        "dossier",
        "Niet verplicht: het CBS krijgt dit ook van DUO",
    ),
    Item(
        "instroomNaVerhuizing",
        "Verhuisd uit een andere gemeente",
        lambda p, k: "J" if p.verhuisd_naar_gemeente else "N",
        altijd,
    ),
    Item(
        "statusEindeKwartaal",
        "Fase aan het einde van het kwartaal",
        lambda p, k: STATUS[status(p, k)],
        altijd,
    ),
    Item(
        "datumStartBredeIntake",
        "Datum start brede intake",
        lambda p, k: _datum(p.intake_start),
        met_pip,
        "intake",
        "Als er een PIP is",
    ),
    Item(
        "datumBredeIntakeAfgerond",
        "Datum brede intake afgerond",
        lambda p, k: _datum(p.intake_afgerond),
        met_pip,
        "intake",
        "Als er een PIP is",
    ),
    Item(
        "opleidingsniveau",
        "Hoogste opleiding",
        lambda p, k: _code(OPLEIDING, p.opleidingsniveau),
        intake_afgerond,
        "intake",
        "Als de brede intake is afgerond of er een PIP is",
    ),
    Item(
        "leerbaarheidstoets",
        "Uitslag leerbaarheidstoets",
        lambda p, k: _code(LEERBAARHEID, p.leerbaarheidstoets),
        leerbaarheid_nodig,
        "intake",
        "Als de brede intake is afgerond of er een PIP is, behalve bij de onderwijsroute",
    ),
    Item(
        "datumPip",
        "Dagtekening eerste PIP",
        lambda p, k: _datum(p.eerste_pip),
        met_pip,
        "pip",
        "Als er een PIP is",
    ),
    Item(
        "leerroute",
        "Leerroute",
        lambda p, k: _code(LEERROUTE, p.leerroute),
        met_pip,
        "pip",
        "Als er een PIP is",
    ),
    Item(
        "pvt",
        "Participatieverklaringstraject (PVT)",
        lambda p, k: _onderdeel(p, "pvt", p.pvt) if p.heeft_pip() else None,
        met_pip,
        "pip",
        "Als er een PIP is",
    ),
    Item(
        "map",
        "Module Arbeidsmarkt en Participatie (MAP)",
        lambda p, k: _onderdeel(p, "map", p.map) if p.heeft_pip() else None,
        map_nodig,
        "pip",
        "Als er een PIP is, behalve bij de onderwijsroute",
    ),
    Item(
        "maatschappelijkeBegeleiding",
        "Maatschappelijke begeleiding",
        lambda p, k: (
            _onderdeel(p, "maatschappelijke_begeleiding", p.maatschappelijke_begeleiding)
            if mb_nodig(p, k)
            else None
        ),
        mb_nodig,
        "pip",
        "Als er een PIP is, bij asielstatushouders",
    ),
    Item(
        "datumStartLeerroute",
        "Datum start leerroute bij de aanbieder",
        lambda p, k: _datum(o.gestart) if (o := p.leerroute_onderdeel()) else None,
        leerroute_gestart,
        "traject",
        "Als de leerroute is gestart",
    ),
    Item(
        "aanbiederLeerroute",
        "Instellingsnummer aanbieder leerroute (DUO)",
        lambda p, k: (o.instellingsnummer or None) if (o := p.leerroute_onderdeel()) and o.gestart else None,
        leerroute_gestart,
        "traject",
        "Als de leerroute is gestart",
    ),
    Item(
        "knmBehaald",
        "Examen KNM behaald",
        lambda p, k: ("J" if p.knm_behaald else "N") if p.leerroute == "b1" else None,
        nooit,
        "traject",
        "Niet verplicht: het CBS krijgt de examens ook van DUO",
    ),
    Item(
        "taalniveauBehaald",
        "Hoogste taalniveau behaald op alle vier de vaardigheden",
        lambda p, k: taalniveau(p),
        nooit,
        "traject",
        "Niet verplicht: het CBS krijgt de examens ook van DUO",
    ),
    Item(
        "datumEinde",
        "Datum einde",
        lambda p, k: _datum(p.einddatum) if p.geeindigd(k) else None,
        geeindigd,
        "dossier",
        "Als het dossier is afgesloten",
    ),
    Item(
        "redenEinde",
        "Reden einde",
        lambda p, k: _code(EINDE, p.einde_reden) if p.geeindigd(k) else None,
        met_reden,
        "dossier",
        "Als het dossier is afgerond of beëindigd (niet bij verhuizing)",
    ),
)


def taalniveau(p: Persoon) -> str | None:
    """The highest level reached on all four language skills (lezen, luisteren, spreken, schrijven)."""
    vaardigheden = ("lezen", "luisteren", "spreken", "schrijven")
    if not all(v in p.examens for v in vaardigheden):
        return None
    return min((p.examens[v] for v in vaardigheden), key=EXAMENNIVEAU.index)


@dataclass(frozen=True)
class Ontbreekt:
    item: Item
    persoon: Persoon


def record(p: Persoon, kwartaal: Kwartaal) -> dict[str, str]:
    """The person's record: element -> value, in the order of ITEMS, empty items left out."""
    uit = {}
    for item in ITEMS:
        waarde = item.waarde(p, kwartaal)
        if waarde is not None and waarde != "":
            uit[item.element] = waarde
    return uit


def ontbrekend(p: Persoon, kwartaal: Kwartaal) -> list[Item]:
    """The mandatory items that have no value for this person and quarter."""
    return [item for item in ITEMS if item.verplicht(p, kwartaal) and not item.waarde(p, kwartaal)]


@dataclass(frozen=True)
class Kop:
    berichtgever: str
    gemeentecodes: tuple[str, ...]
    kwartaal: Kwartaal
    aangemaakt_op: datetime
    correctie: bool = False
    vervangt: str = ""  # the SHA-256 of the file this one corrects


def bestand(kop: Kop, records: list[dict[str, str]]) -> bytes:
    """The file: a header and one <persoon> per record, UTF-8 XML."""
    ns = f"{{{NAAMRUIMTE}}}"
    wortel = etree.Element(f"{ns}swiLevering", nsmap={None: NAAMRUIMTE}, versie=VERSIE)
    koptekst = etree.SubElement(wortel, f"{ns}kop")
    for naam, waarde in (
        ("berichtgever", kop.berichtgever),
        ("jaar", str(kop.kwartaal.jaar)),
        ("kwartaal", str(kop.kwartaal.nummer)),
        ("aangemaaktOp", kop.aangemaakt_op.replace(microsecond=0).isoformat()),
        ("correctie", "J" if kop.correctie else "N"),
    ):
        etree.SubElement(koptekst, f"{ns}{naam}").text = waarde
    if kop.vervangt:
        etree.SubElement(koptekst, f"{ns}vervangt").text = kop.vervangt
    gemeenten = etree.SubElement(koptekst, f"{ns}gemeenten")
    for code in kop.gemeentecodes:
        etree.SubElement(gemeenten, f"{ns}gemeentecode").text = code
    etree.SubElement(koptekst, f"{ns}aantalRecords").text = str(len(records))
    personen = etree.SubElement(wortel, f"{ns}personen")
    for r in records:
        persoon = etree.SubElement(personen, f"{ns}persoon")
        for element, waarde in r.items():
            etree.SubElement(persoon, f"{ns}{element}").text = waarde
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True)

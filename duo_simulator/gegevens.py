"""DUO's side of the data: reference lists, a realistic person record, and dates.

A person at the simulator is one JSON object keyed by BSN. Its parts that an API answers
with are stored in the spec's own shape (`inburgeringsplicht` is an `Inburgeringsplicht`
of the Inburgeringsplicht API, `vrijstellingen` a list of `Vrijstelling`, ...), so what the
simulator answers is what it holds. Simulator-only fields:

- `gemeentecode`: the municipality the person lives in (BRP), `coaLocatie` (lives in a COA
  centre) and `coaGemeentecode` (the municipality COA linked the person to);
- `vestigingsdatum`: date of settlement in the current municipality;
- `pips`: every PIP ever registered, oldest first: `{"gemeentecode", "pip", "registratiedatum"}`;
- `uren`: per municipality code the three hour totals (GevolgdeUren);
- `map`/`pvt`/`zroute`: the delivered result plus the delivering `gemeentecode`;
- `inburgeringsaanbod`: per instellingsnummer the delivered Inburgeringsaanbod;
- `contactpersoon`: id of the linked contact person (Contactpersoon API).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from regie.wet.perioden import laatste_dag

# DUO's OIN (Dienst Uitvoering Onderwijs), the `doel` of every request to DUO.
DUO_OIN = "00000001800866472000"

ONDERDELEN = ("KNM", "LE", "LU", "SC", "SP")
GRATIS_POGINGEN = 3  # Bi 7.3: the first attempt and two resits per part are free (simulator value)

VERLENGINGSGRONDEN = [
    {"code": "1", "omschrijving": "Ambtshalve verlenging: niet-verwijtbare overschrijding van de termijn"},
    {"code": "2", "omschrijving": "Verlenging op verzoek: voldoende inspanning, examen niet gehaald"},
    {"code": "3", "omschrijving": "Verlenging wegens zwangerschap en bevalling"},
    {"code": "4", "omschrijving": "Verlenging wegens ziekte of handicap"},
    {"code": "5", "omschrijving": "Verlenging wegens bijzondere omstandigheden"},
    {"code": "6", "omschrijving": "Verlenging na intrekking van een tijdelijke vrijstelling"},
    {"code": "7A", "omschrijving": "Verlenging wegens wachttijd bij de cursusinstelling"},
]

# Course providers known at DUO (Blik op Werk keurmerk and/or recognised Taalschakelinstelling).
INSTELLINGEN = [
    {
        "instellingsnummer": "1000012345",
        "naam": "Taalcentrum Flevoland",
        "postcode": "8251GA",
        "huisnummer": 12,
        "plaatsnaam": "Dronten",
        "bow": "4401",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    },
    {
        "instellingsnummer": "1000023456",
        "naam": "ROC Flevoland",
        "postcode": "1315RC",
        "huisnummer": 40,
        "plaatsnaam": "Almere",
        "brin": "25LN",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": True,
    },
    {
        "instellingsnummer": "1000034567",
        "naam": "Da Vinci College Taal",
        "postcode": "3311JL",
        "huisnummer": 250,
        "huisnummertoevoeging": "A",
        "plaatsnaam": "Dordrecht",
        "bow": "3920",
        "brin": "25LG",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": True,
    },
    {
        "instellingsnummer": "1000045678",
        "naam": "Het Taalhuis Drechtsteden",
        "postcode": "3331LA",
        "huisnummer": 7,
        "plaatsnaam": "Zwijndrecht",
        "bow": "5112",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    },
    {
        "instellingsnummer": "1000056789",
        "naam": "Inburgering Noordoostpolder",
        "postcode": "8302AB",
        "huisnummer": 3,
        "plaatsnaam": "Emmeloord",
        "bow": "6078",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    },
    {
        "instellingsnummer": "1000067890",
        "naam": "Taalschool Zonder Keurmerk",
        "postcode": "8253AA",
        "huisnummer": 99,
        "plaatsnaam": "Dronten",
        "indicatieBowKeurmerk": False,
        "indicatieTstKeurmerk": False,
    },
]


def bsn_geldig(bsn: str) -> bool:
    """The 11-proef: weights 9..2 for the first eight digits and -1 for the last."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])
    return som % 11 == 0 and bsn != "000000000"


NIEUW_BSN_BEGIN = "9988"  # newcomers the simulator announces: next to the demo's 9999...


def nieuw_bsn(kans, bezet) -> str:
    """A valid BSN in the 9988xxxxx range (next to the demo's) not in `bezet`."""
    while True:
        prefix = f"{NIEUW_BSN_BEGIN}{kans.randrange(10_000):04d}"
        som = sum(int(c) * w for c, w in zip(prefix, range(9, 1, -1), strict=True))
        if som % 11 != 10 and (bsn := f"{prefix}{som % 11}") not in bezet:
            return bsn


def vandaag() -> date:
    return date.today()


def iso(dag: date) -> str:
    return dag.isoformat()


def datum(tekst: str | None) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def gemeente_oin(gemeentecode: str) -> str:
    """The OIN Regie's demo gives a municipality (regie.demo.organisaties.demo_oin)."""
    return f"0000000199{gemeentecode}000000"


def gemeentecode_uit_oin(oin: str) -> str | None:
    if len(oin) == 20 and oin.startswith("0000000199") and oin.endswith("000000") and oin[10:14].isdigit():
        return oin[10:14]
    return None


def termijn_bij_pip(dagtekening: date) -> dict:
    """Wi 11: three years from the day after the dagtekening of the first PIP, counted as Regie
    counts every period (regie.wet.perioden). DUO's `einddatum` is exclusive: the day after the
    last day."""
    start = dagtekening + timedelta(days=1)
    return {
        "startdatum": iso(start),
        "einddatum": iso(laatste_dag(start, jaren=3) + timedelta(days=1)),
        "wijzigingsdatum": iso(vandaag()),
    }


def nieuwe_persoon(bsn: str, gemeentecode: str = "0303", **velden) -> dict:
    """A person just made inburgeringsplichtig, asylum group, living in `gemeentecode`;
    every field can be overridden (dates as ISO strings)."""
    begin = velden.pop("begindatum", None) or iso(vandaag() - timedelta(days=60))
    doelgroep = velden.pop("doelgroep", None) or "Asielstatushouder"
    gedetailleerd = {
        "Asielstatushouder": "Asielstatushouder",
        "Gezinsmigrant en overige migrant": "Gezinsvormer",
    }[doelgroep]
    persoon = {
        "bsn": bsn,
        "gemeentecode": gemeentecode,
        "coaLocatie": False,
        "coaGemeentecode": None,
        "vestigingsdatum": begin,
        "inburgeringsplicht": {
            "indicatorInburgeringsplicht": True,
            "begindatum": begin,
            "wijzigingsdatum": begin,
            "datumKennisgevingInburgeringsplicht": begin,
        },
        "inburgeringsplichthistorie": [],
        "doelgroep": {"indeling": doelgroep, "begindatum": begin, "gedetailleerdeDoelgroep": gedetailleerd},
        "doelgroephistorie": [],
        "inburgeringstermijn": None,
        "inburgeringstermijnhistorie": [],
        "lbt": None,
        "lbtResultaten": [],
        "vrijstellingen": [],
        "ontheffingen": [],
        "examenresultaten": [],
        "gratispogingen": [{"onderdeel": o, "gratisPogingenTegoed": GRATIS_POGINGEN} for o in ONDERDELEN],
        "pips": [],
        "uren": {},
        "map": None,
        "pvt": None,
        "zroute": None,
        "inburgeringsaanbod": {},
        "contactpersoon": None,
    }
    persoon.update(copy.deepcopy(velden))
    return persoon


def aanvullen(gegeven: dict) -> dict:
    """A person as sent to the control endpoint, completed with the defaults of `nieuwe_persoon`."""
    gegeven = copy.deepcopy(gegeven)
    bsn = str(gegeven.pop("bsn"))
    gemeentecode = gegeven.pop("gemeentecode", "0303")
    basis = nieuwe_persoon(bsn, gemeentecode)
    basis.update(gegeven)
    return basis


def verantwoordelijke_gemeente(persoon: dict) -> str | None:
    """The municipality the person belongs to for the Wi 2021: where they live, or the one COA
    linked them to while they live in a COA centre."""
    if persoon.get("coaLocatie"):
        return persoon.get("coaGemeentecode")
    return persoon.get("gemeentecode")


def actuele_pip(persoon: dict) -> dict | None:
    return persoon["pips"][-1] if persoon.get("pips") else None


def relevant(persoon: dict, gemeentecode: str, *, op: date | None = None) -> bool:
    """README "Scope": the person is relevant to the asking municipality when they live there
    (not in a COA centre), or live in a COA centre linked to it, or its PIP is the current one,
    or the current PIP is less than a month old and the previous one is of that municipality."""
    op = op or vandaag()
    if verantwoordelijke_gemeente(persoon) == gemeentecode:
        return True
    pips = persoon.get("pips") or []
    if pips and pips[-1]["gemeentecode"] == gemeentecode:
        return True
    if len(pips) >= 2 and pips[-2]["gemeentecode"] == gemeentecode:
        geregistreerd = datum(pips[-1].get("registratiedatum")) or op
        return geregistreerd > op - relativedelta(months=1)
    return False

"""Plans the demo data: who the newcomers are and what happened in their case, day by day.

Pure Python, no database: `plan_demo(seed=..., scale=..., vandaag=...)` returns a `DemoPlan`
that `regie.demo.opbouw` turns into cases through the services. The same seed, scale and
`vandaag` give the same plan. Every date is relative to `vandaag` (the day the command
runs): cases start between 1 January 2022, when the law took effect, and yesterday, and
nothing in a case's history happens today or later, except an intake appointment that is
planned for the coming weeks.

The proportions below follow the domain reference (docs section "Numbers to make demo data
realistic" in wet-inburgering.md, built on national figures of CBS and the ministry of SZW):
yearly intake ~26k (2022) to ~36k (2023, 2024), about 60 % asielstatushouders; the asylum
group ~60 % men, family migrants ~68 % women; Syria about half of the asylum group, then
Eritrea, Turkey, Afghanistan, Yemen; route mix for the asylum group ~60 % B1, ~25 %
onderwijsroute (young people), 15-30 % Z-route; PIPs often later than the 10 weeks
(nationally about twice as long); a consultant holds roughly 40-60 active cases.
Figures the reference does not give (e.g. 2025-2026 intake, share of cases that moved)
are assumptions, marked as such.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from regie.demo.namen import HERKOMST, Herkomst
from regie.inburgeraars.status import ACTIEF, EindeReden, Status
from regie.wet import termijnen
from regie.wet.leerroute import Doelgroep, Leerroute

TZ = ZoneInfo("Europe/Amsterdam")
WET_IN_WERKING = date(2022, 1, 3)  # first working day under the Wet inburgering 2021

# --- Sizes ---------------------------------------------------------------------------
# Cases per organisation at scale 1.0 (brief: Dronten ~150, Drechtsteden ~350, NOP ~100).
OMVANG = {
    "Gemeente Dronten": 150,
    "Sociale Dienst Drechtsteden": 350,
    "Gemeente Noordoostpolder": 100,
}
# Residents (thousands, CBS 2023, rounded): Drechtsteden's cases are split by size.
INWONERS = {"0303": 42, "0505": 121, "0642": 45, "0590": 32, "0531": 31, "0171": 48}
# Residents per kern (thousands, rounded) and the four digits of its postcodes.
KERNEN = {
    "0303": {
        "Dronten": (29, (8251, 8252, 8253)),
        "Biddinghuizen": (6.5, (8256,)),
        "Swifterbant": (6.7, (8255,)),
    },
    "0505": {"Dordrecht": (121, (3311, 3312, 3313, 3314, 3315, 3316, 3317, 3318, 3319, 3328))},
    "0642": {"Zwijndrecht": (41, (3331, 3332, 3333, 3334, 3335)), "Heerjansdam": (4, (2996,))},
    "0590": {"Papendrecht": (32, (3351, 3352, 3353, 3354, 3355, 3356))},
    "0531": {"Hendrik-Ido-Ambacht": (31, (3341, 3342, 3343, 3344))},
    "0171": {
        "Emmeloord": (26.5, (8301, 8302, 8303, 8304, 8305)),
        "Marknesse": (3.5, (8316,)),
        "Ens": (2.5, (8307,)),
        "Tollebeek": (2.2, (8309,)),
        "Nagele": (1.9, (8308,)),
        "Luttelgeest": (1.6, (8315,)),
        "Kraggenburg": (1.5, (8317,)),
        "Espel": (1.4, (8312,)),
        "Creil": (1.3, (8311,)),
        "Bant": (1.2, (8314,)),
        "Rutten": (1.2, (8313,)),
    },
}
ORGANISATIE_VAN = {
    "0303": "Gemeente Dronten",
    "0505": "Sociale Dienst Drechtsteden",
    "0642": "Sociale Dienst Drechtsteden",
    "0590": "Sociale Dienst Drechtsteden",
    "0531": "Sociale Dienst Drechtsteden",
    "0171": "Gemeente Noordoostpolder",
}
KORTE_NAAM = {
    "Gemeente Dronten": "dronten",
    "Sociale Dienst Drechtsteden": "drechtsteden",
    "Gemeente Noordoostpolder": "noordoostpolder",
}
LOCATIES = {
    "Gemeente Dronten": ("Gemeentehuis Dronten, De Rede 1", "Huisbezoek", "Vluchtelingenwerk Dronten"),
    "Sociale Dienst Drechtsteden": (
        "Sociale Dienst Drechtsteden, Spuiboulevard 300, Dordrecht",
        "Huisbezoek",
        "Wijkcentrum, spreekuur SDD",
    ),
    "Gemeente Noordoostpolder": (
        "Gemeentehuis Noordoostpolder, Harmen Visserplein 1, Emmeloord",
        "Huisbezoek",
        "Vluchtelingenwerk Emmeloord",
    ),
}

# --- Intake over the years ---------------------------------------------------------------
# National intake in thousands (reference: ~26k 2022, ~36k 2023 and 2024); 2025-2026 assumed
# at the 2024 level, and so is every later year (the demo runs on any day). Weights the start
# dates of the cases.
INSTROOM_PER_JAAR = {2022: 26, 2023: 36, 2024: 36, 2025: 36, 2026: 36}

# --- Who ---------------------------------------------------------------------------------
# Doelgroep of a first household member. Partners who are also in Regie (below) are all
# asielstatushouders (family reunification), which brings the total to about 60 % asylum.
DOELGROEP = {
    Doelgroep.ASIELSTATUSHOUDER: 0.55,
    Doelgroep.GEZINSMIGRANT: 0.39,
    Doelgroep.OVERIGE_MIGRANT: 0.06,
}
# Share of men; partners get the other sex, which brings the asylum group to about 60 % men.
AANDEEL_MANNEN = {
    Doelgroep.ASIELSTATUSHOUDER: 0.64,
    Doelgroep.GEZINSMIGRANT: 0.32,
    Doelgroep.OVERIGE_MIGRANT: 0.8,
}
HERKOMST_PER_DOELGROEP = {
    Doelgroep.ASIELSTATUSHOUDER: {
        "Syrië": 0.48,
        "Eritrea": 0.16,
        "Turkije": 0.12,
        "Afghanistan": 0.10,
        "Jemen": 0.06,
        "Irak": 0.03,
        "Iran": 0.03,
        "Somalië": 0.02,
    },
    # Family migrants (assumption: the largest groups of partner migration).
    Doelgroep.GEZINSMIGRANT: {
        "Turkije": 0.17,
        "Marokko": 0.15,
        "India": 0.12,
        "Syrië": 0.08,
        "Filipijnen": 0.08,
        "Thailand": 0.07,
        "Indonesië": 0.07,
        "Brazilië": 0.07,
        "China": 0.06,
        "Eritrea": 0.05,
        "Afghanistan": 0.05,
        "Iran": 0.03,
    },
    # Overige migranten are mostly religious leaders (domain reference).
    Doelgroep.OVERIGE_MIGRANT: {"Turkije": 0.45, "Marokko": 0.35, "Indonesië": 0.1, "India": 0.1},
}
# Age when the obligation starts (16 up to the AOW age, Wi 3); assumption, young-heavy.
LEEFTIJD = {
    Doelgroep.ASIELSTATUSHOUDER: {
        (16, 17): 0.06,
        (18, 27): 0.34,
        (28, 39): 0.34,
        (40, 54): 0.19,
        (55, 66): 0.07,
    },
    Doelgroep.GEZINSMIGRANT: {(18, 27): 0.32, (28, 39): 0.45, (40, 54): 0.18, (55, 64): 0.05},
    Doelgroep.OVERIGE_MIGRANT: {(28, 39): 0.5, (40, 54): 0.4, (55, 64): 0.1},
}
# Highest education by region of origin (assumption).
OPLEIDING = {
    "laag": {"geen": 0.25, "basis": 0.35, "voortgezet": 0.25, "mbo": 0.08, "hbo": 0.04, "wo": 0.03},
    "midden": {"geen": 0.08, "basis": 0.25, "voortgezet": 0.35, "mbo": 0.12, "hbo": 0.1, "wo": 0.1},
    "hoog": {"geen": 0.02, "basis": 0.08, "voortgezet": 0.3, "mbo": 0.2, "hbo": 0.2, "wo": 0.2},
}
OPLEIDINGSPROFIEL = {
    "Eritrea": "laag",
    "Afghanistan": "laag",
    "Somalië": "laag",
    "Jemen": "laag",
    "India": "hoog",
    "Filipijnen": "hoog",
    "China": "hoog",
    "Brazilië": "hoog",
    "Indonesië": "hoog",
}
JAREN_ONDERWIJS = {
    "geen": (0, 2),
    "basis": (4, 6),
    "voortgezet": (8, 12),
    "mbo": (11, 14),
    "hbo": (14, 16),
    "wo": (16, 18),
}

# --- Leerroute ---------------------------------------------------------------------------------
# By (young = under 28, educated = at least secondary school). For the asylum group this gives
# about 52 % B1, 22 % onderwijsroute and 27 % Z-route: between the ministry's plan (60/25/15)
# and practice (Z-route about a third).
LEERROUTE = {
    Doelgroep.ASIELSTATUSHOUDER: {
        (True, True): {Leerroute.ONDERWIJSROUTE: 0.75, Leerroute.B1: 0.22, Leerroute.Z_ROUTE: 0.03},
        (True, False): {Leerroute.ONDERWIJSROUTE: 0.25, Leerroute.B1: 0.40, Leerroute.Z_ROUTE: 0.35},
        (False, True): {Leerroute.B1: 0.85, Leerroute.Z_ROUTE: 0.15},
        (False, False): {Leerroute.B1: 0.40, Leerroute.Z_ROUTE: 0.60},
    },
    "anders": {
        (True, True): {Leerroute.ONDERWIJSROUTE: 0.3, Leerroute.B1: 0.68, Leerroute.Z_ROUTE: 0.02},
        (True, False): {Leerroute.B1: 0.8, Leerroute.Z_ROUTE: 0.2},
        (False, True): {Leerroute.B1: 0.95, Leerroute.Z_ROUTE: 0.05},
        (False, False): {Leerroute.B1: 0.8, Leerroute.Z_ROUTE: 0.2},
    },
}

# --- Timing ------------------------------------------------------------------------------------
# Weeks from the DUO notice (or the later BRP registration) to the dagtekening of the first
# PIP. The limit is 10 weeks (Bi 5.3 lid 1); nationally PIPs took about twice as long, so
# about two thirds of the demo PIPs are late.
PIP_WEKEN = {(6, 10): 0.35, (10, 18): 0.30, (18, 30): 0.25, (30, 50): 0.10}
# Weeks from the PIP to the start of the course (waiting lists are a known problem).
START_WEKEN = {(1, 4): 0.6, (4, 10): 0.3, (10, 16): 0.1}

# --- Where cases are now -------------------------------------------------------------------------
# Target share of each status among first household members (assumption, consistent with
# trajectories of 2-3 years started 2022-2026). Partners follow their own history.
STATUS_VERDELING = {
    Status.AANGEMELD: 0.05,
    Status.BREDE_INTAKE: 0.08,
    Status.PIP_VASTGESTELD: 0.04,
    Status.IN_UITVOERING: 0.46,
    Status.AFGEROND: 0.25,
    Status.VERHUISD: 0.06,
    Status.BEEINDIGD: 0.06,
}
CASELOAD = 55  # active cases per consultant to plan for (reference: roughly 40-60)

STANDAARD_SEED = 2022
DEMO_BSN_BEGIN = "9999"  # every demo BSN starts with this: see _bsn_reeks


# --- The plan ----------------------------------------------------------------------------------
@dataclass
class Stap:
    """One thing that happened in a case. `soort` names the service that does it."""

    soort: str  # afspraak, afspraak_status, intake, pip, status, toewijzen
    op: datetime
    gegevens: dict = field(default_factory=dict)


@dataclass
class Casus:
    nummer: int
    organisatie: str
    cbs_code: str
    kern: str | None
    persoon: dict
    kinderen: list[dict]
    geregistreerd_op: datetime
    stappen: list[Stap]
    diplomas: list[dict] = field(default_factory=list)
    partner_van: int | None = None
    consulent: str | None = None  # username of the consultant now
    eerste_consulent: str | None = None  # username at registration (differs after a reassignment)
    herverdeeld_op: datetime | None = None
    registratie_door: str | None = None

    @property
    def doelgroep(self) -> str:
        return self.persoon["doelgroep"]

    @property
    def status(self) -> Status:
        huidig = Status.AANGEMELD
        for stap in self.stappen:
            if stap.soort == "intake" and huidig == Status.AANGEMELD:
                huidig = Status.BREDE_INTAKE
            elif stap.soort == "pip" and huidig in (Status.AANGEMELD, Status.BREDE_INTAKE):
                huidig = Status.PIP_VASTGESTELD
            elif stap.soort == "status":
                huidig = Status(stap.gegevens["naar"])
        return huidig

    @property
    def einde_reden(self) -> str:
        for stap in reversed(self.stappen):
            if stap.soort == "status":
                return stap.gegevens.get("reden") or ""
        return ""

    @property
    def pips(self) -> list[Stap]:
        return [s for s in self.stappen if s.soort == "pip"]

    @property
    def pip_te_laat(self) -> bool | None:
        """Whether the first PIP came after the deadline of Bi 5.3 lid 1 (None: no PIP yet)."""
        pips = self.pips
        if not pips:
            return None
        grens = termijnen.pip_vaststellen(
            self.persoon["datum_melding_duo"], self.persoon.get("datum_inschrijving_brp")
        )
        return pips[0].gegevens["dagtekening"] > grens.datum


@dataclass
class Gebruiker:
    username: str
    voornaam: str
    achternaam: str
    rol: str  # consulent / teamleider
    organisatie: str


@dataclass
class DemoPlan:
    seed: int
    scale: float
    vandaag: date
    gebruikers: list[Gebruiker]
    casussen: list[Casus]


# --- Drawing helpers -------------------------------------------------------------------------------
def _kies(rng: random.Random, verdeling: dict):
    sleutels = list(verdeling)
    return rng.choices(sleutels, weights=[verdeling[k] for k in sleutels])[0]


def _dagen(rng: random.Random, van: int, tot: int) -> timedelta:
    return timedelta(days=rng.randint(van, tot))


def _werkdag(dag: date) -> date:
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


def _moment(rng: random.Random, dag: date, van: float = 8.5, tot: float = 16.5) -> datetime:
    minuten = rng.randint(int(van * 60), int(tot * 60))
    return datetime.combine(dag, time(minuten // 60, minuten % 60), tzinfo=TZ)


def _bsn_reeks(rng: random.Random):
    """Valid BSNs (11-proef) starting with 9999, the range of the test persons in the BRP test
    set of the RvIG, so they do not belong to real people. About 9,000 exist: enough up to
    scale 10."""
    gebruikt = set()
    while True:
        begin = f"{DEMO_BSN_BEGIN}{rng.randint(0, 9999):04d}"
        laatste = sum(int(c) * w for c, w in zip(begin, range(9, 1, -1), strict=True)) % 11
        bsn = f"{begin}{laatste}"
        if laatste <= 9 and bsn not in gebruikt:
            gebruikt.add(bsn)
            yield bsn


class _Planner:
    def __init__(self, seed: int, vandaag: date):
        from faker import Faker

        self.rng = random.Random(seed)
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(seed)
        self.vandaag = vandaag
        self.bsns = _bsn_reeks(self.rng)

    # -- people --
    def persoon(self, doelgroep: str, *, man: bool | None = None, herkomst: Herkomst | None = None) -> dict:
        rng = self.rng
        herkomst = herkomst or HERKOMST[_kies(rng, HERKOMST_PER_DOELGROEP[doelgroep])]
        if man is None:
            man = rng.random() < AANDEEL_MANNEN[doelgroep]
        leeftijd = rng.randint(*_kies(rng, LEEFTIJD[doelgroep]))
        opleiding = _kies(rng, OPLEIDING[OPLEIDINGSPROFIEL.get(herkomst.land, "midden")])
        tolk = rng.random() < (0.75 if doelgroep == Doelgroep.ASIELSTATUSHOUDER else 0.35)
        if "Engels" in herkomst.talen[0][0] or herkomst.land == "Brazilië":
            tolk = tolk and rng.random() < 0.3
        return {
            "herkomst": herkomst,
            "man": man,
            "leeftijd": leeftijd,
            "opleiding": opleiding,
            "gegevens": {
                "bsn": next(self.bsns),
                "voornamen": rng.choice(herkomst.mannen if man else herkomst.vrouwen),
                "geslachtsnaam": rng.choice(herkomst.achternamen),
                "geslacht": "man" if man else "vrouw",
                "geboorteland": herkomst.land,
                "nationaliteit": herkomst.nationaliteit,
                "talen": _kies(rng, dict(herkomst.talen)),
                "tolk_nodig": tolk,
                "doelgroep": str(doelgroep),
                "telefoon": f"06-{rng.randint(10_000_000, 99_999_999)}",
            },
        }

    def adres(self, cbs_code: str) -> tuple[str, dict]:
        rng = self.rng
        kernen = KERNEN[cbs_code]
        kern = _kies(rng, {naam: inwoners for naam, (inwoners, _) in kernen.items()})
        letters = rng.choice([a + b for a in "ABCDEGHJKLMNPRTVWXZ" for b in "ABCDEGHJKLMNPRTVWXZ"])
        huisnummer = str(rng.randint(1, 160))
        if rng.random() < 0.15:
            huisnummer += rng.choice(["A", "B", "-1", "-2"])
        return kern, {
            "straat": self.fake.street_name(),
            "huisnummer": huisnummer,
            "postcode": f"{rng.choice(kernen[kern][1])} {letters}",
            "woonplaats": kern,
        }

    def geboortedatum(self, leeftijd: int, op: date) -> date:
        return op - timedelta(days=leeftijd * 365 + self.rng.randint(0, 364))

    def leerroute(self, doelgroep: str, leeftijd: int, opleiding: str) -> Leerroute:
        tabel = LEERROUTE[doelgroep if doelgroep == Doelgroep.ASIELSTATUSHOUDER else "anders"]
        return _kies(self.rng, tabel[(leeftijd < 28, opleiding not in ("geen", "basis"))])

    def melding(self) -> date:
        """A start date, weighted by the national intake per year."""
        rng = self.rng
        laatste = self.vandaag - timedelta(days=1)
        jaren = {}
        for jaar in range(WET_IN_WERKING.year, laatste.year + 1):
            gewicht = INSTROOM_PER_JAAR.get(jaar, INSTROOM_PER_JAAR[max(INSTROOM_PER_JAAR)])
            begin = max(date(jaar, 1, 1), WET_IN_WERKING)
            eind = min(date(jaar, 12, 31), laatste)
            if begin <= eind:
                jaren[(begin, eind)] = gewicht * ((eind - begin).days + 1)
        begin, eind = _kies(rng, jaren)
        dag = begin + timedelta(days=rng.randint(0, (eind - begin).days))
        return dag if dag.weekday() < 5 else dag - timedelta(days=dag.weekday() - 4)

    # -- history --
    def geschiedenis(
        self, p: dict, organisatie: str, melding: date, *, huishouden: dict | None = None
    ) -> dict:
        """Everything that happens in the case if nothing stops at `vandaag`; `tot_vandaag` cuts it."""
        rng = self.rng
        doelgroep = p["gegevens"]["doelgroep"]
        asiel = doelgroep == Doelgroep.ASIELSTATUSHOUDER
        g: dict = {"melding": melding}
        if huishouden and huishouden.get("na"):  # a nareiziger moves in with the family
            g["koppeling"] = None
            g["huisvesting"] = g["brp"] = melding + _dagen(rng, 0, 14)
        elif huishouden and "brp" in huishouden:  # arrived together: same dates as the partner
            g["koppeling"], g["huisvesting"], g["brp"] = (
                huishouden[k] for k in ("koppeling", "huisvesting", "brp")
            )
        elif asiel:
            g["koppeling"] = melding + _dagen(rng, 7, 60)
            g["huisvesting"] = g["koppeling"] + _dagen(rng, 30, 180)
            g["brp"] = g["huisvesting"] + _dagen(rng, 0, 5)
        else:
            g["koppeling"] = g["huisvesting"] = None
            g["brp"] = melding - _dagen(rng, 7, 60)
        start = max(melding, g["brp"])
        g["registratie"] = _moment(rng, _werkdag(max(melding, g["koppeling"] or melding) + _dagen(rng, 0, 6)))

        # Came from another municipality with a PIP (Wi 15 lid 4): same route, same termijn.
        route = self.leerroute(doelgroep, p["leeftijd"], p["opleiding"])
        g["elders"] = None
        if asiel and not huishouden and melding > date(2022, 9, 1) and rng.random() < 0.05:
            g["elders"] = max(date(2022, 3, 1), melding - _dagen(rng, 60, 400))

        stappen: list[Stap] = []
        locaties = LOCATIES[organisatie]
        # Intake appointment(s): a written summons first (Wi 22 fines a missed one).
        uitnodiging = _werkdag(max(start, g["registratie"].date()) + _dagen(rng, 3, 25))
        gehouden = None
        for poging in range(3):
            begint = _moment(rng, _werkdag(uitnodiging + _dagen(rng, 7, 16)), 9, 15.5)
            begint = begint.replace(minute=begint.minute // 30 * 30)
            nummer = len([s for s in stappen if s.soort == "afspraak"])
            stappen.append(
                Stap(
                    "afspraak",
                    _moment(rng, uitnodiging),
                    {
                        "nummer": nummer,
                        "begint_op": begint,
                        "locatie": rng.choice(locaties) if poging else locaties[0],
                        "uitnodiging_verstuurd_op": uitnodiging,
                        "tolk": p["gegevens"]["tolk_nodig"],
                    },
                )
            )
            uitkomst = (
                _kies(rng, {"gehouden": 0.88, "niet_verschenen": 0.08, "afgezegd": 0.04})
                if poging < 2
                else "gehouden"
            )
            stappen.append(
                Stap(
                    "afspraak_status", begint + timedelta(minutes=75), {"nummer": nummer, "status": uitkomst}
                )
            )
            if uitkomst == "gehouden":
                gehouden = begint
                break
            uitnodiging = _werkdag(begint.date() + _dagen(rng, 1, 5))

        intake_start = gehouden + timedelta(minutes=80)
        intake_klaar = _moment(rng, _werkdag(gehouden.date() + _dagen(rng, 0, 21)))
        if intake_klaar <= intake_start:
            intake_klaar = intake_start + timedelta(hours=2)
        eerste, tweede, diplomas = self.intake(
            p, organisatie, route, huishouden, gehouden.date(), intake_klaar.date(), start
        )
        stappen.append(Stap("intake", intake_start, eerste))
        stappen.append(Stap("intake", intake_klaar, tweede))

        # Vrijstelling after the intake (e.g. a Dutch diploma), without a PIP.
        einde: list[Stap] = []
        if rng.random() < (0.06 if not asiel and p["opleiding"] in ("hbo", "wo") else 0.01):
            einde.append(
                self._einde(
                    intake_klaar.date() + _dagen(rng, 14, 60),
                    Status.AFGEROND,
                    EindeReden.VRIJSTELLING,
                    "DUO heeft vrijstelling verleend op grond van een diploma.",
                )
            )

        # First PIP.
        weken = rng.uniform(*_kies(rng, PIP_WEKEN))
        dagtekening = _werkdag(
            max(start + timedelta(days=round(weken * 7)), intake_klaar.date() + _dagen(rng, 5, 14))
        )
        g["route"] = route
        pip1 = self.pip(p, organisatie, route, dagtekening, huishouden, eerste=True)
        stappen.append(Stap("pip", _moment(rng, dagtekening), pip1))

        start_cursus = _werkdag(
            dagtekening + timedelta(days=round(7 * rng.uniform(*_kies(rng, START_WEKEN))))
        )
        cursus = {
            Leerroute.B1: "Gestart met de taalcursus (B1-route) bij de taalschool.",
            Leerroute.ONDERWIJSROUTE: "Gestart met het taalschakeltraject (onderwijsroute).",
            Leerroute.Z_ROUTE: "Gestart met de Z-route.",
        }[route]
        stappen.append(
            Stap("status", _moment(rng, start_cursus), {"naar": Status.IN_UITVOERING, "toelichting": cursus})
        )

        # A second PIP version.
        maand = 30.4
        voltooid_route = route
        afgeschaald = False
        kans = rng.random()
        if route == Leerroute.ONDERWIJSROUTE and kans < 0.2:
            op = _werkdag(dagtekening + _dagen(rng, 120, 420))
            pip2 = self.pip(p, organisatie, Leerroute.B1, op, huishouden)
            pip2["reden"] = rng.choice(
                [
                    "Het taalschakeltraject sluit niet aan; de inburgeraar gaat verder in de B1-route.",
                    "De inburgeraar kiest voor werk naast de taal: overstap naar de B1-route (Bi 5.4).",
                ]
            )
            stappen.append(Stap("pip", _moment(rng, op), pip2))
            voltooid_route = Leerroute.B1
        elif route == Leerroute.B1 and not g["elders"] and kans < 0.06:
            op = _werkdag(dagtekening + _dagen(rng, 90, 450))
            pip2 = self.pip(p, organisatie, Leerroute.Z_ROUTE, op, huishouden)
            pip2["reden"] = (
                "De voortgang blijft ver achter; na overleg met de taalschool verder in de Z-route."
            )
            stappen.append(Stap("pip", _moment(rng, op), pip2))
            voltooid_route = Leerroute.Z_ROUTE
        elif route == Leerroute.B1 and kans < 0.18:
            op = _werkdag(dagtekening + _dagen(rng, 540, 900))
            uren = rng.randint(600, 880)
            pip2 = self.pip(p, organisatie, Leerroute.B1, op, huishouden)
            pip2.update(
                taalniveau="A2", uren_nt2_gevolgd=uren, inspanning_aangetoond=True, b1_niet_haalbaar=True
            )
            pip2["reden"] = (
                f"Afschalen naar A2: B1 is binnen de termijn niet haalbaar. De inburgeraar volgde {uren} lesuren"
                " en deed voldoende moeite (Wi 17 lid 3, Bi 5.5)."
            )
            stappen.append(Stap("pip", _moment(rng, op), pip2))
            afgeschaald = True
        elif kans < 0.26:
            op = _werkdag(dagtekening + _dagen(rng, 60, 360))
            pip2 = self.pip(p, organisatie, route, op, huishouden)
            pip2["reden"] = rng.choice(
                [
                    "Participatie-activiteiten bijgewerkt: start werkervaringsplek.",
                    "Aantal voortgangsgesprekken verhoogd na afwezigheid bij de les.",
                    "Vrijwilligerswerk toegevoegd aan de participatie-activiteiten.",
                ]
            )
            stappen.append(Stap("pip", _moment(rng, op), pip2))

        # How the case ends, if it does.
        if voltooid_route == Leerroute.ONDERWIJSROUTE and rng.random() < 0.85:
            einde.append(
                self._einde(
                    dagtekening + timedelta(days=round(rng.uniform(12, 26) * maand)),
                    Status.AFGEROND,
                    EindeReden.ONDERWIJSROUTE_VOLTOOID,
                    "Taalschakeltraject afgerond; ingeschreven bij het mbo.",
                )
            )
        elif voltooid_route == Leerroute.Z_ROUTE and rng.random() < 0.85:
            einde.append(
                self._einde(
                    dagtekening + timedelta(days=round(rng.uniform(24, 38) * maand)),
                    Status.AFGEROND,
                    EindeReden.Z_ROUTE_VOLTOOID,
                    "Z-route voltooid met eindgesprek.",
                )
            )
        elif voltooid_route == Leerroute.B1 and rng.random() < 0.8:
            maanden = rng.uniform(30, 44) if afgeschaald else rng.uniform(20, 40)
            einde.append(
                self._einde(
                    dagtekening + timedelta(days=round(maanden * maand)),
                    Status.AFGEROND,
                    EindeReden.DIPLOMA,
                    "Inburgeringsexamen behaald op niveau " + ("A2." if afgeschaald else "B1."),
                )
            )
        if rng.random() < 0.04:
            einde.append(
                self._einde(
                    dagtekening + timedelta(days=round(rng.uniform(6, 30) * maand)),
                    Status.AFGEROND,
                    EindeReden.ONTHEFFING,
                    "DUO heeft ontheffing verleend om medische redenen.",
                )
            )
        if huishouden and huishouden.get("einde"):
            einde.append(huishouden["einde"])
        else:
            if rng.random() < 0.08:
                einde.append(
                    self._einde(
                        g["registratie"].date() + _dagen(rng, 30, 900),
                        Status.VERHUISD,
                        None,
                        f"Verhuisd naar de gemeente {self.fake.city()}.",
                    )
                )
            if rng.random() < 0.07:
                op = g["registratie"].date() + _dagen(rng, 60, 1000)
                leeftijd_dan = p["leeftijd"] + (op - melding).days // 365
                reden = _kies(
                    rng,
                    {
                        EindeReden.VERTREK: 0.6,
                        EindeReden.NATURALISATIE: 0.25,
                        EindeReden.OVERLIJDEN: 0.05,
                        EindeReden.AOW_LEEFTIJD: 0.5 if leeftijd_dan >= 66 else 0.0,
                    },
                )
                if reden == EindeReden.NATURALISATIE and op < date(2024, 6, 1):
                    reden = EindeReden.VERTREK
                toelichting = {
                    EindeReden.VERTREK: "DUO meldt vertrek uit Nederland.",
                    EindeReden.NATURALISATIE: "DUO meldt naturalisatie: de inburgeringsplicht vervalt.",
                    EindeReden.OVERLIJDEN: "Bericht van overlijden ontvangen via de BRP.",
                    EindeReden.AOW_LEEFTIJD: "De inburgeraar heeft de AOW-leeftijd bereikt.",
                }[reden]
                einde.append(self._einde(op, Status.BEEINDIGD, reden, toelichting))
        g["einde"] = min(einde, key=lambda s: s.op) if einde else None

        # A team lead hands the case to another consultant (leave, reorganisation).
        g["herverdeeld"] = None
        if rng.random() < 0.07:
            g["herverdeeld"] = _moment(rng, _werkdag(g["registratie"].date() + _dagen(rng, 60, 500)))

        if g["einde"] is not None:
            stappen = [s for s in stappen if s.op < g["einde"].op] + [g["einde"]]
        g["stappen"] = sorted(stappen, key=lambda s: s.op)
        g["diplomas"] = diplomas
        return g

    def _einde(self, dag: date, naar: Status, reden: EindeReden | None, toelichting: str) -> Stap:
        return Stap(
            "status",
            _moment(self.rng, _werkdag(dag)),
            {"naar": naar, "reden": reden, "toelichting": toelichting},
        )

    def intake(self, p, organisatie, route, huishouden, gesprek: date, klaar: date, start: date):
        rng = self.rng
        herkomst: Herkomst = p["herkomst"]
        asiel = p["gegevens"]["doelgroep"] == Doelgroep.ASIELSTATUSHOUDER
        if route == Leerroute.Z_ROUTE:
            toets = _kies(rng, {"B1-route niet haalbaar": 0.85, "Onbekend": 0.15})
        else:
            toets = _kies(rng, {"B1-route haalbaar": 0.85, "B1-route niet haalbaar": 0.05, "Onbekend": 0.10})
        if asiel:
            niveau = _kies(rng, {"geen": 0.45, "A0": 0.3, "A1": 0.2, "A2": 0.05})
        else:  # family migrants passed the civic integration exam abroad at A1
            niveau = _kies(rng, {"A0": 0.2, "A1": 0.65, "A2": 0.15})
        schrijven = "A0" if niveau in ("geen", "A0") and not herkomst.latijns_schrift else niveau
        opleiding = p["opleiding"]
        eerste = {
            "leerbaarheidstoets_datum": max(start, gesprek - _dagen(rng, 0, 14)),
            "leerbaarheidstoets_resultaat": toets,
            "opleidingsniveau": opleiding,
            "jaren_onderwijs": rng.randint(*JAREN_ONDERWIJS[opleiding]),
            "taalniveau_lezen": niveau,
            "taalniveau_luisteren": niveau,
            "taalniveau_spreken": niveau,
            "taalniveau_schrijven": schrijven,
            "andere_talen": rng.choice(["", "Engels (basis)", "Engels", "Frans (basis)", ""]),
            "tolk_gebruikt": p["gegevens"]["tolk_nodig"],
            "tolk_taal": p["gegevens"]["talen"].split(",")[0] if p["gegevens"]["tolk_nodig"] else "",
        }
        beroep = rng.choice(BEROEPEN[opleiding])
        tweede = {
            "opleiding_toelichting": OPLEIDING_TEKST[opleiding].format(land=herkomst.land),
            "werkervaring": beroep,
            "gezondheid_lichamelijk": rng.choice(GEZONDHEID_LICHAMELIJK),
            "gezondheid_psychisch": rng.choice(GEZONDHEID_PSYCHISCH) if asiel else "",
            "gezin_en_kinderen": self._gezin_tekst(p, huishouden),
            "vve": "",
            "financiele_situatie": rng.choice(FINANCIEN_ASIEL if asiel else FINANCIEN_GEZIN),
            "wensen_en_motivatie": rng.choice(WENSEN),
            "mogelijkheden_werk": rng.choice(WERK),
            "mogelijkheden_participatie": rng.choice(PARTICIPATIE[organisatie] + PARTICIPATIE_ALGEMEEN),
            "deels_alleen_gesproken": bool(huishouden) and rng.random() < 0.3,
            "afgerond_op": klaar,
        }
        jonge_kinderen = [
            k for k in (huishouden or {}).get("kinderen", []) if (gesprek - k["geboortedatum"]).days < 4 * 365
        ]
        if jonge_kinderen:
            tweede["vve"] = f"{jonge_kinderen[0]['voornaam']} kan naar de peuteropvang met VVE."
        diplomas = []
        if opleiding in ("mbo", "hbo", "wo"):
            diplomas.append(
                {
                    "naam": rng.choice(DIPLOMAS[opleiding]),
                    "land": herkomst.land,
                    "jaar": max(1980, start.year - rng.randint(2, 15)),
                    "gewaardeerd": rng.random() < 0.3,
                }
            )
        return eerste, tweede, diplomas

    def _gezin_tekst(self, p, huishouden) -> str:
        if not huishouden:
            return self.rng.choice(
                [
                    "Alleenstaand.",
                    "Partner woont nog in het land van herkomst.",
                    "Alleenstaand, familie in het buitenland.",
                ]
            )
        kinderen = huishouden.get("kinderen", [])
        tekst = "Woont met partner" if huishouden.get("partner") else "Woont alleen"
        if kinderen:
            tekst += f" en {len(kinderen)} " + ("kind" if len(kinderen) == 1 else "kinderen")
        return tekst + "."

    def pip(
        self, p, organisatie, route: Leerroute, dagtekening: date, huishouden, eerste: bool = False
    ) -> dict:
        rng = self.rng
        asiel = p["gegevens"]["doelgroep"] == Doelgroep.ASIELSTATUSHOUDER
        herkomst: Herkomst = p["herkomst"]
        if route == Leerroute.Z_ROUTE:
            alfa = (
                _kies(rng, {"A": 0.45, "AA": 0.2, "NVT": 0.35})
                if p["opleiding"] in ("geen", "basis")
                else "NVT"
            )
        elif route == Leerroute.B1 and not herkomst.latijns_schrift:
            alfa = _kies(rng, {"AA": 0.4, "NVT": 0.6})
        else:
            alfa = "NVT"
        jonge_kinderen = [
            k
            for k in (huishouden or {}).get("kinderen", [])
            if timedelta(days=2 * 365) < dagtekening - k["geboortedatum"] < timedelta(days=4 * 365)
        ]
        return {
            "leerroute": route.value,
            "dagtekening": dagtekening,
            "taalniveau": "B1" if route != Leerroute.Z_ROUTE else "",
            "reden": "" if eerste else "Aangepast",
            "alfabetisering": alfa,
            "mag_opleiding_afmaken": route == Leerroute.ONDERWIJSROUTE and rng.random() < 0.1,
            "pvt": True,
            "map": route != Leerroute.ONDERWIJSROUTE,
            "maatschappelijke_begeleiding": asiel,
            "geschatte_intensiteit_uren": rng.choice([600, 800, 1000, 1200])
            if asiel and route == Leerroute.B1
            else None,
            "aantal_voortgangsgesprekken": rng.randint(4, 8) if asiel else rng.randint(2, 4),
            "participatie_activiteiten": rng.choice(PARTICIPATIE[organisatie] + PARTICIPATIE_ALGEMEEN),
            "vve": (f"Peuteropvang met VVE voor {jonge_kinderen[0]['voornaam']}." if jonge_kinderen else ""),
            "tolk": p["gegevens"]["tolk_nodig"],
        }

    def tot_vandaag(self, g: dict) -> dict:
        """Cut the history at today: only what happened before today stays (a planned
        appointment may lie in the future; its invitation went out already)."""
        nu = datetime.combine(self.vandaag, time(0, 0), tzinfo=TZ)
        g = dict(g)
        g["stappen"] = [s for s in g["stappen"] if s.op < nu]
        for veld in ("koppeling", "huisvesting", "brp"):
            if g[veld] is not None and g[veld] >= self.vandaag:
                g[veld] = None
        if not any(s.soort == "intake" and s.gegevens.get("afgerond_op") for s in g["stappen"]):
            g["diplomas"] = []
        return g


BEROEPEN = {
    "geen": [
        "Geen betaald werk gehad.",
        "Landarbeid op het familiebedrijf.",
        "Huishouden en zorg voor de kinderen.",
    ],
    "basis": [
        "Bouwvakker.",
        "Werk in een kledingatelier.",
        "Schoonmaker.",
        "Hulp in een winkel.",
        "Landbouw.",
    ],
    "voortgezet": ["Verkoper in een winkel.", "Chauffeur.", "Kapper.", "Kok in een restaurant.", "Monteur."],
    "mbo": ["Elektricien.", "Verpleegkundige (mbo-niveau).", "Automonteur.", "Administratief medewerker."],
    "hbo": ["Leraar basisschool.", "Boekhouder.", "ICT-beheerder.", "Verpleegkundige."],
    "wo": ["Apotheker.", "Software-ontwikkelaar.", "Docent Engels.", "Arts.", "Civiel ingenieur."],
}
OPLEIDING_TEKST = {
    "geen": "Weinig of geen onderwijs gevolgd in {land}.",
    "basis": "Basisschool gevolgd in {land}.",
    "voortgezet": "Middelbare school in {land}.",
    "mbo": "Beroepsopleiding in {land}.",
    "hbo": "Hogeschool in {land}.",
    "wo": "Universiteit in {land}.",
}
DIPLOMAS = {
    "mbo": [
        "Diploma elektrotechniek",
        "Diploma verpleegkunde",
        "Diploma autotechniek",
        "Diploma administratie",
    ],
    "hbo": [
        "Bachelor pedagogiek",
        "Bachelor bedrijfseconomie",
        "Bachelor informatica",
        "Bachelor verpleegkunde",
    ],
    "wo": [
        "Master farmacie",
        "Bachelor Engelse taal",
        "Master civiele techniek",
        "Artsexamen",
        "Master informatica",
    ],
}
GEZONDHEID_LICHAMELIJK = [
    "",
    "",
    "",
    "",
    "Rugklachten; kan geen zwaar werk doen.",
    "Diabetes, onder behandeling van de huisarts.",
]
GEZONDHEID_PSYCHISCH = [
    "",
    "",
    "",
    "Slaapt slecht; huisarts is betrokken.",
    "Zorgen over familie in het land van herkomst.",
]
FINANCIEN_ASIEL = [
    "Bijstand; ontzorging loopt de eerste zes maanden (Pw 56a).",
    "Bijstand; ontzorging loopt. Budgetcursus aangeboden.",
    "Bijstand; ontzorging afgerond, betaalt vaste lasten nu zelf.",
]
FINANCIEN_GEZIN = [
    "Partner heeft inkomen uit werk.",
    "Partner werkt; geen schulden.",
    "Partner werkt parttime.",
]
WENSEN = [
    "Wil zo snel mogelijk Nederlands leren en aan het werk.",
    "Wil een opleiding volgen in de zorg.",
    "Wil eerst de taal leren en daarna een eigen bedrijf beginnen.",
    "Wil graag vrijwilligerswerk doen om mensen te leren kennen.",
    "Wil het diploma uit het land van herkomst laten waarderen.",
]
WERK = [
    "Ervaring in de bouw; werkervaringsplek mogelijk.",
    "Wil in de zorg werken; eerst taal op niveau brengen.",
    "Kan aan de slag in de logistiek met een taalmaatje.",
    "Werk in de horeca past bij eerdere ervaring.",
    "Nog geen mogelijkheden: eerst taal en gezondheid.",
]
PARTICIPATIE = {
    "Gemeente Dronten": [
        "Vrijwilligerswerk via de Sociale Coalitie Dronten.",
        "Buddy uit de klankbordgroep van ex-inburgeraars.",
        "Werkervaringsplek bij een agrarisch bedrijf in Biddinghuizen.",
    ],
    "Sociale Dienst Drechtsteden": [
        "Traject bij Baanbrekend.",
        "Training financiële zelfredzaamheid bij Vluchtelingenwerk.",
        "Vrijwilligerswerk in het wijkcentrum.",
    ],
    "Gemeente Noordoostpolder": [
        "Deelname aan het Platform Nieuwe Nederlanders.",
        "Vrijwilligerswerk bij de voedselbank in Emmeloord.",
        "Werkervaringsplek in de agrarische sector.",
    ],
}
HERVERDELING = [
    "Herverdeling van de werkvoorraad in het team.",
    "Vaste consulent is langdurig afwezig.",
    "Op verzoek van de inburgeraar.",
]
PARTICIPATIE_ALGEMEEN = [
    "Taalcafé in de bibliotheek.",
    "Lid van een sportvereniging.",
    "Taalmaatje via Vluchtelingenwerk.",
]


def _verdeel(aantal: int, verdeling: dict, minimum: int = 0) -> dict:
    """Split `aantal` over the keys by largest remainder, with at least `minimum` each when it fits."""
    totaal = sum(verdeling.values())
    ruw = {k: aantal * v / totaal for k, v in verdeling.items()}
    uit = {k: math.floor(v) for k, v in ruw.items()}
    for k in sorted(ruw, key=lambda k: ruw[k] - uit[k], reverse=True)[: aantal - sum(uit.values())]:
        uit[k] += 1
    if minimum and aantal >= minimum * len(uit):
        for k in uit:
            while uit[k] < minimum:
                grootste = max(uit, key=uit.get)
                uit[grootste] -= 1
                uit[k] += 1
    return uit


def plan_demo(*, seed: int = STANDAARD_SEED, scale: float = 1.0, vandaag: date) -> DemoPlan:
    """The whole demo: users per organisation and about 600 * `scale` cases."""
    planner = _Planner(seed, vandaag)
    casussen: list[Casus] = []
    for organisatie, omvang in OMVANG.items():
        gemeenten = {c: INWONERS[c] for c, org in ORGANISATIE_VAN.items() if org == organisatie}
        aantal = max(1, round(omvang * scale * 0.9))  # partners bring it to about `omvang`
        quota = _verdeel(aantal, STATUS_VERDELING, minimum=1)
        doelen = [s for s, n in quota.items() for _ in range(n)]
        planner.rng.shuffle(doelen)
        per_gemeente = _verdeel(aantal, gemeenten)
        cbs_codes = [c for c, n in per_gemeente.items() for _ in range(n)]
        for doel, cbs_code in zip(doelen, cbs_codes, strict=True):
            casussen.extend(_huishouden(planner, organisatie, cbs_code, doel, len(casussen)))
    gebruikers = _verdeel_consulenten(planner, casussen)
    return DemoPlan(seed=seed, scale=scale, vandaag=vandaag, gebruikers=gebruikers, casussen=casussen)


def _huishouden(planner: _Planner, organisatie: str, cbs_code: str, doel: Status, nummer: int) -> list[Casus]:
    """One newcomer whose case is now in status `doel`, and a partner who is also in Regie."""
    rng = planner.rng
    doelgroep = _kies(rng, DOELGROEP)
    p = planner.persoon(doelgroep)
    kern, adres = planner.adres(cbs_code)
    met_partner = doelgroep == Doelgroep.ASIELSTATUSHOUDER and p["leeftijd"] >= 21 and rng.random() < 0.3
    kinderen = []
    if rng.random() < (0.7 if met_partner else 0.3 if doelgroep == Doelgroep.ASIELSTATUSHOUDER else 0.25):
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4]) if met_partner else rng.choice([1, 1, 2])):
            man = rng.random() < 0.5
            kinderen.append(
                {
                    "voornaam": rng.choice(p["herkomst"].mannen if man else p["herkomst"].vrouwen),
                    "geboortedatum": planner.vandaag
                    - _dagen(rng, 30, min(15, max(1, p["leeftijd"] - 18)) * 365),
                }
            )
    huishouden = {"partner": met_partner, "kinderen": kinderen} if (met_partner or kinderen) else None

    # Draw histories until one is in the wanted status today (rejection sampling keeps the
    # dates natural while the mix of statuses follows STATUS_VERDELING).
    casus = None
    for _ in range(400):
        melding = planner.melding()
        volledig = planner.geschiedenis(p, organisatie, melding, huishouden=huishouden)
        g = planner.tot_vandaag(volledig)
        if g["registratie"].date() >= planner.vandaag:
            continue
        casus = _casus(planner, g, p, organisatie, cbs_code, kern, adres, kinderen, nummer)
        if casus.status == doel:
            break
    if casus is None:
        return []  # no history of this household reaches registration before today (a demo of 2022's first days)
    uit = [casus]
    if not met_partner:
        return uit

    # The partner: arrived together, or later by family reunification (nareiziger).
    man = not p["man"]
    partner = planner.persoon(Doelgroep.ASIELSTATUSHOUDER, man=man, herkomst=p["herkomst"])
    partner["leeftijd"] = max(18, p["leeftijd"] + (rng.randint(-2, 6) if man else rng.randint(-6, 2)))
    if not man and p["herkomst"].land == "Turkije":
        partner["gegevens"]["geslachtsnaam"] = p["gegevens"]["geslachtsnaam"]
    # A family that moves or leaves the country does so together.
    einde = next(
        (
            Stap(s.soort, s.op, dict(s.gegevens))
            for s in casus.stappen
            if s.soort == "status"
            and (s.gegevens["naar"] == Status.VERHUISD or s.gegevens.get("reden") == EindeReden.VERTREK)
        ),
        None,
    )
    samen = g["brp"] is None or rng.random() < 0.5
    gezin = {
        "partner": True,
        "kinderen": kinderen,
        "koppeling": volledig["koppeling"],
        "huisvesting": volledig["huisvesting"],
        "brp": volledig["brp"],
        "na": not samen,
        "einde": einde,
    }
    partner_melding = _werkdag(melding + (_dagen(rng, 0, 10) if samen else _dagen(rng, 90, 450)))
    if partner_melding >= planner.vandaag - timedelta(days=1):
        return uit
    pg = planner.tot_vandaag(planner.geschiedenis(partner, organisatie, partner_melding, huishouden=gezin))
    if pg["registratie"].date() >= planner.vandaag or (einde and pg["registratie"] >= einde.op):
        return uit
    tweede = _casus(planner, pg, partner, organisatie, cbs_code, kern, adres, [], nummer + 1)
    tweede.partner_van = nummer
    uit.append(tweede)
    return uit


def _casus(planner, g, p, organisatie, cbs_code, kern, adres, kinderen, nummer) -> Casus:
    melding = g["melding"]
    persoon = dict(p["gegevens"])
    persoon["geboortedatum"] = planner.geboortedatum(p["leeftijd"], melding)
    persoon.update(
        datum_melding_duo=melding,
        datum_koppeling_coa=g["koppeling"],
        datum_huisvesting=g["huisvesting"],
        datum_inschrijving_brp=g["brp"],
        dagtekening_eerste_pip_elders=g["elders"],
        leerroute_vorige_gemeente=g["route"].value if g["elders"] else "",
    )
    gehuisvest = g["brp"] is not None
    if gehuisvest:
        persoon.update(adres)
    if planner.rng.random() < 0.3:
        ascii_naam = "".join(
            c
            for c in f"{persoon['voornamen']}.{persoon['geslachtsnaam']}".lower()
            if c.isascii() and (c.isalnum() or c == ".")
        )
        persoon["email"] = f"{ascii_naam}@example.com"
    stappen = list(g["stappen"])
    diplomas = [
        {**d, "jaar": min(melding.year, max(d["jaar"], persoon["geboortedatum"].year + 17))}
        for d in g["diplomas"]
    ]
    nu = datetime.combine(planner.vandaag, time(0, 0), tzinfo=TZ)
    herverdeeld = g["herverdeeld"]
    if herverdeeld is not None and (
        herverdeeld >= nu
        or (
            stappen
            and stappen[-1].soort == "status"
            and stappen[-1].gegevens["naar"] not in ACTIEF
            and herverdeeld >= stappen[-1].op
        )
    ):
        herverdeeld = None
    return Casus(
        nummer=nummer,
        organisatie=organisatie,
        cbs_code=cbs_code,
        kern=kern if gehuisvest else None,
        persoon=persoon,
        kinderen=kinderen,
        geregistreerd_op=g["registratie"],
        stappen=stappen,
        diplomas=diplomas,
        herverdeeld_op=herverdeeld,
    )


def _verdeel_consulenten(planner: _Planner, casussen: list[Casus]) -> list[Gebruiker]:
    """Users per organisation, and one fixed consultant per household: active cases go to the
    consultant with the fewest, so each holds about CASELOAD active cases."""
    rng, fake = planner.rng, planner.fake
    gebruikers: list[Gebruiker] = []
    for organisatie, kort in KORTE_NAAM.items():
        eigen = [c for c in casussen if c.organisatie == organisatie]
        actief = sum(1 for c in eigen if c.status in ACTIEF)
        aantal = max(2, math.ceil(actief / CASELOAD))
        teamleider = Gebruiker(
            f"teamleider.{kort}", fake.first_name(), fake.last_name(), "teamleider", organisatie
        )
        consulenten = [
            Gebruiker(
                f"consulent{'' if i == 0 else i + 1}.{kort}",
                fake.first_name(),
                fake.last_name(),
                "consulent",
                organisatie,
            )
            for i in range(aantal)
        ]
        gebruikers += [teamleider, *consulenten]
        last = {c.username: 0 for c in consulenten}
        per_nummer = {c.nummer: c for c in eigen}
        for casus in eigen:
            if casus.partner_van is not None:
                hoofd = per_nummer[casus.partner_van]
                casus.consulent = hoofd.consulent
            elif casus.status in ACTIEF:
                casus.consulent = min(last, key=lambda u: (last[u], u))
            else:
                casus.consulent = rng.choice(consulenten).username
            if casus.status in ACTIEF and casus.consulent:
                last[casus.consulent] += 1
            casus.eerste_consulent = casus.consulent
            casus.registratie_door = casus.consulent
            if casus.herverdeeld_op is not None and casus.partner_van is None:
                casus.eerste_consulent = rng.choice(
                    [c.username for c in consulenten if c.username != casus.consulent]
                )
                casus.registratie_door = casus.eerste_consulent
                casus.stappen.append(
                    Stap(
                        "toewijzen",
                        casus.herverdeeld_op,
                        {"naar": casus.consulent, "reden": rng.choice(HERVERDELING)},
                    )
                )
                casus.stappen.sort(key=lambda s: s.op)
            else:
                casus.herverdeeld_op = None
        # New cases without any step yet are often waiting in the team's pool.
        met_partner = {c.partner_van for c in eigen if c.partner_van is not None}
        for casus in eigen:
            if (
                casus.status == Status.AANGEMELD
                and not casus.stappen
                and casus.partner_van is None
                and casus.nummer not in met_partner
                and casus.herverdeeld_op is None
                and rng.random() < 0.5
            ):
                last[casus.consulent] -= 1
                casus.consulent = casus.eerste_consulent = None
                casus.registratie_door = teamleider.username
    return gebruikers

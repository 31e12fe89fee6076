"""Demo data for the trajectory: providers and contracts per organisation, and referrals for the
demo cases that have a PIP, made through the services and backdated to planned moments.

Per organisation: a language school (B1-route, and the Z-route at a specialised provider), an
education provider for the onderwijsroute, Vluchtelingenwerk for PVT and maatschappelijke
begeleiding (subsidy), a MAP provider and an interpreter service (price per hour). The
contracts follow the seeds: tender (aanbesteding) for the courses, subsidy for Vluchtelingenwerk.
The first language school contract ended on 31 December 2023 and was followed by a new one.

Referrals, in proportion: every active case with a PIP is referred for its leerroute, PVT, MAP
and (asylum) maatschappelijke begeleiding; a few refusals (and a new referral elsewhere), a few
withdrawals, most accepted and started, older ones finished (some stopped early). The last
weeks' referrals are waiting for an answer; a few of them longer than two weeks, and the main
language school's contract is full, so the newest land on its waiting list.

The demo account aanbieder.<organisation> works at the organisation's language school.
Everything is drawn from `random.Random(seed)` relative to `vandaag`: the same seed on the same
day gives the same data. Called from `regie.demo.opbouw.bouw_demo`, before the providers'
reports (regie.voortgang.demo).
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from regie import klok
from regie.aanbieders.models import Aanbieder, Contract, Inkoopvorm, Perceel, PrijsPer
from regie.accounts.models import Rol, User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import ACTIEF
from regie.organisaties.models import Organisatie
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import services
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.verwerkingslog import log as verwerkingslog

P = Perceel
# Per organisation (key: the short name used in demo user names): provider → (DUO
# instellingsnummer, contact, [(perceel, inkoopvorm, prijs, per, begin, einde)]).
# The instellingsnummer has DUO's form (10 characters, Inburgeringsaanbod API); only the providers
# of a leerroute course have one (DUO's Inburgeringsaanbod), made up as 2 + CBS code + serial.
# DUO knows them: `instellingen_bij_duo()` is their entry in DUO's list of instellingen (the
# DUO simulator's GET /instellingen, filled by regie.demo.duo).
EERSTE_CONTRACT_TOT = date(2023, 12, 31)
TWEEDE_CONTRACT_VANAF = date(2024, 1, 1)
START = date(2022, 1, 1)


def _aanbieders(plaats: str, regio: str, onderwijs: str, *, cbs_code: str) -> dict:
    return {
        f"Taalschool {plaats}": (
            f"2{cbs_code}00001",
            "M. de Vries",
            [
                (P.B1_ROUTE, Inkoopvorm.AANBESTEDING, "9800", PrijsPer.TRAJECT, START, EERSTE_CONTRACT_TOT),
                (P.B1_ROUTE, Inkoopvorm.AANBESTEDING, "10250", PrijsPer.TRAJECT, TWEEDE_CONTRACT_VANAF, None),
            ],
        ),
        onderwijs: (
            f"2{cbs_code}00002",
            "J. Bakker",
            [(P.ONDERWIJSROUTE, Inkoopvorm.AANBESTEDING, "14500", PrijsPer.TRAJECT, START, None)],
        ),
        f"Zelfredzaam {regio} (Z-route)": (
            f"2{cbs_code}00003",
            "A. Yilmaz",
            [(P.Z_ROUTE, Inkoopvorm.AANBESTEDING, "11900", PrijsPer.TRAJECT, START, None)],
        ),
        f"Vluchtelingenwerk {regio}": (
            "",
            "S. Haddad",
            [
                (P.PVT, Inkoopvorm.SUBSIDIE, "650", PrijsPer.TRAJECT, START, None),
                (P.MAATSCHAPPELIJKE_BEGELEIDING, Inkoopvorm.SUBSIDIE, "2350", PrijsPer.TRAJECT, START, None),
            ],
        ),
        f"Werkplaats MAP {plaats}": (
            "",
            "R. Jansen",
            [(P.MAP, Inkoopvorm.AANBESTEDING, "1850", PrijsPer.TRAJECT, START, None)],
        ),
        "Tolkenpool Nederland": (
            "",
            "Planning",
            [(P.TOLK, Inkoopvorm.AANBESTEDING, "58.50", PrijsPer.UUR, START, None)],
        ),
    }


AANBIEDERS = {
    "Gemeente Dronten": _aanbieders("Dronten", "Flevoland", "Schakelklas Flevoland", cbs_code="0303"),
    "Sociale Dienst Drechtsteden": _aanbieders(
        "Drechtsteden", "Zuid-Holland Zuid", "Schakelcollege Dordrecht", cbs_code="0505"
    ),
    "Gemeente Noordoostpolder": _aanbieders(
        "Emmeloord", "Noordoostpolder", "Schakelklas Noordoost", cbs_code="0171"
    ),
}
# Where the providers are (DUO's list of instellingen has an address): postcode digits, place.
VESTIGING = {
    "Gemeente Dronten": ("8251", "Dronten"),
    "Sociale Dienst Drechtsteden": ("3311", "Dordrecht"),
    "Gemeente Noordoostpolder": ("8302", "Emmeloord"),
}
AANBIEDER_ACCOUNT_BEGIN = "aanbieder."
KORT = {
    P.B1_ROUTE: "B1",
    P.ONDERWIJSROUTE: "OR",
    P.Z_ROUTE: "Z",
    P.PVT: "PVT",
    P.MAP: "MAP",
    P.MAATSCHAPPELIJKE_BEGELEIDING: "MB",
    P.TOLK: "TOLK",
}

# Policy figures for the demo (assumptions, not from a source).
ELKE_GEWEIGERD = 12  # one answered referral in twelve is refused
ELKE_INGETROKKEN = 30  # one in thirty is withdrawn before the start
KANS_AFGEBROKEN = 0.1
# Days after the PIP's dagtekening that a referral is sent, per component.
VERZENDEN_NA = {
    P.B1_ROUTE: (3, 25),
    P.ONDERWIJSROUTE: (3, 25),
    P.Z_ROUTE: (3, 25),
    P.PVT: (10, 60),
    P.MAP: (60, 240),
    P.MAATSCHAPPELIJKE_BEGELEIDING: (1, 10),
    P.TOLK: (1, 20),
}
# Days after sending that the provider answers (a refusal takes a little longer), or that the
# municipality withdraws. A day after yesterday has not come yet: the referral still waits.
ANTWOORD_NA = {"accepteren": (1, 12), "weigeren": (2, 10), "intrekken": (1, 12)}
# How long a trajectory runs once started (days).
DUUR = {
    P.B1_ROUTE: (420, 900),
    P.ONDERWIJSROUTE: (300, 700),
    P.Z_ROUTE: (420, 900),
    P.PVT: (50, 70),
    P.MAP: (90, 120),
    P.MAATSCHAPPELIJKE_BEGELEIDING: (330, 400),
    P.TOLK: (1, 30),
}
REDENEN_WEIGERING = [
    "De groep voor dit niveau is vol tot na de zomer.",
    "Wij bieden geen les op de dagen dat de inburgeraar kan.",
    "De inburgeraar woont te ver van onze leslocatie.",
]
REDENEN_AFGEBROKEN = [
    "De inburgeraar is gaan werken en volgt geen les meer overdag.",
    "Langdurig ziek; de inburgeraar stopt voorlopig.",
    "Verhuisd naar een andere gemeente.",
]


@dataclass
class _Plan:
    inburgeraar: Inburgeraar
    onderdeel: str
    verzonden_op: date
    afloop: list = field(default_factory=list)  # (stap, datum, extra)


def aanbieders_maken() -> dict[str, dict[str, Aanbieder]]:
    """The demo providers and their contracts; idempotent."""
    gemaakt: dict[str, dict[str, Aanbieder]] = {}
    for organisatie_naam, aanbieders in AANBIEDERS.items():
        organisatie = Organisatie.objects.filter(naam=organisatie_naam).first()
        if organisatie is None:
            continue
        gemaakt[organisatie_naam] = {}
        for naam, (instellingsnummer, contact, contracten) in aanbieders.items():
            aanbieder, _ = Aanbieder.objects.get_or_create(
                organisatie=organisatie,
                naam=naam,
                defaults={
                    "instellingsnummer": instellingsnummer,
                    "contactpersoon": contact,
                    "email": "info@" + "".join(c for c in naam.lower() if c.isalnum())[:30] + ".example.nl",
                    "telefoon": "088 123 45 67",
                },
            )
            for perceel, inkoopvorm, prijs, per, begin, einde in contracten:
                Contract.objects.get_or_create(
                    aanbieder=aanbieder,
                    perceel=perceel,
                    begindatum=begin,
                    defaults={
                        "inkoopvorm": inkoopvorm,
                        "prijs": Decimal(prijs),
                        "prijs_per": per,
                        "capaciteit": 1000,  # set to the real figure after the referrals are planned
                        "einddatum": einde,
                        "kenmerk": f"INB-{begin.year}-{KORT[perceel]}",
                    },
                )
            gemaakt[organisatie_naam][naam] = aanbieder
    return gemaakt


def instellingen_bij_duo() -> list[dict]:
    """The demo providers with an instellingsnummer as DUO lists them (schema `Instelling` of the
    Inburgeringsaanbod API), so DUO takes their inburgeringsaanbod (README of the specs: a Blik op
    Werk keurmerk, for the onderwijsroute a recognised Taalschakelinstelling)."""
    instellingen = []
    for organisatie_naam, aanbieders in AANBIEDERS.items():
        cijfers, plaats = VESTIGING[organisatie_naam]
        for volgnummer, (naam, (nummer, _contact, contracten)) in enumerate(aanbieders.items(), start=1):
            if not nummer:
                continue
            percelen = {perceel for perceel, *_ in contracten}
            instellingen.append(
                {
                    "instellingsnummer": nummer,
                    "naam": naam,
                    "postcode": f"{cijfers}AB",
                    "huisnummer": 10 * volgnummer,
                    "plaatsnaam": plaats,
                    "indicatieBowKeurmerk": bool(percelen & {P.B1_ROUTE, P.Z_ROUTE}),
                    "indicatieTstKeurmerk": P.ONDERWIJSROUTE in percelen,
                }
            )
    return instellingen


class _Bouwer:
    def __init__(self, *, vandaag: date, seed: int):
        self.vandaag = vandaag
        self.rng = random.Random(seed)
        self.moment: datetime | None = None
        self.gebeurtenis_op: dict[int, datetime] = {}
        self.telling = {s.value: 0 for s in S}
        self.beantwoord = 0

    def gebeurtenis_bewaard(self, sender, instance, created, **kwargs):
        if created and self.moment is not None:
            self.gebeurtenis_op[instance.pk] = self.moment

    def op(self, dag: date) -> None:
        uur = self.rng.uniform(8.5, 16.5)
        self.moment = timezone.make_aware(datetime.combine(dag, time(int(uur), int((uur % 1) * 60))))

    def dag(self, basis: date, van: int, tot: int) -> date:
        return basis + timedelta(days=self.rng.randint(van, tot))

    def plan(self, inburgeraar, pip) -> list[_Plan]:
        """What happens to each referral of one case (no database)."""
        gisteren = self.vandaag - timedelta(days=1)
        plannen = []
        onderdelen = sorted(services.onderdelen_in_pip(pip))
        if P.TOLK in onderdelen and self.rng.random() < 0.6:
            onderdelen.remove(P.TOLK)
        for onderdeel in onderdelen:
            verzonden = self.dag(pip.dagtekening, *VERZENDEN_NA[onderdeel])
            if verzonden > gisteren:
                if onderdeel in (P.MAP, P.TOLK) or self.rng.random() < 0.5:
                    continue  # not referred yet
                verzonden = max(pip.dagtekening, gisteren - timedelta(days=self.rng.randint(0, 10)))
            plan = _Plan(inburgeraar, onderdeel, verzonden)
            plannen.append(plan)
            leeftijd = (self.vandaag - verzonden).days
            if leeftijd < 21 and self.rng.random() < (0.85 if leeftijd < 14 else 0.35):
                continue  # waiting for the provider's answer
            # Refusals and withdrawals in a fixed proportion (also in a small demo), the rest by chance.
            volgende = self.beantwoord + 1
            if volgende % ELKE_GEWEIGERD == 3:
                stap = "weigeren"
            elif volgende % ELKE_INGETROKKEN == 7:
                stap = "intrekken"
            else:
                stap = "accepteren"
            beantwoord = self.dag(verzonden, *ANTWOORD_NA[stap])
            if beantwoord > gisteren:
                continue  # the answer is still to come: a referral sent days ago waits
            self.beantwoord = volgende
            if stap != "accepteren":
                plan.afloop.append((stap, beantwoord, None))
                continue
            start = self.dag(beantwoord, 5, 45)
            plan.afloop.append(("accepteren", beantwoord, start))
            if start > gisteren:
                continue
            plan.afloop.append(("starten", start, None))
            einde = self.dag(start, *DUUR[onderdeel])
            if einde <= gisteren:
                afgebroken = self.rng.random() < KANS_AFGEBROKEN
                if afgebroken:
                    einde = self.dag(start, 20, max(21, (einde - start).days))
                plan.afloop.append(("afsluiten", min(einde, gisteren), afgebroken))
        return plannen


def _contract_voor(contracten: list[Contract], onderdeel: str, dag: date, *, niet=None) -> Contract | None:
    passend = [c for c in contracten if c.perceel == onderdeel and c.is_geldig_op(dag) and c != niet]
    return passend[0] if passend else None


def bouw_trajecten(*, vandaag: date | None = None, seed: int = 2021) -> dict[str, int]:
    """Providers, contracts, the aanbieder demo accounts' provider, and referrals for the active
    demo cases with a PIP (once: a second run adds no referrals). Returns the number per status."""
    vandaag = vandaag or klok.vandaag()
    bouwer = _Bouwer(vandaag=vandaag, seed=seed)
    with transaction.atomic():
        per_organisatie = aanbieders_maken()
        # The aanbieder demo account of each organisation (aanbieder.<short name>, made by
        # regie.demo.opbouw) works at its language school.
        for organisatie_naam, aanbieders in per_organisatie.items():
            taalschool = next(a for naam, a in aanbieders.items() if naam.startswith("Taalschool"))
            User.objects.filter(
                organisatie__naam=organisatie_naam,
                username__startswith=AANBIEDER_ACCOUNT_BEGIN,
                rol=Rol.AANBIEDER,
            ).update(aanbieder=taalschool)
        medewerkers = {
            u.aanbieder_id: u
            for u in User.objects.filter(rol=Rol.AANBIEDER, aanbieder__isnull=False).order_by("pk")
        }
        teamleiders = {u.organisatie_id: u for u in User.objects.filter(rol=Rol.TEAMLEIDER).order_by("-pk")}
        contracten: dict[int, list[Contract]] = {}
        for contract in Contract.objects.select_related("aanbieder").order_by(
            "aanbieder__naam", "begindatum"
        ):
            contracten.setdefault(contract.aanbieder.organisatie_id, []).append(contract)

        al_gedaan = Verwijzing.objects.filter(
            contract__aanbieder__in=Aanbieder.objects.filter(
                naam__in={naam for aanbieders in AANBIEDERS.values() for naam in aanbieders}
            )
        ).exists()
        gevallen = (
            Inburgeraar.objects.none()
            if al_gedaan  # the demo's referrals exist: a second run adds none
            else Inburgeraar.objects.filter(status__in=ACTIEF, pips__isnull=False, verwijzingen__isnull=True)
            .select_related("gemeente", "consulent")
            .distinct()
            .order_by("pk")
        )
        plannen: list[_Plan] = []
        for inburgeraar in gevallen:
            pip = inburgeraar.pips.order_by("-versie").first()
            plannen.extend(bouwer.plan(inburgeraar, pip))
        _wachtlijst_maken(plannen, contracten, vandaag)
        plannen.sort(key=lambda p: (p.verzonden_op, p.inburgeraar.pk, p.onderdeel))
        _capaciteit_zetten(plannen, contracten, vandaag)

        oud_gewijzigd = dict(
            Inburgeraar.objects.filter(pk__in={p.inburgeraar.pk for p in plannen}).values_list(
                "pk", "gewijzigd_op"
            )
        )
        post_save.connect(bouwer.gebeurtenis_bewaard, sender=Gebeurtenis, weak=False)
        try:
            with verwerkingslog.gebundeld(tijdstip=lambda: bouwer.moment):
                for plan in plannen:
                    _uitvoeren(bouwer, plan, contracten, medewerkers, teamleiders)
        finally:
            post_save.disconnect(bouwer.gebeurtenis_bewaard, sender=Gebeurtenis)
        Gebeurtenis.objects.bulk_update(
            [Gebeurtenis(pk=pk, op=op) for pk, op in bouwer.gebeurtenis_op.items()], ["op"], batch_size=500
        )
        Inburgeraar.objects.bulk_update(
            [Inburgeraar(pk=pk, gewijzigd_op=op) for pk, op in oud_gewijzigd.items()],
            ["gewijzigd_op"],
            batch_size=500,
        )
    for status in Verwijzing.objects.values_list("status", flat=True):
        bouwer.telling[status] += 1
    return bouwer.telling


def _wachtlijst_maken(plannen: list[_Plan], contracten: dict, vandaag: date) -> None:
    """The two newest B1-route referrals of each organisation were sent last week and wait for an
    answer: with the language school's contract full (see `_capaciteit_zetten`) they wait on its list."""
    per_organisatie: dict[int, list[_Plan]] = {}
    for plan in plannen:
        if plan.onderdeel == P.B1_ROUTE:
            per_organisatie.setdefault(plan.inburgeraar.gemeente.organisatie_id, []).append(plan)
    for lijst in per_organisatie.values():
        lijst.sort(key=lambda p: (p.verzonden_op, p.inburgeraar.pk), reverse=True)
        for index, plan in enumerate(lijst[:2]):
            plan.verzonden_op = max(plan.verzonden_op, vandaag - timedelta(days=3 + 4 * index))
            plan.afloop = []


def _capaciteit_zetten(plannen: list[_Plan], contracten: dict, vandaag: date) -> None:
    """Capacity per contract: the places the plan ends up using, plus room, except for the main
    language school's current contract, which is full so its newest referrals wait."""
    bezet: dict[int, int] = {}
    wachtend: dict[int, int] = {}
    for plan in plannen:
        contract = _contract_voor(
            contracten[plan.inburgeraar.gemeente.organisatie_id], plan.onderdeel, plan.verzonden_op
        )
        if contract is None:
            continue
        stappen = [stap for stap, _, _ in plan.afloop]
        if not stappen:
            wachtend[contract.pk] = wachtend.get(contract.pk, 0) + 1
        elif stappen[-1] in ("accepteren", "starten"):
            bezet[contract.pk] = bezet.get(contract.pk, 0) + 1
    for lijst in contracten.values():
        for contract in lijst:
            n, w = bezet.get(contract.pk, 0), wachtend.get(contract.pk, 0)
            hoofd = contract.perceel == P.B1_ROUTE and contract.is_geldig_op(vandaag)
            contract.capaciteit = max(1, n + w - min(w, 3)) if hoofd else n + w + 5 + n // 5
            contract.save(update_fields=["capaciteit"])


def _uitvoeren(bouwer: _Bouwer, plan: _Plan, contracten: dict, medewerkers: dict, teamleiders: dict) -> None:
    inburgeraar = plan.inburgeraar
    lijst = contracten[inburgeraar.gemeente.organisatie_id]
    contract = _contract_voor(lijst, plan.onderdeel, plan.verzonden_op)
    if contract is None:
        return
    consulent = inburgeraar.consulent or teamleiders[inburgeraar.gemeente.organisatie_id]
    inburgeraar.refresh_from_db(fields=["versie", "status"])
    bouwer.op(plan.verzonden_op)
    verwijzing = services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=plan.onderdeel,
        contract=contract,
        door=consulent,
        verzonden_op=plan.verzonden_op,
        toelichting=bouwer.rng.choice(
            [
                "",
                "",
                "Kan alleen in de ochtend (kinderen naar school).",
                "Heeft een tolk Arabisch nodig bij de intake.",
            ]
        ),
    )
    aanbieder_door = medewerkers.get(contract.aanbieder_id, consulent)
    for stap, dag, extra in plan.afloop:
        bouwer.op(dag)
        if stap == "weigeren":
            services.weigeren(
                verwijzing=verwijzing, reden=bouwer.rng.choice(REDENEN_WEIGERING), door=aanbieder_door
            )
            Verwijzing.objects.filter(pk=verwijzing.pk).update(beantwoord_op=dag)
            # Referred again, to another provider when there is one.
            ander = _contract_voor(lijst, plan.onderdeel, dag, niet=contract)
            if ander is not None and dag < bouwer.vandaag:
                inburgeraar.refresh_from_db(fields=["versie", "status"])
                services.verwijzen(
                    inburgeraar=inburgeraar,
                    onderdeel=plan.onderdeel,
                    contract=ander,
                    door=consulent,
                    verzonden_op=dag,
                )
        elif stap == "intrekken":
            inburgeraar.refresh_from_db(fields=["versie", "status"])
            services.intrekken(
                verwijzing=verwijzing,
                reden="De inburgeraar is verhuisd naar een andere gemeente.",
                door=consulent,
            )
        elif stap == "accepteren":
            if contract.einddatum and extra > contract.einddatum:
                extra = contract.einddatum  # the start the provider names falls within its contract
            services.accepteren(verwijzing=verwijzing, startdatum=extra, door=aanbieder_door)
            Verwijzing.objects.filter(pk=verwijzing.pk).update(beantwoord_op=dag)
        elif stap == "starten":
            services.starten(verwijzing=verwijzing, startdatum=dag, door=aanbieder_door)
        elif stap == "afsluiten":
            services.afsluiten(
                verwijzing=verwijzing,
                einddatum=dag,
                uitkomst=S.AFGEBROKEN if extra else S.AFGEROND,
                toelichting=bouwer.rng.choice(REDENEN_AFGEBROKEN) if extra else "",
                door=aanbieder_door,
            )

"""Demo data: participation activities and the situation at the measuring moments of the demo
cases, so the case tab and the outcome figures (regie.participatie.cijfers) have something to show.

Assumptions (stated, not measured; the domain reference has no outcome figures, and CBS links work
and benefits to the SWI itself): the share with paid work grows with the time since the start of
the termijn, to roughly a quarter to a third after two years, in the order of what CBS publishes
for earlier cohorts of statushouders; family migrants work somewhat more often. Most work is
part-time and temporary (uitzend, tijdelijk, oproep). Volunteering and a language buddy are more
common than work. Exactly:
- paid work ever started, by months after the start of the termijn (asielstatushouder / others):
  12 months 14 % / 25 %, 24 months 33 % / 38 %, 36 months 45 % / 48 % (linear in between); of
  those jobs 65 % part-time (12-28 hours), one in five ended again (most often: contract not
  renewed);
- volunteering 50 % / 30 % (from the 2nd to the 21st month, for 9 months to four years, so at
  24 months more are volunteering than working), a language buddy or klankbordgroep 30 %, a sport or culture club
  15 %, a work-experience place 10 %, an internship 5 %, education (mbo, hbo) 8 % from the second
  year, something else 3 %;
- a measuring moment that is due is recorded for 85 % of the cases (the intake's for every case
  with a finished brede intake), a few weeks after it was due; work and education follow from the
  activities running that day, bijstand from work (no work: mostly full bijstand), self-reliance
  starts at 2 (asielstatushouder) or 3 and rises about one step in two years.

Rows are bulk-loaded as history; each activity and situation gets its timeline entry (and
processing-log entry) at the moment it was recorded, after the case was registered and before
today. Numbers come from `random.Random(seed)` and dates are relative to `vandaag`, so the same
seed on the same day gives the same data. Cases that already have activities or situations are
left alone. Called from `regie.demo.opbouw.bouw_demo`, after the brede intakes and PIPs exist.
"""

import random
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from regie import klok
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.participatie.models import Activiteit, Contractvorm, Resultaat, Situatie, Soort, Uitkering, Werk
from regie.pip.models import Pip
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog
from regie.wet.meetmomenten import Meetmoment, meetdatum
from regie.wet.termijnen import termijn_start

# Cumulative share that started paid work, by months after the start of the termijn.
WERK = {
    True: [(0, 0.03), (12, 0.14), (24, 0.33), (36, 0.45)],
    False: [(0, 0.10), (12, 0.25), (24, 0.38), (36, 0.48)],
}
CONTRACTEN = [
    (Contractvorm.TIJDELIJK, 40),
    (Contractvorm.UITZEND, 25),
    (Contractvorm.OPROEP, 15),
    (Contractvorm.VAST, 12),
    (Contractvorm.ZELFSTANDIG, 8),
]
WERKGEVERS = [
    ("Distributiecentrum Flevopolder", "Orderpicker"),
    ("Bakkerij De Korenschoof", "Medewerker productie"),
    ("Zorggroep Oost", "Huishoudelijk medewerker"),
    ("Schoonmaakbedrijf Glans", "Schoonmaker"),
    ("Kassencentrum Noord", "Teeltmedewerker"),
    ("Supermarkt Plus", "Vakkenvuller"),
    ("Bouwbedrijf Van Dijk", "Timmerman"),
    ("Restaurant De Haven", "Kok"),
    ("Transportbedrijf Snel", "Chauffeur"),
    ("Eigen bedrijf", "Kapper"),
]
# (kind, share asiel, share others, partner names, months from, months to, duration in months)
OVERIG = [
    (
        Soort.VRIJWILLIGERSWERK,
        0.50,
        0.30,
        ["Voedselbank", "Kringloopwinkel", "Buurthuis De Schakel"],
        1,
        20,
        (9, 48),
    ),
    (
        Soort.TAALMAATJE,
        0.30,
        0.30,
        ["Vluchtelingenwerk taalmaatjes", "Klankbordgroep nieuwkomers"],
        0,
        10,
        (6, 12),
    ),
    (
        Soort.SPORT_CULTUUR,
        0.15,
        0.15,
        ["Voetbalvereniging", "Muziekschool", "Zwemvereniging"],
        2,
        20,
        (6, 30),
    ),
    (Soort.WERKERVARINGSPLEK, 0.10, 0.10, ["Sociaal werkbedrijf", "Gemeentewerf"], 6, 24, (3, 6)),
    (Soort.STAGE, 0.05, 0.05, ["ROC stagebedrijf", "Zorginstelling stage"], 8, 26, (2, 5)),
    (Soort.OPLEIDING, 0.08, 0.08, ["ROC", "Hogeschool"], 12, 30, (10, 36)),
    (Soort.ANDERS, 0.03, 0.03, ["Moskee- of kerkgemeenschap"], 0, 20, (6, 24)),
]
GESTOPT = ["Contract niet verlengd", "Verhuisd", "Te zwaar naast de cursus", "Kinderopvang niet rond"]
VASTLEGGEN = 0.85


def _gedeeld(punten, maand: float) -> float:
    for (m0, p0), (m1, p1) in zip(punten, punten[1:], strict=False):
        if maand <= m1:
            return p0 + (p1 - p0) * (maand - m0) / (m1 - m0)
    return punten[-1][1]


def _werkmaand(rng: random.Random, asiel: bool) -> float | None:
    """The month after the start of the termijn in which paid work started, or None."""
    u = rng.random()
    punten = WERK[asiel]
    if u > punten[-1][1]:
        return None
    maand = 0.0
    while _gedeeld(punten, maand) < u:
        maand += 0.5
    return maand


class _Bouwer:
    def __init__(self, *, vandaag: date, seed: int):
        self.vandaag = vandaag
        self.gisteren = vandaag - timedelta(days=1)
        self.rng = random.Random(seed)
        self.moment: datetime | None = None
        self.gebeurtenis_op: dict[int, datetime] = {}

    def _op(self, dag: date, *, niet_voor: datetime) -> datetime:
        moment = timezone.make_aware(datetime.combine(min(dag, self.gisteren), time(9))) + timedelta(
            minutes=self.rng.randint(0, 420)
        )
        return max(moment, niet_voor + timedelta(minutes=1))

    def activiteiten(self, inburgeraar: Inburgeraar, start: date | None, begin: date) -> list[Activiteit]:
        rng, asiel = self.rng, inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
        basis = start or begin
        uit = []

        def maak(soort, partner, van, tot=None, **velden):
            if van > self.gisteren:
                return
            if tot is not None and tot > self.gisteren:
                tot = None
            resultaat, reden = Resultaat.LOOPT, ""
            if tot is not None:
                resultaat = Resultaat.VOORTIJDIG_GESTOPT if rng.random() < 0.3 else Resultaat.AFGEROND
                reden = rng.choice(GESTOPT) if resultaat == Resultaat.VOORTIJDIG_GESTOPT else ""
            uit.append(
                Activiteit(
                    inburgeraar=inburgeraar,
                    soort=soort,
                    partner=partner,
                    startdatum=van,
                    einddatum=tot,
                    resultaat=resultaat,
                    reden=reden,
                    aangemaakt_door=inburgeraar.consulent,
                    gewijzigd_door=inburgeraar.consulent,
                    **velden,
                )
            )

        if start is not None:
            maand = _werkmaand(rng, asiel)
            if maand is not None:
                van = start + timedelta(days=round(maand * 30.4))
                deeltijd = rng.random() < 0.65
                werkgever, functie = rng.choice(WERKGEVERS)
                contract = rng.choices([c for c, _ in CONTRACTEN], [w for _, w in CONTRACTEN])[0]
                tot = van + relativedelta(months=rng.randint(3, 12)) if rng.random() < 0.2 else None
                maak(
                    Soort.BETAALD_WERK,
                    werkgever,
                    van,
                    tot,
                    omschrijving=functie,
                    uren_per_week=rng.randint(12, 28) if deeltijd else rng.randint(32, 40),
                    contractvorm=contract,
                )
        for soort, kans_asiel, kans_anders, partners, vanaf, tot_maand, duur in OVERIG:
            if rng.random() >= (kans_asiel if asiel else kans_anders):
                continue
            if start is None and vanaf > 0:
                continue
            van = (
                basis
                + relativedelta(months=rng.randint(vanaf, tot_maand))
                + timedelta(days=rng.randint(0, 27))
            )
            maak(
                soort,
                rng.choice(partners),
                van,
                van + relativedelta(months=rng.randint(*duur)),
                uren_per_week=rng.randint(2, 8) if soort != Soort.OPLEIDING else rng.randint(16, 32),
            )
        return uit

    def situatie(self, inburgeraar, moment: Meetmoment, dag: date, activiteiten, asiel: bool) -> Situatie:
        rng = self.rng
        lopend = [
            a for a in activiteiten if a.startdatum <= dag and (a.einddatum is None or a.einddatum >= dag)
        ]
        baan = next((a for a in lopend if a.soort == Soort.BETAALD_WERK), None)
        werk = Werk.GEEN if baan is None else (Werk.VOLTIJD if baan.uren_per_week >= 32 else Werk.DEELTIJD)
        if werk == Werk.VOLTIJD:
            uitkering = Uitkering.GEEN if rng.random() < 0.8 else Uitkering.GEDEELTELIJK
        elif werk == Werk.DEELTIJD:
            uitkering = rng.choices(
                [Uitkering.GEDEELTELIJK, Uitkering.GEEN, Uitkering.VOLLEDIG], [60, 30, 10]
            )[0]
        else:
            volledig = 0.85 if asiel else 0.4
            uitkering = rng.choices(
                [Uitkering.VOLLEDIG, Uitkering.GEDEELTELIJK, Uitkering.GEEN],
                [volledig, 0.05, 0.95 - volledig],
            )[0]
        zelf = (2 if asiel else 3) + moment.maanden // 24 + (baan is not None) + rng.choice([-1, 0, 0, 1])
        return Situatie(
            inburgeraar=inburgeraar,
            moment=moment,
            gemeten_op=dag,
            werk=werk,
            opleiding=any(a.soort == Soort.OPLEIDING for a in lopend),
            uitkering=uitkering,
            zelfredzaamheid=min(5, max(1, zelf)),
            vastgelegd_door=inburgeraar.consulent,
        )

    def casus(
        self, inburgeraar: Inburgeraar, eerste_pip: date | None, intake_af: date | None
    ) -> tuple[int, int]:
        rng = self.rng
        asiel = inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
        start = termijn_start(eerste_pip) if eerste_pip else None
        geregistreerd = inburgeraar.aangemaakt_op
        begin = min(
            max(intake_af or timezone.localdate(geregistreerd), timezone.localdate(geregistreerd)),
            self.gisteren,
        )
        activiteiten = self.activiteiten(inburgeraar, start, begin)
        situaties = []
        if intake_af is not None:
            situaties.append(self.situatie(inburgeraar, Meetmoment.INTAKE, begin, activiteiten, asiel))
        for moment in (Meetmoment.MAAND_12, Meetmoment.MAAND_24, Meetmoment.MAAND_36):
            vanaf = meetdatum(moment, start)
            if vanaf is None or vanaf > self.gisteren or rng.random() >= VASTLEGGEN:
                continue
            dag = min(vanaf + timedelta(days=rng.randint(0, 40)), self.gisteren)
            situaties.append(self.situatie(inburgeraar, moment, dag, activiteiten, asiel))
        Activiteit.objects.bulk_create(activiteiten)
        Situatie.objects.bulk_create(situaties)
        for activiteit in activiteiten:
            dag = min(activiteit.startdatum + timedelta(days=rng.randint(0, 14)), self.gisteren)
            self.moment = self._op(dag, niet_voor=geregistreerd)
            activiteit.aangemaakt_op = activiteit.gewijzigd_op = self.moment
            gebeurtenis = events.participatie_toegevoegd(inburgeraar, inburgeraar.consulent, activiteit)
            self.gebeurtenis_op[gebeurtenis.pk] = self.moment
        for situatie in situaties:
            self.moment = self._op(situatie.gemeten_op, niet_voor=geregistreerd)
            situatie.vastgelegd_op = self.moment
            gebeurtenis = events.situatie_vastgelegd(inburgeraar, inburgeraar.consulent, situatie)
            self.gebeurtenis_op[gebeurtenis.pk] = self.moment
        Activiteit.objects.bulk_update(activiteiten, ["aangemaakt_op", "gewijzigd_op"])
        Situatie.objects.bulk_update(situaties, ["vastgelegd_op"])
        return len(activiteiten), len(situaties)


def participatie_demo(*, vandaag: date | None = None, seed: int = 2021) -> dict[str, int]:
    """Activities and situations for every demo case that has none yet. Returns the counts."""
    bouwer = _Bouwer(vandaag=vandaag or klok.vandaag(), seed=seed)
    eerste_pip = dict(
        Pip.objects.values("inburgeraar").annotate(d=Min("dagtekening")).values_list("inburgeraar", "d")
    )
    personen = (
        Inburgeraar.objects.filter(
            consulent__isnull=False,
            aangemaakt_op__lt=timezone.make_aware(datetime.combine(bouwer.gisteren, time(12))),
            participatie_activiteiten__isnull=True,
            situaties__isnull=True,
        )
        .select_related("consulent", "brede_intake")
        .order_by("pk")
    )
    aantallen = {"activiteiten": 0, "situaties": 0}
    with transaction.atomic(), verwerkingslog.gebundeld(tijdstip=lambda: bouwer.moment):
        for persoon in personen:
            pip = min(
                [d for d in (eerste_pip.get(persoon.pk), persoon.dagtekening_eerste_pip_elders) if d],
                default=None,
            )
            intake = getattr(persoon, "brede_intake", None)
            activiteiten, situaties = bouwer.casus(persoon, pip, intake.afgerond_op if intake else None)
            aantallen["activiteiten"] += activiteiten
            aantallen["situaties"] += situaties
        Gebeurtenis.objects.bulk_update(
            [Gebeurtenis(pk=pk, op=op) for pk, op in bouwer.gebeurtenis_op.items()], ["op"], batch_size=500
        )
    return aantallen

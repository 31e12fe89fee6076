"""Demo data: what providers reported on the demo referrals (made by regie.trajecten.demo).

Realistic on purpose, so the worklist signals have something to show:
- most weeks of every running language/course trajectory are reported, a few are missed;
- about one referral in ten has a lot of unexcused absence lately (above 20 % over four weeks);
- one provider in four has been silent for four to seven weeks;
- progress measurements every eight weeks (participation every four weeks for maatschappelijke
  begeleiding), exam attempts (passed and failed) after half a year,
  PVT and MAP completions, a Z-route completion with its hours and end interview, and end
  reports for finished trajectories.

Weekly attendance is bulk-loaded as history (no timeline entry per week); progress, exams,
results and end reports get their timeline entries, dated at the moment they were reported.
The numbers come from `random.Random(seed)` and the dates are relative to `vandaag`, so the
same seed on the same day gives the same data. Run it after the referrals exist; referrals
that already have reports are left alone.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from regie import klok
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.verwerkingslog import log as verwerkingslog
from regie.voortgang import afwezigheid, rapportagemoment
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgang.models import (
    Bron,
    Eindrapport,
    Examenpoging,
    Onderdeelresultaat,
    Voortgangsmeting,
    Weekrapportage,
)

S = VerwijzingStatus
# Hours offered per week, per kind of referral (perceel).
UREN_PER_WEEK = {"b1_route": 12, "onderwijsroute": 16, "z_route": 10, "map": 4, "pvt": 3}
# How long a short component lasts (weeks); the language routes run until the end date.
DUUR_WEKEN = {"pvt": 8, "map": 14}
MAX_WEKEN = 26
NIVEAUS = ["A0", "A1", "A2", "B1"]


def _moment(dag: date, uur: float) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(int(uur), int((uur % 1) * 60))))


def _half(rng: random.Random, van: float, tot: float) -> Decimal:
    """A number of hours in half hours."""
    return Decimal(round(rng.uniform(van, tot) * 2)) / 2


class _Vuller:
    def __init__(self, *, vandaag: date, seed: int):
        self.vandaag = vandaag
        self.rng = random.Random(seed)
        self.moment: datetime | None = None
        self.gebeurtenis_op: dict[int, datetime] = {}
        self.telling = {"weken": 0, "metingen": 0, "examens": 0, "resultaten": 0, "eindrapporten": 0}

    def gebeurtenis_bewaard(self, sender, instance, created, **kwargs):
        if created and self.moment is not None:
            self.gebeurtenis_op[instance.pk] = self.moment

    def weken(self, verwijzing, begin: date, laatste: date, *, verzuim: bool, medewerker) -> None:
        per_week = UREN_PER_WEEK.get(verwijzing.onderdeel)
        if not per_week:
            return
        if verwijzing.onderdeel in DUUR_WEKEN:
            laatste = min(laatste, maandag_van(begin) + timedelta(weeks=DUUR_WEKEN[verwijzing.onderdeel] - 1))
        maandag = max(maandag_van(begin), laatste - timedelta(weeks=MAX_WEKEN - 1))
        rijen = []
        while maandag <= laatste:
            if self.rng.random() < 0.05:  # a week the provider forgot
                maandag += timedelta(weeks=1)
                continue
            # Reported in the days after the week; a report due today or later is not in yet.
            ingediend = maandag + timedelta(days=8 + self.rng.randint(0, 2))
            if ingediend >= self.vandaag:
                break
            aangeboden = Decimal(per_week)
            recent = (laatste - maandag).days < 35
            if verzuim and recent:
                ongeoorloofd = _half(self.rng, per_week * 0.25, per_week * 0.45)
            elif self.rng.random() < 0.08:
                ongeoorloofd = _half(self.rng, 1, per_week * 0.25)
            else:
                ongeoorloofd = Decimal(0)
            ziek = _half(self.rng, 1, per_week / 2) if self.rng.random() < 0.12 else Decimal(0)
            afspraak = Decimal(2) if self.rng.random() < 0.1 else Decimal(0)
            ziek = min(ziek, aangeboden - ongeoorloofd)
            afspraak = min(afspraak, aangeboden - ongeoorloofd - ziek)
            rijen.append(
                Weekrapportage(
                    verwijzing=verwijzing,
                    week=maandag,
                    uren_aangeboden=aangeboden,
                    uren_gevolgd=aangeboden - ongeoorloofd - ziek - afspraak,
                    uren_afwezig_ziek=ziek,
                    uren_afwezig_afspraak=afspraak,
                    uren_afwezig_ongeoorloofd=ongeoorloofd,
                    opmerking="Griep" if ziek >= 4 else "",
                    bron=Bron.CSV if self.rng.random() < 0.6 else Bron.PORTAAL,
                    ingediend_door=medewerker,
                    ingediend_op=_moment(ingediend, 9 + self.rng.random() * 7),
                )
            )
            maandag += timedelta(weeks=1)
        Weekrapportage.objects.bulk_create(rijen, batch_size=500)
        if rijen:
            rapportagemoment.gemeld(max(rijen, key=lambda r: r.ingediend_op))
        self.telling["weken"] += len(rijen)

    def _met_tijdlijn(self, dag: date, maak, gebeurtenis) -> None:
        self.moment = _moment(dag, 10 + self.rng.random() * 6)
        obj = maak(self.moment)
        rapportagemoment.gemeld(obj)
        gebeurtenis(obj)
        self.moment = None

    def voortgang(self, verwijzing, begin: date, einde: date, medewerker) -> None:
        if verwijzing.onderdeel == "maatschappelijke_begeleiding":
            self.begeleiding(verwijzing, begin, einde, medewerker)
            return
        if verwijzing.onderdeel not in ("b1_route", "onderwijsroute", "z_route"):
            return
        stap = 0
        dag = begin + timedelta(weeks=8)
        while dag <= einde:
            niveau = NIVEAUS[min(1 + stap // 2, len(NIVEAUS) - 1)]
            for onderdeel in ("lezen", "spreken") if verwijzing.onderdeel != "z_route" else ("participatie",):
                waarde = (
                    niveau if onderdeel != "participatie" else ("op_koers" if stap % 3 else "niet_op_koers")
                )
                self._met_tijdlijn(
                    dag,
                    lambda moment, o=onderdeel, w=waarde, d=dag: Voortgangsmeting.objects.create(
                        verwijzing=verwijzing,
                        datum=d,
                        onderdeel=o,
                        niveau=w,
                        bron=Bron.PORTAAL,
                        ingediend_door=medewerker,
                        ingediend_op=moment,
                    ),
                    lambda meting: events.voortgangsmeting_vastgelegd(
                        verwijzing.inburgeraar, medewerker, meting
                    ),
                )
                self.telling["metingen"] += 1
            stap += 1
            dag += timedelta(weeks=8)

    def begeleiding(self, verwijzing, begin: date, einde: date, medewerker) -> None:
        """Maatschappelijke begeleiding reports participation every four weeks (the last half year)."""
        dag = max(begin + timedelta(weeks=4), einde - timedelta(weeks=26))
        while dag <= einde:
            niveau = "op_koers" if self.rng.random() < 0.85 else "niet_op_koers"
            self._met_tijdlijn(
                dag,
                lambda moment, d=dag, n=niveau: Voortgangsmeting.objects.create(
                    verwijzing=verwijzing,
                    datum=d,
                    onderdeel="participatie",
                    niveau=n,
                    toelichting="Gesprek over werk, school van de kinderen en vrijwilligerswerk.",
                    bron=Bron.PORTAAL,
                    ingediend_door=medewerker,
                    ingediend_op=moment,
                ),
                lambda meting: events.voortgangsmeting_vastgelegd(verwijzing.inburgeraar, medewerker, meting),
            )
            self.telling["metingen"] += 1
            dag += timedelta(weeks=4)

    def examens(self, verwijzing, begin: date, einde: date, medewerker) -> None:
        if verwijzing.onderdeel != "b1_route":
            return
        dag = begin + timedelta(days=170 + self.rng.randint(0, 20))
        if dag > einde:
            return  # not yet taken: no exam after the last reported day
        for onderdeel in ("lezen", "luisteren", "knm"):
            behaald = self.rng.random() < 0.7
            self._met_tijdlijn(
                dag,
                lambda moment, o=onderdeel, b=behaald: Examenpoging.objects.create(
                    verwijzing=verwijzing,
                    datum=dag,
                    onderdeel=o,
                    uitslag="behaald" if b else "niet_behaald",
                    niveau="" if o == "knm" else "B1",
                    bron=Bron.API,
                    ingediend_door=medewerker,
                    ingediend_op=moment,
                ),
                lambda poging: events.examenpoging_vastgelegd(verwijzing.inburgeraar, medewerker, poging),
            )
            self.telling["examens"] += 1

    def resultaat(self, verwijzing, begin: date, einde: date, medewerker) -> None:
        soort, duur = {"pvt": ("pvt", 8), "map": ("map", 14), "z_route": ("zroute", 0)}.get(
            verwijzing.onderdeel, (None, 0)
        )
        if soort is None:
            return
        if soort == "zroute":
            if verwijzing.status != S.AFGEROND or verwijzing.einddatum is None:
                return
            dag = verwijzing.einddatum
            extra = {
                "uren_taal": 800 + self.rng.randint(0, 60),
                "uren_participatie": 800 + self.rng.randint(0, 80),
            }
            extra["eindgesprek_op"] = dag - timedelta(days=self.rng.randint(3, 14))
        else:
            dag = begin + timedelta(weeks=duur)
            if dag > einde:
                return
            extra = {}
        self._met_tijdlijn(
            dag,
            lambda moment: Onderdeelresultaat.objects.create(
                verwijzing=verwijzing,
                soort=soort,
                afgerond_op=dag,
                bron=Bron.PORTAAL,
                ingediend_door=medewerker,
                ingediend_op=moment,
                **extra,
            ),
            lambda r: events.onderdeelresultaat_vastgelegd(verwijzing.inburgeraar, medewerker, r),
        )
        self.telling["resultaten"] += 1

    def eindrapport(self, verwijzing, medewerker) -> None:
        if verwijzing.status not in (S.AFGEROND, S.AFGEBROKEN) or verwijzing.einddatum is None:
            return
        samenvatting = (
            "Het traject is afgerond. De inburgeraar was meestal aanwezig en heeft goed meegedaan."
            if verwijzing.status == S.AFGEROND
            else "Het traject is voortijdig gestopt. De inburgeraar kwam vaak niet naar de lessen."
        )
        self._met_tijdlijn(
            verwijzing.einddatum,
            lambda moment: Eindrapport.objects.create(
                verwijzing=verwijzing,
                datum=verwijzing.einddatum,
                samenvatting=samenvatting,
                advies="Doorgaan met taalcafé en vrijwilligerswerk."
                if verwijzing.status == S.AFGEROND
                else "",
                bron=Bron.PORTAAL,
                ingediend_door=medewerker,
                ingediend_op=moment,
            ),
            lambda rapport: events.eindrapport_vastgelegd(verwijzing.inburgeraar, medewerker, rapport),
        )
        self.telling["eindrapporten"] += 1


def vul_rapportages(*, vandaag: date | None = None, seed: int = 2021) -> dict[str, int]:
    """Reports for every demo referral that was accepted, started or finished and has none yet."""
    from regie.accounts.models import Rol, User

    vandaag = vandaag or klok.vandaag()
    vuller = _Vuller(vandaag=vandaag, seed=seed)
    vorige_week = maandag_van(vandaag) - timedelta(weeks=1)
    verwijzingen = list(
        Verwijzing.objects.filter(status__in=[S.GEACCEPTEERD, S.GESTART, S.AFGEROND, S.AFGEBROKEN])
        .exclude(weekrapportages__isnull=False)
        .select_related("contract__aanbieder", "inburgeraar")
        .order_by("contract__aanbieder__naam", "pk")
    )
    aanbieders = sorted({v.contract.aanbieder_id for v in verwijzingen})
    stil = {a: (i % 4 == 3) for i, a in enumerate(aanbieders)}
    medewerkers = {
        u.aanbieder_id: u
        for u in User.objects.filter(rol=Rol.AANBIEDER, aanbieder_id__in=aanbieders).order_by("pk")
    }
    with transaction.atomic():
        post_save.connect(vuller.gebeurtenis_bewaard, sender=Gebeurtenis, weak=False)
        try:
            with verwerkingslog.gebundeld(tijdstip=lambda: vuller.moment):
                for index, verwijzing in enumerate(verwijzingen):
                    begin = verwijzing.startdatum or verwijzing.geplande_startdatum
                    if begin is None or begin > vandaag:
                        continue
                    medewerker = medewerkers.get(verwijzing.contract.aanbieder_id)
                    laatste = min(verwijzing.einddatum or vorige_week, vorige_week)
                    if stil[verwijzing.contract.aanbieder_id] and verwijzing.status in (
                        S.GEACCEPTEERD,
                        S.GESTART,
                    ):
                        laatste = vorige_week - timedelta(weeks=4 + index % 3)
                    einde = min(verwijzing.einddatum or vandaag, laatste + timedelta(days=6))
                    vuller.weken(verwijzing, begin, laatste, verzuim=index % 10 == 3, medewerker=medewerker)
                    vuller.voortgang(verwijzing, begin, einde, medewerker)
                    vuller.examens(verwijzing, begin, einde, medewerker)
                    vuller.resultaat(verwijzing, begin, einde, medewerker)
                    vuller.eindrapport(verwijzing, medewerker)
        finally:
            post_save.disconnect(vuller.gebeurtenis_bewaard, sender=Gebeurtenis)
        Gebeurtenis.objects.bulk_update(
            [Gebeurtenis(pk=pk, op=op) for pk, op in vuller.gebeurtenis_op.items()], ["op"], batch_size=500
        )
        # Every case's attendance window, as the weekly run of `rapportages_herberekenen` stores it.
        afwezigheid.herberekenen(vandaag=vandaag)
    return vuller.telling

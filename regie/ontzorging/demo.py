"""Demo data for ontzorging (Pw 56a): the households of asielstatushouders on bijstand in their
first months, their fixed costs, the bijstand the Participatiewet system reported, budget
coaching, and a year of monthly payment runs per municipality with one returned payment.

Assumptions (stated, not measured; the domain reference gives no figures): an asielstatushouder
gets bijstand from moving into the house (datum_huisvesting); the first payment follows 7 to 30
days later. Of those households 85 % have ontzorging recorded (the rest: the consultant has not
yet, or the person had income); one in ten of the ontzorgingen that ended was continued with
consent for three months. The household is the first case; a partner in Regie (also a
nareiziger, who has a derived asylum permit) gets no second ontzorging. Each household has 3 or 4
payees: the housing corporation of its municipality (rent EUR 560 to 780), an energy company
(EUR 110 to 220), in six of ten a water company (EUR 18 to 32; otherwise in the rent) and a health
insurer (EUR 138 to 152 a month per adult). Net bijstand: EUR 1,330 single, EUR 1,900 with a
partner (in the order of the 2026 norms; not a calculation). Budget coaching: two thirds of the
households, as a participation activity, with the checklist filled in as time passes.

Runs: one per municipality for every month of the last twelve up to last month, prepared by
financieel.<organisation> and approved by financieel2.<organisation> (four eyes), with a real
pain.001 file; all paid except last month's (file made, not yet confirmed). Two months ago in
Dronten one rent payment came back (closed account) and was paid again in the next run; in last
month's run of Dronten one came back that the current month's run will pay again. This month
has no run: preparing it is left to the demo user.

Drawn from `random.Random(seed)` relative to `vandaag`; nothing dated after today except the end
of a running ontzorging. Timeline and processing-log entries are backdated to their moments.
Called from `regie.demo.opbouw.bouw_demo`, after the participation demo.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from stdnum import iban as stdnum_iban

from regie.accounts.models import Rol, User
from regie.financien.bedragen import euro
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.ontzorging import sepa
from regie.ontzorging.betaalruns import betaling_voor
from regie.ontzorging.models import (
    Betaalrekening,
    Betaalrun,
    Betaling,
    Betalingstatus,
    Bijstandsbedrag,
    Kostensoort,
    Ontzorging,
    Runstatus,
    VasteLast,
    Vergunning,
)
from regie.ontzorging.selectors import vaste_lasten_voor_maand
from regie.ontzorging.zelfredzaamheid import CHECKLIST
from regie.participatie.models import Activiteit, Resultaat
from regie.participatie.models import Soort as ActiviteitSoort
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog
from regie.wet import ontzorging as wet
from regie.wet import perioden

AANDEEL_ONTZORGING = 0.85
AANDEEL_VERLENGD = 0.10
AANDEEL_WATER = 0.6
AANDEEL_COACHING = 0.67
MAANDEN_RUNS = 12
BIJSTAND = {False: 133000, True: 190000}
VERHUURDERS = {
    "0303": ["Woonstichting De Meerpaal"],
    "0171": ["Mercatus"],
    "0505": ["Woonbron", "Trivire"],
    "0642": ["Woonkracht10"],
    "0590": ["Trivire"],
    "0531": ["Woonkracht10", "Trivire"],
}
WATER = {"0303": "Vitens", "0171": "Vitens"}
ENERGIE = ["Vattenfall", "Eneco", "Essent", "Budget Energie"]
ZORGVERZEKERAARS = ["Zilveren Kruis", "CZ", "Menzis", "VGZ"]
COACHES = ["Humanitas Thuisadministratie", "SchuldHulpMaatje", "Budgetmaatjes 070"]
BANKEN = ["INGB", "RABO", "ABNA", "BNGH", "SNSB", "TRIO"]


def _iban(naam: str) -> str:
    """A valid, stable Dutch IBAN for a company of the demo (python-stdnum's check digits)."""
    rng = random.Random(naam)
    bban = f"{rng.choice(BANKEN)}{rng.randrange(10**9, 10**10)}"
    return f"NL{stdnum_iban.calc_check_digits('NL00' + bban)}{bban}"


def _moment(dag: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(9))) + timedelta(minutes=rng.randint(0, 420))


class _Bouwer:
    def __init__(self, *, vandaag: date, seed: int):
        self.vandaag = vandaag
        self.gisteren = vandaag - timedelta(days=1)
        self.rng = random.Random(seed)
        self.moment: datetime | None = None
        self.gebeurtenis_op: dict[int, datetime] = {}
        self.stempels: dict[type, dict[int, dict]] = {}

    def _stempel(self, obj, **velden) -> None:
        self.stempels.setdefault(type(obj), {})[obj.pk] = velden

    def _gebeurd(self, gebeurtenis) -> None:
        self.gebeurtenis_op[gebeurtenis.pk] = self.moment

    def _op(self, dag: date, niet_voor: datetime) -> datetime:
        return max(_moment(min(dag, self.gisteren), self.rng), niet_voor + timedelta(minutes=1))

    def huishouden(self, persoon: Inburgeraar, eerste: date, vergunning: str) -> None:
        rng, consulent = self.rng, persoon.consulent
        self.moment = self._op(eerste + timedelta(days=rng.randint(0, 10)), persoon.aangemaakt_op)
        o = Ontzorging.objects.create(
            inburgeraar=persoon,
            vergunning=vergunning,
            eerste_bijstand=eerste,
            einde=wet.einde_ontzorging(eerste),
            aangemaakt_door=consulent,
        )
        self._stempel(o, aangemaakt_op=self.moment)
        self._gebeurd(events.ontzorging_vastgelegd(persoon, consulent, o))
        met_partner = persoon.partner_id is not None
        cbs = persoon.gemeente.cbs_code
        verhuurder = rng.choice(VERHUURDERS.get(cbs, ["Woonstichting"]))
        lasten = [
            (
                Kostensoort.HUUR,
                verhuurder,
                rng.randint(560, 780) * 100 + rng.choice([0, 25, 50, 75]),
                "Huurcontract",
            ),
            (Kostensoort.ENERGIE, rng.choice(ENERGIE), rng.randint(110, 220) * 100, "Klantnummer"),
        ]
        if rng.random() < AANDEEL_WATER:
            lasten.append(
                (Kostensoort.WATER, WATER.get(cbs, "Evides"), rng.randint(18, 32) * 100, "Klantnummer")
            )
        premie = rng.randint(138, 152) * 100 * (2 if met_partner else 1)
        lasten.append((Kostensoort.ZORGVERZEKERING, rng.choice(ZORGVERZEKERAARS), premie, "Polisnummer"))
        for soort, naam, bedrag, kenmerk in lasten:
            last = VasteLast.objects.create(
                ontzorging=o,
                soort=soort,
                begunstigde=naam,
                iban=_iban(naam),
                bic="",
                bedrag=bedrag,
                van=eerste.replace(day=1),
                kenmerk=f"{kenmerk} {rng.randrange(100000, 999999)}",
                aangemaakt_door=consulent,
                gewijzigd_door=consulent,
            )
            self._stempel(last, aangemaakt_op=self.moment, gewijzigd_op=self.moment)
            self._gebeurd(events.vaste_last_toegevoegd(persoon, consulent, last, euro(bedrag)))
        self.bijstand(persoon, o, met_partner)
        self.einde(persoon, o)
        self.coaching(persoon, o)

    def bijstand(self, persoon, o: Ontzorging, met_partner: bool) -> None:
        for maand in perioden.maanden(o.eerste_bijstand, min(o.einde, self.gisteren)):
            dag = max(maand, o.eerste_bijstand)
            if dag > self.gisteren:
                break
            bedrag = BIJSTAND[met_partner] + self.rng.randint(-40, 40) * 100
            b = Bijstandsbedrag.objects.create(
                inburgeraar=persoon,
                maand=maand,
                bedrag=bedrag,
                bron="Overzicht bijstand",
                vastgelegd_door=persoon.consulent,
            )
            self.moment = self._op(dag + timedelta(days=2), persoon.aangemaakt_op)
            self._stempel(b, vastgelegd_op=self.moment)
            self._gebeurd(events.bijstand_gemeld(persoon, persoon.consulent, maand, euro(bedrag), b.bron))

    def einde(self, persoon, o: Ontzorging) -> None:
        """An ontzorging past its six months: continued with consent (one in ten), or ended with
        the letter."""
        if o.einde >= self.gisteren:
            return
        consulent = persoon.consulent
        if self.rng.random() < AANDEEL_VERLENGD:
            toestemming = o.einde - timedelta(days=self.rng.randint(3, 20))
            self.moment = self._op(toestemming, persoon.aangemaakt_op)
            vorig = o.einde
            o.verlengd_tot = wet.verlengd_einde(o.einde, 3)
            o.toestemming_op = toestemming
            o.toestemming_door = consulent
            o.save(update_fields=["verlengd_tot", "toestemming_op", "toestemming_door"])
            self._gebeurd(events.ontzorging_verlengd(persoon, consulent, o, vorig))
        if o.laatste_dag >= self.gisteren:
            return
        self.moment = self._op(o.laatste_dag - timedelta(days=self.rng.randint(5, 15)), persoon.aangemaakt_op)
        o.beeindigd_op = o.laatste_dag
        o.einde_toelichting = "De periode van ontzorging is voorbij."
        o.brief_op = min(self.moment.date(), self.gisteren)
        o.save(update_fields=["beeindigd_op", "einde_toelichting", "brief_op"])
        self._gebeurd(events.ontzorging_beeindigd(persoon, consulent, o, o.einde_toelichting))
        o.vaste_lasten.update(tot=o.laatste_dag.replace(day=1))

    def coaching(self, persoon, o: Ontzorging) -> None:
        if self.rng.random() >= AANDEEL_COACHING:
            return
        start = o.eerste_bijstand + timedelta(days=self.rng.randint(14, 45))
        if start > self.gisteren:
            return
        einde = o.laatste_dag if o.laatste_dag < self.gisteren else None
        activiteit = Activiteit.objects.create(
            inburgeraar=persoon,
            soort=ActiviteitSoort.BUDGETCOACHING,
            omschrijving="Budgetcoaching: zelf de vaste lasten betalen",
            partner=self.rng.choice(COACHES),
            startdatum=start,
            einddatum=einde,
            uren_per_week=1,
            resultaat=Resultaat.AFGEROND if einde else Resultaat.LOOPT,
            aangemaakt_door=persoon.consulent,
            gewijzigd_door=persoon.consulent,
        )
        self.moment = self._op(start, persoon.aangemaakt_op)
        self._stempel(activiteit, aangemaakt_op=self.moment, gewijzigd_op=self.moment)
        self._gebeurd(events.participatie_toegevoegd(persoon, persoon.consulent, activiteit))
        # The checklist fills up over the months: about one point a month, all of it by the end.
        maanden = max(0, (min(o.laatste_dag, self.gisteren) - start).days // 30)
        punten = list(CHECKLIST)[: len(CHECKLIST) if einde else min(len(CHECKLIST) - 1, maanden + 1)]
        o.checklist = {
            code: min(start + timedelta(days=30 * i), self.gisteren).isoformat()
            for i, code in enumerate(punten)
        }
        o.save(update_fields=["checklist"])
        wijzigingen = {CHECKLIST[code]: ("open", "afgevinkt") for code in punten}
        self.moment = self._op(start + timedelta(days=30 * len(punten)), persoon.aangemaakt_op)
        self._gebeurd(events.budgetcoaching_bijgewerkt(persoon, persoon.consulent, wijzigingen))

    def stempels_zetten(self) -> None:
        Gebeurtenis.objects.bulk_update(
            [Gebeurtenis(pk=pk, op=op) for pk, op in self.gebeurtenis_op.items()], ["op"], batch_size=500
        )
        for model, rijen in self.stempels.items():
            velden = sorted({v for r in rijen.values() for v in r})
            model.objects.bulk_update([model(pk=pk, **r) for pk, r in rijen.items()], velden, batch_size=500)


def _huishoudens(vandaag: date, rng: random.Random):
    """(case, first bijstand payment, permit) for the asielstatushouders housed in the last year
    and a half whose first payment lies before today; the first case of a household only."""
    gezien: set[int] = set()
    personen = (
        Inburgeraar.objects.filter(
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            datum_huisvesting__gte=vandaag - timedelta(days=550),
            consulent__isnull=False,
        )
        .select_related("consulent", "gemeente")
        .order_by("pk")
    )
    for persoon in personen:
        eerste = persoon.datum_huisvesting + timedelta(days=rng.randint(7, 30))
        if persoon.pk in gezien or persoon.partner_id in gezien or eerste >= vandaag:
            continue
        if rng.random() >= AANDEEL_ONTZORGING:
            continue
        gezien.add(persoon.pk)
        vergunning = Vergunning.ASIEL if persoon.datum_koppeling_coa else Vergunning.ASIEL_AFGELEID
        yield persoon, max(eerste, persoon.datum_melding_duo or eerste), vergunning


def _rekeningen(gemeenten, medewerkers, vandaag: date) -> None:
    for gemeente in gemeenten:
        rekening, _ = Betaalrekening.objects.get_or_create(
            gemeente=gemeente,
            defaults={
                "naam": f"Gemeente {gemeente.naam}",
                "iban": _iban(f"Gemeente {gemeente.naam}"),
                "bic": "BNGHNL2G",
                "gewijzigd_door": medewerkers.get(gemeente.organisatie_id, (None, None))[0],
            },
        )
        # Entered when ontzorging started in Regie, before the first run.
        Betaalrekening.objects.filter(pk=rekening.pk).update(
            gewijzigd_op=_moment(
                vandaag - timedelta(days=31 * (MAANDEN_RUNS + 1)), random.Random(gemeente.pk)
            )
        )


def _runs(bouwer: _Bouwer, gemeenten, medewerkers) -> int:
    """A run per municipality and month of the last twelve, paid; last month's exported only."""
    vandaag, rng = bouwer.vandaag, bouwer.rng
    deze_maand = vandaag.replace(day=1)
    aantal = 0
    for gemeente in gemeenten:
        voorbereider, goedkeurder = medewerkers.get(gemeente.organisatie_id, (None, None))
        rekening = Betaalrekening.objects.get(gemeente=gemeente)
        terug_te_betalen: list[Betaling] = []
        for stap in range(MAANDEN_RUNS, 0, -1):
            maand = perioden.plus_maanden(deze_maand, -stap)
            lasten = list(vaste_lasten_voor_maand(gemeente, maand).order_by("pk"))
            if not lasten and not terug_te_betalen:
                continue
            bereid = _moment(max(maand - timedelta(days=8), date(2022, 1, 1)), rng)
            run = Betaalrun.objects.create(
                gemeente=gemeente, maand=maand, voorbereid_door=voorbereider, status=Runstatus.VOORBEREID
            )
            betalingen = [
                betaling_voor(run, v, maand, end_to_end=f"ONTZ{rng.getrandbits(124):031x}") for v in lasten
            ] + [
                betaling_voor(
                    run, b.vaste_last, b.maand, bedrag=b.bedrag, end_to_end=f"ONTZ{rng.getrandbits(124):031x}"
                )
                for b in terug_te_betalen
            ]
            terug_te_betalen = []
            Betaling.objects.bulk_create(betalingen)
            uitvoerdatum = max(maand - timedelta(days=3), bereid.date() + timedelta(days=2))
            inhoud, bericht_id = sepa.overboekingen(
                naam=rekening.naam,
                iban=rekening.iban,
                bic=rekening.bic,
                uitvoerdatum=uitvoerdatum,
                betalingen=betalingen,
            )
            laatste = stap == 1
            run.status = Runstatus.GEEXPORTEERD if laatste else Runstatus.BETAALD
            run.goedgekeurd_door, run.goedgekeurd_op = goedkeurder, bereid + timedelta(days=1, hours=2)
            if not laatste:
                run.betaald_door, run.betaald_op = voorbereider, bereid + timedelta(days=6)
                Betaling.objects.filter(run=run).update(status=Betalingstatus.BETAALD)
            run.uitvoerdatum, run.bericht_id, run.bestand = uitvoerdatum, bericht_id[:35], inhoud
            run.aantal, run.totaal = len(betalingen), sum(b.bedrag for b in betalingen)
            run.save()
            Betaalrun.objects.filter(pk=run.pk).update(voorbereid_op=bereid)
            aantal += 1
            if gemeente.cbs_code == "0303" and stap in (2, 1):
                terug = run.betalingen.filter(soort=Kostensoort.HUUR).order_by("pk").first()
                if terug is not None:
                    _storno(
                        bouwer, terug, goedkeurder, min(bereid.date() + timedelta(days=9), bouwer.gisteren)
                    )
                    if stap == 2:
                        terug_te_betalen.append(terug)
    return aantal


def _storno(bouwer: _Bouwer, betaling: Betaling, door, dag: date) -> None:
    betaling.status = Betalingstatus.TERUGGEKOMEN
    betaling.reden_terug = "Rekening opgeheven (AC04)"
    betaling.teruggemeld_door = door
    bouwer.moment = _moment(dag, bouwer.rng)
    betaling.teruggemeld_op = bouwer.moment
    betaling.save(update_fields=["status", "reden_terug", "teruggemeld_door", "teruggemeld_op"])
    persoon = Inburgeraar.objects.get(pk=betaling.inburgeraar_id)
    bouwer._gebeurd(events.betaling_teruggekomen(persoon, door, betaling))


def ontzorging_demo(*, vandaag: date, seed: int = 56) -> dict[str, int]:
    """Ontzorging for the demo households and the payment runs (once: a second run adds nothing)."""
    if Ontzorging.objects.exists():
        return {"ontzorgingen": 0, "runs": 0}
    bouwer = _Bouwer(vandaag=vandaag, seed=seed)
    financieel = {}
    for u in User.objects.filter(rol=Rol.FINANCIEEL_MEDEWERKER).order_by("username"):
        financieel.setdefault(u.organisatie_id, []).append(u)
    medewerkers = {org: (lijst[0], lijst[-1]) for org, lijst in financieel.items()}
    aantal = 0
    with transaction.atomic(), verwerkingslog.gebundeld(tijdstip=lambda: bouwer.moment):
        for persoon, eerste, vergunning in list(_huishoudens(vandaag, bouwer.rng)):
            bouwer.huishouden(persoon, eerste, vergunning)
            aantal += 1
        gemeenten = list(
            {
                o.inburgeraar.gemeente_id: o.inburgeraar.gemeente
                for o in Ontzorging.objects.select_related("inburgeraar__gemeente")
            }.values()
        )
        gemeenten.sort(key=lambda g: g.cbs_code)
        _rekeningen(gemeenten, medewerkers, vandaag)
        runs = _runs(bouwer, gemeenten, medewerkers)
        bouwer.stempels_zetten()
    return {"ontzorgingen": aantal, "runs": runs}

"""Demo data for Geldzaken: budgets for last year and this year per demo municipality, and the
providers' invoices for the demo referrals, so the overview of this year shows budget,
commitments, spend and a forecast.

Budgets. No public per-person SPUK amount could be checked here (the grant is calculated per
municipality by the ministry; ../shared/domain/monitoring.md gives no figures), so the demo
assumes an amount per expected trajectory, close to the demo contract prices
(regie.trajecten.demo): NORMBEDRAG below. The expected number is the number of referrals the
providers accepted in that year (this year: extrapolated to twelve months), times a margin per
municipality and category between 90 and 120 %, so a few categories run short, as they do. The
regie money (uitvoeringskosten, gemeentefonds) is REGIEMIDDELEN_PER_LEERROUTE per accepted
leerroute referral. The budget is entered by the financieel medewerker in the middle of January.

Invoices. Providers invoice per calendar quarter, in the month after it: for each month the
trajectory ran, its price spread over the category's usual duration (regie.financien.prognose),
until the price is invoiced; a finished trajectory gets the rest of the price on its last
invoice, one stopped early only the months it ran. Interpreters invoice their hours (4 to 14 at
the contract's hourly price) after the referral ended. One invoice in twelve of the last quarter
has not come in yet; one in fifty gets a credit invoice of 10 % the month after. Nothing is
dated after yesterday. Invoice numbers are per provider: <component>-<year>-<serial>.

Written in bulk (no processing-log entry per invoice: the demo's invoices were not entered by a
person). Everything is drawn from `random.Random(seed)` relative to `vandaag`. Called from
`regie.demo.opbouw.bouw_demo`, after the referrals (regie.trajecten.demo).
"""

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from regie.accounts.models import Rol, User
from regie.financien.models import Budget, Categorie, Factuur, Soort
from regie.financien.prognose import LOOPTIJD
from regie.financien.selectors import VERPLICHTEND, prijs_in_centen
from regie.organisaties.models import Gemeente
from regie.trajecten.demo import AANBIEDERS, KORT
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S

# Demo assumptions (not from a source): euros per expected trajectory, per category.
NORMBEDRAG = {
    Categorie.B1_ROUTE: 10_000,
    Categorie.ONDERWIJSROUTE: 14_000,
    Categorie.Z_ROUTE: 11_500,
    Categorie.PVT: 650,
    Categorie.MAATSCHAPPELIJKE_BEGELEIDING: 2_400,
    Categorie.MAP: 1_800,
    Categorie.TOLK: 600,
}
REGIEMIDDELEN_PER_LEERROUTE = 2_500
LEERROUTES = (Categorie.B1_ROUTE, Categorie.ONDERWIJSROUTE, Categorie.Z_ROUTE)
MARGE_PROCENT = (90, 120)
ELKE_NOG_NIET_BINNEN = 12
ELKE_GECREDITEERD = 50


def geldzaken_demo(*, vandaag: date, seed: int = 2026) -> dict[str, int]:
    """Budgets and invoices for the demo municipalities (once: a second run adds nothing)."""
    rng = random.Random(seed)
    gemeenten = list(Gemeente.objects.filter(organisatie__naam__in=AANBIEDERS).order_by("cbs_code"))
    if not gemeenten or Budget.objects.filter(gemeente__in=gemeenten).exists():
        return {"budgetten": 0, "facturen": 0}
    medewerkers = {
        u.organisatie_id: u for u in User.objects.filter(rol=Rol.FINANCIEEL_MEDEWERKER).order_by("-pk")
    }
    with transaction.atomic():
        budgetten = _budgetten(gemeenten, vandaag, rng, medewerkers)
        facturen = _facturen(gemeenten, vandaag, rng, medewerkers)
    return {"budgetten": budgetten, "facturen": facturen}


def _moment(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(10, 0)))


def _budgetten(gemeenten, vandaag: date, rng: random.Random, medewerkers) -> int:
    nieuw = []
    for jaar in (vandaag.year - 1, vandaag.year):
        begin, einde = date(jaar, 1, 1), min(date(jaar, 12, 31), vandaag)
        dagen = max((einde - begin).days + 1, 30)  # this year: extrapolated to twelve months
        for gemeente in gemeenten:
            aantallen = defaultdict(int)
            for onderdeel in Verwijzing.objects.filter(
                inburgeraar__gemeente=gemeente, status__in=VERPLICHTEND, beantwoord_op__range=(begin, einde)
            ).values_list("onderdeel", flat=True):
                aantallen[onderdeel] += 1
            bedragen = {c.value: _euros(aantallen[c.value], NORMBEDRAG[c], dagen, rng) for c in NORMBEDRAG}
            leerroutes = sum(aantallen[c.value] for c in LEERROUTES)
            bedragen[Categorie.UITVOERING.value] = _euros(leerroutes, REGIEMIDDELEN_PER_LEERROUTE, dagen, rng)
            for categorie, bedrag in bedragen.items():
                nieuw.append(
                    Budget(
                        gemeente=gemeente,
                        jaar=jaar,
                        categorie=categorie,
                        bedrag=bedrag * 100,
                        toelichting=f"Beschikking specifieke uitkering inburgering {jaar}"
                        if categorie != Categorie.UITVOERING
                        else f"Begroting {jaar}, gemeentefonds",
                        gewijzigd_door=medewerkers.get(gemeente.organisatie_id),
                        gewijzigd_op=_moment(min(date(jaar, 1, 15), vandaag)),
                    )
                )
    Budget.objects.bulk_create(nieuw)
    return len(nieuw)


def _euros(aantal: int, per_stuk: int, dagen: int, rng: random.Random) -> int:
    """A year's budget in whole hundreds of euros: the expected number times the amount, a margin."""
    marge = rng.randint(*MARGE_PROCENT)
    return aantal * per_stuk * marge * 365 // (100 * dagen) // 100 * 100


def _kwartaal_einde(dag: date) -> date:
    maand = (dag.month - 1) // 3 * 3 + 3
    volgende = date(dag.year + (maand == 12), maand % 12 + 1, 1)
    return volgende - timedelta(days=1)


def _maanden(van: date, tot: date) -> int:
    """Months a trajectory ran between two days, a started month counting whole."""
    return (tot.year - van.year) * 12 + tot.month - van.month + 1


class _Nummers:
    def __init__(self):
        self.volgend: dict[tuple[int, int], int] = defaultdict(int)

    def nieuw(self, verwijzing, jaar: int) -> str:
        sleutel = (verwijzing.contract.aanbieder_id, jaar)
        self.volgend[sleutel] += 1
        return f"{KORT[verwijzing.onderdeel]}-{jaar}-{self.volgend[sleutel]:05d}"


def _facturen(gemeenten, vandaag: date, rng: random.Random, medewerkers) -> int:
    gisteren = vandaag - timedelta(days=1)
    nummers = _Nummers()
    nieuw: list[Factuur] = []
    verwijzingen = (
        Verwijzing.objects.filter(
            inburgeraar__gemeente__in=gemeenten,
            status__in=(S.GESTART, S.AFGEROND, S.AFGEBROKEN),
            startdatum__isnull=False,
        )
        .select_related("contract", "inburgeraar__gemeente")
        .order_by("startdatum", "pk")
    )
    for verwijzing in verwijzingen:
        door = medewerkers.get(_organisatie_id(verwijzing))
        for van, tot, bedrag, datum in _termijnen(verwijzing, gisteren, rng):
            nieuw.append(
                Factuur(
                    verwijzing=verwijzing,
                    aanbieder_id=verwijzing.contract.aanbieder_id,
                    gemeente_id=verwijzing.inburgeraar.gemeente_id,
                    categorie=verwijzing.onderdeel,
                    factuurnummer=nummers.nieuw(verwijzing, datum.year),
                    factuurdatum=datum,
                    periode_van=van,
                    periode_tot=tot,
                    bedrag=bedrag,
                    ingevoerd_door=door,
                    ingevoerd_op=_moment(datum),
                )
            )
    Factuur.objects.bulk_create(nieuw, batch_size=1000)
    credits = []
    for index, origineel in enumerate(nieuw, start=1):
        datum = origineel.factuurdatum + timedelta(days=rng.randint(20, 40))
        if index % ELKE_GECREDITEERD or datum > gisteren or origineel.bedrag < 1_000:
            continue
        credits.append(
            Factuur(
                verwijzing=origineel.verwijzing,
                aanbieder_id=origineel.aanbieder_id,
                gemeente_id=origineel.gemeente_id,
                categorie=origineel.categorie,
                soort=Soort.CREDITFACTUUR,
                crediteert=origineel,
                factuurnummer=f"C-{origineel.factuurnummer}",
                factuurdatum=datum,
                periode_van=origineel.periode_van,
                periode_tot=origineel.periode_tot,
                bedrag=-(origineel.bedrag // 10),
                ingevoerd_door=origineel.ingevoerd_door,
                ingevoerd_op=_moment(datum),
            )
        )
    Factuur.objects.bulk_create(credits)
    return len(nieuw) + len(credits)


def _organisatie_id(verwijzing) -> int:
    return verwijzing.inburgeraar.gemeente.organisatie_id


def _termijnen(verwijzing, gisteren: date, rng: random.Random):
    """(period from, period to, cents, invoice date) of the invoices a provider sent so far."""
    prijs = prijs_in_centen(verwijzing.contract)
    start = verwijzing.startdatum
    einde = verwijzing.einddatum if verwijzing.status in (S.AFGEROND, S.AFGEBROKEN) else None
    if verwijzing.onderdeel == Categorie.TOLK:
        if einde is None:
            return []
        datum = einde + timedelta(days=rng.randint(5, 25))
        uren = rng.randint(4, 14)
        bedrag = prijs * uren // 10  # prijs_in_centen counts ten hours
        if datum > gisteren or start.year != einde.year:
            return []
        return [(start, einde, bedrag, datum)]
    maandbedrag = prijs // LOOPTIJD[verwijzing.onderdeel]
    termijnen = []
    gefactureerd = 0
    van = start
    while gefactureerd < prijs:
        tot = _kwartaal_einde(van)
        laatste = einde is not None and einde <= tot
        if laatste:
            tot = einde
        datum = tot + timedelta(days=rng.randint(10, 25))
        if datum > gisteren:
            break
        if laatste and verwijzing.status == S.AFGEROND:
            bedrag = prijs - gefactureerd
        else:
            bedrag = min(maandbedrag * _maanden(van, tot), prijs - gefactureerd)
        if bedrag <= 0:
            break
        laatste_kwartaal = _kwartaal_einde(gisteren - timedelta(days=25)) <= tot
        if not (laatste_kwartaal and rng.randrange(ELKE_NOG_NIET_BINNEN) == 0):
            termijnen.append((van, tot, bedrag, datum))
        gefactureerd += bedrag
        if laatste:
            break
        van = tot + timedelta(days=1)
    return termijnen

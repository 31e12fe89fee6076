"""The KPI definitions of the dashboard and the council report, all in this one module.

Every indicator is a function `(Filter) -> list[Rij]` that counts in the database: one or two
aggregate queries grouped by municipality (`values(...).annotate(...)`), never a loop over
persons. Each docstring says what is counted and why. `KPIS` lists them in the order of the
dashboard; `STREEFBAAR` are the ones whose first row is a share a municipality can set a target
for (0-100 %)."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Avg,
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncMonth

from regie.aanbieders.models import Perceel
from regie.coa.models import Taakstelling
from regie.handhaving.models import Aanleiding as WaarschuwingAanleiding
from regie.handhaving.models import BezwaarUitkomst, Boete, BoeteStatus, Waarschuwing
from regie.handhaving.models import Status as WaarschuwingStatus
from regie.inburgeraars.models import Inburgeraar, Leerroute
from regie.inburgeraars.status import ACTIEF
from regie.intake.models import BredeIntake
from regie.participatie.cijfers import situatie_per_meetmoment
from regie.pip.models import Pip
from regie.rapportage.cijfers import Cel, Filter, Rij, Soort, Tabel
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.voortgang.models import Examenonderdeel, Examenpoging, Uitslag, Weekrapportage
from regie.voortgangsgesprekken.models import Uitkomst, Voortgangsgesprek
from regie.wet import perioden
from regie.wet.meetmomenten import Meetmoment

ROUTE_PERCEEL = {
    Leerroute.B1: Perceel.B1_ROUTE,
    Leerroute.ONDERWIJSROUTE: Perceel.ONDERWIJSROUTE,
    Leerroute.Z_ROUTE: Perceel.Z_ROUTE,
}
ONDERDELEN = {
    Perceel.PVT: "PVT",
    Perceel.MAP: "MAP",
    Perceel.MAATSCHAPPELIJKE_BEGELEIDING: "Maatschappelijke begeleiding",
}
PERCEEL_LABEL = dict(Perceel.choices)


# --- The cases a filter selects ------------------------------------------------------------


def start_plicht():
    """The start of the obligation: DUO's begindatum, else the date of DUO's notice. The cohort
    is its year, as CBS counts cohorts (SWI: the year a person became inburgeringsplichtig)."""
    return Coalesce("begindatum_inburgeringsplicht", "datum_melding_duo", output_field=DateField())


def laatste_leerroute():
    return Subquery(
        Pip.objects.filter(inburgeraar=OuterRef("pk")).order_by("-versie").values("leerroute")[:1]
    )


def eerste_pip():
    """The dagtekening of the case's first own PIP, as stored on the case (kept by `pip_vaststellen`
    and the termijn recomputation, regie.inburgeraars.termijnvelden): no subquery over the PIPs."""
    return F("dagtekening_eerste_eigen_pip")


def dossiers(f: Filter) -> QuerySet[Inburgeraar]:
    """The cases of the filter's municipalities, narrowed by kern, cohort, doelgroep and the
    leerroute of the current PIP."""
    qs = Inburgeraar.objects.filter(gemeente__in=[g.pk for g in f.gemeenten])
    if f.kern is not None:
        qs = qs.filter(kern=f.kern)
    if f.doelgroep:
        qs = qs.filter(doelgroep=f.doelgroep)
    if f.cohort:
        qs = qs.alias(start_plicht=start_plicht()).filter(
            start_plicht__range=(date(f.cohort, 1, 1), date(f.cohort, 12, 31))
        )
    if f.leerroute:
        qs = qs.alias(route=laatste_leerroute()).filter(route=f.leerroute)
    return qs


def _van_dossiers(model, f: Filter, pad: str) -> QuerySet:
    """Rows of a related model (`pad` leads to the case) of the filter's cases."""
    qs = model.objects.filter(**{f"{pad}__gemeente__in": [g.pk for g in f.gemeenten]})
    if f.kern is not None or f.doelgroep or f.cohort or f.leerroute:
        qs = qs.filter(**{f"{pad}__in": dossiers(f).values("pk")})
    return qs


def _kruis(f: Filter, rijen, sleutels, labels, maak_cel) -> list[Rij]:
    """Rows (one per key, in the order of `sleutels`) × the filter's municipalities, from
    `rijen` of a `values(key, gemeente).annotate(...)` query."""
    per = defaultdict(dict)
    for r in rijen:
        per[r["sleutel"]][r["gemeente"]] = r
    return [
        Rij(labels.get(s, str(s)), [maak_cel(per[s].get(g.pk, {})) for g in f.gemeenten]) for s in sleutels
    ]


def _per_gemeente(qs, veld="gemeente", **aggregaten) -> dict:
    return {r[veld]: r for r in qs.values(veld).annotate(**aggregaten).order_by()}


def _aantal(per: dict, f: Filter, sleutel: str, **cel) -> list[Cel]:
    return [Cel(Soort.AANTAL, per.get(g.pk, {}).get(sleutel) or 0, **cel) for g in f.gemeenten]


def _dagen(duur) -> Decimal:
    """An average duration from the database as days (PostgreSQL: a timedelta; SQLite: microseconds)."""
    if duur is None:
        return Decimal(0)
    if isinstance(duur, timedelta):
        return Decimal(duur.total_seconds()) / 86400
    return Decimal(duur) / 86_400_000_000


# --- Inflow and caseload ---------------------------------------------------------------------


def instroom(f: Filter) -> list[Rij]:
    """New cases in the period by how they came in: DUO's notice of the obligation, COA's link
    to the municipality, and housing. The council follows the inflow because it drives the
    workload and the budget (monitoring.md: SPUK follows the number of newcomers)."""
    p = f.periode
    per = _per_gemeente(
        dossiers(f),
        duo=Count("pk", filter=Q(datum_melding_duo__range=p)),
        coa=Count("pk", filter=Q(datum_koppeling_coa__range=p)),
        huis=Count("pk", filter=Q(datum_huisvesting__range=p)),
    )
    return [
        Rij("Melding van DUO (inburgeringsplicht)", _aantal(per, f, "duo")),
        Rij("Gekoppeld door COA", _aantal(per, f, "coa")),
        Rij("Gehuisvest", _aantal(per, f, "huis")),
    ]


def halfjaren_in(van: date, tot: date) -> list[tuple[int, int]]:
    """The half years that lie wholly inside the period (the taakstelling is set per half year)."""
    uit = []
    for jaar in range(van.year, tot.year + 1):
        for h, (begin, eind) in (
            (1, (date(jaar, 1, 1), date(jaar, 6, 30))),
            (2, (date(jaar, 7, 1), date(jaar, 12, 31))),
        ):
            if van <= begin and eind <= tot:
                uit.append((jaar, h))
    return uit


def taakstelling(f: Filter) -> list[Rij]:
    """Statushouders housed in the period against the taakstelling of the half years wholly in
    it (the ministry sets it per half year; the council hears the realisation half-yearly,
    Dronten's raadsvoorstel 2021). Realisation = housed / taakstelling."""
    halfjaren = halfjaren_in(*f.periode)
    gehuisvest = _per_gemeente(dossiers(f), huis=Count("pk", filter=Q(datum_huisvesting__range=f.periode)))
    doelen = {}
    if halfjaren:
        welke = Q()
        for jaar, h in halfjaren:
            welke |= Q(jaar=jaar, halfjaar=h)
        doelen = _per_gemeente(
            Taakstelling.objects.filter(welke, gemeente__in=[g.pk for g in f.gemeenten]), doel=Sum("aantal")
        )
    realisatie, doel_cellen, huis_cellen = [], [], []
    for g in f.gemeenten:
        huis = gehuisvest.get(g.pk, {}).get("huis") or 0
        doel = doelen.get(g.pk, {}).get("doel") or 0
        realisatie.append(Cel(Soort.PROCENT, huis, doel, personen=huis))
        doel_cellen.append(Cel(Soort.AANTAL, doel, beschermd=False))
        huis_cellen.append(Cel(Soort.AANTAL, huis))
    return [Rij("Realisatie", realisatie), Rij("Taakstelling", doel_cellen), Rij("Gehuisvest", huis_cellen)]


def caseload(f: Filter) -> list[Rij]:
    """Active cases per consultant today (a case is active until it is afgerond, verhuisd or
    beëindigd): the active cases with a consultant divided by the consultants who have one,
    and the active cases still without a consultant. The period does not apply: it is a
    snapshot. A manageable caseload is what the regierol (one vaste gids) rests on."""
    per = _per_gemeente(
        dossiers(f).filter(status__in=ACTIEF),
        met=Count("pk", filter=Q(consulent__isnull=False)),
        consulenten=Count("consulent", distinct=True),
        zonder=Count("pk", filter=Q(consulent__isnull=True)),
    )
    gemiddeld = [
        Cel(
            Soort.GEMIDDELDE,
            per.get(g.pk, {}).get("met") or 0,
            per.get(g.pk, {}).get("consulenten") or 0,
            personen=per.get(g.pk, {}).get("met") or 0,
        )
        for g in f.gemeenten
    ]
    return [
        Rij("Actieve dossiers per consulent", gemiddeld),
        Rij("Actieve dossiers zonder consulent", _aantal(per, f, "zonder")),
    ]


# --- Lead times ------------------------------------------------------------------------------


def doorlooptijd_intake(f: Filter) -> list[Rij]:
    """Brede intakes completed in the period: the average number of days from the start of the
    obligation to the completed intake, and the share completed within 3 months (91 days).
    CBS's SWI reports the same lead time (chapter 'Inburgering in de vestigingsgemeente')."""
    duur = ExpressionWrapper(F("afgerond_op") - F("start"), output_field=DurationField())
    qs = (
        _van_dossiers(BredeIntake, f, "inburgeraar")
        .filter(afgerond_op__range=f.periode)
        .alias(
            start=Coalesce(
                "inburgeraar__begindatum_inburgeringsplicht",
                "inburgeraar__datum_melding_duo",
                output_field=DateField(),
            )
        )
        .filter(start__isnull=False)
        .alias(duur=duur)
    )
    per = _per_gemeente(
        qs,
        veld="inburgeraar__gemeente",
        n=Count("pk"),
        binnen=Count("pk", filter=Q(duur__lte=timedelta(days=91))),
        gemiddeld=Avg("duur"),
    )
    dagen, binnen = [], []
    for g in f.gemeenten:
        r = per.get(g.pk, {})
        n = r.get("n") or 0
        dagen.append(Cel(Soort.GEMIDDELDE, _dagen(r.get("gemiddeld")) * n, n))
        binnen.append(Cel(Soort.PROCENT, r.get("binnen") or 0, n))
    return [Rij("Binnen 3 maanden na de start", binnen), Rij("Gemiddeld aantal dagen", dagen)]


def _met_eerste_pip(f: Filter) -> QuerySet:
    # A case that moved here kept the PIP of its former municipality (Wi 11 lid 3): not ours to count.
    return dossiers(f).filter(dagtekening_eerste_pip_elders__isnull=True).annotate(eerste=eerste_pip())


def pip_binnen_termijn(f: Filter) -> list[Rij]:
    """First PIPs decided in the period, and the share decided on time: within 10 weeks after
    DUO's notice or the later BRP registration (Bi 5.3 lid 1; the deadline is
    regie.wet.termijnen.pip_vaststellen, stored per case as `pip_termijn`)."""
    per = _per_gemeente(
        _met_eerste_pip(f).filter(eerste__range=f.periode),
        n=Count("pk"),
        op_tijd=Count("pk", filter=Q(eerste__lte=F("pip_termijn"))),
    )
    cellen = [
        Cel(Soort.PROCENT, per.get(g.pk, {}).get("op_tijd") or 0, per.get(g.pk, {}).get("n") or 0)
        for g in f.gemeenten
    ]
    return [Rij("PIP binnen 10 weken", cellen), Rij("PIP's vastgesteld", _aantal(per, f, "n"))]


def pip_per_maand(f: Filter) -> list[Rij]:
    """The share of first PIPs on time (Bi 5.3 lid 1, see `pip_binnen_termijn`) per month of
    the period: one row per month, so the trend within the year shows."""
    rijen = (
        _met_eerste_pip(f)
        .filter(eerste__range=f.periode)
        .annotate(sleutel=TruncMonth("eerste", output_field=DateField()))
        .values("sleutel", "gemeente")
        .annotate(n=Count("pk"), op_tijd=Count("pk", filter=Q(eerste__lte=F("pip_termijn"))))
        .order_by()
    )
    rijen = [{**r, "sleutel": _maand(r["sleutel"])} for r in rijen]
    maanden = perioden.maanden(f.van, f.tot)
    labels = {m: maandnaam(m) for m in maanden}
    return _kruis(
        f, rijen, maanden, labels, lambda r: Cel(Soort.PROCENT, r.get("op_tijd") or 0, r.get("n") or 0)
    )


def _maand(waarde) -> date:
    """TruncMonth gives a date (PostgreSQL) or a datetime/text (SQLite): the first of the month."""
    if isinstance(waarde, str):
        waarde = date.fromisoformat(waarde[:10])
    return date(waarde.year, waarde.month, 1)


MAANDEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def maandnaam(m: date) -> str:
    return f"{MAANDEN[m.month - 1]} {m.year}"


def verwijzing_tot_start(f: Filter) -> list[Rij]:
    """Referrals that started in the period: the average days from sending the referral to the
    provider's start, per component. Long waits delay the whole termijn of three years."""
    duur = ExpressionWrapper(F("startdatum") - F("verzonden_op"), output_field=DurationField())
    rijen = (
        _van_dossiers(Verwijzing, f, "inburgeraar")
        .filter(startdatum__range=f.periode)
        .alias(duur=duur)
        .values(sleutel=F("onderdeel"), gemeente=F("inburgeraar__gemeente"))
        .annotate(n=Count("pk"), gemiddeld=Avg("duur"))
        .order_by()
    )
    rijen = list(rijen)
    sleutels = [p for p in Perceel.values if any(r["sleutel"] == p for r in rijen)]
    return _kruis(
        f,
        rijen,
        sleutels,
        PERCEEL_LABEL,
        lambda r: Cel(Soort.GEMIDDELDE, _dagen(r.get("gemiddeld")) * (r.get("n") or 0), r.get("n") or 0),
    )


def wachtlijst(f: Filter) -> list[Rij]:
    """Referrals waiting today for a place (sent while the contract was full, not started yet),
    per component: the waiting list the municipality must buy more places for."""
    rijen = list(
        _van_dossiers(Verwijzing, f, "inburgeraar")
        .filter(
            op_wachtlijst=True,
            startdatum__isnull=True,
            status__in=[VerwijzingStatus.VERZONDEN, VerwijzingStatus.GEACCEPTEERD],
        )
        .values(sleutel=F("onderdeel"), gemeente=F("inburgeraar__gemeente"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    sleutels = [p for p in Perceel.values if any(r["sleutel"] == p for r in rijen)] or [
        Perceel.B1_ROUTE.value
    ]
    return _kruis(f, rijen, sleutels, PERCEEL_LABEL, lambda r: Cel(Soort.AANTAL, r.get("n") or 0))


# --- Routes and components -------------------------------------------------------------------


def routemix(f: Filter) -> list[Rij]:
    """Route mix planned against actual: first PIPs decided in the period by leerroute (what
    was planned) next to the route trajectories that started in the period (what runs). A
    gap shows routes planned but not bought or not started."""
    gepland = list(
        _met_eerste_pip(f)
        .filter(eerste__range=f.periode)
        .annotate(sleutel=laatste_leerroute())
        .values("sleutel", "gemeente")
        .annotate(n=Count("pk"))
        .order_by()
    )
    gestart = list(
        _van_dossiers(Verwijzing, f, "inburgeraar")
        .filter(startdatum__range=f.periode, onderdeel__in=list(ROUTE_PERCEEL.values()))
        .values(sleutel=F("onderdeel"), gemeente=F("inburgeraar__gemeente"))
        .annotate(n=Count("inburgeraar", distinct=True))
        .order_by()
    )
    rijen = []
    for route, perceel in ROUTE_PERCEEL.items():
        rijen += _kruis(
            f,
            gepland,
            [route.value],
            {route.value: f"{route.label}: gepland"},
            lambda r: Cel(Soort.AANTAL, r.get("n") or 0),
        )
        rijen += _kruis(
            f,
            gestart,
            [perceel.value],
            {perceel.value: f"{route.label}: gestart"},
            lambda r: Cel(Soort.AANTAL, r.get("n") or 0),
        )
    return rijen


def onderdelen(f: Filter) -> list[Rij]:
    """The PIP's components started and completed in the period: PVT, MAP and maatschappelijke
    begeleiding (referrals that started / were completed), and KNM (persons who passed the KNM
    exam). The law makes PVT and MAP part of the obligation (Wi 7, Wi 8); the council wants to
    see that they are not left for last."""
    rijen = list(
        _van_dossiers(Verwijzing, f, "inburgeraar")
        .filter(onderdeel__in=list(ONDERDELEN))
        .values(sleutel=F("onderdeel"), gemeente=F("inburgeraar__gemeente"))
        .annotate(
            gestart=Count("pk", filter=Q(startdatum__range=f.periode)),
            afgerond=Count("pk", filter=Q(status=VerwijzingStatus.AFGEROND, einddatum__range=f.periode)),
        )
        .order_by()
    )
    knm = _per_gemeente(
        _van_dossiers(Examenpoging, f, "verwijzing__inburgeraar").filter(
            onderdeel=Examenonderdeel.KNM, uitslag=Uitslag.BEHAALD, datum__range=f.periode
        ),
        veld="verwijzing__inburgeraar__gemeente",
        n=Count("verwijzing__inburgeraar", distinct=True),
    )
    uit = []
    for perceel, naam in ONDERDELEN.items():
        uit += _kruis(
            f,
            rijen,
            [perceel.value],
            {perceel.value: f"{naam}: gestart"},
            lambda r: Cel(Soort.AANTAL, r.get("gestart") or 0),
        )
        uit += _kruis(
            f,
            rijen,
            [perceel.value],
            {perceel.value: f"{naam}: afgerond"},
            lambda r: Cel(Soort.AANTAL, r.get("afgerond") or 0),
        )
    uit.append(Rij("KNM-examen behaald", _aantal(knm, f, "n")))
    return uit


# --- Attendance, exams, progress talks, enforcement -------------------------------------------


def _weken(f: Filter) -> QuerySet:
    return _van_dossiers(Weekrapportage, f, "verwijzing__inburgeraar").filter(
        actueel=True, week__range=f.periode
    )


def _uren() -> dict:
    return {
        "gevolgd": Sum("uren_gevolgd"),
        "aangeboden": Sum("uren_aangeboden"),
        "personen": Count("verwijzing__inburgeraar", distinct=True),
    }


def _uren_cel(r: dict) -> Cel:
    return Cel(
        Soort.PROCENT, r.get("gevolgd") or 0, r.get("aangeboden") or 0, personen=r.get("personen") or 0
    )


def _per_sleutel(qs, sleutel: str, aggregaten: dict) -> list[dict]:
    return list(
        qs.values(sleutel=F(sleutel), gemeente=F("verwijzing__inburgeraar__gemeente"))
        .annotate(**aggregaten)
        .order_by()
    )


def aanwezigheid_totaal(f: Filter) -> list[Rij]:
    """Attendance of all providers together: the first row of the attendance KPIs, and the trend."""
    totaal = _per_gemeente(_weken(f), veld="verwijzing__inburgeraar__gemeente", **_uren())
    return [Rij("Alle aanbieders", [_uren_cel(totaal.get(g.pk, {})) for g in f.gemeenten])]


def aanwezigheid_aanbieder(f: Filter) -> list[Rij]:
    """Attendance per provider: hours attended as a share of hours offered in the weeks of the
    period (the current weekly reports), first for all providers together. Low attendance is
    the first signal for a progress talk or a warning (Wi 23)."""
    rijen = _per_sleutel(_weken(f), "verwijzing__contract__aanbieder__naam", _uren())
    sleutels = sorted({r["sleutel"] for r in rijen})
    return aanwezigheid_totaal(f) + _kruis(f, rijen, sleutels, {}, _uren_cel)


def aanwezigheid_route(f: Filter) -> list[Rij]:
    """Attendance per route or component (see `aanwezigheid_aanbieder`, which has the total)."""
    rijen = _per_sleutel(_weken(f), "verwijzing__onderdeel", _uren())
    sleutels = [p for p in Perceel.values if any(r["sleutel"] == p for r in rijen)]
    return _kruis(f, rijen, sleutels, PERCEEL_LABEL, _uren_cel)


def _pogingen(f: Filter) -> QuerySet:
    return _van_dossiers(Examenpoging, f, "verwijzing__inburgeraar").filter(datum__range=f.periode)


def _uitslagen() -> dict:
    return {
        "behaald": Count("pk", filter=Q(uitslag=Uitslag.BEHAALD)),
        "pogingen": Count("pk"),
        "personen": Count("verwijzing__inburgeraar", distinct=True),
    }


def _examen_cel(r: dict) -> Cel:
    return Cel(Soort.PROCENT, r.get("behaald") or 0, r.get("pogingen") or 0, personen=r.get("personen") or 0)


def examens_totaal(f: Filter) -> list[Rij]:
    """The pass rate of all exam attempts together: the first row of the exam KPIs, and the trend."""
    totaal = _per_gemeente(_pogingen(f), veld="verwijzing__inburgeraar__gemeente", **_uitslagen())
    return [Rij("Alle aanbieders", [_examen_cel(totaal.get(g.pk, {})) for g in f.gemeenten])]


def examens_aanbieder(f: Filter) -> list[Rij]:
    """Pass rate per provider: exam attempts in the period that passed, as a share of all
    attempts (not showing up counts as an attempt not passed), first for all providers."""
    rijen = _per_sleutel(_pogingen(f), "verwijzing__contract__aanbieder__naam", _uitslagen())
    sleutels = sorted({r["sleutel"] for r in rijen})
    return examens_totaal(f) + _kruis(f, rijen, sleutels, {}, _examen_cel)


def examens_route(f: Filter) -> list[Rij]:
    """Pass rate per route or component of the referral (see `examens_aanbieder`, which has the total)."""
    rijen = _per_sleutel(_pogingen(f), "verwijzing__onderdeel", _uitslagen())
    sleutels = [p for p in Perceel.values if any(r["sleutel"] == p for r in rijen)]
    return _kruis(f, rijen, sleutels, PERCEEL_LABEL, _examen_cel)


def voortgangsgesprekken(f: Filter) -> list[Rij]:
    """Progress talks held in the period by outcome (on course, adjust, change the PIP,
    warning): how often the plan needs steering (Bi 5.3: the PIP names the talks)."""
    rijen = list(
        _van_dossiers(Voortgangsgesprek, f, "inburgeraar")
        .filter(gevoerd_op__range=f.periode)
        .values(sleutel=F("uitkomst"), gemeente=F("inburgeraar__gemeente"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = {**dict(Uitkomst.choices), "": "Nog geen uitkomst"}
    sleutels = [*Uitkomst.values, ""]
    return _kruis(f, rijen, sleutels, labels, lambda r: Cel(Soort.AANTAL, r.get("n") or 0))


def handhaving(f: Filter) -> list[Rij]:
    """Written warnings sent in the period, by reason (Wi 23: a warning comes before a fine), then
    the fines: imposed in the period (dagtekening of the beschikking) per ground (Wi 22, Wi 23),
    decisions not to fine, and fines withdrawn after a bezwaar decided in the period."""
    rijen = list(
        _van_dossiers(Waarschuwing, f, "inburgeraar")
        .filter(status=WaarschuwingStatus.VERZONDEN, verzonden_op__range=f.periode)
        .values(sleutel=F("aanleiding"), gemeente=F("inburgeraar__gemeente"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    aantal = lambda r: Cel(Soort.AANTAL, r.get("n") or 0)  # noqa: E731
    return _kruis(
        f, rijen, WaarschuwingAanleiding.values, dict(WaarschuwingAanleiding.choices), aantal
    ) + _kruis(f, _boeterijen(f), list(BOETE_RIJEN), BOETE_RIJEN, aantal)


BOETE_RIJEN = {
    "wi22": "Boete opgelegd: brede intake of PIP (Wi 22)",
    "wi23": "Boete opgelegd: PIP niet nagekomen (Wi 23)",
    "geen_boete": "Besluit: geen boete",
    "ingetrokken": "Boete ingetrokken na bezwaar",
}


def _boeterijen(f: Filter) -> list[dict]:
    boetes = _van_dossiers(Boete, f, "inburgeraar")
    gemeente = F("inburgeraar__gemeente")
    opgelegd = (
        boetes.filter(dagtekening__range=f.periode)
        .values(sleutel=F("grond"), gemeente=gemeente)
        .annotate(n=Count("pk"))
        .order_by()
    )
    geen = (
        boetes.filter(status=BoeteStatus.GEEN_BOETE, besloten_op__range=f.periode)
        .values(gemeente=gemeente)
        .annotate(n=Count("pk"))
        .order_by()
    )
    ingetrokken = (
        boetes.filter(bezwaar__uitkomst=BezwaarUitkomst.GEGROND, bezwaar__beslist_op__range=f.periode)
        .values(gemeente=gemeente)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        *opgelegd,
        *({**r, "sleutel": "geen_boete"} for r in geen),
        *({**r, "sleutel": "ingetrokken"} for r in ingetrokken),
    ]


# --- Outcomes ----------------------------------------------------------------------------------

MEETMOMENTEN = (Meetmoment.MAAND_12, Meetmoment.MAAND_24, Meetmoment.MAAND_36)
MAANDEN_NA_START = {Meetmoment.MAAND_12: 12, Meetmoment.MAAND_24: 24, Meetmoment.MAAND_36: 36}
UITKOMSTEN = (
    ("werk", "Betaald werk"),
    ("opleiding", "Opleiding"),
    ("participatie", "Meedoen (participatie)"),
)


def uitkomsten(f: Filter) -> list[Rij]:
    """Per measuring moment (12, 24, 36 months after the start of the termijn) the share of the
    persons measured then who had paid work, followed education, or took part in a participation
    activity on that day: the aim of the Wet inburgering 2021, taking part 'liefst via betaald werk'
    (as CBS's SWI 2023 sums it up in §1.1), which CBS links to work and benefits itself. One aggregate query (situatie_per_meetmoment);
    the filter's cohort applies, its period, kern, doelgroep and leerroute do not: a measuring
    moment belongs to the person's own termijn, not to the period."""
    tellingen = situatie_per_meetmoment(f.gemeenten, cohort_jaar=f.cohort, meetmomenten=MEETMOMENTEN)
    som = defaultdict(lambda: defaultdict(int))
    for t in tellingen:
        per = som[(t.gemeente_id, t.moment)]
        per["gemeten"] += t.gemeten
        per["werk"] += t.werk
        per["opleiding"] += t.opleiding
        per["participatie"] += t.participatie
    rijen = []
    for moment in MEETMOMENTEN:
        for sleutel, naam in UITKOMSTEN:
            cellen = []
            for g in f.gemeenten:
                per = som.get((g.pk, moment), {})
                cellen.append(Cel(Soort.PROCENT, per.get(sleutel, 0), per.get("gemeten", 0)))
            rijen.append(Rij(f"{naam} na {MAANDEN_NA_START[moment]} maanden", cellen))
    return rijen


# --- The catalogue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Kpi:
    code: str
    titel: str
    uitleg: str
    soort: Soort
    functie: Callable[[Filter], list[Rij]]
    streefbaar: bool = False
    grafiek: str = "staaf"
    eenheid: str = ""
    momentopname: bool = False
    totaal: bool = False  # a column for the chosen municipalities together
    # The first row alone, cheaper, for the trend over the years (default: `functie`).
    kernrij: Callable[[Filter], list[Rij]] | None = None

    def tabel(self, f: Filter) -> Tabel:
        kolommen, rijen = [g.naam for g in f.gemeenten], self.functie(f)
        if self.totaal and len(f.gemeenten) > 1:
            kolommen.append("Samen")
            for rij in rijen:
                rij.cellen.append(samen(rij.cellen))
        return Tabel(
            code=self.code,
            titel=self.titel,
            uitleg=self.uitleg,
            soort=self.soort,
            kolommen=kolommen,
            rijen=rijen,
            eenheid=self.eenheid,
            grafiek=self.grafiek,
        )


def samen(cellen: list[Cel]) -> Cel:
    """The municipalities together: a case belongs to one municipality, so counts add up."""
    eerste = cellen[0]
    return Cel(
        eerste.soort,
        sum(c.teller for c in cellen),
        None if eerste.noemer is None else sum(c.noemer or 0 for c in cellen),
        personen=None if eerste.personen is None else sum(c.personen or 0 for c in cellen),
        beschermd=eerste.beschermd,
    )


KPIS: dict[str, Kpi] = {
    k.code: k
    for k in [
        Kpi(
            "pip_binnen_termijn",
            "PIP op tijd",
            "Deel van de eerste PIP's dat binnen 10 weken is vastgesteld (Besluit inburgering 2021, art. 5.3 lid 1).",
            Soort.PROCENT,
            pip_binnen_termijn,
            streefbaar=True,
        ),
        Kpi(
            "pip_per_maand",
            "PIP op tijd per maand",
            "Deel van de eerste PIP's binnen 10 weken, per maand van vaststellen.",
            Soort.PROCENT,
            pip_per_maand,
            grafiek="lijn",
            totaal=True,
        ),
        Kpi(
            "doorlooptijd_intake",
            "Brede intake binnen 3 maanden",
            "Deel van de afgeronde brede intakes dat binnen 3 maanden na de start van de inburgeringsplicht klaar was, en het gemiddeld aantal dagen.",
            Soort.PROCENT,
            doorlooptijd_intake,
            streefbaar=True,
        ),
        Kpi(
            "taakstelling",
            "Taakstelling huisvesting",
            "Gehuisveste statushouders tegenover de taakstelling van de halfjaren in de periode.",
            Soort.PROCENT,
            taakstelling,
            streefbaar=True,
        ),
        Kpi(
            "instroom",
            "Instroom",
            "Nieuwe inburgeraars in de periode: melding van DUO, koppeling door COA en huisvesting.",
            Soort.AANTAL,
            instroom,
        ),
        Kpi(
            "caseload",
            "Caseload",
            "Actieve dossiers per consulent, vandaag.",
            Soort.GEMIDDELDE,
            caseload,
            eenheid="dossiers",
            momentopname=True,
        ),
        Kpi(
            "verwijzing_tot_start",
            "Van verwijzing tot start",
            "Gemiddeld aantal dagen tussen het verzenden van de verwijzing en de start bij de aanbieder.",
            Soort.GEMIDDELDE,
            verwijzing_tot_start,
            eenheid="dagen",
        ),
        Kpi(
            "wachtlijst",
            "Wachtlijst",
            "Verwijzingen die vandaag wachten op een plaats bij de aanbieder.",
            Soort.AANTAL,
            wachtlijst,
            momentopname=True,
        ),
        Kpi(
            "routemix",
            "Leerroutes: gepland en gestart",
            "Eerste PIP's per leerroute tegenover de gestarte trajecten per route.",
            Soort.AANTAL,
            routemix,
        ),
        Kpi(
            "onderdelen",
            "Onderdelen gestart en afgerond",
            "PVT, MAP en maatschappelijke begeleiding gestart en afgerond; KNM-examen behaald.",
            Soort.AANTAL,
            onderdelen,
        ),
        Kpi(
            "aanwezigheid_aanbieder",
            "Aanwezigheid per aanbieder",
            "Gevolgde uren als deel van de aangeboden uren.",
            Soort.PROCENT,
            aanwezigheid_aanbieder,
            streefbaar=True,
            kernrij=aanwezigheid_totaal,
        ),
        Kpi(
            "aanwezigheid_route",
            "Aanwezigheid per route",
            "Gevolgde uren als deel van de aangeboden uren, per route of onderdeel.",
            Soort.PROCENT,
            aanwezigheid_route,
        ),
        Kpi(
            "examens_aanbieder",
            "Slagingspercentage per aanbieder",
            "Behaalde examenpogingen als deel van alle pogingen.",
            Soort.PROCENT,
            examens_aanbieder,
            streefbaar=True,
            kernrij=examens_totaal,
        ),
        Kpi(
            "examens_route",
            "Slagingspercentage per route",
            "Behaalde examenpogingen als deel van alle pogingen, per route of onderdeel.",
            Soort.PROCENT,
            examens_route,
        ),
        Kpi(
            "uitkomsten",
            "Werk, opleiding en meedoen na 12, 24 en 36 maanden",
            "Van wie op dat meetmoment gemeten is: het deel met betaald werk, met een opleiding en met een"
            " participatie-activiteit. Het cohort uit het filter telt; de periode, kern, doelgroep en leerroute niet.",
            Soort.PROCENT,
            uitkomsten,
        ),
        Kpi(
            "voortgangsgesprekken",
            "Voortgangsgesprekken",
            "Gevoerde voortgangsgesprekken naar uitkomst.",
            Soort.AANTAL,
            voortgangsgesprekken,
        ),
        Kpi(
            "handhaving",
            "Waarschuwingen en boetes",
            "Verzonden schriftelijke waarschuwingen naar aanleiding, opgelegde boetes naar grond (Wet inburgering"
            " 2021, art. 22 en 23), besluiten zonder boete en boetes die na bezwaar zijn ingetrokken.",
            Soort.AANTAL,
            handhaving,
        ),
    ]
}
STREEFBAAR = {code: k for code, k in KPIS.items() if k.streefbaar}

"""Reading the worklists (mine and the team's). Every query starts at `inburgeraars_voor(user)`.

A list is filtered, counted, sorted and cut into pages in the database (`werkvoorraad`): the
signals and the next deadline are SQL conditions and expressions (regie.werkvoorraad.voorwaarden,
which also says what is stored and why), the counts per signal and the caseload are aggregate
queries. Only the rows of the page shown (at most PER_PAGINA) are read in full and get their
signals and deadlines from the Python rules (`rij_voor`: regie.wet and regie.werkvoorraad.signalen),
so a page costs the same number of queries whatever the number of cases.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from uuid import UUID

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.rechten import Recht, rollen_met
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraars_voor, met_termijngegevens, termijnen_voor
from regie.inburgeraars.status import ACTIEF, STATUS_LABELS, Status
from regie.lijsten import zonder_jit
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.werkvoorraad import signalen as s
from regie.werkvoorraad import voorwaarden as v
from regie.wet.termijnen import Termijn

ZONDER_CONSULENT = "geen"
PER_PAGINA = 50

# The orders a list can have (`sorteer`): label, and the ORDER BY (see `_volgorde`).
SORTERINGEN = {
    "urgentie": "Meest urgent eerst",
    "termijn": "Eerstvolgende termijn",
    "naam": "Naam (A-Z)",
    "status": "Status",
    "consulent": "Vaste consulent",
    "gemeente": "Gemeente en kern",
}


@dataclass
class Rij:
    inburgeraar: Inburgeraar
    termijnen: list[Termijn]
    signalen: list[s.Signaal]
    volgende_termijn: Termijn | None
    dagen_tot_volgende: int | None
    sleutel: tuple = field(repr=False)

    @property
    def urgent(self) -> bool:
        return any(signaal.ernst == s.Ernst.URGENT for signaal in self.signalen)

    @property
    def codes(self) -> set[str]:
        return {signaal.code for signaal in self.signalen}

    @cached_property
    def dossier_url(self) -> str:
        return adres("inburgeraars:dossier", self.inburgeraar.uuid)

    @cached_property
    def toewijzen_url(self) -> str:
        return adres("werkvoorraad:toewijzen", self.inburgeraar.uuid)

    @property
    def status_tekst(self) -> str:
        """As `inburgeraar.get_status_display`, without the choices dict Django builds per call."""
        return STATUS_LABELS.get(self.inburgeraar.status, self.inburgeraar.status)


_NUL = UUID(int=0)


def adres(naam: str, uuid: UUID) -> str:
    """reverse(naam, args=[uuid]) for a URL whose only argument is a case's uuid. A list page needs
    three per row (150 reverse calls, ~8 ms CPU); this reverses each name once per script prefix
    and puts the uuid in."""
    voor, na = _adresdelen(naam, get_script_prefix())
    return f"{voor}{uuid}{na}"


@lru_cache(maxsize=32)
def _adresdelen(naam: str, prefix: str) -> tuple[str, str]:
    voor, na = reverse(naam, args=[_NUL]).split(str(_NUL))
    return voor, na


def drempels() -> s.Drempels:
    """The thresholds of the trajectory signals from settings (REGIE_SIGNAAL_*, see README)."""
    return s.Drempels(
        afwezig_aandeel=settings.SIGNAAL_AFWEZIG_AANDEEL,
        afwezig_weken=settings.SIGNAAL_AFWEZIG_WEKEN,
        geen_rapportage_weken=settings.SIGNAAL_GEEN_RAPPORTAGE_WEKEN,
        geen_voortgang_maanden=settings.SIGNAAL_GEEN_VOORTGANG_MAANDEN,
        niet_geaccepteerd_dagen=settings.SIGNAAL_NIET_GEACCEPTEERD_DAGEN,
    )


def met_trajectgegevens(qs: QuerySet[Inburgeraar], vandaag: date) -> QuerySet[Inburgeraar]:
    """Adds what the trajectory signals need, as subqueries of the same query (no query per
    case): attendance of the last weeks, the last progress and, over the referrals, the oldest
    last report and the first start (the oldest unanswered referral is stored on the case)."""
    from regie.trajecten.models import Verwijzing, VerwijzingStatus
    from regie.voortgang.selectors import met_ongeoorloofd_afwezig

    van_persoon = Verwijzing.objects.filter(inburgeraar=OuterRef("pk"))
    # Referrals the provider reports on and that have started (an accepted one waiting for its
    # start date has nothing to report yet).
    lopend = van_persoon.filter(
        Q(status=VerwijzingStatus.GESTART) | Q(status=VerwijzingStatus.GEACCEPTEERD, startdatum__lte=vandaag)
    )
    start = Coalesce("startdatum", "beantwoord_op", "verzonden_op", output_field=DateField())
    qs = met_ongeoorloofd_afwezig(qs, weken=settings.SIGNAAL_AFWEZIG_WEKEN, tot=vandaag)
    return qs.annotate(
        # The last report and the last progress are stored per referral (regie.voortgang.rapportagemoment).
        laatste_voortgang_datum=Subquery(
            van_persoon.filter(laatste_voortgang_op__isnull=False)
            .order_by("-laatste_voortgang_op")
            .values("laatste_voortgang_op")[:1],
            output_field=DateField(),
        ),
        oudste_rapportage_moment=Subquery(
            lopend.filter(laatst_gerapporteerd_op__isnull=False)
            .order_by("laatst_gerapporteerd_op")
            .values("laatst_gerapporteerd_op")[:1],
            output_field=DateTimeField(),
        ),
        oudste_start_zonder_rapportage=Subquery(
            lopend.filter(laatst_gerapporteerd_op__isnull=True)
            .annotate(start=start)
            .order_by("start")
            .values("start")[:1],
            output_field=DateField(),
        ),
        eerste_start=Subquery(
            lopend.annotate(start=start).order_by("start").values("start")[:1], output_field=DateField()
        ),
    )


def _datum(moment) -> date | None:
    if moment is None:
        return None
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def trajectstand(inburgeraar: Inburgeraar) -> s.Trajectstand:
    """The annotations of `met_trajectgegevens` as the input of `signalen.trajectsignalen`."""
    if not hasattr(inburgeraar, "eerste_start"):
        return s.Trajectstand()
    rapportage = [
        d
        for d in (_datum(inburgeraar.oudste_rapportage_moment), inburgeraar.oudste_start_zonder_rapportage)
        if d is not None
    ]
    # No progress yet counts from the start of the first running referral; without one, there
    # is nothing to measure.
    voortgang = None
    if inburgeraar.eerste_start is not None:
        voortgang = inburgeraar.laatste_voortgang_datum or inburgeraar.eerste_start
    return s.Trajectstand(
        ongeoorloofd_uren=float(inburgeraar.uren_ongeoorloofd_recent or 0),
        aangeboden_uren=float(inburgeraar.uren_aangeboden_recent or 0),
        oudste_rapportage=min(rapportage, default=None),
        laatste_voortgang=voortgang,
        oudste_onbeantwoord=inburgeraar.oudste_onbeantwoorde_verwijzing,
    )


def met_signaalgegevens(qs: QuerySet[Inburgeraar], vandaag: date) -> QuerySet[Inburgeraar]:
    """Everything `rij_voor` reads, as annotations of the same query: the deadlines' input and the last
    activity (`met_termijngegevens`), whether an intake appointment exists, and the trajectory data."""
    from regie.intake.models import Afspraak

    qs = met_termijngegevens(qs).annotate(
        heeft_intakeafspraak=Exists(Afspraak.objects.filter(inburgeraar=OuterRef("pk")))
    )
    return met_trajectgegevens(qs, vandaag)


def _heeft_intakeafspraak(inburgeraar: Inburgeraar) -> bool:
    """From the annotation of `met_signaalgegevens`, else one query (a single case, e.g. a dossier page)."""
    if hasattr(inburgeraar, "heeft_intakeafspraak"):
        return bool(inburgeraar.heeft_intakeafspraak)
    return inburgeraar.afspraken.exists()


def rij_voor(inburgeraar: Inburgeraar, vandaag: date, grenzen: s.Drempels | None = None) -> Rij:
    """One case with its deadlines and signals; `inburgeraar` comes from `met_signaalgegevens` (or
    `inburgeraar_voor`, for one case)."""
    termijnen = termijnen_voor(inburgeraar)
    activiteit = getattr(inburgeraar, "laatste_activiteit", None) or inburgeraar.aangemaakt_op
    volgende = s.volgende_termijn(termijnen, inburgeraar.status, vandaag)
    gevonden = s.signalen(
        termijnen=termijnen,
        heeft_intakeafspraak=_heeft_intakeafspraak(inburgeraar),
        laatste_activiteit=activiteit,
        status=inburgeraar.status,
        vandaag=vandaag,
    ) + s.trajectsignalen(
        trajectstand(inburgeraar),
        status=inburgeraar.status,
        vandaag=vandaag,
        drempels=grenzen or drempels(),
        voortgang_url=adres("voortgangsgesprekken:voortgang", inburgeraar.uuid),
    )
    return Rij(
        inburgeraar=inburgeraar,
        termijnen=termijnen,
        signalen=sorted(gevonden, key=lambda signaal: signaal.ernst.volgorde),
        volgende_termijn=volgende,
        dagen_tot_volgende=(volgende.datum - vandaag).days if volgende else None,
        sleutel=s.urgentie_sleutel(termijnen, inburgeraar.status, vandaag),
    )


def _actief(user: User, *, team: bool) -> QuerySet[Inburgeraar]:
    qs = inburgeraars_voor(user).filter(status__in=[str(st) for st in ACTIEF])
    return qs if team else qs.filter(consulent=user)


def _rijen(qs: QuerySet[Inburgeraar], vandaag: date) -> list[Rij]:
    """Every active case of `qs` as a row, most urgent first: for tests and checks only. A page
    reads one page with `werkvoorraad`."""
    grenzen = drempels()
    actief = qs.filter(status__in=list(ACTIEF))
    rijen = [rij_voor(i, vandaag, grenzen) for i in met_signaalgegevens(actief, vandaag)]
    return sorted(rijen, key=lambda r: (*r.sleutel, r.inburgeraar.geslachtsnaam, r.inburgeraar.pk))


def mijn_werkvoorraad(user: User, *, vandaag: date) -> list[Rij]:
    """All active cases of which `user` is the vaste consulent, most urgent first (not for pages)."""
    return _rijen(inburgeraars_voor(user).filter(consulent=user), vandaag)


def team_werkvoorraad(user: User, *, vandaag: date) -> list[Rij]:
    """All active cases of the user's organisation, most urgent first (not for pages)."""
    return _rijen(inburgeraars_voor(user), vandaag)


def _volgorde(sorteer: str, vandaag: date) -> tuple[dict, list]:
    """(annotations, ORDER BY) of a list; every order ends with the name and the id, so pages
    never overlap."""
    naam = ["geslachtsnaam", "voornamen", "pk"]
    if sorteer == "naam":
        return {}, naam
    if sorteer == "termijn":
        return {"_volgende": v.volgende_termijn(vandaag)}, ["_volgende", *naam]
    if sorteer == "status":
        return {"_status": v.STATUSVOLGORDE}, ["_status", *naam]
    if sorteer == "consulent":
        return {}, [
            F("consulent__first_name").asc(nulls_first=True),
            F("consulent__last_name").asc(nulls_first=True),
            "consulent_id",
            *naam,
        ]
    if sorteer == "gemeente":
        return {}, ["gemeente__naam", F("kern__naam").asc(nulls_first=True), *naam]
    # urgentie: a passed PIP deadline first, then the nearest deadline (signalen.urgentie_sleutel)
    return {"_te_laat": v.pip_te_laat(vandaag), "_volgende": v.volgende_termijn(vandaag)}, [
        "_te_laat",
        "_volgende",
        *naam,
    ]


def _filter(filters: dict[str, str]) -> Q:
    """The filters other than the signal, as one condition."""
    q = Q()
    if filters.get("status"):
        q &= Q(status=filters["status"])
    consulent = filters.get("consulent")
    if consulent == ZONDER_CONSULENT:
        q &= Q(consulent__isnull=True)
    elif consulent:
        q &= Q(consulent_id=consulent)
    if filters.get("gemeente"):
        q &= Q(gemeente_id=filters["gemeente"])
    if filters.get("kern"):
        q &= Q(kern_id=filters["kern"])
    return q


@dataclass
class Lijst:
    """One page of a worklist. `totaal`: the active cases of the list; `aantal`: those that pass the
    filters; `per_signaal`: per signal code, the cases that pass the filters other than the signal
    and have that signal."""

    rijen: list[Rij]
    pagina: Page
    totaal: int
    aantal: int
    per_signaal: dict[str, int]


def werkvoorraad(
    user: User,
    *,
    team: bool,
    vandaag: date,
    filters: dict[str, str] | None = None,
    sorteer: str = "",
    pagina: int | str = 1,
) -> Lijst:
    """One page of the active cases: the team's (`team`) or those of which `user` is the vaste
    consulent. Three queries, whatever the number of cases: the counts (one aggregate), the ids of
    the page, and the page's rows with what their signals need."""
    filters = filters or {}
    voorwaarden = v.signaalvoorwaarden(vandaag, drempels())
    alle = _actief(user, team=team)
    overig = _filter(filters)
    signaal = voorwaarden.get(filters.get("signaal") or "", Q())  # a valid code (the form checks it)
    with zonder_jit():
        tellingen = alle.aggregate(
            _totaal=Count("pk"),
            _overig=Count("pk", filter=overig),
            **{
                str(code): Count("pk", filter=overig & voorwaarde) for code, voorwaarde in voorwaarden.items()
            },
        )
    # With a signal chosen, the cases that pass the filters are those counted for that signal.
    tellingen["_aantal"] = (
        tellingen[filters["signaal"]] if filters.get("signaal") in tellingen else tellingen["_overig"]
    )
    annotaties, volgorde = _volgorde(sorteer, vandaag)
    ids = (
        alle.filter(overig & signaal).annotate(**annotaties).order_by(*volgorde).values_list("pk", flat=True)
    )
    paginator = Paginator(ids, PER_PAGINA, allow_empty_first_page=True)
    paginator.count = tellingen["_aantal"]  # known from the aggregate: no COUNT query
    deze = paginator.get_page(pagina)
    pks = list(deze.object_list)
    gelezen = {
        i.pk: i
        for i in met_handhavingsstand(
            met_signaalgegevens(Inburgeraar.objects.filter(pk__in=pks).order_by(), vandaag)
        )
    }
    grenzen = drempels()
    rijen = [rij_voor(gelezen[pk], vandaag, grenzen) for pk in pks if pk in gelezen]
    return Lijst(
        rijen=rijen,
        pagina=deze,
        totaal=tellingen["_totaal"],
        aantal=tellingen["_aantal"],
        per_signaal={str(code): tellingen[str(code)] for code in voorwaarden},
    )


def team_rij(user: User, uuid, vandaag: date) -> Rij:
    """One row of the team view, for updating it in place after a reassignment."""
    return rij_voor(
        met_handhavingsstand(met_signaalgegevens(inburgeraars_voor(user), vandaag)).get(uuid=uuid), vandaag
    )


def medewerkers(user: User) -> QuerySet[User]:
    """The active colleagues a case can be assigned to: those of the same organisation
    whose role may handle cases of their own (not, say, the privacy officer)."""
    if user.organisatie_id is None:
        return User.objects.none()
    rollen = rollen_met(Recht.DOSSIERS_WIJZIGEN_EIGEN)
    return User.objects.filter(organisatie_id=user.organisatie_id, is_active=True, rol__in=rollen).order_by(
        "first_name", "last_name", "username"
    )


@dataclass
class Caseload:
    medewerker: User | None
    actief: int
    urgent: int


def caseload(
    user: User, *, vandaag: date, collega: list[User] | None = None
) -> tuple[list[Caseload], Caseload]:
    """Active cases and cases with an urgent signal per colleague, plus the unassigned ones: one
    aggregate query (GROUP BY consulent) over the team's active cases. `collega`: the list of
    `medewerkers(user)` when the caller has it already."""
    urgent = v.urgent(v.signaalvoorwaarden(vandaag, drempels()))
    with zonder_jit():
        tellingen = {
            r["consulent"]: (r["actief"], r["urgent"])
            for r in _actief(user, team=True)
            .order_by()
            .values("consulent")
            .annotate(actief=Count("pk"), urgent=Count("pk", filter=urgent))
        }
    collega = list(medewerkers(user)) if collega is None else collega
    mensen = {m.pk: m for m in collega if m.pk in tellingen or not m.is_teamleider}
    # A case can still be with a colleague who no longer works here: show them too.
    elders = [pk for pk in tellingen if pk is not None and pk not in mensen]
    if elders:
        mensen.update({m.pk: m for m in User.objects.filter(pk__in=elders)})
    per_medewerker = [Caseload(m, *tellingen.get(pk, (0, 0))) for pk, m in mensen.items()]
    return per_medewerker, Caseload(None, *tellingen.get(None, (0, 0)))


def statuskeuzes() -> list[tuple[str, str]]:
    return [(str(st), st.label) for st in Status if st in ACTIEF]


def sorteerkeuzes(*, team: bool) -> list[tuple[str, str]]:
    return [(naam, label) for naam, label in SORTERINGEN.items() if team or naam != "consulent"]


def met_handhavingsstand(qs: QuerySet[Inburgeraar]) -> QuerySet[Inburgeraar]:
    """`handhaving`: the stand after the last step of a warning or fine (regie.handhaving), as its
    timeline entry recorded it, so the worklist shows it without reading the fines themselves."""
    laatste = (
        Gebeurtenis.objects.filter(inburgeraar=OuterRef("pk"), soort__in=[Soort.WAARSCHUWING, Soort.BOETE])
        .order_by("-op", "-pk")
        .annotate(stand=KT("gegevens__stand"))
        .values("stand")[:1]
    )
    return qs.annotate(handhaving=Subquery(laatste, output_field=CharField()))

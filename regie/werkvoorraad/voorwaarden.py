"""The worklist signals as conditions in SQL, so a list filters, counts and sorts in the database.

`regie.werkvoorraad.signalen` holds the rules (pure Python, with the texts a row shows); this module
states the same rules as database conditions for one day (`vandaag`), for every case at once. A test
checks, for every case of the demo, that the conditions select exactly the cases whose rows carry the
signal (regie/werkvoorraad/tests/test_lijsten.py), so the two cannot drift apart unseen.

What is stored and what is computed (issue 10):
- The deadline dates (regie.wet.termijnen) are columns of Inburgeraar (`pip_termijn`, `einde_termijn`,
  `leerroute_termijn`, `verlenging_vanaf`; regie.inburgeraars.termijnvelden): they depend on the
  first PIP and on working days and holidays, which SQL cannot compute, and they change only when the
  case's dates or its PIPs do (`Inburgeraar.save`, `pip_vaststellen`; `termijnen_herberekenen`
  rebuilds them).
- The last report and the last progress of a referral are columns of Verwijzing
  (`laatst_gerapporteerd_op`, `laatste_voortgang_op`; regie.voortgang.rapportagemoment keeps them
  after every report, `rapportages_herberekenen` rebuilds them), so "no report" and "no progress"
  compare one column per referral instead of probing the report tables.
- The current weekly reports' hours over today's attendance window are columns of Inburgeraar
  (`afwezigheid_*`; regie.voortgang.afwezigheid keeps them after every weekly report,
  `rapportages_herberekenen` stores the new window each week); a case whose stored window is not
  today's sums its reports instead, so a window that moved on costs time, never correctness.
- The day the oldest still unanswered referral was sent is a column of Inburgeraar
  (`oudste_onbeantwoorde_verwijzing`; kept by every save of a referral, regie.trajecten.onbeantwoord).
- Everything else that depends on today is compared with today here, never stored: a deadline passed or
  near, six weeks without activity, no report for three weeks, the share of absence in the last
  weeks, an unanswered referral. Their inputs (timeline, reports, referrals) are read with correlated
  subqueries on indexed columns; a threshold that is a rule of the calendar ("6 months after") is
  turned into a date bound in Python with the rule itself (`_eerste_dag_waarop`), so SQL only compares.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from django.db.models import (
    BooleanField,
    Case,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from regie.inburgeraars.status import Status
from regie.werkvoorraad import signalen as s
from regie.werkvoorraad.signalen import Code
from regie.wet.perioden import laatste_dag

GEEN_DATUM = date.max  # sorts after every deadline: "no deadline" comes last
VOOR_PIP = [str(st) for st in s.VOOR_PIP]

# The signals of Ernst.URGENT (the caseload's "met een urgent signaal").
URGENT = frozenset({Code.PIP_TERMIJN_VERSTREKEN, Code.PIP_TERMIJN_BIJNA, Code.INBURGERINGSTERMIJN_VERSTREKEN})


def _begin_van(dag: date) -> datetime:
    """The first moment of `dag` in Regie's time zone: `localdate(m) < dag` is `m < _begin_van(dag)`."""
    return timezone.make_aware(datetime.combine(dag, time.min))


def _eerste_dag_waarop(regel, vandaag: date, *, zoek_vanaf: date) -> date:
    """The first day d from `zoek_vanaf` with regel(d) >= vandaag, for a rule that never decreases:
    then `regel(d) < vandaag` holds exactly for d before that day."""
    dag = zoek_vanaf
    while regel(dag) < vandaag:
        dag += timedelta(days=1)
    return dag


def _lopend(vandaag: date):
    """The case's referrals the provider reports on (as regie.werkvoorraad.selectors)."""
    from regie.trajecten.models import Verwijzing, VerwijzingStatus

    return Verwijzing.objects.filter(inburgeraar=OuterRef("pk")).filter(
        Q(status=VerwijzingStatus.GESTART) | Q(status=VerwijzingStatus.GEACCEPTEERD, startdatum__lte=vandaag)
    )


_START = Coalesce("startdatum", "beantwoord_op", "verzonden_op", output_field=DateField())


def signaalvoorwaarden(vandaag: date, drempels: s.Drempels) -> dict[Code, Q]:
    """Per signal code, the condition on an Inburgeraar row (of an active case) that it shows today.
    Built once per day and thresholds (some 50 subqueries: 5 ms CPU, twice per team page); Django
    copies an expression when it resolves it into a query, so the cached ones are never changed."""
    return dict(_signaalvoorwaarden(vandaag, drempels))


@lru_cache(maxsize=4)
def _signaalvoorwaarden(vandaag: date, drempels: s.Drempels) -> dict[Code, Q]:
    from regie.intake.models import Afspraak
    from regie.tijdlijn.models import Gebeurtenis
    from regie.trajecten.models import Verwijzing
    from regie.voortgang.selectors import rapporten_in_venster, venster

    voor_pip = Q(status__in=VOOR_PIP)

    # Six weeks without activity: the last timeline entry (or the registration, without any) is at
    # least INACTIEF_DAGEN days before today.
    stil_sinds = _begin_van(vandaag - timedelta(days=s.INACTIEF_DAGEN - 1))
    tijdlijn = Gebeurtenis.objects.filter(inburgeraar=OuterRef("pk"))
    geen_activiteit = ~Exists(tijdlijn.filter(op__gte=stil_sinds)) & (
        Exists(tijdlijn) | Q(aangemaakt_op__lt=stil_sinds)
    )

    # Attendance: unexcused hours over offered hours in the window, above the threshold. The sums of
    # today's window are stored on the case (regie.voortgang.afwezigheid); a case whose stored window
    # is another (not rebuilt since the week began, or a different window length) sums its reports
    # (one aggregate per case: GROUP BY with HAVING inside EXISTS), so the answer is the same.
    van, tot = venster(weken=drempels.afwezig_weken, tot=vandaag)
    aandeel = Value(Decimal(str(drempels.afwezig_aandeel)))
    opgeslagen = Q(
        afwezigheid_uren_aangeboden__gt=0,
        afwezigheid_uren_ongeoorloofd__gt=F("afwezigheid_uren_aangeboden") * aandeel,
    )
    opgeteld = Exists(
        rapporten_in_venster(van, tot)
        .annotate(a=Sum("uren_aangeboden"), o=Sum("uren_afwezig_ongeoorloofd"))
        .filter(a__gt=0, o__gt=F("a") * aandeel)
    )
    afwezig = Q(
        Case(
            When(
                Q(afwezigheid_van=van, afwezigheid_tot=tot),
                then=ExpressionWrapper(opgeslagen, BooleanField()),
            ),
            default=opgeteld,
            output_field=BooleanField(),
        )
    )

    # No report: a running referral whose last report (or, without any, its start) is older than
    # the threshold. The last report's moment is stored per referral (Verwijzing.
    # laatst_gerapporteerd_op, regie.voortgang.rapportagemoment): one column, no report tables.
    grens = vandaag - timedelta(weeks=drempels.geen_rapportage_weken)
    geen_rapportage = Exists(
        _lopend(vandaag)
        .alias(start=_START)
        .filter(
            Q(laatst_gerapporteerd_op__lt=_begin_van(grens))
            | Q(laatst_gerapporteerd_op__isnull=True, start__lt=grens)
        )
    )

    # No progress: a running referral, and the last progress (or, without any, the first start of a
    # running referral) is so long ago that "the day after it plus the months" has passed. "The last
    # progress is before the bound" is "some progress, none from the bound on".
    maanden = drempels.geen_voortgang_maanden
    voortgang_grens = _eerste_dag_waarop(
        lambda d: laatste_dag(d + timedelta(days=1), maanden=maanden),
        vandaag,
        zoek_vanaf=vandaag - timedelta(days=31 * maanden + 31),
    )
    # The last progress date is stored per referral (Verwijzing.laatste_voortgang_op).
    verwijzingen = Verwijzing.objects.filter(inburgeraar=OuterRef("pk"))
    ooit = Exists(verwijzingen.filter(laatste_voortgang_op__isnull=False))
    recent = Exists(verwijzingen.filter(laatste_voortgang_op__gte=voortgang_grens))
    lopend = _lopend(vandaag)
    geen_voortgang = (
        Exists(lopend)
        & ~recent
        & (ooit | Exists(lopend.alias(start=_START).filter(start__lt=voortgang_grens)))
    )

    # Not accepted: the oldest referral still waiting for an answer, stored on the case
    # (Inburgeraar.oudste_onbeantwoorde_verwijzing, regie.trajecten.onbeantwoord).
    niet_geaccepteerd = Q(
        oudste_onbeantwoorde_verwijzing__lte=vandaag - timedelta(days=drempels.niet_geaccepteerd_dagen)
    )

    return {
        Code.PIP_TERMIJN_VERSTREKEN: voor_pip & Q(pip_termijn__lt=vandaag),
        Code.PIP_TERMIJN_BIJNA: voor_pip
        & Q(pip_termijn__gte=vandaag, pip_termijn__lte=vandaag + timedelta(days=s.PIP_SIGNAAL_DAGEN)),
        Code.GEEN_INTAKEAFSPRAAK: voor_pip & ~Exists(Afspraak.objects.filter(inburgeraar=OuterRef("pk"))),
        Code.INBURGERINGSTERMIJN_VERSTREKEN: Q(einde_termijn__lt=vandaag),
        Code.INBURGERINGSTERMIJN_BIJNA: Q(einde_termijn__gte=vandaag, verlenging_vanaf__lte=vandaag),
        Code.GEEN_ACTIVITEIT: geen_activiteit,
        Code.ONGEOORLOOFD_AFWEZIG: afwezig,
        Code.GEEN_RAPPORTAGE: geen_rapportage,
        Code.GEEN_VOORTGANG: geen_voortgang,
        Code.VERWIJZING_NIET_GEACCEPTEERD: niet_geaccepteerd,
    }


def urgent(voorwaarden: dict[Code, Q]) -> Q:
    """A case with at least one urgent signal."""
    uit = Q(pk__in=[])
    for code in URGENT:
        uit |= voorwaarden[code]
    return uit


def _of_geen(voorwaarde: Q, veld: str):
    return Case(When(voorwaarde, then=F(veld)), default=Value(GEEN_DATUM), output_field=DateField())


def volgende_termijn(vandaag: date):
    """The date of the nearest deadline that still counts (signalen.volgende_termijn) as an
    expression; GEEN_DATUM without one. A passed PIP deadline or end of the termijn keeps counting."""
    return Least(
        _of_geen(Q(status__in=VOOR_PIP, pip_termijn__isnull=False), "pip_termijn"),
        _of_geen(Q(einde_termijn__isnull=False), "einde_termijn"),
        _of_geen(Q(leerroute_termijn__gte=vandaag), "leerroute_termijn"),
        _of_geen(Q(verlenging_vanaf__gte=vandaag), "verlenging_vanaf"),
        output_field=DateField(),
    )


def pip_te_laat(vandaag: date):
    """0 when the PIP deadline passed (those come first), else 1 (signalen.urgentie_sleutel)."""
    return Case(
        When(Q(status__in=VOOR_PIP, pip_termijn__lt=vandaag), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


STATUSVOLGORDE = Case(
    *[When(status=str(st), then=Value(i)) for i, st in enumerate(Status)],
    default=Value(len(Status)),
    output_field=IntegerField(),
)

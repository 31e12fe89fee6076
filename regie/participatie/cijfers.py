"""Outcome figures over many cases, for the KPI dashboard and the council report.

Stable API for callers outside this app (regie.rapportage and others). Every function:
- takes `gemeenten`: the municipalities to count (Gemeente objects, their ids or a queryset;
  the caller scopes it to what the user may see, e.g. `gemeenten_voor(user)`);
- optionally `cohort_jaar`: only cases whose obligation started in that year (`cohort_datum`);
- answers with a list of small frozen dataclasses, one per group, holding counts only: no person
  and no id of a person. Suppressing small counts (< 5) is for the caller that shows them;
- runs a fixed number of aggregate queries (GROUP BY in the database), whatever the number of
  cases: no Python loop over persons.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, ExtractYear

from regie.participatie.models import Activiteit, Resultaat, Situatie, Soort, Uitkering, Werk
from regie.wet.meetmomenten import Meetmoment


def cohort_datum(prefix: str = ""):
    """The day a case's obligation started, as a database expression: DUO's begindatum of the
    inburgeringsplicht, else the date of DUO's notice, else the registration in the BRP. Its year
    is the cohort (as CBS's SWI reports count cohorts). `prefix` is the path to the case, e.g.
    "inburgeraar__" from a table that points to it."""
    return Coalesce(
        F(f"{prefix}begindatum_inburgeringsplicht"),
        F(f"{prefix}datum_melding_duo"),
        F(f"{prefix}datum_inschrijving_brp"),
    )


def _cohort_filter(qs, cohort_jaar: int | None, prefix: str):
    qs = qs.annotate(cohort_jaar=ExtractYear(cohort_datum(prefix)))
    return qs if cohort_jaar is None else qs.filter(cohort_jaar=cohort_jaar)


@dataclass(frozen=True)
class SituatieTelling:
    """The recorded situations of one municipality, cohort and measuring moment."""

    gemeente_id: int
    cohort_jaar: int | None
    moment: Meetmoment
    gemeten: int  # persons with a (current) situation recorded for this moment
    werk_geen: int
    werk_deeltijd: int
    werk_voltijd: int
    opleiding: int
    bijstand_geen: int
    bijstand_gedeeltelijk: int
    bijstand_volledig: int
    participatie: int  # with any participation activity running on the day of the measurement
    vrijwilligerswerk: int  # with volunteering running on that day
    zelfredzaamheid_gemiddeld: float | None  # 1..5, one decimal

    @property
    def werk(self) -> int:
        """Persons with paid work (part-time or full-time)."""
        return self.werk_deeltijd + self.werk_voltijd


def situatie_per_meetmoment(
    gemeenten: Iterable, *, cohort_jaar: int | None = None, meetmomenten: Iterable[Meetmoment] | None = None
) -> list[SituatieTelling]:
    """Per municipality, cohort year and measuring moment (intake, 12, 24, 36 months): how many
    persons were measured, and of those how many had paid work (none / part-time / full-time),
    followed education, received bijstand (none / partial / full), took part in any participation
    activity (and in volunteering) on the day of the measurement, and their average self-reliance.
    Only the current situation per person and moment counts (corrections replace). One query.

    Example: `situatie_per_meetmoment(gemeenten_voor(user), cohort_jaar=2023)`."""
    lopend = Activiteit.objects.filter(
        inburgeraar=OuterRef("inburgeraar"), startdatum__lte=OuterRef("gemeten_op")
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=OuterRef("gemeten_op")))
    qs = Situatie.objects.filter(actueel=True, inburgeraar__gemeente__in=gemeenten)
    if meetmomenten is not None:
        qs = qs.filter(moment__in=[Meetmoment(m).value for m in meetmomenten])
    qs = _cohort_filter(qs, cohort_jaar, "inburgeraar__")
    rijen = (
        qs.annotate(
            _participatie=Exists(lopend),
            _vrijwilligerswerk=Exists(lopend.filter(soort=Soort.VRIJWILLIGERSWERK)),
        )
        .values("inburgeraar__gemeente_id", "cohort_jaar", "moment")
        .annotate(
            gemeten=Count("pk"),
            werk_geen=Count("pk", filter=Q(werk=Werk.GEEN)),
            werk_deeltijd=Count("pk", filter=Q(werk=Werk.DEELTIJD)),
            werk_voltijd=Count("pk", filter=Q(werk=Werk.VOLTIJD)),
            n_opleiding=Count("pk", filter=Q(opleiding=True)),
            bijstand_geen=Count("pk", filter=Q(uitkering=Uitkering.GEEN)),
            bijstand_gedeeltelijk=Count("pk", filter=Q(uitkering=Uitkering.GEDEELTELIJK)),
            bijstand_volledig=Count("pk", filter=Q(uitkering=Uitkering.VOLLEDIG)),
            n_participatie=Count("pk", filter=Q(_participatie=True)),
            n_vrijwilligerswerk=Count("pk", filter=Q(_vrijwilligerswerk=True)),
            gemiddeld=Avg("zelfredzaamheid"),
        )
        .order_by("inburgeraar__gemeente_id", "cohort_jaar", "moment")
    )
    return [
        SituatieTelling(
            gemeente_id=r["inburgeraar__gemeente_id"],
            cohort_jaar=r["cohort_jaar"],
            moment=Meetmoment(r["moment"]),
            gemeten=r["gemeten"],
            werk_geen=r["werk_geen"],
            werk_deeltijd=r["werk_deeltijd"],
            werk_voltijd=r["werk_voltijd"],
            opleiding=r["n_opleiding"],
            bijstand_geen=r["bijstand_geen"],
            bijstand_gedeeltelijk=r["bijstand_gedeeltelijk"],
            bijstand_volledig=r["bijstand_volledig"],
            participatie=r["n_participatie"],
            vrijwilligerswerk=r["n_vrijwilligerswerk"],
            zelfredzaamheid_gemiddeld=None if r["gemiddeld"] is None else round(float(r["gemiddeld"]), 1),
        )
        for r in rijen
    ]


@dataclass(frozen=True)
class ParticipatieTelling:
    """Participation of one kind running on a day, in one municipality and cohort."""

    gemeente_id: int
    cohort_jaar: int | None
    soort: Soort
    personen: int  # distinct persons with at least one such activity running
    activiteiten: int


def participatie_per_soort(
    gemeenten: Iterable, *, peildatum: date, cohort_jaar: int | None = None
) -> list[ParticipatieTelling]:
    """Per municipality, cohort year and kind of activity (paid work, education, volunteering,
    ...): how many persons had such an activity running on `peildatum` (started on or before it,
    not ended before it), and how many activities. One query.

    Example: `participatie_per_soort(gemeenten, peildatum=date(2026, 6, 30))`."""
    qs = Activiteit.objects.filter(inburgeraar__gemeente__in=gemeenten, startdatum__lte=peildatum).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum)
    )
    qs = _cohort_filter(qs, cohort_jaar, "inburgeraar__")
    rijen = (
        qs.values("inburgeraar__gemeente_id", "cohort_jaar", "soort")
        .annotate(personen=Count("inburgeraar", distinct=True), activiteiten=Count("pk"))
        .order_by("inburgeraar__gemeente_id", "cohort_jaar", "soort")
    )
    return [
        ParticipatieTelling(
            gemeente_id=r["inburgeraar__gemeente_id"],
            cohort_jaar=r["cohort_jaar"],
            soort=Soort(r["soort"]),
            personen=r["personen"],
            activiteiten=r["activiteiten"],
        )
        for r in rijen
    ]


@dataclass(frozen=True)
class ResultaatTelling:
    """Activities of one kind that ended in a period, by how they ended."""

    gemeente_id: int
    soort: Soort
    afgerond: int
    voortijdig_gestopt: int


def afgelopen_activiteiten(
    gemeenten: Iterable, *, van: date, tot: date, cohort_jaar: int | None = None
) -> list[ResultaatTelling]:
    """Per municipality and kind: the activities whose end date lies in [`van`, `tot`] (both
    included) and whose result is recorded, counted as completed or stopped early. One query."""
    qs = Activiteit.objects.filter(
        inburgeraar__gemeente__in=gemeenten,
        einddatum__gte=van,
        einddatum__lte=tot,
        resultaat__in=[Resultaat.AFGEROND, Resultaat.VOORTIJDIG_GESTOPT],
    )
    qs = _cohort_filter(qs, cohort_jaar, "inburgeraar__")
    rijen = (
        qs.values("inburgeraar__gemeente_id", "soort")
        .annotate(
            afgerond=Count("pk", filter=Q(resultaat=Resultaat.AFGEROND)),
            gestopt=Count("pk", filter=Q(resultaat=Resultaat.VOORTIJDIG_GESTOPT)),
        )
        .order_by("inburgeraar__gemeente_id", "soort")
    )
    return [
        ResultaatTelling(
            gemeente_id=r["inburgeraar__gemeente_id"],
            soort=Soort(r["soort"]),
            afgerond=r["afgerond"],
            voortijdig_gestopt=r["gestopt"],
        )
        for r in rijen
    ]

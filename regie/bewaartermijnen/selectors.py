"""Which closed cases are past their retention period.

A case is closed when its status is afgerond, verhuisd or beëindigd; it was closed on the
date of the timeline entry (Gebeurtenis) that moved it to that status, the last one if it
closed more than once (a verhuisd or beëindigd case can be reopened and closed again).
Its retention period (settings BEWAARTERMIJN_JAREN, per end status
BEWAARTERMIJN_JAREN_PER_EINDSTATUS) runs from that day: a case closed on 10 March 2020
with 5 years is kept up to and including 10 March 2025 and may be removed from 11 March.

A closed case without such an entry (for instance imported with its end status) has no
known closing date and is never removed automatically: `zonder_sluitdatum()` counts them.

This is a system task over all organisations, not a user's view: it does not start from
`inburgeraars_voor(user)`. Limit it to some municipalities with `gemeenten`.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone

from regie import klok
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.wet.perioden import laatste_dag, laatste_start


def bewaartermijn_jaren(status: str) -> int:
    """Years a case with this end status is kept after closing."""
    return settings.BEWAARTERMIJN_JAREN_PER_EINDSTATUS.get(str(status), settings.BEWAARTERMIJN_JAREN)


def bewaren_tot(gesloten_op: datetime.datetime, status: str) -> datetime.date:
    """The last day the case is kept (in Dutch local time): the period runs from the day after
    closing, counted as every period in Regie (regie.wet.perioden)."""
    start = timezone.localdate(gesloten_op) + datetime.timedelta(days=1)
    return laatste_dag(start, jaren=bewaartermijn_jaren(status))


def _begin_van_dag(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def gesloten_dossiers(*, gemeenten: Iterable | None = None) -> QuerySet[Inburgeraar]:
    """Cases with an end status, annotated with `gesloten_op` (None when unknown)."""
    sluiting = (
        Gebeurtenis.objects.filter(inburgeraar=OuterRef("pk"), soort=Soort.STATUS_GEWIJZIGD)
        .annotate(naar=KT("gegevens__naar"))
        .filter(naar=OuterRef("status"))
        .order_by("-op", "-pk")
        .values("op")[:1]
    )
    qs = Inburgeraar.objects.filter(status__in=[s.value for s in EINDSTATUSSEN])
    if gemeenten is not None:
        qs = qs.filter(gemeente__in=gemeenten)
    return (
        qs.annotate(gesloten_op=Subquery(sluiting, output_field=DateTimeField()))
        .select_related("gemeente")
        .order_by("gesloten_op", "pk")
    )


def verlopen_dossiers(
    *, peildatum: datetime.date | None = None, gemeenten: Iterable | None = None
) -> QuerySet[Inburgeraar]:
    """Closed cases whose retention period ended before `peildatum` (default: today)."""
    peildatum = peildatum or klok.vandaag()
    verlopen = Q(pk__in=[])
    for status in sorted(EINDSTATUSSEN):
        # Expired: the period that started the day after closing ended before peildatum, so the
        # case closed before the latest start whose period is over by the day before peildatum.
        laatste = laatste_start(peildatum - datetime.timedelta(days=1), jaren=bewaartermijn_jaren(status))
        grens = _begin_van_dag(laatste)
        verlopen |= Q(status=status.value, gesloten_op__lt=grens)
    return gesloten_dossiers(gemeenten=gemeenten).filter(verlopen)


def zonder_sluitdatum(*, gemeenten: Iterable | None = None) -> QuerySet[Inburgeraar]:
    """Closed cases without a known closing date: never removed automatically."""
    return gesloten_dossiers(gemeenten=gemeenten).filter(gesloten_op__isnull=True)

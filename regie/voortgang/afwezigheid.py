"""The attendance window stored per case (issue 10): `Inburgeraar.afwezigheid_van` / `_tot` (the
Mondays of the window of `voortgang.selectors.venster`, REGIE_SIGNAAL_AFWEZIG_WEKEN weeks ending with
this week) and the current weekly reports' offered and unexcused hours summed over it
(`afwezigheid_uren_aangeboden`, `afwezigheid_uren_ongeoorloofd`).

The worklist's attendance signal (regie.werkvoorraad.voorwaarden) compares the two sums when the
stored window is today's and sums the reports itself otherwise, so these columns make a team's count
cheap without ever making it wrong: `gemeld` stores today's window after every report (with
`rapportagemoment.gemeld`), `herberekenen` stores it for every case (`manage.py
rapportages_herberekenen`, best run each Monday when the window moves on), `afwijkingen` lists the
cases whose stored sums differ from the reports of their stored window."""

from datetime import date

from django.conf import settings
from django.db.models import OuterRef

from regie import klok
from regie.inburgeraars.models import Inburgeraar
from regie.voortgang.selectors import uren_in_venster, venster


def huidig_venster(vandaag: date | None = None) -> tuple[date, date]:
    """(first Monday, last Monday) of the attendance window of the signal on `vandaag`."""
    return venster(weken=settings.SIGNAAL_AFWEZIG_WEKEN, tot=vandaag or klok.vandaag())


def herberekenen(inburgeraars=None, *, vandaag: date | None = None) -> int:
    """Store today's window and its sums for `inburgeraars` (all cases), in one UPDATE."""
    van, tot = huidig_venster(vandaag)
    inburgeraars = Inburgeraar.objects.all() if inburgeraars is None else inburgeraars
    return inburgeraars.order_by().update(
        afwezigheid_van=van,
        afwezigheid_tot=tot,
        afwezigheid_uren_aangeboden=uren_in_venster("uren_aangeboden", van, tot),
        afwezigheid_uren_ongeoorloofd=uren_in_venster("uren_afwezig_ongeoorloofd", van, tot),
    )


def gemeld(rapport) -> None:
    """After `rapport` (any report with a `verwijzing`) was saved or corrected. The UPDATE names
    the case by its key: filtered through the referral it became `id IN (SELECT ... JOIN ...)`,
    which took up to a minute per report on PostgreSQL inside one long transaction (a test that
    seeds the demo), where the planner had no statistics of the rows just written."""
    herberekenen(Inburgeraar.objects.filter(pk=rapport.verwijzing.inburgeraar_id))


def afwijkingen() -> list[tuple[int, str, object, object]]:
    """(case id, field, stored, from the reports) wherever a case with a stored window has sums that
    differ from the current weekly reports of that window (one query)."""
    van, tot = OuterRef("afwezigheid_van"), OuterRef("afwezigheid_tot")
    rijen = (
        Inburgeraar.objects.filter(afwezigheid_van__isnull=False)
        .annotate(
            a=uren_in_venster("uren_aangeboden", van, tot),
            o=uren_in_venster("uren_afwezig_ongeoorloofd", van, tot),
        )
        .order_by("pk")
        .values_list("pk", "afwezigheid_uren_aangeboden", "a", "afwezigheid_uren_ongeoorloofd", "o")
    )
    uit = []
    for pk, aangeboden, afgeleid_aangeboden, ongeoorloofd, afgeleid_ongeoorloofd in rijen:
        if aangeboden != afgeleid_aangeboden:
            uit.append((pk, "afwezigheid_uren_aangeboden", aangeboden, afgeleid_aangeboden))
        if ongeoorloofd != afgeleid_ongeoorloofd:
            uit.append((pk, "afwezigheid_uren_ongeoorloofd", ongeoorloofd, afgeleid_ongeoorloofd))
    return uit

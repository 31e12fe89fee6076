"""Reading DUO's notices. A user sees the notices for the municipalities they work for
(`gemeenten_voor`), and only with the right to handle them (Recht.DUO_MELDINGEN)."""

from django.db.models import QuerySet

from regie.accounts.rechten import Recht, heeft_recht
from regie.duo.inkomend.models import AfstemmingRegel, Notificatie
from regie.inburgeraars.selectors import gemeenten_voor, inburgeraars_voor


def notificaties_van(inburgeraar) -> QuerySet[Notificatie]:
    """The notices about one case (for the case's DUO tab), newest first. The caller has already
    checked that the user may read the case (`inburgeraar_voor`)."""
    return Notificatie.objects.filter(inburgeraar=inburgeraar).order_by("-ontvangen_op", "-id")


def notificaties_voor(user) -> QuerySet[Notificatie]:
    if not heeft_recht(user, Recht.DUO_MELDINGEN):
        return Notificatie.objects.none()
    # The user's few municipality ids as values, not a subquery: with a subquery PostgreSQL cannot
    # estimate the rows and scanned every notice of the country (36 ms at 164,000 notices) instead
    # of using the index on (gemeente, status).
    gemeenten = list(gemeenten_voor(user).values_list("id", flat=True))
    return Notificatie.objects.filter(gemeente__in=gemeenten).select_related("gemeente", "inburgeraar")


def afstemming_regels(user, afstemming) -> QuerySet[AfstemmingRegel]:
    """The rows of a reconciliation run about cases the user may see, in the order they were found;
    the caller cuts a page from it in the database."""
    return (
        AfstemmingRegel.objects.filter(afstemming=afstemming, inburgeraar__in=inburgeraars_voor(user))
        .select_related("inburgeraar")
        .order_by("id")
    )

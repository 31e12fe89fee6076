from django.db.models import QuerySet
from django.db.models.fields.json import KT

from regie.inburgeraars.selectors import gemeenten_voor
from regie.overdracht.models import OntvangenPakket, Overdracht, Status


def overdrachten_van(inburgeraar) -> QuerySet[Overdracht]:
    """The packages this case's municipality shared (never the new municipality's case)."""
    return inburgeraar.overdrachten.select_related("gemaakt_door").order_by("-gemaakt_op", "-id")


def laatst_ontvangen(inburgeraar) -> OntvangenPakket | None:
    return inburgeraar.ontvangen_pakketten.order_by("-ontvangen_op", "-id").first()


def inbox_voor(user) -> QuerySet[Overdracht]:
    """Packages waiting for (or taken over by) one of the user's municipalities, newest first; the
    old case itself stays out of reach (only the package, as it was shared)."""
    return (
        Overdracht.objects.filter(naar_gemeente__in=gemeenten_voor(user))
        .select_related("naar_gemeente")
        .order_by("-gemaakt_op", "-id")
    )


def inbox_rijen(user) -> QuerySet[Overdracht]:
    """The inbox's rows: the name and the old municipality read from the package in the database,
    not the whole package (all PIP versions, the intake) for every row."""
    return (
        inbox_voor(user)
        .defer("pakket")
        .annotate(
            voornamen=KT("pakket__persoon__voornamen"),
            tussenvoegsel=KT("pakket__persoon__tussenvoegsel"),
            geslachtsnaam=KT("pakket__persoon__geslachtsnaam"),
            van_gemeente_naam=KT("pakket__van__gemeente"),
        )
    )


def wachtend_voor(user) -> QuerySet[Overdracht]:
    return inbox_voor(user).filter(status=Status.VERZONDEN)

"""Reading the brede intake of a case. The case itself always comes from
`regie.inburgeraars.selectors.inburgeraar_voor`, so these only see what the user may see."""

from django.db.models import QuerySet

from regie.inburgeraars.models import Inburgeraar
from regie.intake.models import Afspraak, BredeIntake


def brede_intake_van(inburgeraar: Inburgeraar) -> BredeIntake | None:
    return (
        BredeIntake.objects.filter(inburgeraar=inburgeraar)
        .select_related("gewijzigd_door")
        .prefetch_related("diplomas")
        .first()
    )


def afspraken_van(inburgeraar: Inburgeraar) -> QuerySet[Afspraak]:
    return inburgeraar.afspraken.order_by("begint_op")

from django.db.models import QuerySet

from regie.handhaving.models import Waarschuwing


def waarschuwingen_van(inburgeraar) -> QuerySet[Waarschuwing]:
    return inburgeraar.waarschuwingen.select_related("door").order_by("-datum", "-id")

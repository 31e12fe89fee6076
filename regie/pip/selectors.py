"""Reading the PIP versions of a case that came from `inburgeraar_voor` (scoped to the user)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from regie.inburgeraars.models import Inburgeraar
from regie.pip.models import Pip


def pip_versies(inburgeraar: Inburgeraar) -> QuerySet[Pip]:
    """All versions, newest first; earlier versions stay as they were decided."""
    return inburgeraar.pips.select_related("vastgesteld_door").order_by("-versie")


def pip_versie(inburgeraar: Inburgeraar, versie: int) -> Pip:
    return get_object_or_404(pip_versies(inburgeraar), versie=versie)

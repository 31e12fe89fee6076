from django.db.models import QuerySet
from django.http import Http404

from regie.handhaving.models import Boete, BoeteStatus, Waarschuwing
from regie.inburgeraars.selectors import inburgeraars_voor


def waarschuwingen_van(inburgeraar) -> QuerySet[Waarschuwing]:
    return inburgeraar.waarschuwingen.select_related("door").order_by("-datum", "-id")


def boetes_van(inburgeraar) -> QuerySet[Boete]:
    """The fines of one case, newest first (also for the hand-over package of a move)."""
    return inburgeraar.boetes.select_related("bezwaar").order_by("-rapport_datum", "-id")


def boetes_vorige_gemeente(inburgeraar) -> list[dict]:
    """The previous municipality's fines, from the newest hand-over package read into this case: its
    section "boetes" holds only fines that still count (opgelegd or betaald). Read through the
    relation, not by importing regie.overdracht, which sits above handhaving and packs these fines."""
    pakket = inburgeraar.ontvangen_pakketten.values_list("pakket", flat=True).first()
    return (pakket or {}).get("boetes") or []


def boete_van(inburgeraar, boete_uuid) -> Boete:
    """One fine of a case the caller already looked up with `inburgeraar_voor`; 404 otherwise."""
    try:
        return Boete.objects.select_related(
            "inburgeraar__gemeente", "waarschuwing", "besloten_door", "goedgekeurd_door", "opgesteld_door"
        ).get(uuid=boete_uuid, inburgeraar=inburgeraar)
    except (Boete.DoesNotExist, ValueError) as exc:
        raise Http404("Deze boete bestaat niet in dit dossier.") from exc


def boetes_ter_goedkeuring(user) -> QuerySet[Boete]:
    """Decisions to fine waiting for a team lead, of the cases the user can see, oldest first."""
    return (
        Boete.objects.filter(status=BoeteStatus.TER_GOEDKEURING, inburgeraar__in=inburgeraars_voor(user))
        .select_related("inburgeraar__gemeente", "besloten_door")
        .order_by("besloten_op", "id")
    )

"""Reading the messages to DUO. The caller has already checked that the user may read the case
(`inburgeraar_voor`)."""

from django.db.models import QuerySet

from regie.duo.uitgaand.models import UitgaandBericht


def berichten_van(inburgeraar) -> QuerySet[UitgaandBericht]:
    """The messages to DUO about one case, newest first."""
    return UitgaandBericht.objects.filter(inburgeraar=inburgeraar).order_by("-aangemaakt_op", "-id")


def bericht_van(inburgeraar, uuid) -> UitgaandBericht:
    """One message of this case; 404 for a message of another case or a malformed uuid."""
    from django.http import Http404

    try:
        return berichten_van(inburgeraar).get(uuid=uuid)
    except (UitgaandBericht.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Dit bericht bestaat niet.") from exc

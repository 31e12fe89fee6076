"""The oldest unanswered referral stored per case (issue 10): `Inburgeraar.oudste_onbeantwoorde_verwijzing`,
the day the oldest referral still waiting for the provider's answer (status verzonden) was sent.

The worklist's "referral not accepted" signal (regie.werkvoorraad.voorwaarden) compares it with today,
so a team's count reads one column instead of probing the referrals of every case. `Verwijzing.save()`
and `delete()` call `bijwerken` for their case; `herberekenen` rebuilds it for all cases (`manage.py
rapportages_herberekenen`), `afwijkingen` lists where it differs from the referrals."""

from django.db.models import OuterRef, Subquery

from regie.inburgeraars.models import Inburgeraar
from regie.trajecten.models import Verwijzing, VerwijzingStatus

VELD = "oudste_onbeantwoorde_verwijzing"


def _afgeleid():
    return Subquery(
        Verwijzing.objects.filter(inburgeraar=OuterRef("pk"), status=VerwijzingStatus.VERZONDEN)
        .order_by("verzonden_op")
        .values("verzonden_op")[:1]
    )


def herberekenen(inburgeraars=None) -> int:
    """Set it from the referrals for `inburgeraars` (all cases), in one UPDATE."""
    inburgeraars = Inburgeraar.objects.all() if inburgeraars is None else inburgeraars
    return inburgeraars.order_by().update(**{VELD: _afgeleid()})


def bijwerken(inburgeraar_id: int) -> None:
    """After a referral of this case was saved or deleted."""
    herberekenen(Inburgeraar.objects.filter(pk=inburgeraar_id))


def afwijkingen() -> list[tuple[int, str, object, object]]:
    """(case id, field, stored, from the referrals) wherever they differ."""
    rijen = (
        Inburgeraar.objects.annotate(afgeleid=_afgeleid()).order_by("pk").values_list("pk", VELD, "afgeleid")
    )
    return [(pk, VELD, opgeslagen, afgeleid) for pk, opgeslagen, afgeleid in rijen if opgeslagen != afgeleid]

"""The stored moment of a referral's last report (`Verwijzing.laatst_gerapporteerd_op`, issue 10).

The worklist's "no report" signal (regie.werkvoorraad.voorwaarden) compares it with today, so a
count over a team needs no probe into the five report tables per referral. `gemeld` moves it up after
every saved report (the services of this app and the demo call it), `herberekenen` rebuilds it from
the reports (`manage.py rapportages_herberekenen`), `afwijkingen` lists where the two differ; the
derivation itself is `selectors.met_laatste_rapportage`, the one the Python signal uses."""

from django.db.models import OuterRef, Q, Subquery

from regie.trajecten.models import Verwijzing
from regie.voortgang.selectors import _LANG_GELEDEN, _of_none, met_laatste_rapportage


def gemeld(rapport) -> None:
    """After `rapport` (any report with `verwijzing` and `ingediend_op`) was saved."""
    Verwijzing.objects.filter(pk=rapport.verwijzing_id).filter(
        Q(laatst_gerapporteerd_op__isnull=True) | Q(laatst_gerapporteerd_op__lt=rapport.ingediend_op)
    ).update(laatst_gerapporteerd_op=rapport.ingediend_op)


def _afgeleid():
    return Subquery(
        met_laatste_rapportage(Verwijzing.objects.filter(pk=OuterRef("pk"))).values(
            "laatste_rapportage_moment"
        )[:1]
    )


def herberekenen(verwijzingen=None) -> int:
    """Set the stored moment from the reports, in one UPDATE; returns the number of referrals."""
    verwijzingen = Verwijzing.objects.all() if verwijzingen is None else verwijzingen
    aantal = verwijzingen.order_by().update(laatst_gerapporteerd_op=_afgeleid())
    # Without reports the derivation is NULLIF(…, 1900); SQLite's text dates may not compare equal.
    verwijzingen.filter(laatst_gerapporteerd_op__lte=_LANG_GELEDEN).update(laatst_gerapporteerd_op=None)
    return aantal


def afwijkingen() -> list[tuple[int, object, object]]:
    """(referral id, stored, derived) for every referral whose stored moment is not the derived one."""
    rijen = met_laatste_rapportage(Verwijzing.objects.order_by("pk")).values_list(
        "pk", "laatst_gerapporteerd_op", "laatste_rapportage_moment"
    )
    return [
        (pk, opgeslagen, afgeleid) for pk, opgeslagen, afgeleid in rijen if opgeslagen != _of_none(afgeleid)
    ]

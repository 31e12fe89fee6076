"""What is stored per referral about its reports (issue 10): `Verwijzing.laatst_gerapporteerd_op`,
the moment of the provider's last report of any kind, and `Verwijzing.laatste_voortgang_op`, the
date of its last progress (regie.voortgang.selectors: a measurement on course, a passed exam, a
result).

The worklist's "no report" and "no progress" signals (regie.werkvoorraad.voorwaarden) compare them
with today, so a count over a team needs no probes into the report tables per referral. `gemeld`
sets them after every saved report (the services of this app and the demo call it), `herberekenen`
rebuilds them (`manage.py rapportages_herberekenen`), `afwijkingen` lists where they differ from the
derivation in regie.voortgang.selectors (the one the Python signals used)."""

from datetime import date

from django.db.models import OuterRef, Subquery

from regie.trajecten.models import Verwijzing
from regie.voortgang import afwezigheid
from regie.voortgang.models import Weekrapportage
from regie.voortgang.selectors import _LANG_GELEDEN, _of_none, met_laatste_rapportage, met_laatste_voortgang

_VERWIJZING = "verwijzing"


def _afgeleid():
    zelf = Verwijzing.objects.filter(pk=OuterRef("pk"))
    return {
        "laatst_gerapporteerd_op": Subquery(
            met_laatste_rapportage(zelf).values("laatste_rapportage_moment")[:1]
        ),
        "laatste_voortgang_op": Subquery(
            met_laatste_voortgang(zelf, via=_VERWIJZING).values("laatste_voortgang_datum")[:1]
        ),
    }


def herberekenen(verwijzingen=None) -> int:
    """Set both from the reports, in one UPDATE; returns the number of referrals."""
    verwijzingen = Verwijzing.objects.all() if verwijzingen is None else verwijzingen
    aantal = verwijzingen.order_by().update(**_afgeleid())
    # Without reports the derivation is NULLIF(…, 1900); SQLite's text dates may not compare equal.
    verwijzingen.filter(laatst_gerapporteerd_op__lte=_LANG_GELEDEN).update(laatst_gerapporteerd_op=None)
    verwijzingen.filter(laatste_voortgang_op__lte=date(1900, 1, 1)).update(laatste_voortgang_op=None)
    return aantal


def gemeld(rapport) -> None:
    """After `rapport` (any report with a `verwijzing`) was saved or corrected; a weekly report also
    changes the case's attendance window (regie.voortgang.afwezigheid)."""
    herberekenen(Verwijzing.objects.filter(pk=rapport.verwijzing_id))
    if isinstance(rapport, Weekrapportage):
        afwezigheid.gemeld(rapport)


def afwijkingen() -> list[tuple[int, str, object, object]]:
    """(referral id, field, stored, derived) wherever a stored value is not the derived one."""
    rijen = met_laatste_voortgang(
        met_laatste_rapportage(Verwijzing.objects.order_by("pk")), via=_VERWIJZING
    ).values_list(
        "pk",
        "laatst_gerapporteerd_op",
        "laatste_rapportage_moment",
        "laatste_voortgang_op",
        "laatste_voortgang_datum",
    )
    uit = []
    for pk, moment, afgeleid_moment, voortgang, afgeleide_voortgang in rijen:
        if moment != _of_none(afgeleid_moment):
            uit.append((pk, "laatst_gerapporteerd_op", moment, afgeleid_moment))
        if voortgang != afgeleide_voortgang:
            uit.append((pk, "laatste_voortgang_op", voortgang, afgeleide_voortgang))
    return uit

"""Reading ontzorging: the case's ontzorging and fixed costs, what a payment run for a month
would pay, and the runs of a municipality. Lists are querysets the views paginate in the
database; counts and totals are aggregates, never a loop over rows."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404

from regie.accounts.rechten import Recht
from regie.inburgeraars.selectors import gemeente_met_recht, gemeenten_met_recht
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.ontzorging.models import (
    Betaalrekening,
    Betaalrun,
    Betaling,
    Betalingstatus,
    Ontzorging,
    VasteLast,
)
from regie.organisaties.models import Gemeente
from regie.wet.perioden import laatste_van_maand


def ontzorging_van(inburgeraar) -> Ontzorging | None:
    return Ontzorging.objects.filter(inburgeraar=inburgeraar).select_related("toestemming_door").first()


def vaste_lasten_van(ontzorging: Ontzorging) -> QuerySet[VasteLast]:
    return ontzorging.vaste_lasten.select_related("gewijzigd_door").order_by("soort", "id")


def vaste_last_van(ontzorging: Ontzorging, uuid) -> VasteLast:
    try:
        return ontzorging.vaste_lasten.get(uuid=uuid)
    except (VasteLast.DoesNotExist, ValueError) as exc:
        raise Http404("Deze vaste last bestaat niet.") from exc


def wijzigingen_van(ontzorging: Ontzorging):
    from regie.ontzorging.models import VasteLastWijziging

    return (
        VasteLastWijziging.objects.filter(vaste_last__ontzorging=ontzorging)
        .select_related("door", "vaste_last")
        .order_by("-op", "-id")
    )


# --- Payment runs ----------------------------------------------------------------------------


def gemeenten_voor_betalen(user) -> QuerySet[Gemeente]:
    return gemeenten_met_recht(user, Recht.ONTZORGING_BETALEN)


def gemeente_voor(user, cbs_code: str) -> Gemeente:
    return gemeente_met_recht(user, Recht.ONTZORGING_BETALEN, cbs_code)


def betaalrekening_van(gemeente: Gemeente) -> Betaalrekening | None:
    return Betaalrekening.objects.filter(gemeente=gemeente).first()


def _laatste_dag():
    return Coalesce("ontzorging__beeindigd_op", "ontzorging__verlengd_tot", "ontzorging__einde")


def vaste_lasten_voor_maand(gemeente: Gemeente, maand: date) -> QuerySet[VasteLast]:
    """The fixed costs of the municipality's households that are due for `maand` and not yet in
    a run or paid: ontzorging runs in that month and the cost counts for it."""
    al = Betaling.objects.filter(vaste_last=OuterRef("pk"), maand=maand).exclude(
        status=Betalingstatus.TERUGGEKOMEN
    )
    return (
        VasteLast.objects.filter(ontzorging__inburgeraar__gemeente=gemeente, van__lte=maand)
        # A closed case (moved, completed, ended) is no longer ontzorgd: regie.wet.ontzorging.loopt_op.
        .exclude(ontzorging__inburgeraar__status__in=EINDSTATUSSEN)
        .filter(Q(tot__isnull=True) | Q(tot__gte=maand))
        .filter(ontzorging__eerste_bijstand__lte=laatste_van_maand(maand))
        .annotate(laatste=_laatste_dag())
        .filter(laatste__gte=maand)
        .exclude(Exists(al))
        .select_related("ontzorging")
    )


def teruggekomen_voor(gemeente: Gemeente, maand: date) -> QuerySet[Betaling]:
    """Returned payments (storno) of the municipality up to `maand` that were not paid again: one
    per fixed cost and month, the newest, also when that month came back more than once."""
    zelfde = Betaling.objects.filter(vaste_last=OuterRef("vaste_last"), maand=OuterRef("maand"))
    return (
        Betaling.objects.filter(
            status=Betalingstatus.TERUGGEKOMEN, inburgeraar__gemeente=gemeente, maand__lte=maand
        )
        .exclude(Exists(zelfde.exclude(status=Betalingstatus.TERUGGEKOMEN)))
        .exclude(Exists(zelfde.filter(pk__gt=OuterRef("pk"))))
        .select_related("vaste_last__ontzorging")
        .order_by("maand", "vaste_last_id", "id")
    )


@dataclass(frozen=True)
class Vooruitblik:
    aantal: int
    totaal: int
    huishoudens: int
    opnieuw: int


def vooruitblik(gemeente: Gemeente, maand: date) -> Vooruitblik:
    """What a run for `maand` would pay: counts and total, in two aggregate queries."""
    nieuw = vaste_lasten_voor_maand(gemeente, maand).aggregate(
        aantal=Count("pk"), totaal=Sum("bedrag"), huishoudens=Count("ontzorging", distinct=True)
    )
    terug = teruggekomen_voor(gemeente, maand).aggregate(aantal=Count("pk"), totaal=Sum("bedrag"))
    return Vooruitblik(
        aantal=nieuw["aantal"] + terug["aantal"],
        totaal=(nieuw["totaal"] or 0) + (terug["totaal"] or 0),
        huishoudens=nieuw["huishoudens"],
        opnieuw=terug["aantal"],
    )


def betalingen_van_dossier(inburgeraar) -> QuerySet[Betaling]:
    """A case's payments with their run's status; never the run's bank file, which is large."""
    return (
        Betaling.objects.filter(inburgeraar=inburgeraar)
        .select_related("run")
        .defer("run__bestand")
        .order_by("-maand", "soort", "id")
    )


def runs_van(gemeente: Gemeente) -> QuerySet[Betaalrun]:
    return (
        Betaalrun.objects.filter(gemeente=gemeente)
        .select_related("voorbereid_door", "goedgekeurd_door")
        .defer("bestand")
        .order_by("-maand", "-voorbereid_op", "-id")
    )


def run_van(gemeente: Gemeente, uuid) -> Betaalrun:
    try:
        return (
            Betaalrun.objects.select_related(
                "voorbereid_door", "goedgekeurd_door", "betaald_door", "gemeente"
            )
            .defer("bestand")
            .get(gemeente=gemeente, uuid=uuid)
        )
    except (Betaalrun.DoesNotExist, ValueError) as exc:
        raise Http404("Deze betaalrun bestaat niet.") from exc


def betalingen_van(run: Betaalrun) -> QuerySet[Betaling]:
    return (
        run.betalingen.select_related("inburgeraar")
        .only(
            "pk",
            "run_id",
            "maand",
            "soort",
            "begunstigde",
            "iban",
            "bic",
            "bedrag",
            "omschrijving",
            "end_to_end",
            "status",
            "reden_terug",
            "inburgeraar__uuid",
            "inburgeraar__gemeente_id",
            "inburgeraar_id",
        )
        .order_by("soort", "begunstigde", "id")
    )


@dataclass(frozen=True)
class Totalen:
    per_soort: list[tuple[str, int, int]]
    teruggekomen_aantal: int
    teruggekomen_bedrag: int


def totalen_van(run: Betaalrun) -> Totalen:
    """Per kind of cost the number and sum, and what came back (two aggregate queries)."""
    from regie.ontzorging.models import Kostensoort

    rijen = run.betalingen.values("soort").annotate(aantal=Count("pk"), som=Sum("bedrag")).order_by("soort")
    terug = run.betalingen.filter(status=Betalingstatus.TERUGGEKOMEN).aggregate(
        aantal=Count("pk"), som=Sum("bedrag")
    )
    return Totalen(
        per_soort=[(Kostensoort(r["soort"]).label, r["aantal"], r["som"]) for r in rijen],
        teruggekomen_aantal=terug["aantal"],
        teruggekomen_bedrag=terug["som"] or 0,
    )

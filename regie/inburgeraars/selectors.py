"""Reading cases. Every query for a case starts at `inburgeraars_voor(user)`, the one
place that limits what a user sees to the municipalities of their organisation."""

from datetime import date

from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet
from django.http import Http404

from regie.inburgeraars.models import Inburgeraar
from regie.wet import termijnen
from regie.wet.termijnen import Termijn


def inburgeraars_voor(user) -> QuerySet[Inburgeraar]:
    if not user.is_authenticated or user.organisatie_id is None:
        return Inburgeraar.objects.none()
    return Inburgeraar.objects.filter(gemeente__organisatie_id=user.organisatie_id)


def met_termijngegevens(qs: QuerySet[Inburgeraar]) -> QuerySet[Inburgeraar]:
    """Adds what the deadlines and worklist signals need, in the same query."""
    from regie.intake.models import Afspraak

    return qs.select_related("gemeente", "kern", "consulent").annotate(
        eerste_eigen_pip=Min("pips__dagtekening"),
        heeft_intakeafspraak=Exists(Afspraak.objects.filter(inburgeraar=OuterRef("pk"))),
        laatste_activiteit=Max("gebeurtenissen__op"),
    )


def inburgeraar_voor(user, uuid) -> Inburgeraar:
    """The case, or 404 when it does not exist or belongs to another organisation."""
    try:
        return met_termijngegevens(inburgeraars_voor(user)).get(uuid=uuid)
    except (Inburgeraar.DoesNotExist, ValueError) as exc:
        raise Http404("Dit dossier bestaat niet of u heeft er geen toegang toe.") from exc


def dagtekening_eerste_pip(inburgeraar: Inburgeraar) -> date | None:
    """The first PIP ever (Wi 11 lid 2), also one of a previous municipality (Wi 11 lid 3)."""
    if hasattr(inburgeraar, "eerste_eigen_pip"):
        eigen = inburgeraar.eerste_eigen_pip
    else:
        eigen = inburgeraar.pips.aggregate(d=Min("dagtekening"))["d"]
    bekend = [d for d in (inburgeraar.dagtekening_eerste_pip_elders, eigen) if d is not None]
    return min(bekend, default=None)


def termijnen_voor(inburgeraar: Inburgeraar) -> list[Termijn]:
    return termijnen.termijnen(
        datum_melding_duo=inburgeraar.datum_melding_duo,
        datum_inschrijving_brp=inburgeraar.datum_inschrijving_brp,
        dagtekening_eerste_pip=dagtekening_eerste_pip(inburgeraar),
    )


def zoek_inburgeraars(
    user, *, tekst: str = "", geboortedatum: date | None = None, bsn: str = ""
) -> QuerySet[Inburgeraar]:
    """Search by name, birth date or BSN. The BSN only ever arrives in a POST body."""
    qs = inburgeraars_voor(user)
    if bsn:
        qs = qs.filter(bsn=bsn.strip())
    if geboortedatum:
        qs = qs.filter(geboortedatum=geboortedatum)
    for woord in tekst.split():
        qs = qs.filter(Q(voornamen__icontains=woord) | Q(geslachtsnaam__icontains=woord))
    return met_termijngegevens(qs)

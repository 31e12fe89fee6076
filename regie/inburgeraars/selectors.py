"""Reading cases. Every query for a case starts at `inburgeraars_voor(user)` or
`inburgeraar_voor(user, uuid, recht=...)`: the one place that limits what a user sees to
the municipalities of their organisation (and of `User.gemeenten` when set) and to what
their role may do (regie.accounts.rechten)."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht, mag, melding_zonder_recht, weiger
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Gemeente
from regie.wet import termijnen
from regie.wet.termijnen import Termijn

NIET_GEVONDEN = "Dit dossier bestaat niet of u heeft er geen toegang toe."


def gemeenten_voor(user) -> QuerySet[Gemeente]:
    """The municipalities a user works for: those of the organisation, or only the ones in
    `User.gemeenten` when that is set (one query, also when it is empty)."""
    if not user.is_authenticated or user.organisatie_id is None:
        return Gemeente.objects.none()
    beperking = User.gemeenten.through.objects.filter(user_id=user.pk)
    return Gemeente.objects.filter(organisatie_id=user.organisatie_id).filter(
        ~Exists(beperking) | Q(pk__in=beperking.values("gemeente_id"))
    )


GEMEENTE_NIET_GEVONDEN = "Deze gemeente bestaat niet of u werkt er niet voor."


def gemeenten_met_recht(user, recht: Recht) -> QuerySet[Gemeente]:
    """The municipalities the user works for, when the role has `recht` (money, payment runs):
    none otherwise; by name."""
    if not heeft_recht(user, recht):
        return Gemeente.objects.none()
    return gemeenten_voor(user).order_by("naam")


def gemeente_met_recht(user, recht: Recht, cbs_code: str) -> Gemeente:
    """One of `gemeenten_met_recht`; 404 for any other (another organisation, outside
    `User.gemeenten`, or a role without the right)."""
    try:
        return gemeenten_met_recht(user, recht).get(cbs_code=cbs_code)
    except Gemeente.DoesNotExist as exc:
        raise Http404(GEMEENTE_NIET_GEVONDEN) from exc


def inburgeraars_voor(user) -> QuerySet[Inburgeraar]:
    """The cases the user may read: of the user's municipalities, and by role. Reading the
    team's cases: all of them; only one's own: those of which the user is the consultant.
    A provider will see the newcomers referred to it (referrals come later: none yet);
    every other role none."""
    if not user.is_authenticated or user.organisatie_id is None:
        return Inburgeraar.objects.none()
    if heeft_recht(user, Recht.DOSSIERS_LEZEN_TEAM):
        qs = Inburgeraar.objects.all()
    elif heeft_recht(user, Recht.DOSSIERS_LEZEN_EIGEN):
        qs = Inburgeraar.objects.filter(consulent=user)
    else:
        return Inburgeraar.objects.none()
    return qs.filter(gemeente__in=gemeenten_voor(user))


def met_termijngegevens(qs: QuerySet[Inburgeraar]) -> QuerySet[Inburgeraar]:
    """Adds what the deadlines and the activity signal need, in the same query (the deadlines' input
    is stored on the case; the last activity is a subquery on an indexed column, issue 10)."""
    from regie.tijdlijn.models import Gebeurtenis

    return qs.select_related("gemeente", "kern", "consulent").annotate(
        laatste_activiteit=Subquery(
            Gebeurtenis.objects.filter(inburgeraar=OuterRef("pk")).order_by("-op").values("op")[:1]
        ),
    )


def inburgeraar_voor(user, uuid, *, recht: Recht = Recht.DOSSIERS_LEZEN_EIGEN) -> Inburgeraar:
    """One case, for doing what `recht` allows (reading by default; views that change the
    case pass `Recht.DOSSIERS_WIJZIGEN_EIGEN`, assigning `Recht.CONSULENT_TOEWIJZEN`).

    In this order, so nothing leaks: the role lacks the right → 403, before any look-up; the case is not one the user can see (another
    organisation or municipality, or it does not exist) → 404; the user can see it but
    the right holds only for their own cases (a consultant changing a colleague's case)
    → 403. Refusals are written to the processing log."""
    recht = Recht(recht)
    if not heeft_recht(user, recht):
        raise weiger(None, user, recht)
    try:
        inburgeraar = met_termijngegevens(inburgeraars_voor(user)).get(uuid=uuid)
    except (Inburgeraar.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(NIET_GEVONDEN) from exc
    if not mag(user, recht, inburgeraar):
        raise weiger(None, user, recht, inburgeraar=inburgeraar, melding=melding_niet_eigen(user, recht))
    return inburgeraar


def melding_niet_eigen(user, recht: Recht) -> str:
    if Recht(recht) == Recht.DOSSIERS_WIJZIGEN_EIGEN:
        return (
            "U kunt dit dossier lezen, maar niet wijzigen: u bent niet de vaste consulent. Vraag de vaste"
            " consulent of uw teamleider om de wijziging."
        )
    return melding_zonder_recht(user, recht)


def dagtekening_eerste_pip(inburgeraar: Inburgeraar) -> date | None:
    """The first PIP ever (Wi 11 lid 2), also one of a previous municipality (Wi 11 lid 3)."""
    eigen = inburgeraar.dagtekening_eerste_eigen_pip
    bekend = [d for d in (inburgeraar.dagtekening_eerste_pip_elders, eigen) if d is not None]
    return min(bekend, default=None)


def verlenging_van(inburgeraar: Inburgeraar) -> termijnen.VerlengingDuo | None:
    """DUO's extension of the termijn (Wi 12), when DUO reported one."""
    if inburgeraar.einde_termijn_duo is None:
        return None
    return termijnen.VerlengingDuo(
        laatste_dag=inburgeraar.einde_termijn_duo,
        bericht_van=inburgeraar.termijn_verlengd_bericht_van,
        grond=inburgeraar.verlengingsgrond_duo,
    )


def termijnen_voor(inburgeraar: Inburgeraar) -> list[Termijn]:
    """Every deadline of the case: the one place pages, API, signals, planning, the Wi 6 check
    and the reconciliation with DUO get them from, so a DUO extension counts everywhere."""
    return termijnen.termijnen(
        datum_melding_duo=inburgeraar.datum_melding_duo,
        datum_inschrijving_brp=inburgeraar.datum_inschrijving_brp,
        dagtekening_eerste_pip=dagtekening_eerste_pip(inburgeraar),
        verlenging=verlenging_van(inburgeraar),
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

"""Reading the worklists. Every query starts at `inburgeraars_voor(user)`; the deadlines
and signals are computed in Python from the annotations of `met_termijngegevens`, so a
list of any length costs one query."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from regie.accounts.models import User
from regie.accounts.rechten import Recht, rollen_met
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraars_voor, met_termijngegevens, termijnen_voor
from regie.inburgeraars.status import ACTIEF, Status
from regie.werkvoorraad import signalen as s
from regie.wet.termijnen import Termijn

ZONDER_CONSULENT = "geen"


@dataclass
class Rij:
    inburgeraar: Inburgeraar
    termijnen: list[Termijn]
    signalen: list[s.Signaal]
    volgende_termijn: Termijn | None
    dagen_tot_volgende: int | None
    sleutel: tuple = field(repr=False)

    @property
    def urgent(self) -> bool:
        return any(signaal.ernst == s.Ernst.URGENT for signaal in self.signalen)

    @property
    def codes(self) -> set[str]:
        return {signaal.code for signaal in self.signalen}


def rij_voor(inburgeraar: Inburgeraar, vandaag: date) -> Rij:
    """One case with its deadlines and signals; `inburgeraar` comes from `met_termijngegevens`."""
    termijnen = termijnen_voor(inburgeraar)
    activiteit = getattr(inburgeraar, "laatste_activiteit", None) or inburgeraar.aangemaakt_op
    volgende = s.volgende_termijn(termijnen, inburgeraar.status, vandaag)
    return Rij(
        inburgeraar=inburgeraar,
        termijnen=termijnen,
        signalen=s.signalen(
            termijnen=termijnen,
            heeft_intakeafspraak=bool(getattr(inburgeraar, "heeft_intakeafspraak", False)),
            laatste_activiteit=activiteit,
            status=inburgeraar.status,
            vandaag=vandaag,
        ),
        volgende_termijn=volgende,
        dagen_tot_volgende=(volgende.datum - vandaag).days if volgende else None,
        sleutel=s.urgentie_sleutel(termijnen, inburgeraar.status, vandaag),
    )


def _rijen(qs: QuerySet[Inburgeraar], vandaag: date) -> list[Rij]:
    rijen = [rij_voor(i, vandaag) for i in met_termijngegevens(qs.filter(status__in=list(ACTIEF)))]
    return sorted(rijen, key=lambda r: (*r.sleutel, r.inburgeraar.geslachtsnaam, r.inburgeraar.pk))


def mijn_werkvoorraad(user: User, *, vandaag: date) -> list[Rij]:
    """The active cases of which `user` is the vaste consulent, most urgent first."""
    return _rijen(inburgeraars_voor(user).filter(consulent=user), vandaag)


def team_werkvoorraad(user: User, *, vandaag: date) -> list[Rij]:
    """All active cases of the user's organisation, most urgent first."""
    return _rijen(inburgeraars_voor(user), vandaag)


def filter_rijen(rijen: list[Rij], *, signaal: str = "", status: str = "", consulent: str = "") -> list[Rij]:
    """Keep the rows with this signal code, status and consultant (a user id, or
    ZONDER_CONSULENT for cases nobody has yet). An empty value does not filter."""
    if signaal:
        rijen = [r for r in rijen if signaal in r.codes]
    if status:
        rijen = [r for r in rijen if r.inburgeraar.status == status]
    if consulent == ZONDER_CONSULENT:
        rijen = [r for r in rijen if r.inburgeraar.consulent_id is None]
    elif consulent:
        rijen = [r for r in rijen if str(r.inburgeraar.consulent_id) == consulent]
    return rijen


def team_rij(user: User, uuid, vandaag: date) -> Rij:
    """One row of the team view, for updating it in place after a reassignment."""
    return rij_voor(met_termijngegevens(inburgeraars_voor(user)).get(uuid=uuid), vandaag)


def medewerkers(user: User) -> QuerySet[User]:
    """The active colleagues a case can be assigned to: those of the same organisation
    whose role may handle cases of their own (not, say, the privacy officer)."""
    if user.organisatie_id is None:
        return User.objects.none()
    rollen = rollen_met(Recht.DOSSIERS_WIJZIGEN_EIGEN)
    return User.objects.filter(organisatie_id=user.organisatie_id, is_active=True, rol__in=rollen).order_by(
        "first_name", "last_name", "username"
    )


@dataclass
class Caseload:
    medewerker: User | None
    actief: int
    urgent: int


def caseload(user: User, rijen: list[Rij]) -> tuple[list[Caseload], Caseload]:
    """Active cases and cases with an urgent signal per colleague, plus the unassigned ones.

    `rijen` must be the unfiltered team worklist."""
    actief = Counter(r.inburgeraar.consulent_id for r in rijen)
    urgent = Counter(r.inburgeraar.consulent_id for r in rijen if r.urgent)
    mensen = {m.pk: m for m in medewerkers(user) if actief[m.pk] or not m.is_teamleider}
    # A case can still be with a colleague who no longer works here: show them too.
    for r in rijen:
        if r.inburgeraar.consulent_id and r.inburgeraar.consulent_id not in mensen:
            mensen[r.inburgeraar.consulent_id] = r.inburgeraar.consulent
    per_medewerker = [Caseload(m, actief[pk], urgent[pk]) for pk, m in mensen.items()]
    return per_medewerker, Caseload(None, actief[None], urgent[None])


def statuskeuzes() -> list[tuple[str, str]]:
    return [(str(st), st.label) for st in Status if st in ACTIEF]

"""Reading the worklists. Every query starts at `inburgeraars_voor(user)`; the deadlines
and signals are computed in Python from the annotations of `met_termijngegevens`, so a
list of any length costs one query."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import DateField, DateTimeField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

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


def drempels() -> s.Drempels:
    """The thresholds of the trajectory signals from settings (REGIE_SIGNAAL_*, see README)."""
    return s.Drempels(
        afwezig_aandeel=settings.SIGNAAL_AFWEZIG_AANDEEL,
        afwezig_weken=settings.SIGNAAL_AFWEZIG_WEKEN,
        geen_rapportage_weken=settings.SIGNAAL_GEEN_RAPPORTAGE_WEKEN,
        geen_voortgang_maanden=settings.SIGNAAL_GEEN_VOORTGANG_MAANDEN,
        niet_geaccepteerd_dagen=settings.SIGNAAL_NIET_GEACCEPTEERD_DAGEN,
    )


def met_trajectgegevens(qs: QuerySet[Inburgeraar], vandaag: date) -> QuerySet[Inburgeraar]:
    """Adds what the trajectory signals need, as subqueries of the same query (no query per
    case): attendance of the last weeks, the last progress and, over the referrals, the oldest
    last report, the first start and the oldest unanswered referral."""
    from regie.trajecten.models import Verwijzing, VerwijzingStatus
    from regie.voortgang.selectors import (
        met_laatste_rapportage,
        met_laatste_voortgang,
        met_ongeoorloofd_afwezig,
    )

    van_persoon = Verwijzing.objects.filter(inburgeraar=OuterRef("pk"))
    # Referrals the provider reports on and that have started (an accepted one waiting for its
    # start date has nothing to report yet).
    lopend = van_persoon.filter(
        Q(status=VerwijzingStatus.GESTART) | Q(status=VerwijzingStatus.GEACCEPTEERD, startdatum__lte=vandaag)
    )
    start = Coalesce("startdatum", "beantwoord_op", "verzonden_op", output_field=DateField())
    met_rapportage = met_laatste_rapportage(lopend)
    qs = met_ongeoorloofd_afwezig(qs, weken=settings.SIGNAAL_AFWEZIG_WEKEN, tot=vandaag)
    qs = met_laatste_voortgang(qs)
    return qs.annotate(
        oudste_rapportage_moment=Subquery(
            met_rapportage.filter(laatste_rapportage_moment__isnull=False)
            .order_by("laatste_rapportage_moment")
            .values("laatste_rapportage_moment")[:1],
            output_field=DateTimeField(),
        ),
        oudste_start_zonder_rapportage=Subquery(
            met_rapportage.filter(laatste_rapportage_moment__isnull=True)
            .annotate(start=start)
            .order_by("start")
            .values("start")[:1],
            output_field=DateField(),
        ),
        eerste_start=Subquery(
            lopend.annotate(start=start).order_by("start").values("start")[:1], output_field=DateField()
        ),
        oudste_onbeantwoord=Subquery(
            van_persoon.filter(status=VerwijzingStatus.VERZONDEN)
            .order_by("verzonden_op")
            .values("verzonden_op")[:1],
            output_field=DateField(),
        ),
    )


def _datum(moment) -> date | None:
    if moment is None:
        return None
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def trajectstand(inburgeraar: Inburgeraar) -> s.Trajectstand:
    """The annotations of `met_trajectgegevens` as the input of `signalen.trajectsignalen`."""
    if not hasattr(inburgeraar, "eerste_start"):
        return s.Trajectstand()
    rapportage = [
        d
        for d in (_datum(inburgeraar.oudste_rapportage_moment), inburgeraar.oudste_start_zonder_rapportage)
        if d is not None
    ]
    # No progress yet counts from the start of the first running referral; without one, there
    # is nothing to measure.
    voortgang = None
    if inburgeraar.eerste_start is not None:
        voortgang = inburgeraar.laatste_voortgang_datum or inburgeraar.eerste_start
    return s.Trajectstand(
        ongeoorloofd_uren=float(inburgeraar.uren_ongeoorloofd_recent or 0),
        aangeboden_uren=float(inburgeraar.uren_aangeboden_recent or 0),
        oudste_rapportage=min(rapportage, default=None),
        laatste_voortgang=voortgang,
        oudste_onbeantwoord=inburgeraar.oudste_onbeantwoord,
    )


def rij_voor(inburgeraar: Inburgeraar, vandaag: date, grenzen: s.Drempels | None = None) -> Rij:
    """One case with its deadlines and signals; `inburgeraar` comes from `met_termijngegevens`
    (and `met_trajectgegevens` for the trajectory signals)."""
    termijnen = termijnen_voor(inburgeraar)
    activiteit = getattr(inburgeraar, "laatste_activiteit", None) or inburgeraar.aangemaakt_op
    volgende = s.volgende_termijn(termijnen, inburgeraar.status, vandaag)
    gevonden = s.signalen(
        termijnen=termijnen,
        heeft_intakeafspraak=bool(getattr(inburgeraar, "heeft_intakeafspraak", False)),
        laatste_activiteit=activiteit,
        status=inburgeraar.status,
        vandaag=vandaag,
    ) + s.trajectsignalen(
        trajectstand(inburgeraar),
        status=inburgeraar.status,
        vandaag=vandaag,
        drempels=grenzen or drempels(),
        voortgang_url=reverse("voortgangsgesprekken:voortgang", args=[inburgeraar.uuid]),
    )
    return Rij(
        inburgeraar=inburgeraar,
        termijnen=termijnen,
        signalen=sorted(gevonden, key=lambda signaal: signaal.ernst.volgorde),
        volgende_termijn=volgende,
        dagen_tot_volgende=(volgende.datum - vandaag).days if volgende else None,
        sleutel=s.urgentie_sleutel(termijnen, inburgeraar.status, vandaag),
    )


def _rijen(qs: QuerySet[Inburgeraar], vandaag: date) -> list[Rij]:
    grenzen = drempels()
    actief = met_termijngegevens(qs.filter(status__in=list(ACTIEF)))
    rijen = [rij_voor(i, vandaag, grenzen) for i in met_trajectgegevens(actief, vandaag)]
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
    return rij_voor(
        met_trajectgegevens(met_termijngegevens(inburgeraars_voor(user)), vandaag).get(uuid=uuid), vandaag
    )


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

"""Reading referrals, always scoped to the user:

- a consultant or team lead sees the referrals of the cases they may read
  (`inburgeraars_voor(user)`: own organisation and municipalities);
- a provider's employee (role aanbieder) sees only the referrals to their own provider
  (`User.aanbieder`), within their organisation, and nothing else of those cases;
- every other role sees none.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet
from django.http import Http404

from regie.aanbieders.models import Aanbieder, Contract
from regie.accounts.rechten import Recht, heeft_recht
from regie.inburgeraars.selectors import gemeenten_voor, inburgeraars_voor
from regie.klok import vandaag
from regie.trajecten.models import OPEN_STATUSSEN, Verwijzing, VerwijzingStatus

S = VerwijzingStatus
NIET_GEVONDEN = "Deze verwijzing bestaat niet of u heeft er geen toegang toe."
# Policy: a referral should be answered within two weeks (signal on the team lead's page).
ANTWOORD_BINNEN = timedelta(weeks=2)


def _basis() -> QuerySet[Verwijzing]:
    return Verwijzing.objects.select_related("contract__aanbieder", "inburgeraar__gemeente", "pip")


def verwijzingen_voor(user) -> QuerySet[Verwijzing]:
    if not getattr(user, "is_authenticated", False) or user.organisatie_id is None:
        return Verwijzing.objects.none()
    if heeft_recht(user, Recht.DOSSIERS_LEZEN_EIGEN):
        return _basis().filter(inburgeraar__in=inburgeraars_voor(user))
    if heeft_recht(user, Recht.VERWIJZINGEN_EIGEN_AANBIEDER):
        if user.aanbieder_id is None:
            return Verwijzing.objects.none()
        return _basis().filter(
            contract__aanbieder_id=user.aanbieder_id,
            contract__aanbieder__organisatie_id=user.organisatie_id,
            inburgeraar__gemeente__in=gemeenten_voor(user),
        )
    return Verwijzing.objects.none()


def verwijzing_voor(user, uuid) -> Verwijzing:
    """One referral the user may see; 404 for any other (another organisation, another
    provider, a case the user cannot read, or none at all)."""
    try:
        return verwijzingen_voor(user).get(uuid=uuid)
    except (Verwijzing.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(NIET_GEVONDEN) from exc


def verwijzingen_van(inburgeraar) -> QuerySet[Verwijzing]:
    """The referrals of a case the caller already looked up through `inburgeraar_voor`."""
    return (
        Verwijzing.objects.filter(inburgeraar=inburgeraar)
        .select_related("contract__aanbieder", "pip", "verzonden_door")
        .order_by("-verzonden_op", "-id")
    )


def verwijzing_van(inburgeraar, uuid) -> Verwijzing:
    """One referral of a case the caller already looked up through `inburgeraar_voor`."""
    try:
        return verwijzingen_van(inburgeraar).get(uuid=uuid)
    except (Verwijzing.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(NIET_GEVONDEN) from exc


def aanbieders_voor(user) -> QuerySet[Aanbieder]:
    """The providers in the register of the user's organisation."""
    if not getattr(user, "is_authenticated", False) or user.organisatie_id is None:
        return Aanbieder.objects.none()
    return Aanbieder.objects.filter(organisatie_id=user.organisatie_id)


def contracten_voor(user) -> QuerySet[Contract]:
    return (
        Contract.objects.filter(aanbieder__in=aanbieders_voor(user))
        .select_related("aanbieder")
        .order_by("aanbieder__naam", "perceel", "-begindatum")
    )


def te_kiezen_contracten(inburgeraar, onderdelen, *, op: date | None = None) -> list[Contract]:
    """Contracts a consultant can refer this case to: of the case's organisation, for a
    component of the PIP, valid on the day, of an active provider; with `bezet` and
    `wachtlijst` counted."""
    op = op or vandaag()
    qs = (
        Contract.objects.geldig_op(op)
        .filter(
            aanbieder__organisatie_id=inburgeraar.gemeente.organisatie_id,
            aanbieder__actief=True,
            perceel__in=list(onderdelen),
        )
        .select_related("aanbieder")
        .order_by("perceel", "aanbieder__naam")
    )
    return list(met_bezetting(qs))


def met_bezetting(qs: QuerySet[Contract]) -> QuerySet[Contract]:
    """Adds per contract: `in_gebruik` (accepted or started), `verzonden` (sent, not on the
    waiting list), `wachtlijst` (sent while full, not yet answered)."""
    return qs.annotate(
        in_gebruik=Count("verwijzingen", filter=Q(verwijzingen__status__in=[S.GEACCEPTEERD, S.GESTART])),
        verzonden=Count(
            "verwijzingen", filter=Q(verwijzingen__status=S.VERZONDEN, verwijzingen__op_wachtlijst=False)
        ),
        wachtlijst=Count(
            "verwijzingen", filter=Q(verwijzingen__status=S.VERZONDEN, verwijzingen__op_wachtlijst=True)
        ),
    )


@dataclass
class ContractCijfers:
    contract: Contract
    in_gebruik: int
    verzonden: int
    wachtlijst: int
    gemiddelde_wachttijd: float | None  # days from sent to start, of started referrals
    niet_beantwoord: int  # sent more than two weeks ago, still not answered

    @property
    def vrij(self) -> int:
        return max(self.contract.capaciteit - self.in_gebruik - self.verzonden, 0)

    @property
    def vol(self) -> bool:
        return self.in_gebruik + self.verzonden >= self.contract.capaciteit


def capaciteit_voor(user, *, op: date | None = None) -> list[ContractCijfers]:
    """Per contract of the user's organisation that is valid today or still has open
    referrals: capacity, places in use, waiting list, average waiting time and referrals not
    answered within two weeks. Counts only referrals of the user's municipalities."""
    op = op or vandaag()
    gemeenten = gemeenten_voor(user)
    binnen = Q(verwijzingen__inburgeraar__gemeente__in=gemeenten)
    wachttijd = ExpressionWrapper(
        F("verwijzingen__startdatum") - F("verwijzingen__verzonden_op"), output_field=DurationField()
    )
    open_verwijzingen = Verwijzing.objects.filter(contract=OuterRef("pk"), status__in=OPEN_STATUSSEN)
    qs = (
        contracten_voor(user)
        .annotate(
            in_gebruik=Count(
                "verwijzingen", filter=binnen & Q(verwijzingen__status__in=[S.GEACCEPTEERD, S.GESTART])
            ),
            verzonden=Count(
                "verwijzingen",
                filter=binnen & Q(verwijzingen__status=S.VERZONDEN, verwijzingen__op_wachtlijst=False),
            ),
            wachtlijst=Count(
                "verwijzingen",
                filter=binnen & Q(verwijzingen__status=S.VERZONDEN, verwijzingen__op_wachtlijst=True),
            ),
            niet_beantwoord=Count(
                "verwijzingen",
                filter=binnen
                & Q(verwijzingen__status=S.VERZONDEN, verwijzingen__verzonden_op__lt=op - ANTWOORD_BINNEN),
            ),
            wachttijd_gemiddeld=Avg(wachttijd, filter=binnen & Q(verwijzingen__startdatum__isnull=False)),
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=op) | Exists(open_verwijzingen))
    )
    cijfers = []
    for contract in qs:
        gemiddeld = contract.wachttijd_gemiddeld
        if isinstance(gemiddeld, timedelta):
            gemiddeld = gemiddeld.total_seconds() / 86400
        elif gemiddeld is not None:  # some backends answer in microseconds
            gemiddeld = float(gemiddeld) / 86_400_000_000
        cijfers.append(
            ContractCijfers(
                contract=contract,
                in_gebruik=contract.in_gebruik,
                verzonden=contract.verzonden,
                wachtlijst=contract.wachtlijst,
                gemiddelde_wachttijd=round(gemiddeld, 1) if gemiddeld is not None else None,
                niet_beantwoord=contract.niet_beantwoord,
            )
        )
    return cijfers


def niet_beantwoord_voor(user, *, op: date | None = None) -> QuerySet[Verwijzing]:
    """Referrals sent more than two weeks ago that the provider has not answered yet."""
    op = op or vandaag()
    return (
        verwijzingen_voor(user)
        .filter(status=S.VERZONDEN, verzonden_op__lt=op - ANTWOORD_BINNEN)
        .order_by("verzonden_op", "id")
    )

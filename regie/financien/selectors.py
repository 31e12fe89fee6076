"""Reading money: budgets, commitments, spend, forecast and the SiSa summary per municipality and
year, counted in the database (grouped per contract or category: the number of queries and rows
does not grow with the number of cases), and the invoices of a municipality.

`besteding_per_categorie(gemeente, jaar)` and `sisa_overzicht(gemeente, jaar)` take a
municipality the caller already scoped (`gemeente_voor(user, cbs_code)`): other parts of Regie
(the council report) call them for their own pages.

Definitions (also on the overview page):
- budget: what the financieel medewerker entered for the municipality, year and category;
- verplicht (committed): the price of every referral of the municipality's cases that the
  provider accepted in the year (status accepted, started, finished or stopped early): from
  that moment the contract obliges the municipality to pay. A price per trajectory counts once;
  a price per hour counts UREN_PER_TOLKVERWIJZING hours (regie.financien.prognose);
- besteed (spent): the invoices minus credit invoices whose period lies in the year;
- prognose (forecast): regie.financien.prognose.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet, Sum

from regie.aanbieders.models import Contract, PrijsPer
from regie.accounts.rechten import Recht
from regie.financien import prognose as rekenen
from regie.financien.models import Budget, Categorie, Factuur
from regie.inburgeraars.selectors import gemeente_met_recht, gemeenten_met_recht
from regie.klok import vandaag
from regie.organisaties.models import Gemeente
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.wet.spuk import SPUK_ONDERDELEN

S = VerwijzingStatus
# From acceptance on, the contract obliges the municipality to pay for the referral.
VERPLICHTEND = (S.GEACCEPTEERD, S.GESTART, S.AFGEROND, S.AFGEBROKEN)
LOPEND = (S.GEACCEPTEERD, S.GESTART)
NIET_GEVOLGD = (S.GEWEIGERD, S.INGETROKKEN)


@dataclass(frozen=True)
class Besteding:
    """One category of a municipality's year. Cents; None where Regie has no figure: the regie
    money is not spent through invoices, and a year that has not begun has no forecast."""

    categorie: str
    naam: str
    budget: int | None
    verplicht: int | None
    besteed: int | None
    prognose: int | None

    @property
    def spuk(self) -> bool:
        return self.categorie in SPUK_ONDERDELEN

    @property
    def verschil(self) -> int | None:
        """Budget minus forecast: what is expected to be left (negative: overspend)."""
        if self.budget is None or self.prognose is None:
            return None
        return self.budget - self.prognose


@dataclass(frozen=True)
class SisaRegel:
    """One category of the yearly SiSa accountability: the grant against what was spent."""

    categorie: str
    naam: str
    budget: int
    besteed: int
    trajecten: int  # referrals with spend in the year

    @property
    def verschil(self) -> int:
        """Grant minus spend: positive is money not spent in the year."""
        return self.budget - self.besteed


# --- Scope ---------------------------------------------------------------------------------


def gemeenten_voor_geldzaken(user) -> QuerySet[Gemeente]:
    """The municipalities whose money the user sees: those the user works for, with the right."""
    return gemeenten_met_recht(user, Recht.GELDZAKEN)


def gemeente_voor(user, cbs_code: str) -> Gemeente:
    return gemeente_met_recht(user, Recht.GELDZAKEN, cbs_code)


# --- Counting ------------------------------------------------------------------------------


def _jaar_periode(jaar: int) -> tuple[date, date]:
    return date(jaar, 1, 1), date(jaar, 12, 31)


def prijs_in_centen(contract: Contract) -> int:
    """The price of one trajectory under this contract, in cents."""
    prijs = contract.prijs * 100
    if contract.prijs_per == PrijsPer.UUR:
        prijs *= rekenen.UREN_PER_TOLKVERWIJZING
    return int(prijs.quantize(Decimal(1)))


def _verwijzingen(gemeente: Gemeente) -> QuerySet[Verwijzing]:
    return Verwijzing.objects.filter(inburgeraar__gemeente=gemeente)


def _prijzen(contract_ids) -> dict[int, int]:
    return {c.pk: prijs_in_centen(c) for c in Contract.objects.filter(pk__in=set(contract_ids))}


def budgetten(gemeente: Gemeente, jaar: int) -> dict[str, int]:
    return dict(Budget.objects.filter(gemeente=gemeente, jaar=jaar).values_list("categorie", "bedrag"))


def verplichtingen(gemeente: Gemeente, jaar: int) -> dict[str, int]:
    """Committed per category: the price of the referrals accepted in the year."""
    rijen = list(
        _verwijzingen(gemeente)
        .filter(status__in=VERPLICHTEND, beantwoord_op__range=_jaar_periode(jaar))
        .values("contract_id", "onderdeel")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    prijzen = _prijzen(r["contract_id"] for r in rijen)
    uit: dict[str, int] = {}
    for r in rijen:
        uit[r["onderdeel"]] = uit.get(r["onderdeel"], 0) + r["aantal"] * prijzen[r["contract_id"]]
    return uit


def bestedingen(gemeente: Gemeente, jaar: int) -> dict[str, tuple[int, int]]:
    """Spent per category: (sum of invoices minus credit invoices, referrals invoiced)."""
    rijen = (
        Factuur.objects.filter(gemeente=gemeente, periode_van__range=_jaar_periode(jaar))
        .values("categorie")
        .annotate(som=Sum("bedrag"), trajecten=Count("verwijzing", distinct=True))
        .order_by()
    )
    return {r["categorie"]: (r["som"] or 0, r["trajecten"]) for r in rijen}


def prognoses(gemeente: Gemeente, jaar: int, *, peildatum: date) -> dict[str, rekenen.Prognose]:
    """The forecast per category for a year that has begun (regie.financien.prognose)."""
    besteed = {c: som for c, (som, _) in bestedingen(gemeente, jaar).items()}
    if jaar < peildatum.year:
        return {c: rekenen.Prognose(besteed=besteed.get(c, 0), lopend=0, instroom=0) for c in SPUK_ONDERDELEN}
    lopend_rijen = list(
        _verwijzingen(gemeente)
        .filter(status__in=LOPEND)
        .values("contract_id", "onderdeel")
        .annotate(aantal=Count("pk", distinct=True), gefactureerd=Sum("facturen__bedrag"))
        .order_by()
    )
    verwezen = dict(
        _verwijzingen(gemeente)
        .filter(verzonden_op__gt=peildatum - timedelta(days=365), verzonden_op__lte=peildatum)
        .exclude(status__in=NIET_GEVOLGD)
        .values("onderdeel")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("onderdeel", "aantal")
    )
    geldig = list(
        Contract.objects.geldig_op(peildatum).filter(aanbieder__organisatie_id=gemeente.organisatie_id)
    )
    prijzen = _prijzen(r["contract_id"] for r in lopend_rijen) | {c.pk: prijs_in_centen(c) for c in geldig}
    maanden = rekenen.maanden_resterend(peildatum)
    uit = {}
    for categorie in SPUK_ONDERDELEN:
        nieuw = [prijzen[c.pk] for c in geldig if c.perceel == categorie]
        uit[categorie] = rekenen.prognose(
            besteed=besteed.get(categorie, 0),
            lopend=[
                rekenen.Lopend(
                    aantal=r["aantal"], prijs=prijzen[r["contract_id"]], gefactureerd=r["gefactureerd"] or 0
                )
                for r in lopend_rijen
                if r["onderdeel"] == categorie
            ],
            verwezen_12_maanden=verwezen.get(categorie, 0) if nieuw else 0,
            prijs_nieuw=sum(nieuw) // len(nieuw) if nieuw else 0,
            looptijd=rekenen.LOOPTIJD[categorie],
            maanden=maanden,
        )
    return uit


def besteding_per_categorie(
    gemeente: Gemeente, jaar: int, *, peildatum: date | None = None
) -> list[Besteding]:
    """Per category (the grant's seven, then the regie money): budget, committed, spent and the
    forecast to the end of the year, in cents. For the overview page, the exports and the council
    report. `peildatum` (default today) sets what "now" is for the forecast."""
    peildatum = peildatum or vandaag()
    budget = budgetten(gemeente, jaar)
    verplicht = verplichtingen(gemeente, jaar)
    besteed = {c: som for c, (som, _) in bestedingen(gemeente, jaar).items()}
    prognose = prognoses(gemeente, jaar, peildatum=peildatum) if jaar <= peildatum.year else {}
    regels = [
        Besteding(
            categorie=c.value,
            naam=c.label,
            budget=budget.get(c.value),
            verplicht=verplicht.get(c.value, 0),
            besteed=besteed.get(c.value, 0),
            prognose=prognose[c.value].totaal if c.value in prognose else None,
        )
        for c in Categorie
        if c.value in SPUK_ONDERDELEN
    ]
    uitvoering = Categorie.UITVOERING
    regels.append(
        Besteding(
            categorie=uitvoering.value,
            naam=uitvoering.label,
            budget=budget.get(uitvoering.value),
            verplicht=None,
            besteed=None,
            prognose=None,
        )
    )
    return regels


def totaal_spuk(regels: list[Besteding]) -> Besteding:
    """The grant's categories added up (the regie money stays outside)."""
    spuk = [r for r in regels if r.spuk]

    def som(veld):
        waarden = [getattr(r, veld) for r in spuk]
        return None if all(w is None for w in waarden) else sum(w or 0 for w in waarden)

    return Besteding(
        categorie="totaal",
        naam="Totaal SPUK",
        budget=som("budget"),
        verplicht=som("verplicht"),
        besteed=som("besteed"),
        prognose=som("prognose"),
    )


def sisa_overzicht(gemeente: Gemeente, jaar: int) -> list[SisaRegel]:
    """The yearly SiSa summary: per category of the grant, the budget, what was spent (invoices
    with their period in the year) and how many referrals that spend was for."""
    budget = budgetten(gemeente, jaar)
    besteed = bestedingen(gemeente, jaar)
    return [
        SisaRegel(
            categorie=c.value,
            naam=c.label,
            budget=budget.get(c.value, 0),
            besteed=besteed.get(c.value, (0, 0))[0],
            trajecten=besteed.get(c.value, (0, 0))[1],
        )
        for c in Categorie
        if c.value in SPUK_ONDERDELEN
    ]


# --- Invoices ------------------------------------------------------------------------------


def facturen_van(gemeente: Gemeente) -> QuerySet[Factuur]:
    """The invoices of a municipality the caller already scoped, newest first. Only what the
    financieel medewerker needs: provider, referral (its component and reference) and amounts."""
    return (
        Factuur.objects.filter(gemeente=gemeente)
        .select_related("aanbieder", "verwijzing", "crediteert")
        .only(
            "uuid",
            "soort",
            "factuurnummer",
            "factuurdatum",
            "periode_van",
            "periode_tot",
            "bedrag",
            "categorie",
            "gemeente_id",
            "aanbieder__naam",
            "verwijzing__uuid",
            "verwijzing__onderdeel",
            "verwijzing__inburgeraar_id",
            "crediteert__factuurnummer",
        )
        .order_by("-factuurdatum", "-id")
    )


def verwijzing_voor_factuur(gemeente: Gemeente, kenmerk: str) -> Verwijzing | None:
    """The referral an invoice names (its uuid), when it belongs to a case of this municipality."""
    try:
        return (
            Verwijzing.objects.select_related("contract__aanbieder")
            .filter(inburgeraar__gemeente=gemeente)
            .get(uuid=kenmerk)
        )
    except (Verwijzing.DoesNotExist, ValidationError, ValueError, TypeError):
        return None

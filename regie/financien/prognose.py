"""How Regie forecasts a category's spend to the end of a year: plain arithmetic on figures the
selectors count in the database (regie.financien.selectors), so it can be checked by hand.

    prognose = besteed + lopend + instroom

For a peildatum p in year J, with m = the months left in J counting p's own month (13 − month
of p; providers invoice after the month, so the current month is still to come):

- besteed: the invoices (minus credit invoices) whose period lies in J, registered until now;
- lopend: the trajectories running now (started, or accepted to start), grouped by contract.
  Each costs its price spread evenly over the usual duration of its category (LOOPTIJD, in
  months), so a group adds aantal × prijs / looptijd × m, but never more than is still to be
  invoiced on those trajectories (aantal × prijs − what they were invoiced so far, any year);
- instroom: new trajectories. As many as were referred in the last twelve months arrive again,
  spread evenly: n / 12 per remaining month, each starting at the beginning of its month and
  costing prijs / looptijd per month until the year ends or its duration is over. The price is
  that of the contracts for the category valid on p (their average).

All amounts are whole cents; the result is rounded half up to a cent at the end.
Past years: the forecast is what was spent. A year that has not begun gets no forecast.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# Policy assumptions (not from a source): the usual duration of a trajectory in months, per
# category, as the demo's providers report them; and the hours an interpreter referral takes.
LOOPTIJD = {
    "b1_route": 24,
    "onderwijsroute": 18,
    "z_route": 24,
    "pvt": 2,
    "maatschappelijke_begeleiding": 12,
    "map": 4,
    "tolk": 1,
}
UREN_PER_TOLKVERWIJZING = 10


@dataclass(frozen=True)
class Lopend:
    """Running trajectories of one contract."""

    aantal: int
    prijs: int  # cents per trajectory
    gefactureerd: int = 0  # cents invoiced on these trajectories so far (every year)


@dataclass(frozen=True)
class Prognose:
    besteed: int
    lopend: int
    instroom: int

    @property
    def totaal(self) -> int:
        return self.besteed + self.lopend + self.instroom


def maanden_resterend(peildatum: date) -> int:
    """The months of the year still to be invoiced, counting the peildatum's own month."""
    return 13 - peildatum.month


def _cent(bedrag: Decimal) -> int:
    return int(bedrag.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def lopend_bedrag(groepen: Iterable[Lopend], *, looptijd: int, maanden: int) -> int:
    totaal = Decimal(0)
    for groep in groepen:
        verwacht = Decimal(groep.aantal * groep.prijs) / looptijd * maanden
        nog_open = Decimal(max(groep.aantal * groep.prijs - groep.gefactureerd, 0))
        totaal += min(verwacht, nog_open)
    return _cent(totaal)


def instroom_bedrag(*, verwezen_12_maanden: int, prijs: int, looptijd: int, maanden: int) -> int:
    per_maand = Decimal(verwezen_12_maanden) / 12
    maandbedrag = Decimal(prijs) / looptijd
    # A trajectory starting in month k (1..m) runs m − k + 1 months of this year, at most its duration.
    maanden_gelopen = sum(min(maanden - k + 1, looptijd) for k in range(1, maanden + 1))
    return _cent(per_maand * maandbedrag * maanden_gelopen)


def prognose(
    *,
    besteed: int,
    lopend: Iterable[Lopend],
    verwezen_12_maanden: int,
    prijs_nieuw: int,
    looptijd: int,
    maanden: int,
) -> Prognose:
    return Prognose(
        besteed=besteed,
        lopend=lopend_bedrag(lopend, looptijd=looptijd, maanden=maanden),
        instroom=instroom_bedrag(
            verwezen_12_maanden=verwezen_12_maanden, prijs=prijs_nieuw, looptijd=looptijd, maanden=maanden
        ),
    )

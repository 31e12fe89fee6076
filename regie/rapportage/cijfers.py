"""The building blocks of every figure: a cell with its suppression of small counts, a row, a
table with one column per municipality, and the filter the figures are computed for.

No person may be recognisable in a figure (../shared/domain/monitoring.md, 'Privacy of
figures'): a count of 1 to 4 persons is shown as "<5", and so is a share or average that rests
on fewer than 5 persons. The rule lives here, so the page, the CSV and the PDF apply it alike."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

DREMPEL = 5
ONDERDRUKT = f"<{DREMPEL}"


class Soort(StrEnum):
    AANTAL = "aantal"
    PROCENT = "procent"
    GEMIDDELDE = "gemiddelde"


@dataclass(frozen=True)
class Cel:
    """One figure. `teller`/`noemer` make a share (PROCENT) or an average (GEMIDDELDE); `personen`
    is how many persons the figure rests on (by default the count itself, or the denominator);
    `beschermd` False for numbers about no person (a taakstelling, a number of consultants)."""

    soort: Soort
    teller: int | Decimal = 0
    noemer: int | Decimal | None = None
    personen: int | None = None
    beschermd: bool = True

    @property
    def basis(self) -> int:
        if self.personen is not None:
            return self.personen
        return int(self.teller if self.soort == Soort.AANTAL else (self.noemer or 0))

    @property
    def onderdrukt(self) -> bool:
        return self.beschermd and 0 < self.basis < DREMPEL

    @property
    def waarde(self) -> float | None:
        """The figure to draw and compare (None when suppressed or undefined)."""
        if self.onderdrukt:
            return None
        if self.soort == Soort.AANTAL:
            return float(self.teller)
        if not self.noemer:
            return None
        deling = float(self.teller) / float(self.noemer)
        return 100 * deling if self.soort == Soort.PROCENT else deling

    @property
    def tekst(self) -> str:
        if self.onderdrukt:
            return ONDERDRUKT
        waarde = self.waarde
        if waarde is None:
            return "–"
        if self.soort == Soort.AANTAL:
            return f"{int(waarde):,}".replace(",", ".")
        getal = f"{waarde:.1f}".replace(".", ",")
        return f"{getal}%" if self.soort == Soort.PROCENT else getal


@dataclass
class Rij:
    label: str
    cellen: list[Cel]


@dataclass
class Tabel:
    code: str
    titel: str
    uitleg: str
    soort: Soort
    kolommen: list[str]
    rijen: list[Rij]
    eenheid: str = ""
    grafiek: str = "staaf"
    opmerking: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def leeg(self) -> bool:
        return not any(c.teller or c.noemer for r in self.rijen for c in r.cellen)


@dataclass(frozen=True)
class Filter:
    """What the figures are computed for. `gemeenten` are already limited to those the user
    works for (`selectors.gemeenten_voor`); the rest narrows the cases."""

    gemeenten: tuple
    van: date
    tot: date
    kern: object | None = None
    cohort: int | None = None
    doelgroep: str = ""
    leerroute: str = ""

    @property
    def periode(self) -> tuple[date, date]:
        return (self.van, self.tot)

    def met_periode(self, van: date, tot: date) -> "Filter":
        return Filter(self.gemeenten, van, tot, self.kern, self.cohort, self.doelgroep, self.leerroute)

    def voor(self, gemeenten) -> "Filter":
        return Filter(
            tuple(gemeenten), self.van, self.tot, self.kern, self.cohort, self.doelgroep, self.leerroute
        )

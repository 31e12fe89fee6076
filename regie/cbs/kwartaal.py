"""Quarters of the CBS delivery (Statistiek Wet inburgering), pure Python.

CBS asks every municipality, or the berichtgever that delivers for it, for a file per quarter,
within 4 weeks after the quarter ends (cbs.nl, "Wet Inburgering": "Gegevens aanleveren op
kwartaalbasis"). The Wet inburgering 2021 started on 1 January 2022, so the first quarter is 2022 Q1.
A quarter can be delivered once it is over; the current and later quarters cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

EERSTE_JAAR = 2022
LEVERTERMIJN_DAGEN = 28
_PATROON = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[KkQq]?\s*([1-4])\s*$")


class OngeldigKwartaal(ValueError):
    """`melding` is the plain Dutch explanation for the page."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def van_datum(cls, dag: date) -> Kwartaal:
        return cls(dag.year, (dag.month - 1) // 3 + 1)

    @classmethod
    def uit_tekst(cls, tekst: str) -> Kwartaal:
        """`2026-3`, `2026-K3` or `2026 Q3`; a Dutch message for anything else."""
        gevonden = _PATROON.match(tekst or "")
        if not gevonden:
            raise OngeldigKwartaal(
                f"‘{tekst}’ is geen kwartaal. Schrijf het als jaar en kwartaal, bijvoorbeeld 2026-K3."
            )
        kwartaal = cls(int(gevonden[1]), int(gevonden[2]))
        if kwartaal.jaar < EERSTE_JAAR:
            raise OngeldigKwartaal(
                f"De Wet inburgering 2021 geldt sinds 1 januari {EERSTE_JAAR}: het eerste kwartaal is {EERSTE_JAAR}-K1."
            )
        return kwartaal

    @property
    def begin(self) -> date:
        return date(self.jaar, 3 * self.nummer - 2, 1)

    @property
    def einde(self) -> date:
        return self.volgend.begin - timedelta(days=1)

    @property
    def volgend(self) -> Kwartaal:
        return Kwartaal(self.jaar + 1, 1) if self.nummer == 4 else Kwartaal(self.jaar, self.nummer + 1)

    @property
    def vorig(self) -> Kwartaal:
        return Kwartaal(self.jaar - 1, 4) if self.nummer == 1 else Kwartaal(self.jaar, self.nummer - 1)

    @property
    def uiterste_leverdatum(self) -> date:
        """The last day to deliver: 4 weeks after the quarter ends."""
        return self.einde + timedelta(days=LEVERTERMIJN_DAGEN)

    def bevat(self, dag: date | None) -> bool:
        return dag is not None and self.begin <= dag <= self.einde

    def __str__(self) -> str:
        return f"{self.jaar}-K{self.nummer}"

    @property
    def label(self) -> str:
        return f"{self.nummer}e kwartaal {self.jaar}"


def laatste_afgesloten(vandaag: date) -> Kwartaal:
    """The last quarter that is over on `vandaag`."""
    return Kwartaal.van_datum(vandaag).vorig


def leverbaar(kwartaal: Kwartaal, vandaag: date) -> str:
    """An empty text when the quarter can be delivered on `vandaag`, else why not (Dutch)."""
    if kwartaal.jaar < EERSTE_JAAR:
        return f"De Wet inburgering 2021 geldt sinds 1 januari {EERSTE_JAAR}: het eerste kwartaal is {EERSTE_JAAR}-K1."
    if kwartaal.einde >= vandaag:
        return (
            f"Het {kwartaal.label} is nog niet voorbij. U kunt een kwartaal pas leveren na de laatste dag"
            f" ({kwartaal.einde:%d-%m-%Y})."
        )
    return ""


def kwartalen(van: Kwartaal, tot_en_met: Kwartaal) -> list[Kwartaal]:
    uit, k = [], van
    while k <= tot_en_met:
        uit.append(k)
        k = k.volgend
    return uit

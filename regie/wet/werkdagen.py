"""Algemene termijnenwet (Atw): a legal term that ends on a Saturday, Sunday or an
algemeen erkende feestdag runs on to the next day that is none of these (Atw art. 1
lid 1). The feestdagen are listed here from the law itself, not from a holiday
calendar, because the Atw list differs from the days people get off:

- Atw art. 3 lid 1: Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, both
  Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated and 5 May
  (every year, not only in lustrum years);
- Atw art. 3 lid 2: Goede Vrijdag is "gelijkgesteld" with those days;
- Atw art. 3 lid 3: days the government equates by Royal decree for a few years at
  a time ("Besluit gelijkstelling ... met een algemeen erkende feestdag", published in the
  Staatscourant). The decrees are data, with their source, in
  gegevens/gelijkstellingsbesluiten.json: add every new decree there. For a year no recorded
  decree covers, `besluit_voor` answers None and callers say so instead of assuming that no
  day of that year was equated.

Eerste Paasdag and eerste Pinksterdag are Sundays and need no entry.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from dateutil.easter import easter

BESLUITEN_BESTAND = Path(__file__).parent / "gegevens" / "gelijkstellingsbesluiten.json"


@dataclass(frozen=True)
class Gelijkstellingsbesluit:
    """One Royal decree of Atw art. 3 lid 3: the years it settles, the days it equates and
    where that was read (`bron_zekerheid`: "wettekst" or "secundair")."""

    titel: str
    vindplaats: str
    jaren: frozenset[int]
    dagen: frozenset[date]
    bron: str
    bron_zekerheid: str


def _lees_besluiten() -> tuple[Gelijkstellingsbesluit, ...]:
    gegevens = json.loads(BESLUITEN_BESTAND.read_text(encoding="utf-8"))
    return tuple(
        Gelijkstellingsbesluit(
            titel=b["titel"],
            vindplaats=b["vindplaats"],
            jaren=frozenset(b["jaren"]),
            dagen=frozenset(date.fromisoformat(d) for d in b["dagen"]),
            bron=b["bron"],
            bron_zekerheid=b["bron_zekerheid"],
        )
        for b in gegevens["besluiten"]
    )


BESLUITEN = _lees_besluiten()


def besluit_voor(jaar: int) -> Gelijkstellingsbesluit | None:
    """Atw art. 3 lid 3: the recorded decree that settles the equated days of `jaar`, or None
    when Regie knows of none (then days of that year may be equated that Regie does not know)."""
    return next((b for b in BESLUITEN if jaar in b.jaren), None)


def koningsdag(jaar: int) -> date:
    """Atw art. 3 lid 1: "de dag waarop de verjaardag van de Koning wordt gevierd":
    27 April, or 26 April when 27 April is a Sunday (Koninginnedag 30 April, or 29 April,
    before 2014)."""
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    return dag - timedelta(days=1) if dag.weekday() == 6 else dag


@cache
def _feestdagen_met_naam(jaar: int) -> dict[date, str]:
    pasen = easter(jaar)
    besluit = besluit_voor(jaar)
    dagen = {dag: "een met een feestdag gelijkgestelde dag" for dag in (besluit.dagen if besluit else ())}
    dagen.update(
        {
            date(jaar, 1, 1): "Nieuwjaarsdag",
            pasen - timedelta(days=2): "Goede Vrijdag",  # art. 3 lid 2
            pasen + timedelta(days=1): "Tweede Paasdag",
            koningsdag(jaar): "Koningsdag",
            date(jaar, 5, 5): "Bevrijdingsdag (5 mei)",  # every year, not only in lustrum years
            pasen + timedelta(days=39): "Hemelvaartsdag",
            pasen + timedelta(days=50): "Tweede Pinksterdag",
            date(jaar, 12, 25): "Eerste Kerstdag",
            date(jaar, 12, 26): "Tweede Kerstdag",
        }
    )
    return dagen


def feestdagen(jaar: int) -> frozenset[date]:
    """Atw art. 3 lid 1, 2 and 3: every algemeen erkende feestdag (or equated day) of `jaar`."""
    return frozenset(_feestdagen_met_naam(jaar))


def soort_vrije_dag(dag: date) -> str | None:
    """Why Atw art. 1 lid 1 skips `dag`, in Dutch ("een zaterdag", "Koningsdag"), or None
    for a working day. Feestdagen per Atw art. 3."""
    naam = _feestdagen_met_naam(dag.year).get(dag)
    if naam:
        return naam
    if dag.weekday() == 5:
        return "een zaterdag"
    if dag.weekday() == 6:
        return "een zondag"
    return None


def is_vrije_dag(dag: date) -> bool:
    """Atw art. 1 lid 1 and art. 3: a Saturday, Sunday or algemeen erkende feestdag."""
    return dag.weekday() >= 5 or dag in _feestdagen_met_naam(dag.year)


def eerstvolgende_werkdag(dag: date) -> date:
    """Atw art. 1 lid 1: the day itself, or the next day that is not a Saturday, Sunday
    or algemeen erkende feestdag. Not for terms counted backwards (Atw art. 1 lid 2)."""
    while is_vrije_dag(dag):
        dag += timedelta(days=1)
    return dag

"""Atw art. 1 and 3: a legal term that ends on a Saturday, Sunday or a generally
recognised holiday runs on to the next day that is none of these."""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _feestdagen(jaar: int) -> frozenset[date]:
    # Atw art. 3 lid 1 names 5 May every year, where the holidays package only
    # lists Bevrijdingsdag in lustrum years; Goede Vrijdag is not in the list.
    dagen = {
        dag for dag, naam in holidays.NL(years=jaar, language="nl").items() if "Goede Vrijdag" not in naam
    }
    dagen.add(date(jaar, 5, 5))
    return frozenset(dagen)


def is_vrije_dag(dag: date) -> bool:
    """Atw art. 1 lid 1 and art. 3 lid 1: weekend or algemeen erkende feestdag."""
    return dag.weekday() >= 5 or dag in _feestdagen(dag.year)


def eerstvolgende_werkdag(dag: date) -> date:
    """The day itself, or the next day that is not a weekend day or feestdag (Atw art. 1)."""
    while is_vrije_dag(dag):
        dag += timedelta(days=1)
    return dag

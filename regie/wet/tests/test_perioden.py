"""Counting periods of months and years (regie.wet.perioden; Wi 11 lid 2, Bi 5.4).

The rule: a period starts on its start day and its last day is the day before the start day's
date that many months later; when that month has no such date, the whole shorter month counts.
The anniversary below is written out on its own, not with the function under test, so the
property tests state the rule instead of repeating the code.
"""

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regie.wet.perioden import (
    laatste_dag,
    laatste_start,
    laatste_van_maand,
    maanden,
    overeenkomstige_dag,
    plus_maanden,
)

datums = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))
lengtes = st.integers(min_value=1, max_value=60)
veel = settings(max_examples=300, deadline=None)


def verjaardag(start: date, maanden: int) -> date:
    """The start day's date `maanden` months later; the 1st of the month after when that month
    is too short (written independently of regie.wet.perioden)."""
    maand0 = start.month - 1 + maanden
    jaar, maand = start.year + maand0 // 12, maand0 % 12 + 1
    if start.day <= calendar.monthrange(jaar, maand)[1]:
        return date(jaar, maand, start.day)
    return date(jaar, maand, calendar.monthrange(jaar, maand)[1]) + timedelta(days=1)


@veel
@given(datums, lengtes)
@example(date(2024, 2, 29), 36)  # 29 February + 3 years: no 29 February in 2027
@example(date(2026, 1, 31), 1)  # 31 January + 1 month: February is shorter
@example(date(2024, 5, 1), 1)  # the day after a month end (dagtekening 30 April)
def test_laatste_dag_plus_een_is_de_verjaardag_van_de_start(start, maanden):
    """Wi 11 lid 2 (and every period of months or years): last day + 1 day is the start day's
    anniversary."""
    assert laatste_dag(start, maanden=maanden) + timedelta(days=1) == verjaardag(start, maanden)


@veel
@given(datums, lengtes)
def test_jaren_en_maanden_tellen_hetzelfde(start, jaren):
    assert laatste_dag(start, jaren=jaren % 5 + 1) == laatste_dag(start, maanden=12 * (jaren % 5 + 1))


@veel
@given(datums, lengtes)
def test_een_latere_start_eindigt_nooit_eerder(start, maanden):
    assert laatste_dag(start + timedelta(days=1), maanden=maanden) >= laatste_dag(start, maanden=maanden)


@veel
@given(datums)
def test_drie_jaar_zijn_1095_of_1096_dagen(start):
    """Wi 11 lid 1: three years from the start day, both days included: 3 x 365 days plus the
    29 February that falls inside."""
    einde = laatste_dag(start, jaren=3)
    schrikkeldagen = sum(
        1
        for jaar in range(start.year, einde.year + 1)
        if calendar.isleap(jaar) and start <= date(jaar, 2, 29) <= einde
    )
    assert (einde - start).days + 1 == 3 * 365 + schrikkeldagen


@pytest.mark.parametrize(
    ("start", "periode", "laatste"),
    [
        # Wi 11 lid 1-2: dagtekening 15 January 2024 -> start 16 January -> 15 January 2027
        (date(2024, 1, 16), {"jaren": 3}, date(2027, 1, 15)),
        # Month ends: dagtekening 30 April -> start 1 May -> the whole of April 2027 counts
        (date(2024, 5, 1), {"jaren": 3}, date(2027, 4, 30)),
        (date(2024, 5, 1), {"maanden": 1}, date(2024, 5, 31)),
        (date(2026, 1, 31), {"maanden": 1}, date(2026, 2, 28)),
        (date(2028, 1, 31), {"maanden": 1}, date(2028, 2, 29)),
        (date(2026, 3, 31), {"maanden": 1}, date(2026, 4, 30)),
        (date(2026, 1, 1), {"maanden": 18}, date(2027, 6, 30)),
        (date(2024, 7, 1), {"maanden": 18}, date(2025, 12, 31)),
        # 29 February: start on it, and start the day after it
        (date(2024, 2, 29), {"jaren": 3}, date(2027, 2, 28)),
        (date(2024, 2, 29), {"jaren": 4}, date(2028, 2, 28)),
        (date(2024, 3, 1), {"jaren": 3}, date(2027, 2, 28)),
        (date(2025, 3, 1), {"jaren": 3}, date(2028, 2, 29)),
        (date(2024, 8, 31), {"maanden": 18}, date(2026, 2, 28)),
        (date(2026, 8, 31), {"maanden": 18}, date(2028, 2, 29)),
        # Year end
        (date(2026, 1, 1), {"jaren": 3}, date(2028, 12, 31)),
    ],
)
def test_grensgevallen(start, periode, laatste):
    assert laatste_dag(start, **periode) == laatste


@pytest.mark.parametrize(
    ("dag", "maanden", "overeenkomstig"),
    [
        (date(2026, 1, 31), 1, date(2026, 3, 1)),
        (date(2024, 2, 29), 12, date(2025, 3, 1)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 3, 1)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2027, 1, 15), -12, date(2026, 1, 15)),
    ],
)
def test_overeenkomstige_dag(dag, maanden, overeenkomstig):
    assert overeenkomstige_dag(dag, maanden) == overeenkomstig


def test_een_periode_van_niets_bestaat_niet():
    with pytest.raises(ValueError):
        laatste_dag(date(2026, 1, 1))


@veel
@given(datums, lengtes)
@example(date(2028, 2, 29), 12)
@example(date(2027, 2, 28), 12)
def test_laatste_start_is_de_laatste_dag_waarvan_de_periode_voorbij_is(einde, maanden):
    """The inverse of laatste_dag: from the day found the period is over by `einde`; from the
    day after, it is not."""
    start = laatste_start(einde, maanden=maanden)
    assert laatste_dag(start, maanden=maanden) <= einde
    assert laatste_dag(start + timedelta(days=1), maanden=maanden) > einde


def test_kalendermaanden():
    """Whole calendar months, as ontzorging's payment months and a report's columns count them."""
    assert plus_maanden(date(2027, 1, 31), 1) == date(2027, 2, 1)
    assert plus_maanden(date(2027, 1, 15), -1) == date(2026, 12, 1)
    assert laatste_van_maand(date(2028, 2, 3)) == date(2028, 2, 29)
    assert laatste_van_maand(date(2027, 12, 31)) == date(2027, 12, 31)
    assert maanden(date(2026, 11, 20), date(2027, 1, 1)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
    assert maanden(date(2027, 2, 2), date(2027, 1, 31)) == []

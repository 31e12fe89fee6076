"""Spreading the PIP's progress talks over the termijn (a policy of Regie, not law)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from regie.voortgangsgesprekken.planning import spreiden
from regie.wet.werkdagen import is_vrije_dag


def test_vier_gesprekken_gelijk_verdeeld_over_drie_jaar():
    datums = spreiden(aantal=4, vanaf=date(2026, 1, 1), tot=date(2029, 1, 1))
    assert len(datums) == 4
    # 1096 days / 5 parts: about every 219 days, on a working day.
    assert datums[0] == date(2026, 8, 10)  # 8 August 2026 is a Saturday
    assert all(not is_vrije_dag(d) for d in datums)


def test_niets_te_plannen():
    assert spreiden(aantal=0, vanaf=date(2026, 1, 1), tot=date(2029, 1, 1)) == []
    assert spreiden(aantal=3, vanaf=date(2029, 1, 1), tot=date(2029, 1, 1)) == []


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=24),
    st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=30, max_value=3 * 366),
)
def test_gesprekken_op_volgorde_binnen_de_termijn_op_werkdagen(aantal, vanaf, lengte):
    tot = date.fromordinal(vanaf.toordinal() + lengte)
    datums = spreiden(aantal=aantal, vanaf=vanaf, tot=tot)
    assert len(datums) == aantal
    assert datums == sorted(datums)
    assert all(vanaf < d for d in datums)
    assert all(not is_vrije_dag(d) for d in datums)
    # The last talk is before the end, apart from a shift to the next working day (at most 4
    # days: a long weekend with Easter or Christmas).
    assert (datums[-1] - tot).days <= 4

"""The measuring moments: 12/24/36 months from the termijn's start (Wi 11 lid 2), intake at once."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.wet.meetmomenten import Meetmoment, meetdatum, nog_niet_meetbaar
from regie.wet.termijnen import termijn_start


def test_twaalf_maanden_na_de_start_van_de_termijn():
    start = termijn_start(date(2024, 1, 15))  # 16 January 2024
    assert meetdatum(Meetmoment.MAAND_12, start) == date(2025, 1, 16)
    assert meetdatum(Meetmoment.MAAND_24, start) == date(2026, 1, 16)
    assert meetdatum(Meetmoment.MAAND_36, start) == date(2027, 1, 16)


def test_maandeinde_en_schrikkeldag_volgen_de_telregel_van_de_termijn():
    """29 February + 12 months: no such day, so 1 March (perioden.overeenkomstige_dag)."""
    assert meetdatum(Meetmoment.MAAND_12, date(2024, 2, 29)) == date(2025, 3, 1)
    assert meetdatum(Meetmoment.MAAND_12, date(2025, 1, 31)) == date(2026, 1, 31)


def test_intake_en_zonder_termijn_geen_datum():
    assert meetdatum(Meetmoment.INTAKE, date(2024, 1, 16)) is None
    assert meetdatum(Meetmoment.MAAND_12, None) is None


def test_grens_van_meetbaar():
    start = date(2024, 1, 16)
    assert nog_niet_meetbaar(Meetmoment.MAAND_12, termijn_start=start, op=date(2025, 1, 16)) == ""
    reden = nog_niet_meetbaar(Meetmoment.MAAND_12, termijn_start=start, op=date(2025, 1, 15))
    assert "pas vanaf 16 januari 2025" in reden
    assert "16 januari 2024" in reden


def test_intake_altijd_meetbaar_en_maanden_niet_zonder_pip():
    assert nog_niet_meetbaar(Meetmoment.INTAKE, termijn_start=None, op=date(2020, 1, 1)) == ""
    assert "nog geen PIP" in nog_niet_meetbaar(Meetmoment.MAAND_36, termijn_start=None, op=date(2030, 1, 1))


@pytest.mark.parametrize("moment", [Meetmoment.MAAND_12, Meetmoment.MAAND_24, Meetmoment.MAAND_36])
@given(start=st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31)))
def test_meetbaar_precies_vanaf_de_meetdatum(moment, start):
    vanaf = meetdatum(moment, start)
    assert nog_niet_meetbaar(moment, termijn_start=start, op=vanaf) == ""
    assert nog_niet_meetbaar(moment, termijn_start=start, op=vanaf - timedelta(days=1)) != ""
    # later moments are never due earlier
    assert vanaf > start

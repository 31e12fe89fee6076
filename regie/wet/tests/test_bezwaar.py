"""The bezwaar period of every beschikking (Awb 6:7, Awb 6:8)."""

from datetime import date

from regie.wet.bezwaar import bezwaar_tijdig, bezwaartermijn_einde


def test_bezwaartermijn_zes_weken():
    """Awb 6:7 and 6:8: six weeks from the day after the dagtekening; the last day counts."""
    assert bezwaartermijn_einde(date(2026, 3, 2)) == date(2026, 4, 13)
    assert bezwaar_tijdig(date(2026, 3, 2), date(2026, 4, 13))
    assert not bezwaar_tijdig(date(2026, 3, 2), date(2026, 4, 14))

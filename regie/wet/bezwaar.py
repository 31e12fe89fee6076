"""The bezwaar against a beschikking of the municipality (a PIP, a fine): six weeks from the day
after the dagtekening (Awb 6:7, Awb 6:8). Every letter that is a beschikking names the last day."""

from datetime import date, timedelta

BEZWAARTERMIJN_WEKEN = 6  # Awb 6:7


def bezwaartermijn_einde(dagtekening: date) -> date:
    """Last day for a bezwaar: six weeks, starting the day after the decision was sent
    (Awb 6:7, Awb 6:8)."""
    return dagtekening + timedelta(weeks=BEZWAARTERMIJN_WEKEN)


def bezwaar_tijdig(dagtekening: date, ontvangen_op: date) -> bool:
    """Whether a bezwaar arrived within the six weeks (Awb 6:7, Awb 6:8)."""
    return ontvangen_op <= bezwaartermijn_einde(dagtekening)

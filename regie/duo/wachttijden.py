"""The one retry policy for DUO, both directions: a message to DUO (regie.duo.uitgaand.berichten)
and a notice whose look-up at DUO failed (regie.duo.inkomend.services) wait as long before their
next attempt, and give up after as many attempts (the message becomes `mislukt`, the notice is
parked for 'Opnieuw verwerken').

The waits grow quickly at first (a hiccup is over in a minute) and then cover a weekend: a DUO
outage from Friday evening until Monday morning (about 60 hours) needs no person to act."""

from datetime import timedelta

# The wait after the 1st, 2nd, ... failed attempt; together about 62.5 hours.
WACHTTIJDEN = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
    timedelta(hours=24),
    timedelta(hours=24),
)
MAX_POGINGEN = len(WACHTTIJDEN) + 1


def wachttijd(pogingen: int) -> timedelta | None:
    """How long to wait after `pogingen` failed attempts; None: no attempt is left."""
    if pogingen >= MAX_POGINGEN:
        return None
    return WACHTTIJDEN[pogingen - 1]

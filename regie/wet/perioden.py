"""Counting a period of months or years: the one way Regie does it, for every caller.

A period starts on its start day (for the inburgeringstermijn: the day after the dagtekening of
the first PIP, Wi 11 lid 2) and its last day is the day before the start day's "overeenkomstige
dag" that many months or years later: start 16 January 2024 + 3 years -> last day 15 January
2027; start 1 May 2026 + 1 month -> last day 31 May 2026. When the later month has no such date
(31 → February, 29 February → a common year), the overeenkomstige dag is the first day of the
next month, so the period covers that whole shorter month: start 31 January 2026 + 1 month ->
last day 28 February 2026; start 29 February 2024 + 3 years -> last day 28 February 2027.

This follows how Dutch law counts a term that "vangt aan met ingang van de dag na" an event
(Wi 11 lid 2; the same wording as Awb 6:8 lid 1): the term ends at the end of the day before
the corresponding date. Counting from the event day itself and clamping at month ends (the
reading of Verordening (EEG, Euratom) 1182/71 art. 3 lid 2 onder c that Regie used before) ends
a day early when the event is the last day of a month (dagtekening 30 April + 1 month would
end on 30 May instead of 31 May).

The Algemene termijnenwet does not apply to these periods of Regie (Atw art. 4 lid 1 for terms
of at least three months); callers that need it (the 10 weeks of Bi 5.3) apply it themselves.
"""

from datetime import date, timedelta


def overeenkomstige_dag(dag: date, maanden: int) -> date:
    """Wi 11 lid 2 (counting rule, see the module docstring): the same calendar date `maanden`
    months later (earlier when negative); the first day of the next month when that month has
    no such date (31 April -> 1 May, 29 February in a common year -> 1 March)."""
    index = dag.year * 12 + dag.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    try:
        return date(jaar, maand + 1, dag.day)
    except ValueError:
        jaar, maand = divmod(index + 1, 12)
        return date(jaar, maand + 1, 1)


def eerste_van_maand(dag: date) -> date:
    return dag.replace(day=1)


def plus_maanden(dag: date, maanden: int) -> date:
    """The first day of the month `maanden` calendar months after (before, when negative) the
    month of `dag`."""
    return overeenkomstige_dag(eerste_van_maand(dag), maanden)


def laatste_van_maand(dag: date) -> date:
    return plus_maanden(dag, 1) - timedelta(days=1)


def maanden(begin: date, einde: date) -> list[date]:
    """The calendar months (their first day) from the month of `begin` through the month of
    `einde` (for example the months whose fixed costs ontzorging pays, or a report's columns)."""
    uit = []
    maand = eerste_van_maand(begin)
    while maand <= einde:
        uit.append(maand)
        maand = plus_maanden(maand, 1)
    return uit


def laatste_dag(start: date, *, maanden: int = 0, jaren: int = 0) -> date:
    """Wi 11 lid 1 and 2 (and every other period of months or years): the last day of a period
    of `jaren` years and `maanden` months that starts on `start` (the start day counts)."""
    lengte = 12 * jaren + maanden
    if lengte <= 0:
        raise ValueError("Een periode duurt minstens een maand.")
    return overeenkomstige_dag(start, lengte) - timedelta(days=1)


def laatste_start(einde: date, *, maanden: int = 0, jaren: int = 0) -> date:
    """The inverse of `laatste_dag` (same counting rule, Wi 11 lid 2): the latest start day whose
    period is over by the end of `einde`, i.e. the last day S with `laatste_dag(S) <= einde`.
    Counting back from the day after `einde` is right except next to a month end that a shorter
    month lacks, so the answer is moved a day at a time to the exact boundary (at most 3 steps)."""
    lengte = 12 * jaren + maanden
    start = overeenkomstige_dag(einde + timedelta(days=1), -lengte)
    while laatste_dag(start, maanden=lengte) > einde:
        start -= timedelta(days=1)
    while laatste_dag(start + timedelta(days=1), maanden=lengte) <= einde:
        start += timedelta(days=1)
    return start

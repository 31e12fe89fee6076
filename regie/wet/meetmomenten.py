"""When the situation of a newcomer is measured: at the brede intake and 12, 24 and 36 months after
the start of the inburgeringstermijn.

The moments themselves are no rule of law: they are a monitoring convention (CBS's Statistiek
Wet inburgering follows cohorts over the years, the Divosa benchmark compares municipalities by
the share at work; Regie's domain reference on monitoring). What is
law is the start they count from and how months are counted: the termijn starts the day after the
dagtekening of the first PIP (Wi 11 lid 2, `termijnen.termijn_start`), and a period of months is
counted as `perioden.overeenkomstige_dag` does (Wi 11 lid 2). So the measurement "after 12
months" is due from the first day after the first 12 months of the termijn: termijn start
16 January 2024 -> due from 16 January 2025.

The brede intake's measurement (Wi 14) is due at once: it describes the start situation and is
taken before there is a PIP.
"""

from datetime import date
from enum import StrEnum

from regie.wet.perioden import overeenkomstige_dag
from regie.wet.termijnen import datum_tekst


class Meetmoment(StrEnum):
    INTAKE = "intake"
    MAAND_12 = "12_maanden"
    MAAND_24 = "24_maanden"
    MAAND_36 = "36_maanden"

    @property
    def label(self) -> str:
        """The Dutch name shown on pages (no rule of law)."""
        return {
            Meetmoment.INTAKE: "Bij de brede intake",
            Meetmoment.MAAND_12: "Na 12 maanden",
            Meetmoment.MAAND_24: "Na 24 maanden",
            Meetmoment.MAAND_36: "Na 36 maanden",
        }[self]

    @property
    def maanden(self) -> int:
        """Months after the start of the termijn (0 for the intake); a monitoring convention."""
        return {
            Meetmoment.INTAKE: 0,
            Meetmoment.MAAND_12: 12,
            Meetmoment.MAAND_24: 24,
            Meetmoment.MAAND_36: 36,
        }[self]


def meetdatum(moment: Meetmoment, termijn_start: date | None) -> date | None:
    """The first day the measurement of `moment` is due: the corresponding day `moment.maanden`
    months after the start of the termijn (Wi 11 lid 2: start the day after the dagtekening of the
    first PIP; months counted as `perioden.overeenkomstige_dag`). None for the intake (due at
    once, Wi 14) and when the termijn has not started (no PIP yet)."""
    moment = Meetmoment(moment)
    if moment is Meetmoment.INTAKE or termijn_start is None:
        return None
    return overeenkomstige_dag(termijn_start, moment.maanden)


def nog_niet_meetbaar(moment: Meetmoment, *, termijn_start: date | None, op: date) -> str:
    """Why the situation of `moment` cannot be recorded as measured on `op`, in Dutch; an empty
    text when it can. The months count from the termijn's start (Wi 11 lid 2); the intake's
    measurement can always be recorded (Wi 14)."""
    moment = Meetmoment(moment)
    if moment is Meetmoment.INTAKE:
        return ""
    if termijn_start is None:
        return (
            f"De meting '{moment.label.lower()}' kan nog niet: de inburgeringstermijn is nog niet begonnen,"
            " want er is nog geen PIP. De termijn begint de dag na de dagtekening van het eerste PIP"
            " (Wet inburgering 2021, art. 11 lid 2)."
        )
    vanaf = meetdatum(moment, termijn_start)
    if op < vanaf:
        return (
            f"De meting '{moment.label.lower()}' kan pas vanaf {datum_tekst(vanaf)}: dat is {moment.maanden}"
            f" maanden na de start van de inburgeringstermijn op {datum_tekst(termijn_start)}."
        )
    return ""

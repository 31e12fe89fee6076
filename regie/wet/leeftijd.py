"""Age limits of the obligation to integrate.

Wi 3 lid 1: inburgeringsplichtig is (among other conditions) the newcomer who has reached
the age of 16 and not yet the pension age (AOW-leeftijd). A younger child in a household
COA links to a municipality gets no case of its own: it is recorded with its parent (for
VVE and childcare) and becomes inburgeringsplichtig when it turns 16.
"""

from datetime import date

MINIMUMLEEFTIJD = 16  # Wi 3 lid 1


def leeftijd(geboortedatum: date, op: date) -> int:
    """Age in whole years on `op` (someone born on 29 February turns a year older on 1 March)."""
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def heeft_minimumleeftijd(geboortedatum: date, op: date) -> bool:
    """Whether the person is 16 or older on `op` (Wi 3 lid 1)."""
    return leeftijd(geboortedatum, op) >= MINIMUMLEEFTIJD

"""Helpers for the page tests of werkvoorraad and inburgeraars."""

import itertools

from stdnum.nl import bsn as stdnum_bsn

from regie.demo.factories import InburgeraarFactory

_kandidaten = itertools.count(300_000_000)


def nieuw_bsn() -> str:
    """A valid BSN not used before in this test run (the factory's sequence can repeat one)."""
    while True:
        kandidaat = str(next(_kandidaten))
        if stdnum_bsn.is_valid(kandidaat):
            return kandidaat


def maak_inburgeraar(**velden):
    velden.setdefault("bsn", nieuw_bsn())
    return InburgeraarFactory(**velden)

"""Timeline entries written together, for bulk work in one transaction (a batch of DUO notices):
inside `gebundeld()` the entries `regie.tijdlijn.events` makes are collected and stored with one
bulk INSERT when the block ends, in the same transaction as the changes they record. A savepoint
inside goes in the bundle's `deel()`, so the entries of a rolled-back part go with it."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from regie.tijdlijn.models import Gebeurtenis


class Bundel:
    def __init__(self):
        self.regels: list[Gebeurtenis] = []

    @contextmanager
    def deel(self) -> Iterator[None]:
        merk = len(self.regels)
        try:
            yield
        except BaseException:
            del self.regels[merk:]
            raise


_bundel: ContextVar[Bundel | None] = ContextVar("regie_tijdlijn_bundel", default=None)


@contextmanager
def gebundeld() -> Iterator[Bundel]:
    bundel = Bundel()
    token = _bundel.set(bundel)
    try:
        yield bundel
    finally:
        _bundel.reset(token)
    # Only when the block ended without an error: the entries' order is the order they were made.
    Gebeurtenis.objects.bulk_create(bundel.regels, batch_size=500)


def bewaar(gebeurtenis: Gebeurtenis) -> Gebeurtenis:
    """Store the entry now, or at the end of the bundle the caller works in."""
    bundel = _bundel.get()
    if bundel is None:
        gebeurtenis.save()
    else:
        bundel.regels.append(gebeurtenis)
    return gebeurtenis

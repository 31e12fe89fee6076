"""The stored deadlines of a case (`Inburgeraar.pip_termijn`, `einde_termijn`, `leerroute_termijn`,
`verlenging_vanaf`): the dates `termijnen_voor` computes with regie.wet.termijnen, kept as columns so
a worklist can filter, count and sort in the database (issue 10).

They depend only on the case's own dates, among them the dagtekening of its first own PIP (stored on
the case too, `dagtekening_eerste_eigen_pip`, so this app never reads regie.pip, which lies above it),
so they change only when those do: `Inburgeraar.save()` recomputes them (every service that changes a
date saves the case), `pip_vaststellen` after a new PIP (`termijnvelden_opslaan`), and
`termijnen_herberekenen` (a management command) rebuilds all of them and the first PIP's dagtekening
from the PIPs, e.g. after data was loaded around the services. Whether
a deadline has passed or is near depends on today and is never stored: the worklist compares these
dates with today in SQL (regie.werkvoorraad.voorwaarden)."""

from django.db.models import Min

from regie.wet.termijnen import Soort

VELD_PER_SOORT = {
    Soort.PIP_VASTSTELLEN: "pip_termijn",
    Soort.INBURGERINGSTERMIJN: "einde_termijn",
    Soort.LEERROUTE_WIJZIGEN: "leerroute_termijn",
    Soort.VERLENGING_AANVRAGEN_VANAF: "verlenging_vanaf",
}
EERSTE_PIP = "dagtekening_eerste_eigen_pip"


def berekende_termijnvelden(inburgeraar) -> dict:
    """{field: date or None} by regie.wet.termijnen, from the case's own (stored) dates."""
    from regie.inburgeraars.selectors import termijnen_voor

    uit = dict.fromkeys(VELD_PER_SOORT.values())
    for termijn in termijnen_voor(inburgeraar):
        uit[VELD_PER_SOORT[termijn.soort]] = termijn.datum
    return uit


def termijnvelden_zetten(inburgeraar) -> None:
    """Set the first PIP's dagtekening (read fresh over the reverse relation `pips`; nothing to read for
    a case not yet saved) and the stored deadlines on the instance (not saved)."""
    eerste = inburgeraar.pips.aggregate(d=Min("dagtekening"))["d"] if inburgeraar.pk else None
    setattr(inburgeraar, EERSTE_PIP, eerste)
    for veld, waarde in berekende_termijnvelden(inburgeraar).items():
        setattr(inburgeraar, veld, waarde)


def termijnvelden_opslaan(inburgeraar) -> None:
    """After a new PIP: store the first PIP's dagtekening and the deadlines now, without touching
    anything else of the case."""
    from regie.inburgeraars.models import Inburgeraar

    termijnvelden_zetten(inburgeraar)
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(
        **{veld: getattr(inburgeraar, veld) for veld in (EERSTE_PIP, *VELD_PER_SOORT.values())}
    )


def _in_stukken(qs, velden, grootte: int = 2000):
    """The cases of `qs` with `eerste_pip_berekend` (the first PIP's dagtekening from the PIPs), in
    pieces by primary key (keyset), so a rebuild of 150,000 cases neither holds them all in memory nor
    keeps a cursor open while it writes."""
    vanaf = 0
    while True:
        stuk = list(
            qs.filter(pk__gt=vanaf)
            .only("pk", *velden)
            .annotate(eerste_pip_berekend=Min("pips__dagtekening"))
            .order_by("pk")[:grootte]
        )
        if not stuk:
            return
        yield stuk
        vanaf = stuk[-1].pk


def _berekend(inburgeraar) -> dict:
    """{field: value} of what regie.wet and the PIPs make of the case; the instance gets the first
    PIP's dagtekening from the PIPs (the deadlines are computed from it)."""
    setattr(inburgeraar, EERSTE_PIP, inburgeraar.eerste_pip_berekend)
    return {EERSTE_PIP: inburgeraar.eerste_pip_berekend, **berekende_termijnvelden(inburgeraar)}


def afwijkingen(qs=None) -> list[tuple[int, str, object, object]]:
    """(pk, field, stored, computed) for every stored deadline (or first PIP's dagtekening) that
    differs from regie.wet and the PIPs."""
    from regie.inburgeraars.models import TERMIJN_INVOER, Inburgeraar

    qs = Inburgeraar.objects.all() if qs is None else qs
    uit = []
    for stuk in _in_stukken(qs, [*VELD_PER_SOORT.values(), *TERMIJN_INVOER]):
        for inburgeraar in stuk:
            opgeslagen = {veld: getattr(inburgeraar, veld) for veld in (EERSTE_PIP, *VELD_PER_SOORT.values())}
            for veld, waarde in _berekend(inburgeraar).items():
                if opgeslagen[veld] != waarde:
                    uit.append((inburgeraar.pk, veld, opgeslagen[veld], waarde))
    return uit


def herberekenen(qs=None) -> int:
    """Recompute the stored deadlines and first PIP's dagtekening of every case (or of `qs`); returns
    how many cases changed."""
    from regie.inburgeraars.models import TERMIJN_INVOER, Inburgeraar

    qs = Inburgeraar.objects.all() if qs is None else qs
    velden = [EERSTE_PIP, *VELD_PER_SOORT.values()]
    gewijzigd = 0
    for stuk in _in_stukken(qs, [*velden, *TERMIJN_INVOER]):
        anders = []
        for inburgeraar in stuk:
            opgeslagen = [getattr(inburgeraar, veld) for veld in velden]
            nieuw = _berekend(inburgeraar)
            if opgeslagen != [nieuw[veld] for veld in velden]:
                for veld, waarde in nieuw.items():
                    setattr(inburgeraar, veld, waarde)
                anders.append(inburgeraar)
        if anders:
            Inburgeraar.objects.bulk_update(anders, velden)
            gewijzigd += len(anders)
    return gewijzigd

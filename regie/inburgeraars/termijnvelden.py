"""The stored deadlines of a case (`Inburgeraar.pip_termijn`, `einde_termijn`, `leerroute_termijn`,
`verlenging_vanaf`): the dates `termijnen_voor` computes with regie.wet.termijnen, kept as columns so
a worklist can filter, count and sort in the database (issue 10).

They depend only on the case's own dates and on the dagtekening of its first PIP, so they change
only when those do: `Inburgeraar.save()` recomputes them (every service that changes a date saves
the case), `pip_vaststellen` after a new PIP (`termijnvelden_opslaan`), and `termijnen_herberekenen`
(a management command) rebuilds all of them, e.g. after data was loaded around the services. Whether
a deadline has passed or is near depends on today and is never stored: the worklist compares these
dates with today in SQL (regie.werkvoorraad.voorwaarden)."""

from django.db.models import Min, OuterRef, Subquery

from regie.wet.termijnen import Soort

VELD_PER_SOORT = {
    Soort.PIP_VASTSTELLEN: "pip_termijn",
    Soort.INBURGERINGSTERMIJN: "einde_termijn",
    Soort.LEERROUTE_WIJZIGEN: "leerroute_termijn",
    Soort.VERLENGING_AANVRAGEN_VANAF: "verlenging_vanaf",
}


def berekende_termijnvelden(inburgeraar) -> dict:
    """{field: date or None} by regie.wet.termijnen. Uses the annotation `eerste_eigen_pip` when the
    instance has one, otherwise asks the database (nothing to ask for a case not yet saved)."""
    from regie.inburgeraars.selectors import termijnen_voor

    if not hasattr(inburgeraar, "eerste_eigen_pip"):
        inburgeraar.eerste_eigen_pip = (
            inburgeraar.pips.aggregate(d=Min("dagtekening"))["d"] if inburgeraar.pk else None
        )
    uit = dict.fromkeys(VELD_PER_SOORT.values())
    for termijn in termijnen_voor(inburgeraar):
        uit[VELD_PER_SOORT[termijn.soort]] = termijn.datum
    return uit


def termijnvelden_zetten(inburgeraar) -> None:
    """Set the stored deadlines on the instance (not saved); the first PIP is read fresh."""
    if hasattr(inburgeraar, "eerste_eigen_pip"):
        del inburgeraar.eerste_eigen_pip
    for veld, waarde in berekende_termijnvelden(inburgeraar).items():
        setattr(inburgeraar, veld, waarde)


def termijnvelden_opslaan(inburgeraar) -> None:
    """Recompute and store them now (after a new PIP), without touching anything else of the case."""
    from regie.inburgeraars.models import Inburgeraar

    termijnvelden_zetten(inburgeraar)
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(
        **{veld: getattr(inburgeraar, veld) for veld in VELD_PER_SOORT.values()}
    )


def met_eerste_eigen_pip(qs):
    """Annotate `eerste_eigen_pip` as a subquery per case (no join that multiplies rows)."""
    from regie.pip.models import Pip

    return qs.annotate(
        eerste_eigen_pip=Subquery(
            Pip.objects.filter(inburgeraar=OuterRef("pk")).order_by("dagtekening").values("dagtekening")[:1]
        )
    )


def _in_stukken(qs, velden, grootte: int = 2000):
    """The cases of `qs` with `eerste_eigen_pip`, in pieces by primary key (keyset), so a rebuild of
    150,000 cases neither holds them all in memory nor keeps a cursor open while it writes."""
    vanaf = 0
    while True:
        stuk = list(
            met_eerste_eigen_pip(qs.filter(pk__gt=vanaf).only("pk", *velden)).order_by("pk")[:grootte]
        )
        if not stuk:
            return
        yield stuk
        vanaf = stuk[-1].pk


def afwijkingen(qs=None) -> list[tuple[int, str, object, object]]:
    """(pk, field, stored, computed) for every stored deadline that differs from regie.wet."""
    from regie.inburgeraars.models import TERMIJN_INVOER, Inburgeraar

    qs = Inburgeraar.objects.all() if qs is None else qs
    uit = []
    for stuk in _in_stukken(qs, [*VELD_PER_SOORT.values(), *TERMIJN_INVOER]):
        for inburgeraar in stuk:
            for veld, waarde in berekende_termijnvelden(inburgeraar).items():
                if getattr(inburgeraar, veld) != waarde:
                    uit.append((inburgeraar.pk, veld, getattr(inburgeraar, veld), waarde))
    return uit


def herberekenen(qs=None) -> int:
    """Recompute the stored deadlines of every case (or of `qs`); returns how many changed."""
    from regie.inburgeraars.models import TERMIJN_INVOER, Inburgeraar

    qs = Inburgeraar.objects.all() if qs is None else qs
    velden = list(VELD_PER_SOORT.values())
    gewijzigd = 0
    for stuk in _in_stukken(qs, [*velden, *TERMIJN_INVOER]):
        anders = []
        for inburgeraar in stuk:
            nieuw = berekende_termijnvelden(inburgeraar)
            if any(getattr(inburgeraar, veld) != waarde for veld, waarde in nieuw.items()):
                for veld, waarde in nieuw.items():
                    setattr(inburgeraar, veld, waarde)
                anders.append(inburgeraar)
        if anders:
            Inburgeraar.objects.bulk_update(anders, velden)
            gewijzigd += len(anders)
    return gewijzigd

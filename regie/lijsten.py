"""Helpers for lists that scale (issue 10)."""

from contextlib import contextmanager

from django.core.paginator import Paginator
from django.db import connections, transaction


def pagina_van(request, qs, per_pagina: int, *, aantal: int | None = None) -> dict:
    """One page of a list, cut in the database (a COUNT, or `aantal` when the caller already knows
    it, plus one page), with what the page navigation (werkvoorraad/_paginering.html) needs."""
    paginator = Paginator(qs, per_pagina, allow_empty_first_page=True)
    if aantal is not None:
        paginator.count = aantal
    pagina = paginator.get_page(request.GET.get("pagina") or 1)
    return {
        "pagina": pagina,
        "totaal": paginator.count,
        "paginanummers": list(paginator.get_elided_page_range(pagina.number, on_each_side=2)),
        "ellips": Paginator.ELLIPSIS,
    }


@contextmanager
def zonder_jit(using: str = "default"):
    """Run the queries inside without PostgreSQL's JIT compiler (`SET LOCAL jit = off`, only for this
    transaction; nothing on other databases).

    A list's counts evaluate many small expressions (the signals) per case. PostgreSQL estimates the
    cost of such a query in proportion to the number of cases and, above jit_above_cost (100,000,
    reached from about 18,000 cases), compiles every expression first: measured on the team counts
    that costs 1 to 6 seconds while the query itself takes tens of milliseconds
    (docs/prestaties-lijsten.md). The compiled code would pay off only for far longer queries."""
    verbinding = connections[using]
    if verbinding.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using):
        with verbinding.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield

"""Who the persons in the log are. The log names a person by internal id, uuid and municipality
and knows nothing of the cases themselves; the part of Regie that keeps the persons answers these
questions for it. Which part that is, is a setting (REGIE_VERWERKINGSLOG_PERSONEN, a module with
the three functions below: regie.inburgeraars.betrokkenen), as Django names its user model, so the
log sits below the accounts and the cases and every layer can write to it."""

import importlib
from functools import cache

from django.conf import settings

# A person concerned: (internal id, uuid, id of the case's municipality); uuid and municipality
# may be None until `aangevuld` looks them up.
Persoon = tuple[int, object, int | None]


@cache
def _bron():
    return importlib.import_module(settings.REGIE_VERWERKINGSLOG_PERSONEN)


def aanvullen(ids: list[int]) -> dict[int, tuple[object, int | None]]:
    """{internal id: (uuid, municipality id)} of these persons (one query)."""
    return _bron().aanvullen(ids)


def op_uuid(uuid) -> tuple[Persoon, int] | None:
    """The person with this uuid and the id of its case's organisation; None when there is no such
    person (or the uuid cannot be one)."""
    return _bron().op_uuid(uuid)


def uit_adres(uuid, *, huishouden: bool) -> list[Persoon]:
    """The person with this uuid (named by an address); with `huishouden` also its partner and
    whoever has it as partner."""
    return _bron().uit_adres(uuid, huishouden=huishouden)

"""Which organisation a background task works for, recorded when it is enqueued.

django-tasks-db's rows carry no organisation, so the page 'Achtergrondtaken' could not tell one
organisation's tasks from another's. Every enqueue sends django-tasks' `task_enqueued` signal, in
the same transaction as the new row; `vastleggen` then stores a `TaakOrganisatie`:

- for a task in `VAN_EERSTE_ARGUMENT`: the organisation of the object its first argument names
  (a DUO message, a DUO notice, a reconciliation run), so also a task enqueued without a user (a
  notice DUO sent) or by the worker belongs to the right organisation;
- else the organisation of the user it is enqueued for (regie.verwerkingslog.context: the signed-in
  user of the request, or the user of a `systeemcontext`);
- else none: the task works for the whole installation (only a superuser sees it).

A new task that runs in Regie's name belongs in VAN_EERSTE_ARGUMENT or in INSTALLATIEBREED;
regie/taken/tests/test_organisatie.py fails on a task in neither.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps

from regie.verwerkingslog.context import huidige_context

# Task path → (model, path from that model to the organisation's id); the first argument is its pk.
VAN_EERSTE_ARGUMENT: dict[str, tuple[str, str]] = {
    "regie.duo.uitgaand.berichten.verstuur_bericht": ("duo.UitgaandBericht", "gemeente__organisatie_id"),
    "regie.duo.inkomend.services.verwerk_notificatie": (
        "notificaties.Notificatie",
        "gemeente__organisatie_id",
    ),
    "regie.duo.inkomend.services.verwerk_gekoppeld": ("notificaties.Notificatie", "gemeente__organisatie_id"),
    "regie.duo.inkomend.afstemming.afstemming_uitvoeren": ("notificaties.Afstemming", "organisatie_id"),
}
# Tasks that work for no organisation in particular (none yet).
INSTALLATIEBREED: set[str] = set()

_BEKEND: ContextVar[int | None] = ContextVar("regie_taak_organisatie", default=None)


@contextmanager
def voor_organisatie(organisatie_id: int) -> Iterator[None]:
    """For a caller that has just stored the object a task in VAN_EERSTE_ARGUMENT is enqueued for
    and knows its organisation: the task is recorded for it without reading the object again (a
    DUO notice, thousands an hour). Only around that one enqueue."""
    token = _BEKEND.set(organisatie_id)
    try:
        yield
    finally:
        _BEKEND.reset(token)


def organisatie_van(task_path: str, args) -> int | None:
    """The id of the organisation a task with these arguments works for, or None."""
    if task_path in VAN_EERSTE_ARGUMENT and args:
        if (bekend := _BEKEND.get()) is not None:
            return bekend
        model, pad = VAN_EERSTE_ARGUMENT[task_path]
        return apps.get_model(model).objects.filter(pk=args[0]).values_list(pad, flat=True).first()
    if task_path in INSTALLATIEBREED:
        return None
    ctx = huidige_context()
    gebruiker = ctx.huidige_gebruiker if ctx is not None else None
    return getattr(gebruiker, "organisatie_id", None)


def vastleggen(sender, task_result, **kwargs) -> None:
    """Receiver of django_tasks.signals.task_enqueued (connected in TakenConfig.ready)."""
    from regie.taken.models import TaakOrganisatie

    organisatie_id = organisatie_van(task_result.task.module_path, task_result.args)
    if organisatie_id is not None:
        TaakOrganisatie.objects.create(taak_id=task_result.id, organisatie_id=organisatie_id)

"""Health for the orchestrator (Kubernetes probes, compose health checks, a load balancer).

`live`: the process answers; it touches nothing else, so a slow database never makes the
orchestrator restart healthy app processes. `klaar`: this process can serve requests: the
database answers, every migration is applied and the task queue's table can be read. The queue's
backlog is reported but does not make the app unready (that is the worker's problem, not a
reason to take the app out of the load balancer); alert on it through /metrics instead.

The answers hold no personal data and no error text: only what failed (the exception's class).
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Case, F, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

_migraties_bijgewerkt = False


def live() -> tuple[bool, dict]:
    return True, {"status": "ok"}


def _database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")


def _migraties() -> None:
    # Reading the migration graph costs time; once everything is applied it stays so for this
    # process (a newer release starts new processes).
    global _migraties_bijgewerkt
    if _migraties_bijgewerkt:
        return
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("niet alle migraties zijn uitgevoerd")
    _migraties_bijgewerkt = True


def wachtend(queue: str | None = None):
    """The tasks that are due and wait for a worker, each with `aan_de_beurt`: since when (the
    enqueue time, or the run_after of a task that was put off, e.g. a retry)."""
    taken = DBTaskResult.objects.ready()
    if queue is not None:
        taken = taken.filter(queue_name=queue)
    return taken.annotate(
        aan_de_beurt=Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    )


def oudste_wachtend_seconden(queue: str | None = None) -> float:
    oudste = wachtend(queue).order_by("aan_de_beurt").values_list("aan_de_beurt", flat=True).first()
    return max((timezone.now() - oudste).total_seconds(), 0) if oudste else 0


def wachtrij_stand() -> dict:
    """How many tasks are due and waiting, how long the oldest has waited and when a worker last
    started a task (seconds); django-tasks-db keeps no worker heartbeat, this is the nearest."""
    nu = timezone.now()
    laatste_start = DBTaskResult.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    return {
        "wachtend": wachtend().count(),
        "oudste_wachtend_seconden": round(oudste_wachtend_seconden()),
        "laatste_taak_gestart_seconden_geleden": round((nu - laatste_start).total_seconds())
        if laatste_start
        else None,
    }


def klaar() -> tuple[bool, dict]:
    controles = {}
    wachtrij = None
    for naam, controle in (("database", _database), ("migraties", _migraties), ("wachtrij", wachtrij_stand)):
        try:
            resultaat = controle()
        except Exception as exc:  # noqa: BLE001 - any failure means: not ready
            controles[naam] = f"fout ({type(exc).__name__})"
            if naam == "database":
                controles.update(migraties="niet gecontroleerd", wachtrij="niet gecontroleerd")
                break
            continue
        controles[naam] = "ok"
        if naam == "wachtrij":
            wachtrij = resultaat
    goed = all(waarde == "ok" for waarde in controles.values())
    antwoord = {"status": "ok" if goed else "fout", "controles": controles}
    if wachtrij is not None:
        antwoord["wachtrij"] = wachtrij
    return goed, antwoord

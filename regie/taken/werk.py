"""Running the background queue by hand: in tests and scripts where no separate `db_worker`
process is running.

Not `call_command("db_worker", "--batch")`: between tasks that command closes "old" database
connections, and Django counts a connection inside an open transaction (a test, or a caller's
atomic block) as unusable, so on PostgreSQL the caller's transaction would be lost. This loop uses
the same worker to run each task, without closing connections."""

from django.db import transaction
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def werk_taken_af() -> None:
    """Run every task that is due now, on every queue, in this process; returns when none is left."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    while True:
        with transaction.atomic():
            taak = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if taak is None:
                return
            taak.claim(worker.worker_id)
        worker.run_task(taak)

"""One queue worker for bench/notificaties.py: Django's `db_worker` command as production runs it
(`manage.py db_worker --queue-name duo`), in batch mode (it stops when the queue is empty), with
timers around the task and around each look-up at DUO (summed over the look-up threads) and the
process's CPU time, written as JSON to the file in argv[1].

The timers only measure: every task runs unchanged through django_tasks_db's Worker.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    from regie.duo.client import DuoClient

    tijden = {"taken": 0, "taak_s": 0.0, "opzoekingen": 0, "opzoeken_s": 0.0}

    def gemeten(functie, teller, som):
        def omhulsel(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return functie(*args, **kwargs)
            finally:
                tijden[som] += time.perf_counter() - begin
                tijden[teller] += 1

        return omhulsel

    DuoClient._verzoek = gemeten(DuoClient._verzoek, "opzoekingen", "opzoeken_s")
    db_worker.Worker.run_task = gemeten(db_worker.Worker.run_task, "taken", "taak_s")
    begin = time.perf_counter()
    call_command(
        "db_worker", "--batch", "--queue-name", "duo", "--no-startup-delay", "--no-reload", verbosity=0
    )
    tijden["werker_s"] = time.perf_counter() - begin
    # CPU seconds of the whole process (all its threads, start-up included): on a shared machine
    # the wall-clock figures vary with the load, this much less.
    tijden["cpu_s"] = time.process_time()
    Path(sys.argv[1]).write_text(json.dumps(tijden))


if __name__ == "__main__":
    main()

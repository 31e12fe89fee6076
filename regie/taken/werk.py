"""Running the background queue by hand: in tests, benchmarks and the demo's set-up, where no
separate `db_worker` process is running."""

from django.core.management import call_command


def werk_taken_af() -> None:
    """Run every task that is due now, on every queue, in this process; returns when none is left."""
    call_command(
        "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", "--no-reload", verbosity=0
    )

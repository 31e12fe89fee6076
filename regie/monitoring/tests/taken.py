"""A task for the tests: it records each run in a table of its own (made by the test that uses
it), so a test sees how often every task really ran, whichever worker ran it."""

import os

from django.db import connection
from django_tasks import task

TABEL = "monitoring_test_uitvoering"


@task()
def noteer(nummer: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABEL} (nummer, pid) VALUES (%s, %s)", [nummer, os.getpid()])  # noqa: S608

"""Reading and writing many rows at once: COPY on PostgreSQL, executemany elsewhere (SQLite in
the tests). Rows are tuples in the database's own representation, as a plain cursor reads them."""

from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection

BATCH = 2000


def lees_rijen(tabel: str, kolommen: list[str], volgorde: str) -> list[tuple]:
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(map(qn, kolommen))} FROM {qn(tabel)} ORDER BY {qn(volgorde)}")
        return cursor.fetchall()


def schrijf_rijen(tabel: str, kolommen: list[str], rijen: Iterable[tuple]) -> int:
    """Insert the rows without building model instances; returns how many."""
    qn = connection.ops.quote_name
    namen = ", ".join(map(qn, kolommen))
    aantal = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {qn(tabel)} ({namen}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij)
                    aantal += 1
            return aantal
        sql = f"INSERT INTO {qn(tabel)} ({namen}) VALUES ({', '.join(['%s'] * len(kolommen))})"
        batch = []
        for rij in rijen:
            batch.append(rij)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                aantal += len(batch)
                batch = []
        cursor.executemany(sql, batch)
        return aantal + len(batch)


@contextmanager
def zonder_triggers():
    """On PostgreSQL, as a superuser: no trigger per row while loading (what pg_restore
    --disable-triggers does). Django's foreign keys are checked by deferred triggers, one per row
    and key, all at COMMIT: for millions of rows that took longer than writing them. The rows
    are made consistent by construction; the tests check the keys (`check_constraints`)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        superuser = cursor.fetchone()[0]
        if superuser:
            cursor.execute("SET LOCAL session_replication_role = replica")
        yield
        if superuser:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")

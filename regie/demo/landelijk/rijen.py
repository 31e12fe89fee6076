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
def zonder_indexen(tabellen: list[str]):
    """On PostgreSQL: drop the indexes of these tables that back no constraint (the lookup
    indexes, not the primary keys and unique constraints) and build them again afterwards. Keeping
    five indexes up to date row by row while millions of rows arrive costs more than sorting each
    column once (CREATE INDEX). Inside the caller's transaction: on an error nothing is lost."""
    if connection.vendor != "postgresql" or not tabellen:
        yield
        return
    with connection.cursor() as cursor:
        _uitgestelde_controles(cursor)
        cursor.execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(%s::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """,
            [tabellen],
        )
        indexen = cursor.fetchall()
        for naam, _ in indexen:
            cursor.execute(f"DROP INDEX {naam}")
    yield
    with connection.cursor() as cursor:
        _uitgestelde_controles(cursor)
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definitie in indexen:
            cursor.execute(definitie)


def _uitgestelde_controles(cursor) -> None:
    """Run the foreign-key checks queued so far (PostgreSQL refuses to change an index while a
    table has queued trigger events), then defer again as Django does."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


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

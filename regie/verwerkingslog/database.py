"""Database triggers that keep the processing log append-only, also against raw SQL.

PostgreSQL: a trigger function refuses every DELETE and every UPDATE, except the one
UPDATE Django makes when a user account is removed (on_delete=SET_NULL of `gebruiker`:
only that column, to NULL). TRUNCATE (what `manage.py flush` and the test runner use to
empty a whole database) is not a row change and stays possible for the database owner.

SQLite: triggers with the same rule. SQLite has no TRUNCATE: `manage.py flush` runs
DELETE FROM on every table. Regie's own `flush` command (regie/verwerkingslog/management/
commands/flush.py) therefore opens the log for that one command through an SQL function
this module registers on every SQLite connection Django opens. A connection not opened by
Django (the sqlite3 shell) does not know the function, so its DELETE fails as well.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.backends.signals import connection_created

TABELLEN = ("verwerkingslog_verwerking", "verwerkingslog_betrokkene", "verwerkingslog_inburgeraaruuid")
FUNCTIE = "regie_verwerkingslog_leegmaken"
MELDING = "Het verwerkingslog kan niet worden gewijzigd of verwijderd, alleen aangevuld."

_leegmaken_toegestaan: ContextVar[bool] = ContextVar("regie_verwerkingslog_leegmaken", default=False)


@contextmanager
def hele_database_leegmaken():
    """Only for `manage.py flush` (the whole database emptied, as PostgreSQL's TRUNCATE)."""
    token = _leegmaken_toegestaan.set(True)
    try:
        yield
    finally:
        _leegmaken_toegestaan.reset(token)


def _sqlite_functie_toevoegen(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            FUNCTIE, 0, lambda: 1 if _leegmaken_toegestaan.get() else 0, deterministic=False
        )


def koppel_sqlite_functie() -> None:
    connection_created.connect(_sqlite_functie_toevoegen, dispatch_uid="regie_verwerkingslog_sqlite")


def _sqlite_triggers(schema_editor, tabel: str) -> list[str]:
    # Only the SET_NULL of gebruiker_id may change a row of the verwerking table: every other
    # column must stay the same. The columns are read from the table itself, so a column added
    # later is covered once a migration makes the triggers again (triggers_opnieuw).
    with schema_editor.connection.cursor() as cursor:
        kolommen = [
            k.name for k in schema_editor.connection.introspection.get_table_description(cursor, tabel)
        ]
    alleen_gebruiker_weg = " AND ".join(
        ["NEW.gebruiker_id IS NULL", "OLD.gebruiker_id IS NOT NULL"]
        + [f'NEW."{k}" IS OLD."{k}"' for k in kolommen if k != "gebruiker_id"]
    )
    update_toegestaan = alleen_gebruiker_weg if tabel == "verwerkingslog_verwerking" else "0"
    return [
        f"CREATE TRIGGER {tabel}_geen_update BEFORE UPDATE ON {tabel} "
        f"WHEN NOT ({update_toegestaan}) BEGIN SELECT RAISE(ABORT, '{MELDING}'); END",
        f"CREATE TRIGGER {tabel}_geen_delete BEFORE DELETE ON {tabel} "
        f"WHEN {FUNCTIE}() = 0 BEGIN SELECT RAISE(ABORT, '{MELDING}'); END",
    ]


_POSTGRESQL_FUNCTIE = f"""
CREATE OR REPLACE FUNCTION regie_verwerkingslog_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    -- Nested: PL/pgSQL does not promise to stop at the first false condition, and the rows of
    -- the other tables have no gebruiker_id.
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'verwerkingslog_verwerking' THEN
        IF (to_jsonb(NEW) ->> 'gebruiker_id') IS NULL AND (to_jsonb(OLD) ->> 'gebruiker_id') IS NOT NULL
           AND (to_jsonb(NEW) - 'gebruiker_id') = (to_jsonb(OLD) - 'gebruiker_id') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '{MELDING}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def _postgresql_triggers(tabel: str) -> list[str]:
    return [
        f"CREATE TRIGGER {tabel}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {tabel} "
        "FOR EACH ROW EXECUTE FUNCTION regie_verwerkingslog_alleen_toevoegen()",
    ]


def _bestaande_tabellen(schema_editor) -> list[str]:
    # A migration of before a table existed (0002 of before 0004) makes triggers only for the
    # tables it knew.
    with schema_editor.connection.cursor() as cursor:
        bestaand = set(schema_editor.connection.introspection.table_names(cursor))
    return [tabel for tabel in TABELLEN if tabel in bestaand]


def triggers_aanmaken(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    tabellen = _bestaande_tabellen(schema_editor)
    if vendor == "sqlite":
        statements = [s for tabel in tabellen for s in _sqlite_triggers(schema_editor, tabel)]
    elif vendor == "postgresql":
        statements = [_POSTGRESQL_FUNCTIE] + [s for tabel in tabellen for s in _postgresql_triggers(tabel)]
    else:
        raise NotImplementedError(f"Geen triggers voor het verwerkingslog op database '{vendor}'.")
    for statement in statements:
        schema_editor.execute(statement)


def triggers_opnieuw(apps, schema_editor) -> None:
    """After a migration added columns: the same triggers, made again for the new columns."""
    triggers_verwijderen(apps, schema_editor)
    triggers_aanmaken(apps, schema_editor)


def triggers_verwijderen(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for tabel in _bestaande_tabellen(schema_editor):
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_geen_update")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_geen_delete")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_alleen_toevoegen ON {tabel}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS regie_verwerkingslog_alleen_toevoegen()")

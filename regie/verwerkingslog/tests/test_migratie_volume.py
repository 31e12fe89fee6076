"""Migration 0004 moves the persons of every existing entry into the narrower table and their
uuids into InburgeraarUuid: none lost, and the log is append-only again afterwards (on SQLite
and on PostgreSQL)."""

import uuid

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

VOOR = ("verwerkingslog", "0003_betreft_organisatie_gemeente")
NA = ("verwerkingslog", "0004_compacte_betrokkenen")


def _migreer(naar):
    executor = MigrationExecutor(connection)
    executor.migrate([naar])
    return executor.loader.project_state([naar]).apps


@pytest.mark.django_db(transaction=True)
def test_de_migratie_neemt_alle_betrokkenen_mee():
    oud = _migreer(VOOR)
    try:
        Verwerking = oud.get_model("verwerkingslog", "Verwerking")
        Betrokkene = oud.get_model("verwerkingslog", "Betrokkene")
        regels = [
            Verwerking.objects.create(
                trace_id=f"{i:032x}", actie="lezen", kanaal="pagina", onderdeel="teamoverzicht", doel="d"
            )
            for i in range(3)
        ]
        verwacht = {
            (regel.pk, persoon, uuid.uuid5(uuid.NAMESPACE_OID, str(persoon)), 7 if persoon % 2 else None)
            for regel in regels
            for persoon in range(1, 40)
        }
        Betrokkene.objects.bulk_create(
            Betrokkene(verwerking_id=v, inburgeraar_id=p, inburgeraar_uuid=u, gemeente_id=g)
            for v, p, u, g in verwacht
        )
    finally:
        nieuw = _migreer(NA)

    Betrokkene = nieuw.get_model("verwerkingslog", "Betrokkene")
    uuids = dict(
        nieuw.get_model("verwerkingslog", "InburgeraarUuid").objects.values_list("inburgeraar_id", "uuid")
    )
    gevonden = {
        (v, p, uuids[p], g)
        for v, p, g in Betrokkene.objects.values_list("verwerking_id", "inburgeraar_id", "gemeente_id")
    }
    assert gevonden == verwacht
    assert len(uuids) == 39
    for tabel in ("verwerkingslog_betrokkene", "verwerkingslog_inburgeraaruuid"):
        with (
            pytest.raises(DatabaseError, match="alleen aangevuld"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(f"DELETE FROM {tabel}")
    assert Betrokkene.objects.count() == len(verwacht)

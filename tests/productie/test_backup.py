"""Backup and restore as docs/productie.md describes: pg_dump in custom format of a database with
the demo, pg_restore into a new database, and every row is back, with the processing log still
append-only (its triggers and function come along in the dump)."""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from regie.inburgeraars.models import Inburgeraar
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log
from regie.verwerkingslog.database import MELDING
from regie.verwerkingslog.models import Betrokkene, InburgeraarUuid, Verwerking
from tests.productie.conftest import database_url

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def _verbinding(naam: str) -> psycopg.Connection:
    instellingen = connection.settings_dict
    return psycopg.connect(
        host=instellingen["HOST"] or None,
        port=instellingen["PORT"] or None,
        user=instellingen["USER"] or None,
        password=instellingen["PASSWORD"] or None,
        dbname=naam,
        autocommit=True,
    )


def _client_args() -> list[str]:
    instellingen = connection.settings_dict
    args = []
    if instellingen["HOST"]:
        args += ["-h", instellingen["HOST"]]
    if instellingen["PORT"]:
        args += ["-p", str(instellingen["PORT"])]
    if instellingen["USER"]:
        args += ["-U", instellingen["USER"]]
    return args


def _stand(naam: str) -> dict[str, tuple[int, str]]:
    """Per table of the database: number of rows and an MD5 over all rows in key order."""
    with _verbinding(naam) as db:
        tabellen = [
            r[0]
            for r in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        stand = {}
        for tabel in tabellen:
            # Every row as text, sorted by that text: the same rows give the same sum, whatever
            # the key or physical order after the restore.
            stand[tabel] = db.execute(
                f"SELECT count(*), md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) "  # noqa: S608
                f'FROM (SELECT t::text AS r FROM "{tabel}" t) rijen'
            ).fetchone()
    return stand


@pytest.fixture
def demo(settings):
    settings.DEMO = True
    call_command("seed_demo", scale=0.05, verbosity=0)
    # Also a change to a case, so the log has rows with a person (betrokkenen).
    inburgeraar = Inburgeraar.objects.exclude(consulent=None).first()
    log.gewijzigd(
        inburgeraar=inburgeraar,
        door=inburgeraar.consulent,
        onderdeel="dossier",
        velden={"telefoon": ["1", "2"]},
    )


@pytest.fixture
def nieuwe_database(pg_bin):
    naam = f"{connection.settings_dict['NAME']}_hersteld"
    subprocess.run([pg_bin / "dropdb", *_client_args(), "--if-exists", naam], check=True)
    yield naam
    subprocess.run([pg_bin / "dropdb", *_client_args(), "--if-exists", naam], check=True)


def test_dump_en_herstel_brengen_alles_terug(demo, nieuwe_database, pg_bin, tmp_path):
    assert Inburgeraar.objects.count() > 10
    assert Gebeurtenis.objects.count() > 10
    assert Verwerking.objects.count() > 0 and Betrokkene.objects.count() > 0
    bron = connection.settings_dict["NAME"]
    dump = tmp_path / "regie.dump"

    # The procedure of docs/productie.md.
    subprocess.run([pg_bin / "pg_dump", *_client_args(), "-Fc", "-d", bron, "-f", dump], check=True)
    subprocess.run([pg_bin / "createdb", *_client_args(), nieuwe_database], check=True)
    subprocess.run(
        [
            pg_bin / "pg_restore",
            *_client_args(),
            "--exit-on-error",
            "--no-owner",
            "-d",
            nieuwe_database,
            dump,
        ],
        check=True,
    )

    voor, na = _stand(bron), _stand(nieuwe_database)
    assert na == voor
    for tabel, model in [
        ("inburgeraars_inburgeraar", Inburgeraar),
        ("tijdlijn_gebeurtenis", Gebeurtenis),
        ("verwerkingslog_verwerking", Verwerking),
        ("verwerkingslog_betrokkene", Betrokkene),
        ("verwerkingslog_inburgeraaruuid", InburgeraarUuid),
    ]:
        assert na[tabel][0] == model.objects.count()

    with _verbinding(nieuwe_database) as db:
        for opdracht in [
            "UPDATE verwerkingslog_verwerking SET onderdeel = 'vervalst'",
            "DELETE FROM verwerkingslog_verwerking",
            "UPDATE verwerkingslog_betrokkene SET gemeente_id = NULL",
            "DELETE FROM verwerkingslog_betrokkene",
            "UPDATE verwerkingslog_inburgeraaruuid SET uuid = gen_random_uuid()",
            "DELETE FROM verwerkingslog_inburgeraaruuid",
        ]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match=MELDING):
                db.execute(opdracht)
    assert _stand(nieuwe_database) == voor

    # Regie itself finds the restored database complete: no migration left to do.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "regie.settings_test"}
    env["REGIE_DATABASE_URL"] = database_url(nieuwe_database)
    migreren = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--no-input"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert migreren.returncode == 0, migreren.stdout + migreren.stderr

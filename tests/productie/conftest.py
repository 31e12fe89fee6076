"""Tests of the production set-up that need a real PostgreSQL server (marker `postgresql`):
several processes on one database, pg_dump and pg_restore. On SQLite they are deselected, not
skipped: scripts/test.sh runs them in its PostgreSQL run."""

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection


def pytest_collection_modifyitems(config, items):
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    weg = [item for item in items if item.get_closest_marker("postgresql")]
    if weg:
        config.hook.pytest_deselected(items=weg)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


def database_url(naam: str | None = None) -> str:
    """The URL of the test database (or another on the same server) for REGIE_DATABASE_URL."""
    instellingen = connection.settings_dict
    gebruiker = quote(instellingen["USER"] or "", safe="")
    if instellingen["PASSWORD"]:
        gebruiker += ":" + quote(instellingen["PASSWORD"], safe="")
    host = quote(instellingen["HOST"] or "", safe="")
    return f"postgres://{gebruiker}@{host}:{instellingen['PORT'] or 5432}/{naam or instellingen['NAME']}"


@pytest.fixture
def pg_bin() -> Path:
    """The directory of the PostgreSQL client programs (pg_dump, pg_restore, createdb) that
    match the server best: Debian keeps them per version under /usr/lib/postgresql."""
    for kandidaat in sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    ):
        if (kandidaat / "pg_dump").exists():
            return kandidaat
    gevonden = shutil.which("pg_dump")
    assert gevonden, "pg_dump niet gevonden: installeer PostgreSQL (make install-test)"
    return Path(gevonden).parent

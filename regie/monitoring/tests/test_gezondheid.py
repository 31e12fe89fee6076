"""The health endpoints: answered without login, host name or HTTPS, with no personal data."""

import json

import pytest
from django.db import connection
from django.test import override_settings

from regie.monitoring import gezondheid
from regie.verwerkingslog.models import Verwerking


@pytest.fixture
def productie(settings):
    """As in production: only the real host name allowed, plain HTTP redirected to HTTPS."""
    settings.ALLOWED_HOSTS = ["regie.example.nl"]
    settings.SECURE_SSL_REDIRECT = True


def test_live_antwoordt_zonder_database(client, productie):
    # No django_db mark: a query would fail the test.
    antwoord = client.get("/gezondheid/live", HTTP_HOST="10.0.0.7:8000")
    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok"}


@pytest.mark.django_db
def test_klaar_controleert_database_migraties_en_wachtrij(client, productie, monkeypatch):
    monkeypatch.setattr(gezondheid, "_migraties_bijgewerkt", False)
    antwoord = client.get("/gezondheid/klaar", HTTP_HOST="10.0.0.7:8000")
    assert antwoord.status_code == 200
    inhoud = antwoord.json()
    assert inhoud["status"] == "ok"
    assert inhoud["controles"] == {"database": "ok", "migraties": "ok", "wachtrij": "ok"}
    assert inhoud["wachtrij"]["wachtend"] == 0
    assert antwoord["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_klaar_meldt_een_wachtende_taak(client):
    from regie.monitoring.tests.taken import noteer

    noteer.enqueue(1)
    assert client.get("/gezondheid/klaar").json()["wachtrij"]["wachtend"] == 1


@pytest.mark.django_db
def test_klaar_is_503_zonder_database(client, monkeypatch):
    def kapot():
        raise ConnectionError("database weg: wachtwoord=geheim")

    monkeypatch.setattr(gezondheid, "_database", kapot)
    antwoord = client.get("/gezondheid/klaar")
    assert antwoord.status_code == 503
    assert antwoord.json() == {
        "status": "fout",
        "controles": {
            "database": "fout (ConnectionError)",
            "migraties": "niet gecontroleerd",
            "wachtrij": "niet gecontroleerd",
        },
    }
    assert "geheim" not in antwoord.content.decode()


@pytest.mark.django_db
def test_klaar_is_503_met_een_migratie_die_nog_moet(client, monkeypatch):
    monkeypatch.setattr(gezondheid, "_migraties_bijgewerkt", False)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'taken'")
    antwoord = client.get("/gezondheid/klaar")
    assert antwoord.status_code == 503
    assert json.loads(antwoord.content)["controles"]["migraties"] == "fout (RuntimeError)"


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["regie.example.nl"])
def test_gezondheid_schrijft_niets_in_het_verwerkingslog(client, consulent):
    client.force_login(consulent)
    voor = Verwerking.objects.count()
    client.get("/gezondheid/klaar", HTTP_HOST="10.0.0.7")
    assert Verwerking.objects.count() == voor

"""/metrics: Prometheus text format, only with the token, with requests, queue and notices."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from regie.monitoring.tests.taken import noteer

TOKEN = "metrics-token-voor-de-test"


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.ALLOWED_HOSTS = ["testserver"]  # Prometheus asks by the pod's address: not allowed


def _waarden(antwoord) -> dict:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for familie in text_string_to_metric_families(antwoord.content.decode())
        for sample in familie.samples
    }


def test_zonder_token_instelling_bestaat_metrics_niet(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.parametrize("kop", [None, "Bearer fout", f"Token {TOKEN}x"])
def test_zonder_het_juiste_token_geen_metrics(client, token, kop):
    extra = {"HTTP_AUTHORIZATION": kop} if kop else {}
    antwoord = client.get("/metrics", HTTP_HOST="10.0.0.7", **extra)
    assert antwoord.status_code == 401
    assert antwoord["WWW-Authenticate"].startswith("Bearer")
    assert b"regie_" not in antwoord.content


@pytest.mark.django_db
def test_metrics_tellen_verzoeken_wachtrij_en_meldingen(client, token, consulent):
    client.force_login(consulent)
    client.get("/werkvoorraad/")
    client.get("/bestaat-niet/")
    noteer.enqueue(1)
    noteer.enqueue(2)
    antwoord = client.get("/metrics", HTTP_HOST="10.0.0.7:8000", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/plain; version=0.0.4")
    waarden = _waarden(antwoord)
    werkvoorraad = (("method", "GET"), ("status", "200"), ("view", "werkvoorraad:mijn"))
    assert waarden[("regie_http_requests_total", werkvoorraad)] >= 1
    assert (
        waarden[("regie_http_requests_total", (("method", "GET"), ("status", "404"), ("view", "onbekend")))]
        >= 1
    )
    assert waarden[("regie_http_request_duration_seconds_count", (("view", "werkvoorraad:mijn"),))] >= 1
    assert waarden[("regie_taken", (("queue", "default"), ("status", "READY")))] == 2
    assert ("regie_taken_oudste_wachtend_seconden", (("queue", "default"),)) in waarden
    assert (
        any(naam == "regie_duo_notificaties" for naam, _ in waarden)
        or "regie_duo_notificaties" in antwoord.content.decode()
    )


@pytest.mark.django_db
def test_een_vreemde_methode_maakt_geen_nieuwe_reeks(client, token):
    client.generic("BLAFFEN", "/gezondheid/niets")
    antwoord = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert "BLAFFEN" not in antwoord.content.decode()
    assert 'method="overig"' in antwoord.content.decode()

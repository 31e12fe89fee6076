"""One trace id per request: in the response header, in every log line and in the processing log."""

import json
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from regie.monitoring.trace import TraceIdFilter
from regie.verwerkingslog.models import Verwerking

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


def test_zonder_kop_een_nieuwe_trace_id_per_verzoek(client):
    een = client.get("/gezondheid/live")["X-Request-ID"]
    twee = client.get("/gezondheid/live")["X-Request-ID"]
    assert len(een) == 32 and int(een, 16) >= 0
    assert een != twee


@pytest.mark.parametrize(
    "kop",
    [
        {"HTTP_TRACEPARENT": f"00-{TRACE}-00f067aa0ba902b7-01"},
        {"HTTP_X_REQUEST_ID": TRACE},
        {"HTTP_X_REQUEST_ID": "4BF92F35-77B3-4DA6-A3CE-929D0E0E4736"},
    ],
)
def test_de_trace_id_van_de_proxy_wordt_overgenomen(client, kop):
    assert client.get("/gezondheid/live", **kop)["X-Request-ID"] == TRACE


def test_een_ongeldige_request_id_wordt_niet_overgenomen(client):
    antwoord = client.get("/gezondheid/live", HTTP_X_REQUEST_ID="<script>\n")
    assert antwoord["X-Request-ID"] != "<script>" and len(antwoord["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_elke_logregel_en_het_verwerkingslog_dragen_de_trace_id(client, consulent, inburgeraar, caplog):
    client.force_login(consulent)
    caplog.handler.addFilter(TraceIdFilter())
    with caplog.at_level(logging.INFO):
        logging.getLogger("regie.test").info("tijdens het verzoek")
        caplog.clear()
        antwoord = client.get(
            reverse("inburgeraars:dossier", args=[inburgeraar.uuid]), HTTP_X_REQUEST_ID=TRACE
        )
        # Django logs a 404 after the middleware chain: that line belongs to the request too.
        client.get("/bestaat-niet/", HTTP_X_REQUEST_ID=TRACE)
    assert antwoord["X-Request-ID"] == TRACE
    assert Verwerking.objects.filter(trace_id=TRACE).exists()
    regels = [r for r in caplog.records if r.name == "django.request"]
    assert regels and all(r.trace_id == TRACE for r in regels)
    logging.getLogger("regie.test").info("na het verzoek")
    assert caplog.records[-1].trace_id == ""


def test_json_formaat_geeft_een_object_per_regel_met_trace_id():
    """Through the real settings, in a fresh process: the LOGGING of REGIE_LOG_FORMAAT=json."""
    script = (
        "import django, logging; django.setup();"
        "from regie.monitoring.trace import zet_trace_id;"
        f"zet_trace_id('{TRACE}');"
        "logging.getLogger('regie.test').warning('iets %s', 'gebeurd',"
        " extra={'request': '/zoeken?naam=Jansen', 'status_code': 404})"
    )
    env = {**os.environ, "REGIE_LOG_FORMAAT": "json", "DJANGO_SETTINGS_MODULE": "regie.settings_test"}
    uitvoer = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    regel = json.loads(uitvoer.stderr.strip().splitlines()[-1])
    assert regel["bericht"] == "iets gebeurd"
    assert regel["niveau"] == "WARNING"
    assert regel["logger"] == "regie.test"
    assert regel["trace_id"] == TRACE
    assert regel["status_code"] == 404
    assert "request" not in regel and "Jansen" not in uitvoer.stderr
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", regel["tijd"])


def test_een_onbekend_logformaat_start_niet():
    env = {**os.environ, "REGIE_LOG_FORMAAT": "xml", "DJANGO_SETTINGS_MODULE": "regie.settings_test"}
    uitvoer = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert uitvoer.returncode != 0
    assert "REGIE_LOG_FORMAAT moet 'tekst' of 'json' zijn" in uitvoer.stderr

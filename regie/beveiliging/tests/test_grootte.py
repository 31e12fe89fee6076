"""Size limits on what Regie receives (issue 9): CSV files (REGIE_MAX_UPLOAD_MB) and JSON bodies
and form data (REGIE_MAX_JSON_KB). Too big: a Dutch message (413 problem+json in the API, DUO's
Foutmelding for its notices, a form error or a Dutch page on the pages) and nothing is stored."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import ApiToken
from regie.accounts.tokens import maak_api_token
from regie.coa.models import CoaImport
from regie.duo.inkomend.models import Notificatie
from regie.duo.tests.inkomend.conftest import GEHEIM, melding, stuur
from regie.inburgeraars.models import Inburgeraar
from regie.voortgang.models import CsvUpload, Weekrapportage
from regie.voortgang.tests.conftest import gestarte_verwijzing

KLEIN = 4 * 1024  # the limits in these tests: small files are enough to go over them


@pytest.fixture
def verwijzing(inburgeraar, consulent, taalschool, medewerker_taalschool):
    return gestarte_verwijzing(
        inburgeraar,
        consulent,
        ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE),
        medewerker_taalschool,
    )


@pytest.fixture(autouse=True)
def _kleine_grenzen(settings):
    settings.MAX_UPLOAD_BYTES = KLEIN
    settings.MAX_JSON_BYTES = KLEIN
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = KLEIN


def probleem_413(antwoord) -> str:
    assert antwoord.status_code == 413, antwoord.content
    assert antwoord["Content-Type"] == "application/problem+json"
    inhoud = antwoord.json()
    assert inhoud["status"] == 413 and inhoud["type"].endswith("/problemen/te-groot")
    return inhoud["detail"]


def test_api_json_te_groot(client, consulent, dronten):
    _, sleutel = maak_api_token(user=consulent)
    body = json.dumps({"voornamen": "x" * (KLEIN + 1), "geslachtsnaam": "Te Groot"})
    antwoord = client.post(
        "/api/v1/inburgeraars", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {sleutel}"
    )
    assert "groter dan 4 kB" in probleem_413(antwoord)
    assert not Inburgeraar.objects.exists()


def test_api_csv_te_groot(client, medewerker_taalschool, verwijzing):
    _, sleutel = maak_api_token(user=medewerker_taalschool)
    regel = f"{verwijzing.inburgeraar.bsn};16-11-2026;12;10;2;0;0\n"
    inhoud = (
        "bsn;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd\n"
        + regel * 200
    ).encode()
    assert len(inhoud) > KLEIN
    antwoord = client.post(
        "/api/v1/weekrapportages/upload",
        inhoud,
        content_type="text/csv",
        HTTP_AUTHORIZATION=f"Token {sleutel}",
    )
    assert "Splits het bestand" in probleem_413(antwoord)
    assert not Weekrapportage.objects.exists() and not CsvUpload.objects.exists()


def test_duo_melding_te_groot(client, dronten, settings):
    settings.DUO_NOTIFICATIE_SECRET = GEHEIM
    body = {**melding("111222333", "SS101"), "opvulling": "x" * KLEIN}
    antwoord = stuur(client, dronten.oin, body)
    assert antwoord.status_code == 413
    assert "te groot" in json.loads(antwoord.content)["fouttekst"]
    assert antwoord["API-Version"] == "1.8.0"
    assert not Notificatie.objects.exists()


def test_csv_op_de_pagina_te_groot_geeft_een_melding_bij_het_veld(client, medewerker_taalschool, verwijzing):
    client.force_login(medewerker_taalschool)
    bestand = SimpleUploadedFile("week.csv", b"bsn;week\n" + b"123456782;2026-W47\n" * 400, "text/csv")
    antwoord = client.post(reverse("portaal:upload"), {"bestand": bestand})
    assert antwoord.status_code == 200
    assert "Het bestand is groter dan 4 kB" in antwoord.content.decode()
    assert not CsvUpload.objects.exists()


def test_coa_bestand_te_groot_geeft_een_melding_bij_het_veld(client, consulent):
    client.force_login(consulent)
    bestand = SimpleUploadedFile("coa.csv", b"huishouden;rol;bsn\n" + b"H1;hoofd;123456782\n" * 400)
    antwoord = client.post(reverse("coa:imports"), {"bestand": bestand})
    assert antwoord.status_code in (200, 400)
    assert "Het bestand is groter dan 4 kB" in antwoord.content.decode()
    assert not CoaImport.objects.exists()


def test_te_veel_formuliergegevens_geeft_een_nederlandse_pagina(client, consulent):
    client.force_login(consulent)
    antwoord = client.post(reverse("accounts:tokens"), {"naam": "x" * (KLEIN + 1)})
    assert antwoord.status_code == 413
    tekst = antwoord.content.decode()
    assert "te groot" in tekst and "<html" in tekst
    assert not ApiToken.objects.exists()


def test_een_heel_groot_bestand_wordt_niet_eerst_helemaal_ontvangen(client, medewerker_taalschool):
    client.force_login(medewerker_taalschool)
    bestand = SimpleUploadedFile("groot.csv", b"x" * (3 * KLEIN), "text/csv")
    antwoord = client.post(reverse("portaal:upload"), {"bestand": bestand})
    assert antwoord.status_code == 413
    assert "te groot" in antwoord.content.decode()
    assert not CsvUpload.objects.exists()

"""The municipality's side of DUO's Notificatie API (regie/duo/specs/Notificatie/openapi.yml 1.8.0):
headers, sender authentication, body validation, answers with a Foutmelding and API-Version."""

import json
import uuid

import pytest

from regie.notificaties.models import Notificatie, Status
from regie.notificaties.tests.conftest import melding, stuur

pytestmark = pytest.mark.django_db

BSN = "111222333"


def _fout(antwoord) -> str:
    assert antwoord["Content-Type"] == "application/json"
    return json.loads(antwoord.content)["fouttekst"]


def test_geldige_melding_wordt_opgeslagen_met_201(client, dronten, django_capture_on_commit_callbacks):
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), bericht_id="0b6c8e0e-6b0a-4a8e-9d7c-3f0f6b9d2a11"
    )
    assert antwoord.status_code == 201
    assert antwoord["API-Version"] == "1.8.0"
    n = Notificatie.objects.get()
    assert (n.bericht_id, n.bsn, n.gebeurtenis_id, n.gemeente, n.status) == (
        "0b6c8e0e-6b0a-4a8e-9d7c-3f0f6b9d2a11",
        BSN,
        "SS101",
        dronten,
        Status.ONTVANGEN,
    )
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(task_path__endswith="verwerk_notificatie").count() == 1


def test_zelfde_berichtid_nogmaals_geeft_201_en_niets_nieuws(client, dronten):
    bericht_id = str(uuid.uuid4())
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
    from django_tasks_db.models import DBTaskResult

    assert Notificatie.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_zonder_handtekening_of_certificaat_401(client, dronten):
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), ondertekend=False)
    assert antwoord.status_code == 401
    assert antwoord["API-Version"] == "1.8.0"
    assert "niet geauthenticeerd" in _fout(antwoord)
    assert not Notificatie.objects.exists()


def test_verkeerde_handtekening_401(client, dronten):
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), ondertekend=False, **{"X-Duo-Signature": "sha256=00ff"}
    )
    assert antwoord.status_code == 401
    assert "handtekening" in _fout(antwoord)
    assert not Notificatie.objects.exists()


def test_handtekening_over_andere_inhoud_401(client, dronten):
    from django.conf import settings

    from regie.notificaties.ontvangst import onderteken

    andere = onderteken(json.dumps(melding("999999999", "SS101")).encode(), settings.DUO_NOTIFICATIE_SECRET)
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS111"), ondertekend=False, **{"X-Duo-Signature": andere}
    )
    assert antwoord.status_code == 401


def test_zonder_geheim_in_de_instellingen_telt_een_handtekening_niet(client, dronten, settings):
    settings.DUO_NOTIFICATIE_SECRET = ""
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), ondertekend=False, **{"X-Duo-Signature": "sha256="}
    )
    assert antwoord.status_code == 401


def test_certificaat_oin_van_duo_via_proxy_volstaat(client, dronten, settings):
    antwoord = stuur(
        client,
        dronten.oin,
        melding(BSN, "SS101"),
        ondertekend=False,
        **{"X-Client-Cert-OIN": settings.DUO_OIN},
    )
    assert antwoord.status_code == 201


def test_certificaat_van_een_ander_401(client, dronten):
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), ondertekend=False, **{"X-Client-Cert-OIN": "0" * 20}
    )
    assert antwoord.status_code == 401
    assert "certificaat" in _fout(antwoord)


def test_certificaatkop_telt_niet_als_die_niet_is_ingesteld(client, dronten, settings):
    settings.DUO_NOTIFICATIE_CERT_HEADER = ""
    antwoord = stuur(
        client,
        dronten.oin,
        melding(BSN, "SS101"),
        ondertekend=False,
        **{"X-Client-Cert-OIN": settings.DUO_OIN},
    )
    assert antwoord.status_code == 401


def test_bron_niet_duo_403(client, dronten):
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), bron="12345678901234567890")
    assert antwoord.status_code == 403
    assert "bron" in _fout(antwoord)
    assert not Notificatie.objects.exists()


def test_doel_geen_gemeente_van_regie_403(client, dronten):
    antwoord = stuur(client, "98765432109876543210", melding(BSN, "SS101"))
    assert antwoord.status_code == 403
    assert "doel" in _fout(antwoord)
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize(
    ("kop", "waarde", "tekst"),
    [
        ("berichtId", "", "berichtId ontbreekt"),
        ("berichtId", "geen-uuid", "UUID"),
        ("doel", "123", "20 cijfers"),
        ("bron", "", "bron ontbreekt"),
    ],
)
def test_ontbrekende_of_verkeerde_kop_400(client, dronten, kop, waarde, tekst):
    if kop == "doel":
        antwoord = stuur(client, waarde, melding(BSN, "SS101"))
    else:
        antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), **{kop: waarde})
    assert antwoord.status_code == 400
    assert tekst in _fout(antwoord)
    assert antwoord["API-Version"] == "1.8.0"
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize(
    ("body", "tekst"),
    [
        (b"{geen json", "geen geldige JSON"),
        ({"bsn": BSN, "gebeurtenisId": "SS101"}, "registratieDatumTijd ontbreekt"),
        ({"registratieDatumTijd": "2026-11-20T10:00:00Z", "bsn": BSN}, "gebeurtenisId ontbreekt"),
        (melding("12345", "SS101"), "bsn"),
        (melding(BSN, "ss-101"), "gebeurtenisId"),
        ({**melding(BSN, "SS101"), "registratieDatumTijd": "gisteren"}, "datum en tijd"),
        ({**melding(BSN, "SS101"), "vNummer": -1}, "vNummer"),
        ([melding(BSN, "SS101")], "type object"),
    ],
)
def test_ongeldige_inhoud_400(client, dronten, body, tekst):
    antwoord = stuur(client, dronten.oin, body)
    assert antwoord.status_code == 400
    assert tekst in _fout(antwoord)
    assert len(_fout(antwoord)) <= 200  # Foutmelding.fouttekst maxLength
    assert not Notificatie.objects.exists()


def test_get_405_met_api_version(client):
    antwoord = client.get("/duo/v1/notificaties")
    assert antwoord.status_code == 405
    assert antwoord["API-Version"] == "1.8.0"


def test_sessie_en_csrf_spelen_geen_rol(dronten, consulent):
    """A browser session gives no access: only DUO's certificate or signature counts."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(consulent)
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), ondertekend=False).status_code == 401
    assert stuur(client, dronten.oin, melding(BSN, "SS101")).status_code == 201

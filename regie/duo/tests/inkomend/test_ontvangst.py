"""The municipality's side of DUO's Notificatie API (regie/duo/specs/Notificatie/openapi.yml 1.8.0):
headers, sender authentication, body validation, answers with a Foutmelding and API-Version."""

import hashlib
import hmac
import ipaddress
import json
import logging
import time
import uuid

import pytest

from regie.duo.inkomend.models import GeweigerdeMelding, Notificatie, Status
from regie.duo.tests.inkomend.conftest import melding, stuur

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
    from regie.duo.tests.inkomend.conftest import koppen

    andere = koppen(dronten.oin, body=json.dumps(melding("999999999", "SS101")).encode())
    antwoord = stuur(
        client,
        dronten.oin,
        melding(BSN, "SS111"),
        ondertekend=False,
        **{k: andere[k] for k in ("berichtId", "X-Duo-Timestamp", "X-Duo-Signature")},
    )
    assert antwoord.status_code == 401
    assert not Notificatie.objects.exists()


def test_zonder_geheim_in_de_instellingen_telt_een_handtekening_niet(client, dronten, settings):
    settings.DUO_NOTIFICATIE_SECRET = ""
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), ondertekend=False, **{"X-Duo-Signature": "sha256="}
    )
    assert antwoord.status_code == 401


# --- The proxy's certificate header: only from the proxy's own address ------------------------


def met_certificaat(client, gemeente, *, adres: str, oin: str):
    """An unsigned notice from `adres` with the client certificate's OIN in the proxy's header."""
    return stuur(
        client,
        gemeente.oin,
        melding(BSN, "SS101"),
        ondertekend=False,
        remote_addr=adres,
        **{"X-Client-Cert-OIN": oin},
    )


@pytest.fixture
def proxy(settings):
    """Regie behind a reverse proxy at 10.0.0.7 (REGIE_DUO_PROXY_ADRESSEN=10.0.0.0/24)."""
    settings.DUO_PROXY_ADRESSEN = [ipaddress.ip_network("10.0.0.0/24")]
    return "10.0.0.7"


def test_certificaat_oin_van_duo_via_proxy_volstaat(client, dronten, settings, proxy):
    antwoord = met_certificaat(client, dronten, adres=proxy, oin=settings.DUO_OIN)
    assert antwoord.status_code == 201


def test_proxy_adres_als_ipv4_in_ipv6(client, dronten, settings, proxy):
    antwoord = met_certificaat(client, dronten, adres="::ffff:10.0.0.7", oin=settings.DUO_OIN)
    assert antwoord.status_code == 201


def test_certificaat_van_een_ander_401(client, dronten, proxy):
    antwoord = met_certificaat(client, dronten, adres=proxy, oin="0" * 20)
    assert antwoord.status_code == 401
    assert "certificaat" in _fout(antwoord)


def test_certificaatkop_telt_niet_als_die_niet_is_ingesteld(client, dronten, settings, proxy):
    settings.DUO_NOTIFICATIE_CERT_HEADER = ""
    antwoord = met_certificaat(client, dronten, adres=proxy, oin=settings.DUO_OIN)
    assert antwoord.status_code == 401


def test_certificaatkop_van_een_ander_adres_dan_de_proxy_telt_niet(client, dronten, settings, proxy):
    antwoord = met_certificaat(client, dronten, adres="10.0.1.7", oin=settings.DUO_OIN)
    assert antwoord.status_code == 401
    assert "alleen van de proxy" in _fout(antwoord)
    assert not Notificatie.objects.exists()


def test_certificaatkop_telt_niet_zonder_proxyadressen(client, dronten, settings):
    assert settings.DUO_PROXY_ADRESSEN == []  # the default: the header is never trusted
    antwoord = stuur(
        client,
        dronten.oin,
        melding(BSN, "SS101"),
        ondertekend=False,
        **{"X-Client-Cert-OIN": settings.DUO_OIN},
    )
    assert antwoord.status_code == 401
    assert not Notificatie.objects.exists()


def test_van_een_ander_adres_geldt_de_handtekening(client, dronten, settings, proxy):
    """The header is ignored, not a reason to refuse: a signed notice still counts."""
    antwoord = stuur(
        client, dronten.oin, melding(BSN, "SS101"), remote_addr="10.0.1.7", **{"X-Client-Cert-OIN": "0" * 20}
    )
    assert antwoord.status_code == 201


# --- The signature covers a timestamp and the routing headers --------------------------------


def test_handtekening_alleen_over_de_inhoud_telt_niet_meer(client, dronten, settings):
    """The scheme before issue 9 (HMAC of the body only) could be replayed for ever."""
    body = json.dumps(melding(BSN, "SS101")).encode()
    oud = "sha256=" + hmac.new(settings.DUO_NOTIFICATIE_SECRET.encode(), body, hashlib.sha256).hexdigest()
    antwoord = stuur(client, dronten.oin, body, ondertekend=False, **{"X-Duo-Signature": oud})
    assert antwoord.status_code == 401
    assert "X-Duo-Timestamp" in _fout(antwoord)
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("afwijking", [-301, 301, -3600, 86400])
def test_tijdstip_buiten_het_venster_401(client, dronten, afwijking):
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), tijdstip=int(time.time()) + afwijking)
    assert antwoord.status_code == 401
    assert "herhaald" in _fout(antwoord)
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("afwijking", [-290, 290])
def test_tijdstip_binnen_het_venster_201(client, dronten, afwijking):
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), tijdstip=int(time.time()) + afwijking)
    assert antwoord.status_code == 201


def test_venster_is_een_instelling(client, dronten, settings):
    settings.DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN = 60
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), tijdstip=int(time.time()) - 90)
    assert antwoord.status_code == 401


@pytest.mark.parametrize("tijdstip", ["", "gisteren", "1.7e9", "-5", "١٢٣"])
def test_tijdstip_dat_geen_getal_is_401(client, dronten, tijdstip):
    antwoord = stuur(client, dronten.oin, melding(BSN, "SS101"), tijdstip=tijdstip)
    assert antwoord.status_code == 401
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("kop", ["doel", "berichtId", "bron"])
def test_handtekening_dekt_de_koppen(client, dronten, dordrecht, kop):
    """A captured notice cannot be sent to another municipality, or again under a new berichtId."""
    from regie.duo.tests.inkomend.conftest import koppen

    body = json.dumps(melding(BSN, "SS101")).encode()
    echt = koppen(dronten.oin, body=body)
    anders = {"doel": dordrecht.oin, "berichtId": str(uuid.uuid4()), "bron": "1" * 20}[kop]
    antwoord = client.generic(
        "POST",
        "/duo/v1/notificaties",
        body,
        content_type="application/json",
        headers={**echt, kop: anders},
    )
    assert antwoord.status_code == 401
    assert not Notificatie.objects.exists()


# --- A refused notice is logged -------------------------------------------------------------


def test_geweigerde_melding_wordt_vastgelegd_en_gelogd(client, dronten, caplog):
    with caplog.at_level(logging.WARNING, logger="regie.notificaties.ontvangst"):
        antwoord = stuur(
            client,
            dronten.oin,
            melding(BSN, "SS101"),
            ondertekend=False,
            remote_addr="203.0.113.9",
            bericht_id="0b6c8e0e-6b0a-4a8e-9d7c-3f0f6b9d2a11",
            **{"X-Duo-Signature": "sha256=00ff", "X-Duo-Timestamp": str(int(time.time()))},
        )
    assert antwoord.status_code == 401
    geweigerd = GeweigerdeMelding.objects.get()
    assert (
        geweigerd.status,
        geweigerd.ip_adres,
        geweigerd.gemeente,
        geweigerd.doel,
        geweigerd.bericht_id,
        geweigerd.reden,
    ) == (401, "203.0.113.9", dronten, dronten.oin, "0b6c8e0e-6b0a-4a8e-9d7c-3f0f6b9d2a11", _fout(antwoord))
    assert [r.levelno for r in caplog.records if "geweigerd" in r.getMessage()] == [logging.WARNING]
    assert BSN not in caplog.text and BSN not in str(GeweigerdeMelding.objects.values().get())


def test_melding_die_niet_voor_een_gemeente_van_regie_is_wordt_gelogd_zonder_gemeente(client):
    antwoord = stuur(client, "98765432109876543210", melding(BSN, "SS101"))
    assert antwoord.status_code == 403
    geweigerd = GeweigerdeMelding.objects.get()
    assert (geweigerd.status, geweigerd.gemeente, geweigerd.doel) == (403, None, "98765432109876543210")


def test_onzinkoppen_worden_ingekort_vastgelegd(client, dronten):
    antwoord = stuur(
        client, "x" * 5000, melding(BSN, "SS101"), ondertekend=False, bron="y" * 5000, berichtId="z" * 5000
    )
    assert antwoord.status_code == 401
    geweigerd = GeweigerdeMelding.objects.get()
    assert (len(geweigerd.doel), len(geweigerd.bron), len(geweigerd.bericht_id)) == (40, 40, 64)


def test_een_geaccepteerde_melding_en_een_herhaling_worden_niet_als_geweigerd_vastgelegd(client, dronten):
    bericht_id = str(uuid.uuid4())
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
    assert not GeweigerdeMelding.objects.exists()


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


def test_beheerder_ziet_de_geweigerde_meldingen_voor_de_eigen_gemeenten(client, dronten, dordrecht):
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory

    stuur(client, dronten.oin, melding(BSN, "SS101"), ondertekend=False, remote_addr="203.0.113.1")
    stuur(client, dordrecht.oin, melding(BSN, "SS101"), ondertekend=False, remote_addr="203.0.113.2")
    beheerder = UserFactory(username="beheer", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)
    client.force_login(beheerder)
    lijst = client.get("/beheer/notificaties/geweigerdemelding/").content.decode()
    assert "203.0.113.1" in lijst and "203.0.113.2" not in lijst
    eigen = GeweigerdeMelding.objects.get(gemeente=dronten)
    assert (
        client.post(f"/beheer/notificaties/geweigerdemelding/{eigen.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert GeweigerdeMelding.objects.count() == 2


def test_proxyadressen_uit_de_omgeving(monkeypatch):
    """REGIE_DUO_PROXY_ADRESSEN: addresses and networks; anything else stops Regie at start-up."""
    import runpy
    from pathlib import Path

    from django.core.exceptions import ImproperlyConfigured

    import regie.settings

    pad = Path(regie.settings.__file__)
    monkeypatch.setenv("REGIE_DUO_PROXY_ADRESSEN", "10.0.0.5, 10.0.1.0/24,::1")
    assert runpy.run_path(str(pad))["DUO_PROXY_ADRESSEN"] == [
        ipaddress.ip_network("10.0.0.5/32"),
        ipaddress.ip_network("10.0.1.0/24"),
        ipaddress.ip_network("::1/128"),
    ]
    monkeypatch.setenv("REGIE_DUO_PROXY_ADRESSEN", "10.0.0.5,proxy.example.nl")
    with pytest.raises(ImproperlyConfigured, match="proxy.example.nl"):
        runpy.run_path(str(pad))
    monkeypatch.delenv("REGIE_DUO_PROXY_ADRESSEN")
    assert runpy.run_path(str(pad))["DUO_PROXY_ADRESSEN"] == []


def test_ontvangen_leest_niets_dubbel(client, dronten, django_assert_num_queries):
    """The municipality, the notice, its task and the task's organisation: no repeat check before
    the INSERT (the unique berichtId is that check) and no reading back of the organisation."""
    with django_assert_num_queries(6):  # SELECT municipality, BEGIN, 3 INSERTs, COMMIT
        assert stuur(client, dronten.oin, melding(BSN, "SS101")).status_code == 201
    herhaald = {"bericht_id": Notificatie.objects.get().bericht_id}
    assert stuur(client, dronten.oin, melding(BSN, "SS101"), **herhaald).status_code == 201
    assert Notificatie.objects.count() == 1

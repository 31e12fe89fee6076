"""The API Design Rules (ADR) that hold for the whole API: version in path and header,
no trailing slashes, errors as problem+json (RFC 9457), JSON only."""

import json

import pytest
from rest_framework.test import APIClient

from regie.api.tests.conftest import probleem

V1 = "/api/v1"


@pytest.mark.parametrize(
    "pad",
    [
        "/inburgeraars/",
        "/gemeenten/",
        "/bestaat-niet",
        "/inburgeraars/geen-uuid",
        "/inburgeraars/00000000-0000-0000-0000-000000000000/pips/een",
        "/",
        "",
    ],
)
def test_onbekend_adres_en_slash_aan_het_eind_geven_404_problem_json(api_consulent, pad):
    """API-48: no trailing slashes; such a URL is not redirected but unknown."""
    for methode in (api_consulent.get, api_consulent.post):
        antwoord = methode(V1 + pad)
        body = probleem(antwoord, 404)
        assert body["type"].endswith("/problemen/niet-gevonden")
        assert "Location" not in antwoord


def test_slash_aan_het_eind_van_een_dossier_is_404_geen_redirect(api_consulent, inburgeraar):
    probleem(api_consulent.get(f"{V1}/inburgeraars/{inburgeraar.uuid}/"), 404)
    probleem(api_consulent.patch(f"{V1}/inburgeraars/{inburgeraar.uuid}/", {}, format="json"), 404)


def test_api_version_header_op_elk_antwoord(api_consulent, anoniem, inburgeraar):
    """API-57: the full version in the API-Version header, also on errors."""
    antwoorden = [
        api_consulent.get(f"{V1}/inburgeraars"),
        api_consulent.get(f"{V1}/inburgeraars/{inburgeraar.uuid}"),
        api_consulent.post(f"{V1}/inburgeraars", {}, format="json"),
        anoniem.get(f"{V1}/inburgeraars"),
        api_consulent.get(f"{V1}/bestaat-niet"),
        api_consulent.delete(f"{V1}/inburgeraars/{inburgeraar.uuid}"),
        anoniem.get(f"{V1}/openapi.json"),
    ]
    assert [a.status_code for a in antwoorden] == [200, 200, 400, 401, 404, 405, 200]
    for antwoord in antwoorden:
        assert antwoord["API-Version"] == "1.0.0"


def test_pagina_buiten_de_api_heeft_geen_api_version(client, consulent):
    client.force_login(consulent)
    assert "API-Version" not in client.get("/werkvoorraad/")


def test_niet_ingelogd_is_401_problem_json_met_www_authenticate(anoniem):
    antwoord = anoniem.get(f"{V1}/inburgeraars")
    body = probleem(antwoord, 401)
    assert body["type"] == "http://testserver/api/v1/problemen/niet-ingelogd"
    assert body["title"] == "Niet ingelogd"
    assert body["instance"] == "http://testserver/api/v1/inburgeraars"
    assert antwoord["WWW-Authenticate"] == "Token"


def test_ongeldig_token_is_401(db, anoniem):
    anoniem.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    body = probleem(anoniem.get(f"{V1}/inburgeraars"), 401)
    assert body["detail"] == "Dit token is onbekend. Controleer het token, of maak een nieuw token in Regie."


def test_token_van_inactieve_gebruiker_is_401(api_consulent, consulent):
    consulent.is_active = False
    consulent.save()
    probleem(api_consulent.get(f"{V1}/inburgeraars"), 401)


def test_sessie_zonder_csrf_token_is_403_met_nederlandse_uitleg(consulent):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(consulent)
    assert client.get(f"{V1}/gemeenten").status_code == 200  # reading with a session works
    body = probleem(client.post(f"{V1}/inburgeraars/zoeken", {"naam": "x"}, format="json"), 403)
    assert "CSRF-token" in body["detail"]


def test_sessie_zonder_csrf_token_op_een_onbekend_adres_is_404_problem_json(consulent):
    """Django's CSRF check came before the unknown address and answered with an HTML page."""
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(consulent)
    for methode in (client.post, client.put, client.patch, client.delete):
        probleem(methode(f"{V1}/inburgeraars/geen-uuid/pips", {}, format="json"), 404)


def test_csrf_fout_in_de_api_is_403_problem_json(rf):
    """Any CSRF refusal under /api/ is problem+json (Django's own page elsewhere)."""
    from django.middleware.csrf import REASON_NO_CSRF_COOKIE

    from regie.api.problems import CSRF_MELDING, csrf_fout

    antwoord = csrf_fout(rf.post(f"{V1}/inburgeraars"), REASON_NO_CSRF_COOKIE)
    assert antwoord.status_code == 403
    assert antwoord["Content-Type"] == "application/problem+json"
    assert json.loads(antwoord.content)["detail"] == CSRF_MELDING
    pagina = csrf_fout(rf.post("/inloggen/"), REASON_NO_CSRF_COOKIE)
    assert pagina.status_code == 403
    assert pagina["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("pad", ["/inburgeraars", "/inburgeraars/{uuid}/brede-intake", "/gemeenten"])
def test_options_staat_niet_in_de_api_en_is_405(api_consulent, inburgeraar, pad):
    """OPTIONS is no operation of the API (openapi.yaml); DRF's answer to it broke on the intake."""
    antwoord = api_consulent.options(V1 + pad.format(uuid=inburgeraar.uuid))
    probleem(antwoord, 405)
    assert "OPTIONS" not in antwoord["Allow"]


@pytest.mark.parametrize(
    ("pad", "instance"),
    [
        ("/bestaat niet", "/bestaat%20niet"),
        ("/100%25", "/100%25"),
        ("/[a]{b}|c^`\\", "/%5Ba%5D%7Bb%7D%7Cc%5E%60%5C"),
        ("/é", "/%C3%A9"),
    ],
)
def test_instance_is_altijd_een_geldige_uri(api_consulent, pad, instance):
    """RFC 9457: `instance` is a URI reference, also for an address with odd characters."""
    body = probleem(api_consulent.get(V1 + pad), 404)
    assert body["instance"] == f"http://testserver{V1}{instance}"


def test_methode_niet_toegestaan_is_405_problem_json(api_consulent, inburgeraar):
    antwoord = api_consulent.delete(f"{V1}/inburgeraars/{inburgeraar.uuid}")
    body = probleem(antwoord, 405)
    assert body["type"].endswith("/problemen/methode-niet-toegestaan")
    assert "DELETE" not in antwoord["Allow"]


def test_alleen_json_406_en_415(api_consulent):
    probleem(api_consulent.get(f"{V1}/gemeenten", HTTP_ACCEPT="text/html"), 406)
    antwoord = api_consulent.post(f"{V1}/inburgeraars/zoeken", {"naam": "x"})  # form-encoded
    body = probleem(antwoord, 415)
    assert body["type"].endswith("/problemen/mediatype-niet-ondersteund")


def test_kapotte_json_is_400(api_consulent):
    antwoord = api_consulent.post(f"{V1}/inburgeraars/zoeken", "{niet json", content_type="application/json")
    probleem(antwoord, 400)


def test_onbekende_queryparameter_is_400_op_elk_adres(api_consulent, anoniem, inburgeraar):
    """Every operation documents 400 (API Design Rules, invalid-input): a query parameter the
    operation does not know is refused, like an unknown field in a body."""
    for client, pad in [
        (api_consulent, "/inburgeraars?statuss=actief"),
        (api_consulent, f"/inburgeraars/{inburgeraar.uuid}?page=2"),
        (api_consulent, f"/inburgeraars/{inburgeraar.uuid}/pips?x=1"),
        (api_consulent, "/gemeenten?x=1"),
        (anoniem, "/problemen/niet-gevonden?x=1"),
    ]:
        body = probleem(client.get(V1 + pad), 400)
        [fout] = body["invalidParams"]
        assert fout["name"] == pad.rsplit("?", 1)[1].split("=")[0]
        assert fout["code"] == "onbekende_parameter"
    body = probleem(api_consulent.post(f"{V1}/inburgeraars/zoeken?x=1", {"naam": "x"}, format="json"), 400)
    assert "Wel kan: page, pageSize." in body["invalidParams"][0]["reason"]


def test_bekende_queryparameters_blijven_werken(api_consulent, anoniem, inburgeraar):
    lijst = api_consulent.get(f"{V1}/inburgeraars", {"status": inburgeraar.status, "page": 1, "pageSize": 5})
    assert lijst.json()["results"][0]["uuid"] == str(inburgeraar.uuid)
    assert (
        api_consulent.post(f"{V1}/inburgeraars/zoeken?page=1", {"naam": "x"}, format="json").status_code
        == 200
    )
    probleem(anoniem.get(f"{V1}/inburgeraars?x=1"), 401)  # who is asking comes first
    probleem(api_consulent.get(f"{V1}/inburgeraars/zoeken?x=1"), 405)  # and the method


def test_onverwachte_fout_is_500_problem_json(consulent, monkeypatch):
    from regie.api import gemeenten

    def kapot(self):
        raise RuntimeError("kapot")

    monkeypatch.setattr(gemeenten.GemeenteLijst, "get_queryset", kapot)
    from regie.api.tests.conftest import client_met_token

    client = client_met_token(consulent)
    client.raise_request_exception = False
    body = probleem(client.get(f"{V1}/gemeenten"), 500)
    assert "kapot" not in body["detail"]  # no internals in the answer
    assert body["title"] == "Er ging iets mis"


def test_probleemtype_legt_uit_wat_de_fout_is(anoniem, api_consulent):
    body = probleem(anoniem.get(f"{V1}/inburgeraars"), 401)
    uitleg = anoniem.get(body["type"])
    assert uitleg.status_code == 200
    assert uitleg.json()["status"] == 401
    assert uitleg.json()["titel"] == body["title"]
    assert "create_api_token" in uitleg.json()["uitleg"]
    probleem(anoniem.get(f"{V1}/problemen/bestaat-niet"), 404)


@pytest.mark.parametrize("pad", ["/schema", "/openapi.json", "/openapi.yaml"])
def test_openapi_document_is_openbaar_gepubliceerd(anoniem, pad):
    """API-51: the OpenAPI document at a standard place (openapi.json)."""
    antwoord = anoniem.get(V1 + pad)
    assert antwoord.status_code == 200
    assert antwoord["API-Version"] == "1.0.0"
    assert b"/inburgeraars/{uuid}/pips" in antwoord.content


@pytest.mark.parametrize("pad", ["/api", "/api/", "/api/v1", "/api/v2/inburgeraars", "/api/v1/inburgeraars/"])
def test_ook_buiten_v1_geen_redirect_maar_404_problem_json(db, anoniem, pad):
    probleem(anoniem.get(pad), 404)

"""Who may do what: every endpoint for a consultant of the case's organisation, a team lead,
a consultant of another organisation (404, as if the case did not exist) and anonymous (401)."""

import pytest
from rest_framework.test import APIClient

from regie.api.tests.conftest import client_met_token, probleem, stand

# (method, path below /api/v1/inburgeraars/{uuid}, body): every endpoint of one case.
DOSSIER = [
    ("get", "", None),
    ("patch", "", {"telefoon": "0600000000"}),
    ("get", "/pips", None),
    ("post", "/pips", {"leerroute": "b1", "dagtekening": "2000-01-01"}),
    ("get", "/pips/1", None),
    ("get", "/brede-intake", None),
    ("put", "/brede-intake", {"werkervaring": "x"}),
    ("patch", "/brede-intake", {"werkervaring": "x"}),
    ("get", "/brede-intake/diplomas", None),
    ("post", "/brede-intake/diplomas", {"naam": "Mbo"}),
    ("get", "/afspraken", None),
    ("post", "/afspraken", {"begint_op": "2030-01-01T10:00:00+01:00", "locatie": "Stadhuis"}),
]
ALGEMEEN = [
    ("get", "/api/v1/inburgeraars", None),
    ("post", "/api/v1/inburgeraars", {}),
    ("post", "/api/v1/inburgeraars/zoeken", {"naam": "a"}),
    ("get", "/api/v1/gemeenten", None),
]


def vraag(client, methode, url, body):
    return getattr(client, methode)(url, body, format="json") if body is not None else client.get(url)


@pytest.mark.parametrize(("methode", "pad", "body"), DOSSIER)
def test_andere_organisatie_krijgt_404_en_verandert_niets(api_ander, met_pip, methode, pad, body):
    voor = stand()
    body_ = probleem(vraag(api_ander, methode, f"/api/v1/inburgeraars/{met_pip.uuid}{pad}", body), 404)
    assert body_["detail"] == "Dit dossier bestaat niet of u heeft er geen toegang toe."
    assert stand() == voor


@pytest.mark.parametrize(("methode", "pad", "body"), DOSSIER)
def test_anoniem_krijgt_401_en_verandert_niets(anoniem, met_pip, methode, pad, body):
    voor = stand()
    probleem(vraag(anoniem, methode, f"/api/v1/inburgeraars/{met_pip.uuid}{pad}", body), 401)
    assert stand() == voor


@pytest.mark.parametrize(("methode", "url", "body"), ALGEMEEN)
def test_anoniem_krijgt_401_op_algemene_adressen(db, anoniem, methode, url, body):
    probleem(vraag(anoniem, methode, url, body), 401)


@pytest.mark.parametrize("wie", ["consulent", "teamleider"])
@pytest.mark.parametrize("pad", [p for m, p, _ in DOSSIER if m == "get"])
def test_consulent_en_teamleider_lezen_het_dossier(request, met_pip, wie, pad):
    client = client_met_token(request.getfixturevalue(wie))
    assert client.get(f"/api/v1/inburgeraars/{met_pip.uuid}{pad}").status_code == 200


def test_teamleider_wijzigt_een_dossier_van_een_consulent(api_teamleider, met_pip):
    antwoord = api_teamleider.patch(
        f"/api/v1/inburgeraars/{met_pip.uuid}", {"telefoon": "0612"}, format="json"
    )
    assert antwoord.status_code == 200


def test_inloggen_met_sessie_werkt_ook(consulent, met_pip):
    client = APIClient()
    client.force_login(consulent)
    assert client.get(f"/api/v1/inburgeraars/{met_pip.uuid}").status_code == 200


def test_medewerker_zonder_organisatie_ziet_niets(met_pip):
    from regie.demo.factories import UserFactory

    client = client_met_token(UserFactory(username="zonder.organisatie", organisatie=None))
    assert client.get("/api/v1/inburgeraars").json()["count"] == 0
    assert client.get("/api/v1/gemeenten").json() == []
    probleem(client.get(f"/api/v1/inburgeraars/{met_pip.uuid}"), 404)


def test_gemeenten_van_de_eigen_organisatie(api_consulent, api_ander):
    assert api_consulent.get("/api/v1/gemeenten").json() == [
        {"cbs_code": "0303", "naam": "Dronten", "kernen": ["Biddinghuizen", "Dronten", "Swifterbant"]}
    ]
    drechtsteden = api_ander.get("/api/v1/gemeenten").json()
    assert [g["naam"] for g in drechtsteden] == [
        "Dordrecht",
        "Hendrik-Ido-Ambacht",
        "Papendrecht",
        "Zwijndrecht",
    ]

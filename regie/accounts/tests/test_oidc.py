"""OpenID Connect log-in: which Regie user the identity provider's claims belong to (never a new
one), when the provider's MFA replaces Regie's code, and the pages around it. No live identity
provider: the token and user-info calls are replaced."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import RequestFactory
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from regie.accounts.oidc import RegieOIDCBackend, mfa_door_idp
from regie.accounts.tests.helpers import apparaat_van
from regie.accounts.tweestaps import MFA_VIA_IDP
from regie.demo.factories import UserFactory

BACKEND = "regie.accounts.oidc.RegieOIDCBackend"


@pytest.fixture
def oidc(settings):
    """OIDC switched on, as the REGIE_OIDC_* environment variables do."""
    settings.OIDC_AAN = True
    settings.OIDC_RP_CLIENT_ID = "regie"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.dronten.example/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.dronten.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.dronten.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.dronten.example/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid profile email"
    settings.OIDC_USE_PKCE = True
    settings.OIDC_CREATE_USER = False
    settings.OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    settings.REGIE_OIDC_CLAIM_USERNAME = "preferred_username"
    settings.REGIE_OIDC_MFA_TRUSTED = False
    settings.REGIE_OIDC_MFA_ACR = []
    return settings


def backend_met_request():
    backend = RegieOIDCBackend()
    backend.request = RequestFactory().get("/inloggen/organisatie/terug/")
    return backend


# --- user matching ---------------------------------------------------------------------------


def test_claim_vindt_de_bestaande_gebruiker(oidc, consulent):
    assert (
        backend_met_request().gebruiker_bij_claims({"preferred_username": "consulent.dronten"}) == consulent
    )


def test_onbekende_gebruiker_wordt_niet_aangemaakt(oidc, consulent):
    backend = backend_met_request()
    aantal = get_user_model().objects.count()
    assert backend.gebruiker_bij_claims({"preferred_username": "nieuw.iemand", "email": "n@x.nl"}) is None
    assert backend.request.regie_oidc_fout == "onbekend"
    assert get_user_model().objects.count() == aantal


@pytest.mark.parametrize(
    "claims",
    [{}, {"preferred_username": ""}, {"preferred_username": None}, {"email": "consulent.dronten"}],
)
def test_zonder_gebruikersnaam_claim_geen_gebruiker(oidc, consulent, claims):
    assert backend_met_request().gebruiker_bij_claims(claims) is None


def test_hoofdletters_moeten_kloppen(oidc, consulent):
    assert backend_met_request().gebruiker_bij_claims({"preferred_username": "Consulent.Dronten"}) is None


def test_inactieve_gebruiker_niet(oidc, consulent):
    consulent.is_active = False
    consulent.save()
    assert backend_met_request().gebruiker_bij_claims({"preferred_username": "consulent.dronten"}) is None


def test_andere_claim_instelbaar(oidc, dronten):
    user = UserFactory(username="a.jansen@dronten.nl", organisatie=dronten.organisatie)
    oidc.REGIE_OIDC_CLAIM_USERNAME = "email"
    backend = backend_met_request()
    assert backend.gebruiker_bij_claims({"email": "a.jansen@dronten.nl", "preferred_username": "x"}) == user
    assert backend.gebruiker_bij_claims({"preferred_username": "a.jansen@dronten.nl"}) is None


def test_acr_en_amr_komen_uit_het_id_token(oidc, monkeypatch):
    monkeypatch.setattr(
        OIDCAuthenticationBackend,
        "get_userinfo",
        lambda self, *a: {"preferred_username": "x", "amr": ["pwd"]},
    )
    claims = RegieOIDCBackend().get_userinfo(
        "at", "it", {"amr": ["pwd", "otp", "mfa"], "acr": "hoog", "sub": "1"}
    )
    assert claims == {"preferred_username": "x", "amr": ["pwd", "otp", "mfa"], "acr": "hoog"}


# --- the MFA rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vertrouwd", "acr_lijst", "claims", "verwacht"),
    [
        (False, [], {"amr": ["pwd", "mfa"]}, False),  # not trusted: always Regie's own code
        (True, [], {"amr": ["pwd", "mfa"]}, True),
        (True, [], {"amr": "mfa"}, True),
        (True, [], {"amr": ["pwd"]}, False),
        (True, [], {"amr": ["pwd", "otp"]}, False),  # only "mfa" says multi-factor (RFC 8176)
        (True, [], {}, False),
        (True, ["urn:dronten:loa3"], {"acr": "urn:dronten:loa3"}, True),
        (True, ["urn:dronten:loa3"], {"acr": "urn:dronten:loa2"}, False),
        (False, ["urn:dronten:loa3"], {"acr": "urn:dronten:loa3"}, False),
    ],
)
def test_mfa_van_de_identity_provider(settings, vertrouwd, acr_lijst, claims, verwacht):
    settings.REGIE_OIDC_MFA_TRUSTED = vertrouwd
    settings.REGIE_OIDC_MFA_ACR = acr_lijst
    assert mfa_door_idp(claims) is verwacht


# --- the pages ---------------------------------------------------------------------------------


def test_uit_zonder_client_id(client, db, settings):
    assert settings.OIDC_AAN is False  # the test environment sets no REGIE_OIDC_RP_CLIENT_ID
    assert "Inloggen via uw organisatie" not in client.get("/inloggen/").content.decode()
    assert client.get("/inloggen/organisatie/").status_code == 404
    assert client.get("/inloggen/organisatie/terug/?code=a&state=b").status_code == 404


def test_knop_en_doorsturen_naar_de_identity_provider(client, db, oidc):
    html = client.get("/inloggen/?next=/inburgeraars/zoeken/").content.decode()
    assert "Inloggen via uw organisatie" in html
    assert 'href="/inloggen/organisatie/?next=/inburgeraars/zoeken/"' in html
    antwoord = client.get("/inloggen/organisatie/?next=/inburgeraars/zoeken/")
    assert antwoord.status_code == 302
    adres = urlsplit(antwoord["Location"])
    assert adres.netloc == "idp.dronten.example"
    params = parse_qs(adres.query)
    assert params["client_id"] == ["regie"]
    assert params["redirect_uri"] == ["http://testserver/inloggen/organisatie/terug/"]
    assert params["code_challenge_method"] == ["S256"]
    assert params["scope"] == ["openid profile email"]


def terug_van_idp(client, monkeypatch, claims, id_token_claims=None):
    """The callback after the identity provider, with its token and user-info answers faked."""
    sessie = client.session
    sessie["oidc_states"] = {"staat": {"nonce": "n", "code_verifier": "v"}}
    sessie["oidc_login_next"] = "/inburgeraars/zoeken/"
    sessie.save()
    monkeypatch.setattr(
        RegieOIDCBackend, "get_token", lambda self, payload: {"id_token": "i", "access_token": "a"}
    )
    monkeypatch.setattr(
        RegieOIDCBackend, "verify_token", lambda self, token, **kw: {"nonce": "n", **(id_token_claims or {})}
    )
    monkeypatch.setattr(OIDCAuthenticationBackend, "get_userinfo", lambda self, *a: dict(claims))
    return client.get("/inloggen/organisatie/terug/?code=c&state=staat")


def test_bekende_gebruiker_daarna_regies_eigen_code(client, oidc, monkeypatch, consulent):
    apparaat_van(consulent)
    antwoord = terug_van_idp(
        client, monkeypatch, {"preferred_username": "consulent.dronten"}, {"amr": ["mfa"]}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/code/?next=%2Finburgeraars%2Fzoeken%2F"
    assert client.session["_auth_user_id"] == str(consulent.pk)
    assert client.get("/werkvoorraad/").status_code == 302  # not verified: MFA not trusted


def test_mfa_bij_de_identity_provider_vervangt_de_code(client, oidc, monkeypatch, consulent):
    oidc.REGIE_OIDC_MFA_TRUSTED = True
    antwoord = terug_van_idp(
        client, monkeypatch, {"preferred_username": "consulent.dronten"}, {"amr": ["pwd", "mfa"]}
    )
    assert antwoord["Location"] == "/inburgeraars/zoeken/"
    assert client.session[MFA_VIA_IDP] == consulent.pk
    assert client.get("/werkvoorraad/").status_code == 200
    # Switching the trust off again also ends it for sessions that already had it.
    oidc.REGIE_OIDC_MFA_TRUSTED = False
    assert client.get("/werkvoorraad/").status_code == 302


def test_vertrouwd_maar_zonder_mfa_nog_steeds_de_code(client, oidc, monkeypatch, consulent):
    oidc.REGIE_OIDC_MFA_TRUSTED = True
    antwoord = terug_van_idp(
        client, monkeypatch, {"preferred_username": "consulent.dronten"}, {"amr": ["pwd"]}
    )
    assert antwoord["Location"].startswith("/inloggen/app-instellen/")
    assert MFA_VIA_IDP not in client.session
    assert client.get("/werkvoorraad/").status_code == 302


def test_onbekende_gebruiker_krijgt_nederlandse_weigering(client, oidc, monkeypatch, consulent):
    aantal = get_user_model().objects.count()
    antwoord = terug_van_idp(client, monkeypatch, {"preferred_username": "onbekend.iemand"})
    assert antwoord["Location"] == "/inloggen/"
    meldingen = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert meldingen == [
        "U kunt niet inloggen in Regie: er is geen actief account voor u bij uw organisatie. Vraag de"
        " functioneel beheerder van uw organisatie om een account voor u te maken."
    ]
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == aantal


def test_identity_provider_onbereikbaar_geeft_nederlandse_melding(client, oidc, monkeypatch, consulent):
    import requests

    def onbereikbaar(self, payload):
        raise requests.ConnectionError("geen verbinding")

    sessie = client.session
    sessie["oidc_states"] = {"staat": {"nonce": "n", "code_verifier": None}}
    sessie.save()
    monkeypatch.setattr(RegieOIDCBackend, "get_token", onbereikbaar)
    antwoord = client.get("/inloggen/organisatie/terug/?code=c&state=staat", follow=True)
    assert "Inloggen via uw organisatie is niet gelukt" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session

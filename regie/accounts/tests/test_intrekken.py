"""A new password (own or set by the beheerder), a new authenticator app and deactivation end
every way in that the user had: all API tokens are revoked and all sessions are removed from the
session store, except the session in which the user changed their own password."""

import pytest
from django.urls import reverse

from regie.accounts.models import ApiToken, Rol, Sessie
from regie.accounts.tests.helpers import formulier_van
from regie.accounts.tokens import maak_api_token
from regie.demo.factories import DEMO_WACHTWOORD, UserFactory
from regie.verwerkingslog.models import Verwerking

NIEUW = "Een heel nieuw wachtwoord 2027"
GEMEENTEN = "/api/v1/gemeenten"


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


def ingelogd(client_class, user):
    browser = client_class()
    browser.force_login(user)
    assert browser.get("/werkvoorraad/").status_code == 200
    return browser


def werkt(browser) -> bool:
    return browser.get("/werkvoorraad/").status_code == 200


def token_werkt(client, sleutel) -> bool:
    return client.get(GEMEENTEN, HTTP_AUTHORIZATION=f"Token {sleutel}").status_code == 200


def test_eigen_wachtwoord_wijzigen_houdt_deze_sessie_en_beeindigt_de_rest(client, consulent):
    _, sleutel = maak_api_token(user=consulent)
    andere = ingelogd(client.__class__, consulent)
    client.force_login(consulent)
    antwoord = client.post(
        reverse("accounts:wachtwoord"),
        {"old_password": DEMO_WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW},
    )
    assert antwoord.status_code == 302
    assert werkt(client)
    assert not werkt(andere)
    assert not token_werkt(client.__class__(), sleutel)
    assert list(Sessie.objects.filter(user=consulent).values_list("session_key", flat=True)) == [
        client.session.session_key
    ]
    regel = Verwerking.objects.get(handeling="wachtwoord_gewijzigd")
    assert regel.gebruiker == consulent and regel.object_id == str(consulent.pk)
    assert regel.velden["api_tokens_ingetrokken"] == 1 and regel.velden["sessies_beeindigd"] == 1


def test_beheerder_geeft_een_nieuw_wachtwoord(client, beheerder, consulent):
    _, sleutel = maak_api_token(user=consulent)
    browser = ingelogd(client.__class__, consulent)
    client.force_login(beheerder)
    antwoord = client.post(
        f"/beheer/accounts/user/{consulent.pk}/password/",
        {"password1": NIEUW, "password2": NIEUW, "usable_password": "true"},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()
    consulent.refresh_from_db()
    assert consulent.check_password(NIEUW)
    assert not werkt(browser)
    assert not Sessie.objects.filter(user=consulent).exists()
    assert not token_werkt(client.__class__(), sleutel)
    assert werkt(client)  # the beheerder's own session stays
    regel = Verwerking.objects.get(handeling="wachtwoord_ingesteld")
    assert regel.gebruiker == beheerder and regel.velden["account"] == consulent.username


def test_authenticator_app_opnieuw_laten_instellen(client, beheerder, consulent):
    _, sleutel = maak_api_token(user=consulent)
    browser = ingelogd(client.__class__, consulent)
    client.force_login(beheerder)
    client.post("/beheer/accounts/user/", {"action": "tweestaps_opnieuw", "_selected_action": [consulent.pk]})
    assert not Sessie.objects.filter(user=consulent).exists()
    assert browser.get("/werkvoorraad/")["Location"].startswith("/inloggen/")
    assert not token_werkt(client.__class__(), sleutel)
    regel = Verwerking.objects.get(handeling="tweestaps_opnieuw")
    assert regel.gebruiker == beheerder and regel.velden["account"] == consulent.username


def test_deactiveren(client, beheerder, consulent):
    token, _ = maak_api_token(user=consulent)
    ingelogd(client.__class__, consulent)
    client.force_login(beheerder)
    adres = f"/beheer/accounts/user/{consulent.pk}/change/"
    data = formulier_van(client.get(adres), "user_form")
    data.pop("is_active")
    assert client.post(adres, data).status_code == 302
    consulent.refresh_from_db()
    assert not consulent.is_active
    assert not Sessie.objects.filter(user=consulent).exists()
    token.refresh_from_db()
    assert token.is_ingetrokken
    regel = Verwerking.objects.get(handeling="account_gewijzigd")
    assert regel.velden["is_active"] == ["ja", "nee"]
    assert regel.velden["api_tokens_ingetrokken"] == 1


def test_sessies_van_een_ander_blijven(client, consulent, teamleider):
    andere = ingelogd(client.__class__, teamleider)
    maak_api_token(user=teamleider)
    client.force_login(consulent)
    client.post(
        reverse("accounts:wachtwoord"),
        {"old_password": DEMO_WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW},
    )
    assert werkt(andere)
    assert ApiToken.objects.get(user=teamleider).is_actief


def test_het_eigen_wachtwoord_in_de_beheeromgeving_is_de_pagina_van_regie(client, beheerder):
    """Django's own 'change password' in /beheer/ would skip ending sessions and tokens."""
    client.force_login(beheerder)
    for methode in (client.get, client.post):
        antwoord = methode("/beheer/password_change/")
        assert antwoord.status_code == 302 and antwoord["Location"] == reverse("accounts:wachtwoord")

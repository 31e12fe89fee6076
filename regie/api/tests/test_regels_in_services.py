"""Rules that only a form checked now live in the service (issue 9): the API refuses what the
page refuses, with the same Dutch message, as problem+json, and changes nothing."""

import datetime as dt

import pytest

from regie.api.tests.conftest import probleem, reden, stand
from regie.api.tests.test_inburgeraars import LIJST, detail, geldige_registratie
from regie.inburgeraars.models import Inburgeraar
from regie.intake.models import BredeIntake
from regie.klok import vandaag

pytestmark = pytest.mark.django_db

POSTCODE = "Vul een postcode in zoals 1234 AB."


@pytest.mark.parametrize("postcode", ["12345", "0123 AB", "1234 A1", "AB 1234", "1234-AB"])
def test_registreren_met_een_foute_postcode(api_consulent, organisaties, postcode):
    voor = stand()
    body = probleem(
        api_consulent.post(LIJST, geldige_registratie(postcode=postcode), format="json"), 400, "postcode"
    )
    assert reden(body, "postcode") == POSTCODE
    assert stand() == voor


def test_wijzigen_met_een_foute_postcode(api_consulent, inburgeraar):
    voor = stand()
    body = probleem(
        api_consulent.patch(detail(inburgeraar), {"postcode": "9999X"}, format="json"), 400, "postcode"
    )
    assert reden(body, "postcode") == POSTCODE
    assert stand() == voor


def test_postcode_wordt_net_als_op_de_pagina_netjes_geschreven(api_consulent, inburgeraar):
    antwoord = api_consulent.patch(detail(inburgeraar), {"postcode": "8256ab"}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["postcode"] == "8256 AB"


def test_dezelfde_postcode_anders_geschreven_is_geen_wijziging(api_consulent, inburgeraar):
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(postcode="1534QA")
    voor = stand()
    antwoord = api_consulent.patch(detail(inburgeraar), {"postcode": "1534 qa"}, format="json")
    assert antwoord.status_code == 200, antwoord.content
    assert stand() == voor


def test_kind_met_geboortedatum_in_de_toekomst(api_consulent, organisaties):
    voor = stand()
    morgen = str(vandaag() + dt.timedelta(days=1))
    gegevens = geldige_registratie(kinderen=[{"voornaam": "Sami", "geboortedatum": morgen}])
    body = probleem(api_consulent.post(LIJST, gegevens, format="json"), 400, "kinderen")
    assert reden(body, "kinderen") == "Kind 1: de geboortedatum van het kind mag niet in de toekomst liggen."
    assert stand() == voor


def test_tolk_zonder_taal(api_consulent, inburgeraar):
    url = f"/api/v1/inburgeraars/{inburgeraar.uuid}/brede-intake"
    voor = (stand(), list(BredeIntake.objects.values()))
    body = probleem(api_consulent.patch(url, {"tolk_gebruikt": True}, format="json"), 400, "tolk_taal")
    assert reden(body, "tolk_taal") == "Vul in welke taal de tolk sprak."
    assert (stand(), list(BredeIntake.objects.values())) == voor
    # With the language given earlier, only switching the interpreter on is enough.
    assert api_consulent.patch(url, {"tolk_taal": "Tigrinya"}, format="json").status_code == 200
    assert api_consulent.patch(url, {"tolk_gebruikt": True}, format="json").status_code == 200

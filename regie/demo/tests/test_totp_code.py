"""`manage.py totp_code`: a demo account's current code; refused outside the demo and for an
account that is not the demo's (issue 9)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from regie.accounts.tests.helpers import apparaat_van, wachtwoord_stap
from regie.demo.tweestaps import demo_tweestaps_instellen


def totp_code(username) -> str:
    uit = StringIO()
    call_command("totp_code", username, stdout=uit)
    return uit.getvalue().strip()


def test_weigert_buiten_de_demo(consulent, settings):
    settings.DEMO = False
    demo_tweestaps_instellen([consulent])
    with pytest.raises(CommandError, match="alleen in de demo"):
        totp_code(consulent.username)


def test_code_werkt_bij_het_inloggen(client, consulent, settings):
    settings.DEMO = True
    demo_tweestaps_instellen([consulent])
    code = totp_code(consulent.username)
    assert len(code) == 6 and code.isdigit()
    wachtwoord_stap(client, consulent)
    assert client.post("/inloggen/code/", {"code": code})["Location"] == "/werkvoorraad/"
    # The same code cannot be used twice; the command then gives the next one.
    tweede = totp_code(consulent.username)
    assert tweede != code
    client.logout()
    wachtwoord_stap(client, consulent)
    assert client.post("/inloggen/code/", {"code": tweede})["Location"] == "/werkvoorraad/"


def test_geen_code_van_een_echte_authenticator_app(consulent, settings):
    """Also in the demo: a device with its own secret (a real user's app) keeps its codes."""
    settings.DEMO = True
    apparaat_van(consulent)
    with pytest.raises(CommandError, match="is geen demo-account"):
        totp_code(consulent.username)


def test_zonder_app_of_gebruiker_een_nederlandse_fout(consulent, settings):
    settings.DEMO = True
    with pytest.raises(CommandError, match="nog geen authenticator-app ingesteld"):
        totp_code(consulent.username)
    with pytest.raises(CommandError, match="Er is geen medewerker met gebruikersnaam 'niemand'"):
        totp_code("niemand")

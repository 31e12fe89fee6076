"""Demo accounts log in only in the demo (issue 9): outside REGIE_DEMO a demo authenticator
device, or the demo password in a database that holds the demo, is refused at the password step."""

import pytest
from axes.models import AccessAttempt

from regie.accounts.tests.helpers import apparaat_van, wachtwoord_stap
from regie.demo.models import Demomarkering
from regie.demo.tweestaps import demo_tweestaps_instellen


@pytest.fixture
def geen_demo(settings):
    settings.DEMO = False


def geweigerd(antwoord, client) -> None:
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Dit is een demo-account. Demo-accounts werken alleen in de demo" in html
    assert "_auth_user_id" not in client.session


def test_demo_account_buiten_de_demo_geweigerd(client, consulent, geen_demo, caplog):
    demo_tweestaps_instellen([consulent])
    geweigerd(wachtwoord_stap(client, consulent), client)
    assert AccessAttempt.objects.get(username=consulent.username).failures_since_start == 1
    assert "Inloggen met demo-account 'consulent.dronten' geweigerd" in caplog.text


def test_ook_met_een_ander_wachtwoord(client, consulent, geen_demo):
    """The code of a demo device follows from the username: a new password does not make it safe."""
    demo_tweestaps_instellen([consulent])
    consulent.set_password("Een-nieuw-en-lang-wachtwoord-7")
    consulent.save()
    geweigerd(wachtwoord_stap(client, consulent, wachtwoord="Een-nieuw-en-lang-wachtwoord-7"), client)


def test_demo_wachtwoord_in_een_demodatabase_geweigerd(client, consulent, geen_demo):
    """A demo account whose device was reset still has the public password."""
    Demomarkering.zetten()
    geweigerd(wachtwoord_stap(client, consulent), client)


def test_een_eigen_app_en_wachtwoord_buiten_een_demodatabase_werken(client, consulent, geen_demo):
    apparaat_van(consulent)
    assert wachtwoord_stap(client, consulent).status_code == 302


def test_in_de_demo_werkt_het_demo_account(client, consulent, settings):
    settings.DEMO = True
    Demomarkering.zetten()
    demo_tweestaps_instellen([consulent])
    assert wachtwoord_stap(client, consulent)["Location"].startswith("/inloggen/code/")

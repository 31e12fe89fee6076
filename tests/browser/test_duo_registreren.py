"""A parked DUO notice about a new inburgeringsplichtige in the browser: the consultant opens it
from DUO-meldingen, registers the person with the form DUO's data prefilled, lands on the new case,
and once the queue ran the notice is 'verwerkt' and linked to the case. axe-core on every page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regie.demo.factories import geldig_bsn
from regie.duo.inkomend.models import Notificatie
from regie.duo.inkomend.models import Status as NStatus
from regie.duo.tests.inkomend.conftest import melding, stuur
from regie.inburgeraars.models import Inburgeraar
from regie.taken.werk import werk_taken_af
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser

BSN = geldig_bsn(740_001)


@pytest.fixture(autouse=True)
def _geheim(settings):
    settings.DUO_NOTIFICATIE_SECRET = "test-geheim-notificaties"


def test_consulent_registreert_vanuit_een_geparkeerde_melding(page, consulent, dronten, duo_simulator):
    reverse("notificaties:lijst")  # load the URLconf before the first page
    duo_simulator.persoon_toevoegen(BSN, "0303")
    tijd = timezone.now().isoformat().replace("+00:00", "Z")
    assert stuur(Client(), dronten.oin, melding(BSN, "SS101", tijd)).status_code == 201
    werk_taken_af()
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NStatus.GEPARKEERD

    inloggen(page, consulent)
    page.goto("/duo-meldingen/")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("link", name="Inburgeraar registreren").click()
    page.wait_for_url("**/registreren/")
    assert BSN not in page.url
    assert page.input_value("#id_bsn") == BSN
    assert page.input_value("#id_doelgroep") == "asielstatushouder"
    assert page.input_value("#id_datum_melding_duo") == str(timezone.localdate())
    assert "vanuit de DUO-melding SS101" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

    page.fill("#id_voornamen", "Amina")
    page.fill("#id_geslachtsnaam", "Haddad")
    page.fill("#id_geboortedatum", "1990-05-17")
    page.locator("form button.utrecht-button--primary-action", has_text="Inburgeraar registreren").click()
    page.wait_for_url("**/inburgeraars/*/")
    tekst = page.inner_text("main")
    assert "Amina Haddad is geregistreerd" in tekst and "DUO-melding SS101" in tekst
    assert axe_ernstige_schendingen(page) == []

    werk_taken_af()
    notificatie.refresh_from_db()
    assert notificatie.status == NStatus.VERWERKT, notificatie.reden
    assert notificatie.inburgeraar == Inburgeraar.objects.get(bsn=BSN)

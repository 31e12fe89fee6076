"""The Traject tab in the browser: a consultant refers from a PIP component to a language school,
sees the referral with its waiting time, tries to withdraw without a reason (message at the
field) and withdraws; the team lead's page on capacity. axe-core on every page."""

import pytest
from django.urls import reverse

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.demo.factories import pip_vastgesteld
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    reverse("trajecten:traject", args=["00000000-0000-0000-0000-000000000000"])


def test_consulent_verwijst_en_trekt_in(page, consulent, inburgeraar, teamleider, dronten):
    pip_vastgesteld(inburgeraar, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True)
    school = AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Flevoland")
    ContractFactory(aanbieder=school, perceel=Perceel.B1_ROUTE, capaciteit=1)
    inloggen(page, consulent)
    page.goto(f"/inburgeraars/{inburgeraar.uuid}/traject/")
    assert axe_ernstige_schendingen(page) == []

    page.get_by_label("Onderdeel en aanbieder").select_option(
        label="Taalschool Flevoland (1 van 1 plaatsen vrij)"
    )
    page.get_by_label("Toelichting voor de aanbieder").fill("Alleen in de ochtend")
    page.get_by_role("button", name="Verwijzing versturen").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/traject/")
    tekst = page.inner_text("main")
    assert "De verwijzing naar Taalschool Flevoland is verzonden." in tekst
    assert "0 dagen tot nu" in tekst
    assert axe_ernstige_schendingen(page) == []

    page.get_by_text("Verwijzing intrekken: B1-route bij Taalschool Flevoland").click()
    page.get_by_role("button", name="Intrekken").click()
    assert "Schrijf op waarom u de verwijzing intrekt." in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Reden van intrekken").fill("Verhuisd naar Almere")
    page.get_by_role("button", name="Intrekken").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/traject/")
    assert Verwijzing.objects.get().status == S.INGETROKKEN

    page.get_by_role("button", name="Uitloggen").click()
    inloggen(page, teamleider)
    page.get_by_role("link", name="Aanbieders").click()
    assert "Aanbieders en capaciteit" in page.inner_text("h1")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("link", name="Alle contracten bekijken").click()
    assert "Aanbesteding" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

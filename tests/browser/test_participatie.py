"""The Participatie tab in the browser: a consultant adds an activity (first with an end date
before the start: the message at the field, nothing saved), records the situation at the brede
intake, and sees both on the tab. axe-core on every page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from regie.klok import vandaag
from regie.participatie.models import Activiteit, Situatie
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    reverse("participatie:participatie", args=["00000000-0000-0000-0000-000000000000"])


def test_consulent_legt_participatie_en_situatie_vast(page, consulent, inburgeraar):
    inloggen(page, consulent)
    page.goto(f"/inburgeraars/{inburgeraar.uuid}/participatie/")
    assert "Er zijn nog geen activiteiten vastgelegd." in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("link", name="Activiteit toevoegen").click()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Soort activiteit").select_option(label="Vrijwilligerswerk")
    page.get_by_label("Werkgever of organisatie").fill("Voedselbank Dronten")
    page.get_by_label("Startdatum").fill((vandaag() - timedelta(days=30)).isoformat())
    page.get_by_label("Einddatum").fill((vandaag() - timedelta(days=40)).isoformat())
    page.get_by_label("Uren per week").fill("4")
    page.get_by_role("button", name="Opslaan").click()
    tekst = page.inner_text("main")
    assert "Er is niets opgeslagen." in tekst and "De einddatum ligt voor de startdatum" in tekst
    assert not Activiteit.objects.exists()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Einddatum").fill("")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/participatie/")
    assert "Voedselbank Dronten" in page.inner_text("main")

    page.locator("a[href$='/participatie/meetmoment/intake/']").click()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Geen betaald werk").check()
    page.locator("input[name=opleiding][value=nee]").check()
    page.get_by_label("Volledig bijstand").check()
    page.get_by_label("2 – Heeft bij veel dingen hulp nodig").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/participatie/")
    assert "zelfredzaamheid 2 van 5" in page.inner_text("main")
    assert Situatie.objects.get().zelfredzaamheid == 2
    assert axe_ernstige_schendingen(page) == []

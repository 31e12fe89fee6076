"""Roles in the browser: a colleague reads a case read-only and opens the special data with a
reason; a role without cases sees a start page and the Dutch 403 page (axe-core each time)."""

import pytest
from playwright.sync_api import expect

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, IntakeFactory, UserFactory
from regie.inburgeraars.models import Inburgeraar
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser

GEZONDHEID = "Knieklachten, lang staan lukt niet"


def test_collega_leest_en_geeft_een_reden_voor_bijzondere_gegevens(page, dronten, consulent):
    collega = UserFactory(username="collega.browser", organisatie=dronten.organisatie)
    inburgeraar = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn="100000034")
    IntakeFactory(inburgeraar=inburgeraar, gezondheid_lichamelijk=GEZONDHEID)
    inloggen(page, collega)

    page.goto(f"/inburgeraars/{inburgeraar.uuid}/intake/")
    assert page.get_by_text("U kunt dit dossier lezen, maar niet wijzigen.").is_visible()
    assert page.get_by_text(GEZONDHEID).count() == 0
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("button", name="Bijzondere gegevens inzien").click()
    fout = page.get_by_text("Schrijf op waarom u deze gegevens nodig heeft.")
    expect(fout).to_be_visible()
    assert page.get_by_text(GEZONDHEID).count() == 0
    assert axe_ernstige_schendingen(page) == []

    page.get_by_label("Waarom heeft u deze gegevens nodig?").fill("Ik vervang de vaste consulent.")
    page.get_by_role("button", name="Bijzondere gegevens inzien").click()
    expect(page.get_by_text(GEZONDHEID)).to_be_visible()

    page.goto(f"/inburgeraars/{inburgeraar.uuid}/intake/")  # the next visit asks again
    assert page.get_by_text(GEZONDHEID).count() == 0


def test_beleidsmedewerker_startpagina_en_403(page, dronten, inburgeraar):
    beleid = UserFactory(
        username="beleid.browser", organisatie=dronten.organisatie, rol=Rol.BELEIDSMEDEWERKER
    )
    inloggen(page, beleid)
    assert page.get_by_role("heading", name="Dit mag u in Regie").is_visible()
    assert page.get_by_role("link", name="Zoeken").count() == 0
    assert axe_ernstige_schendingen(page) == []

    # A surname that is also a Dutch word on the 403 page ("U moet ..."): the check looks for the
    # person's name and BSN, not for a word (it failed at random on Faker's "Moet").
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(voornamen="Noor", geslachtsnaam="Moet")
    antwoord = page.goto(f"/inburgeraars/{inburgeraar.uuid}/")
    assert antwoord.status == 403
    assert page.get_by_role("heading", name="U heeft geen toegang").is_visible()
    inhoud = page.content()
    assert "Noor Moet" not in inhoud and inburgeraar.bsn not in inhoud
    assert axe_ernstige_schendingen(page) == []

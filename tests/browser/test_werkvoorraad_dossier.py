"""Worklist, team view and case pages in a real browser: htmx updates in place, and no
serious WCAG 2.1 AA problems (axe-core), also with error messages shown."""

from datetime import timedelta

import pytest

from regie.demo.factories import UserFactory
from regie.inburgeraars.models import Inburgeraar
from regie.klok import vandaag
from regie.werkvoorraad.tests.hulp import maak_inburgeraar, nieuw_bsn
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture
def dossiers(dronten, consulent):
    return {
        "te_laat": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, datum_melding_duo=vandaag() - timedelta(days=90)
        ),
        "rustig": maak_inburgeraar(gemeente=dronten, consulent=consulent),
    }


def test_werkvoorraad_filter_werkt_in_de_pagina(page, consulent, dossiers):
    inloggen(page, consulent)
    assert axe_ernstige_schendingen(page) == []
    page.evaluate("window.zelfdePagina = true")  # gone if the whole page loads again
    page.select_option("#id_signaal", "pip_termijn_verstreken")
    page.wait_for_function("document.querySelector('#werkvoorraad-aantal').textContent.includes('1 van 2')")
    assert page.evaluate("window.zelfdePagina") is True
    assert "signaal=pip_termijn_verstreken" in page.url
    assert page.locator(f"a[href='/inburgeraars/{dossiers['te_laat'].uuid}/']").count() == 1
    assert page.locator(f"a[href='/inburgeraars/{dossiers['rustig'].uuid}/']").count() == 0
    assert axe_ernstige_schendingen(page) == []


def test_team_toewijzen_werkt_de_rij_en_caseload_bij(page, teamleider, consulent, dronten, dossiers):
    collega = UserFactory(
        username="collega.browser", first_name="Cora", last_name="Collega", organisatie=dronten.organisatie
    )
    inloggen(page, teamleider)
    page.goto("/werkvoorraad/team/")
    page.wait_for_function("window.htmx !== undefined")
    assert axe_ernstige_schendingen(page) == []
    page.evaluate("window.zelfdePagina = true")
    uuid = dossiers["rustig"].uuid
    # One choice of colleague above the table (not a list in every row), then the row's button.
    page.select_option("#team-consulent", str(collega.pk))
    page.fill("#team-reden", "Verdeling")
    page.click(f"#toewijzen-{uuid}")
    page.wait_for_function("document.querySelector('#team-melding').textContent.includes('Cora Collega')")
    assert page.evaluate("window.zelfdePagina") is True
    assert "Nu: Cora Collega" in page.inner_text(f"#rij-{uuid}")
    assert page.locator(f"tr#rij-{uuid}").count() == 1  # still a table row, in its table
    assert page.locator("#werkvoorraad-resultaat tbody > tr").count() == 2
    assert "Cora Collega" in page.inner_text("#team-caseload")
    assert Inburgeraar.objects.get(pk=dossiers["rustig"].pk).consulent == collega

    # An error shows in that row, still in place.
    page.select_option("#team-consulent", "")
    page.click(f"#toewijzen-{uuid}")
    page.wait_for_selector(f"#fout-{uuid}")
    assert "Kies een consulent." in page.inner_text(f"#fout-{uuid}")
    assert page.get_attribute(f"#toewijzen-{uuid}", "aria-describedby") == f"fout-{uuid}"
    assert axe_ernstige_schendingen(page) == []


def test_registreren_met_fouten_en_partner_zoeken(page, consulent, dronten):
    partner = maak_inburgeraar(gemeente=dronten, voornamen="Karim", geslachtsnaam="Zoekmij")
    inloggen(page, consulent)
    page.goto("/inburgeraars/nieuw/")
    page.wait_for_function("window.htmx !== undefined")
    assert axe_ernstige_schendingen(page) == []

    page.fill("#id_partner_zoekterm", "Zoekmij")
    page.wait_for_selector(f"#id_partner option[value='{partner.pk}']", state="attached")
    assert "1 in de lijst." in page.inner_text("#partner-aantal")
    page.select_option("#id_partner", str(partner.pk))

    page.fill("#id_bsn", "123456789")
    page.fill("#id_voornamen", "Amina")
    page.fill("#id_geslachtsnaam", "Haddad")
    page.fill("#id_geboortedatum", "1990-05-17")
    page.select_option("#id_doelgroep", "asielstatushouder")
    page.click("button:has-text('Inburgeraar registreren')")
    page.wait_for_selector("#id_bsn_error")
    assert "Dit is geen geldig BSN" in page.inner_text("#id_bsn_error")
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert page.input_value("#id_partner") == str(partner.pk)
    assert axe_ernstige_schendingen(page) == []

    page.fill("#id_bsn", nieuw_bsn())
    page.press("#id_voornamen", "Enter")  # Enter saves the form, it does not search a partner
    page.wait_for_selector("text=Amina Haddad is geregistreerd.")
    nieuw = Inburgeraar.objects.get(voornamen="Amina", geslachtsnaam="Haddad")
    assert nieuw.partner == partner
    assert nieuw.bsn not in page.url


def test_dossierpaginas_toegankelijk(page, consulent, inburgeraar):
    inloggen(page, consulent)
    for pad in ("", "termijnen/", "tijdlijn/", "wijzigen/"):
        page.goto(f"/inburgeraars/{inburgeraar.uuid}/{pad}")
        assert axe_ernstige_schendingen(page) == [], pad
    page.goto(f"/inburgeraars/{inburgeraar.uuid}/")
    page.select_option("#id_naar", "afgerond")
    page.click("button:has-text('Status wijzigen')")
    page.wait_for_selector("#id_reden_error")
    assert axe_ernstige_schendingen(page) == []
    page.goto("/inburgeraars/zoeken/")
    assert axe_ernstige_schendingen(page) == []

"""The brede intake and PIP pages in a real browser: htmx updates in place, and no serious
WCAG 2.1 AA problems (axe-core) on the forms, also with error messages shown."""

import pytest

from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


def open_pagina(page, pad):
    page.goto(pad)
    page.wait_for_function("window.htmx !== undefined")


def test_brede_intake_werkt_in_de_pagina_bij(page, consulent, inburgeraar):
    inloggen(page, consulent)
    open_pagina(page, f"/inburgeraars/{inburgeraar.uuid}/intake/")
    assert axe_ernstige_schendingen(page) == []
    versie = page.get_attribute("#id_versie", "value")

    # A diploma is added in place: what was typed elsewhere in the intake stays, and the
    # intake form gets the new case version so it can still be saved.
    page.fill("#id_werkervaring", "Acht jaar kapper")
    page.fill("#id_diploma-naam", "Kappersopleiding")
    page.click("#diploma-toevoegen-knop")
    page.wait_for_selector("#diplomas th:has-text('Kappersopleiding')")
    assert "is toegevoegd" in page.inner_text("#diplomas-melding")
    assert page.input_value("#id_werkervaring") == "Acht jaar kapper"
    assert int(page.get_attribute("#id_versie", "value")) == int(versie) + 1

    page.click("button:has-text('Brede intake opslaan')")
    page.wait_for_selector("text=De brede intake is opgeslagen.")

    # An appointment's status changes in place.
    page.fill("#id_afspraak-begint_op", "2030-01-10T10:00")
    page.fill("#id_afspraak-locatie", "Stadhuis")
    page.click("button:has-text('Afspraak plannen')")
    page.wait_for_selector("#afspraken tbody tr")
    page.wait_for_function("window.htmx !== undefined")
    page.select_option("#afspraken tbody select", "gehouden")
    page.click("#afspraken tbody button")
    page.wait_for_function("document.querySelector('#afspraken-melding').textContent.includes('gehouden')")
    assert axe_ernstige_schendingen(page) == []


def test_pip_formulier_met_meldingen_is_toegankelijk(page, consulent, inburgeraar):
    inloggen(page, consulent)
    open_pagina(page, f"/inburgeraars/{inburgeraar.uuid}/pip/nieuw/")
    page.check("#id_leerroute_1")  # onderwijsroute
    page.select_option("#id_taalniveau", "A2")
    page.click("button:has-text('PIP vaststellen')")
    page.wait_for_selector("#id_taalniveau_error")
    assert "Bij de onderwijsroute hoort geen taaldoel A2." in page.inner_text("#id_taalniveau_error")
    assert axe_ernstige_schendingen(page) == []

"""Ontzorging in the browser: a consultant records ontzorging (Pw 56a) and a fixed cost (first an
invalid IBAN: the message, nothing saved); a financieel medewerker sets the municipality's account,
sees what would be paid and prepares the run, cannot approve it herself; a colleague approves it
and downloads the SEPA file, which validates against the pain.001 schema. axe-core on every page."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import NIET_OP_DE_PAGINA, InburgeraarFactory, UserFactory
from regie.klok import vandaag
from regie.ontzorging import sepa
from regie.ontzorging.models import Betaalrun, VasteLast
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    reverse("ontzorging:start")


def _nieuwe_pagina(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, locale="nl-NL", accept_downloads=True
    )
    pagina = context.new_page()
    pagina.set_default_timeout(15_000)
    return context, pagina


def _consulent_legt_ontzorging_vast(page, consulent, statushouder):
    inloggen(page, consulent)
    page.goto(f"/inburgeraars/{statushouder.uuid}/ontzorging/")
    assert "Voor dit dossier is geen ontzorging vastgelegd." in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("link", name="Ontzorging vastleggen").click()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Verblijfsvergunning").select_option(value="asiel")
    page.get_by_label("Eerste betaling bijstand").fill((vandaag() - timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Ontzorging vastleggen").click()
    page.wait_for_url(f"**/inburgeraars/{statushouder.uuid}/ontzorging/")
    assert "Loopt" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("link", name="Vaste last toevoegen").click()
    page.get_by_label("Soort").select_option(value="huur")
    page.get_by_label("Naam begunstigde").fill("Woonstichting De Meerpaal")
    page.get_by_label("IBAN").fill("NL91 ABNA 0417 1643 01")
    page.get_by_label("Bedrag per maand (€)").fill("645,50")
    page.get_by_label("Betalingskenmerk").fill("Huurcontract 2026-0042")
    page.get_by_role("button", name="Toevoegen").click()
    tekst = page.inner_text("main")
    assert "Er is nog niets opgeslagen." in tekst and "geen geldig IBAN" in tekst
    assert not VasteLast.objects.exists()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("IBAN").fill("NL91 ABNA 0417 1643 00")
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_url(f"**/inburgeraars/{statushouder.uuid}/ontzorging/")
    assert "Woonstichting De Meerpaal" in page.inner_text("main") and "€ 645,50" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []


def test_betaalrun_van_voorbereiden_tot_sepa_bestand(page, browser, live_server, dronten, consulent):
    statushouder = InburgeraarFactory(
        gemeente=dronten, consulent=consulent, doelgroep="asielstatushouder", geslachtsnaam=NIET_OP_DE_PAGINA
    )
    _consulent_legt_ontzorging_vast(page, consulent, statushouder)

    eerste = UserFactory(
        username="financieel.browser", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )
    tweede = UserFactory(
        username="financieel2.browser", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )
    context, a = _nieuwe_pagina(browser, live_server)
    inloggen(a, eerste)
    a.get_by_role("link", name="Betaalruns ontzorging").click()
    assert axe_ernstige_schendingen(a) == []
    a.get_by_role("link", name="Dronten").click()
    assert "Leg eerst de betaalrekening van de gemeente vast" in a.inner_text("main")
    assert axe_ernstige_schendingen(a) == []
    a.get_by_role("link", name="Betaalrekening van de gemeente").click()
    a.get_by_label("IBAN").fill("NL14 BNGH 0285 0012 34")
    a.get_by_label("BIC").fill("BNGHNL2G")
    assert axe_ernstige_schendingen(a) == []
    a.get_by_role("button", name="Opslaan").click()
    a.wait_for_url("**/ontzorging/0303/")
    voorbeeld = a.get_by_role("table", name="Wat nog betaald moet worden").inner_text()
    assert "€ 645,50" in voorbeeld
    a.get_by_role("button", name="Run voorbereiden").click()
    a.wait_for_url("**/ontzorging/0303/runs/**")
    run_adres = a.url
    assert "U heeft deze run zelf voorbereid." in a.inner_text("main")
    assert axe_ernstige_schendingen(a) == []
    a.get_by_label("Ik heb de betalingen gecontroleerd").check()
    a.get_by_role("button", name="Goedkeuren en betaalbestand maken").click()
    assert "vier ogen" in a.inner_text("main")
    assert Betaalrun.objects.get().status == "voorbereid"
    assert axe_ernstige_schendingen(a) == []
    context.close()

    context, b = _nieuwe_pagina(browser, live_server)
    inloggen(b, tweede)
    b.goto(run_adres)
    hoofd = b.inner_text("main")
    assert "Woonstichting De Meerpaal" in hoofd and statushouder.geslachtsnaam not in hoofd
    b.get_by_label("Ik heb de betalingen gecontroleerd").check()
    b.get_by_role("button", name="Goedkeuren en betaalbestand maken").click()
    b.wait_for_url("**/ontzorging/0303/runs/**")
    assert "De betaalrun is goedgekeurd." in b.inner_text("main")
    assert axe_ernstige_schendingen(b) == []
    with b.expect_download() as download:
        b.get_by_role("link", name="Betaalbestand downloaden").click()
    inhoud = Path(download.value.path()).read_bytes()
    assert sepa.schemafouten(inhoud) == []
    assert b"<CtrlSum>645.50</CtrlSum>" in inhoud and b"NL91ABNA0417164300" in inhoud
    run = Betaalrun.objects.get()
    assert run.status == "geexporteerd" and run.voorbereid_door == eerste and run.goedgekeurd_door == tweede
    context.close()

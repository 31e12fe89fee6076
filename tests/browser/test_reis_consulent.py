"""The consultant's main journey, end to end in a real browser (issue 3, "Done when"):
log in -> register a newcomer -> record the brede intake -> decide the PIP -> read the
deadlines with their explanation -> download the PIP decision as PDF. Every page on the
way is scanned with axe-core for serious and critical WCAG 2.1 AA violations."""

from datetime import timedelta

import pytest

from regie.demo.factories import geldig_bsn
from regie.inburgeraars.models import Inburgeraar
from regie.klok import vandaag
from regie.wet import termijnen
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


def toegankelijk(page, wat):
    assert axe_ernstige_schendingen(page) == [], wat


def test_consulent_van_aanmelding_tot_pip_besluit(page, consulent, dronten):
    inloggen(page, consulent)
    toegankelijk(page, "werkvoorraad")

    # 1. Register a newcomer (DUO notice 3 weeks ago).
    melding = vandaag() - timedelta(days=21)
    page.click("text=Nieuwe inburgeraar")
    page.wait_for_function("window.htmx !== undefined")
    toegankelijk(page, "registreren")
    page.fill("#id_bsn", geldig_bsn(987_654))
    page.fill("#id_voornamen", "Rahel")
    page.fill("#id_geslachtsnaam", "Tesfay")
    page.fill("#id_geboortedatum", "1994-03-02")
    page.select_option("#id_geslacht", "vrouw")
    page.select_option("#id_doelgroep", "asielstatushouder")
    page.select_option("#id_gemeente", str(dronten.pk))
    page.fill("#id_datum_melding_duo", melding.isoformat())
    page.fill("#id_datum_inschrijving_brp", melding.isoformat())
    page.click("button:has-text('Inburgeraar registreren')")
    page.wait_for_selector("text=Rahel Tesfay is geregistreerd.")
    inburgeraar = Inburgeraar.objects.get(voornamen="Rahel", geslachtsnaam="Tesfay")
    assert inburgeraar.consulent == consulent
    assert inburgeraar.bsn not in page.url
    toegankelijk(page, "dossier")

    # 2. Record the brede intake.
    page.click("nav[aria-label='Onderdelen van het dossier'] >> text=Brede intake")
    page.wait_for_function("window.htmx !== undefined")
    toegankelijk(page, "brede intake")
    page.fill("#id_werkervaring", "Zes jaar naaister in Asmara")
    page.fill("#id_wensen_en_motivatie", "Wil snel Nederlands leren en werken in de zorg.")
    page.click("button:has-text('Brede intake opslaan')")
    page.wait_for_selector("text=De brede intake is opgeslagen.")
    toegankelijk(page, "brede intake opgeslagen")

    # 3. Decide the PIP: B1-route, dagtekening today.
    page.click("nav[aria-label='Onderdelen van het dossier'] >> text=PIP")
    page.click("main a:has-text('PIP vaststellen')")
    toegankelijk(page, "PIP-formulier")
    page.check("#id_leerroute_0")
    page.fill("#id_dagtekening", vandaag().isoformat())
    page.fill("#id_aantal_voortgangsgesprekken", "4")
    page.click("button:has-text('PIP vaststellen')")
    page.wait_for_selector("text=PIP versie 1 is vastgesteld.")
    toegankelijk(page, "PIP vastgesteld")

    # 4. The deadlines, each with the date, the article and the explanation.
    page.click("nav[aria-label='Onderdelen van het dossier'] >> text=Termijnen")
    toegankelijk(page, "termijnen")
    tekst = page.inner_text("main")
    einde = termijnen.inburgeringstermijn(vandaag())
    assert "Einde inburgeringstermijn" in tekst
    assert "Wet inburgering 2021, art. 11" in tekst
    assert einde.toelichting in tekst
    assert "Besluit inburgering 2021, art. 5.3" in tekst

    # 5. Download the decision as PDF.
    page.click("nav[aria-label='Onderdelen van het dossier'] >> text=PIP")
    with page.expect_download() as download_info:
        page.click("text=Besluit downloaden als PDF (versie 1)")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert inburgeraar.bsn not in download.suggested_filename
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

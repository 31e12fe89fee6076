"""The steering side in the browser: a beleidsmedewerker of Drechtsteden sees the four
municipalities side by side with charts, the cohorts, sets a target, writes a council report,
finalises it and downloads the PDF. axe-core on every page."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.organisaties.models import Gemeente
from regie.rapportage.models import Raadsrapportage, RapportStatus
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    """Load the URLconf (and WeasyPrint) before the first page, so the live server's first answer
    is not slower than the page timeout on a busy machine."""
    reverse("rapportage:dashboard")


def test_beleidsmedewerker_dashboard_en_raadsrapportage(page, dordrecht):
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    vorig_jaar = date.today().year - 1
    for gemeente, aantal in ((dordrecht, 7), (zwijndrecht, 5)):
        for _ in range(aantal):
            InburgeraarFactory(gemeente=gemeente, datum_melding_duo=date(vorig_jaar, 3, 1))
    beleid = UserFactory(
        username="beleid.browser", organisatie=dordrecht.organisatie, rol=Rol.BELEIDSMEDEWERKER
    )
    inloggen(page, beleid)

    page.get_by_role("link", name="Dashboard").click()
    page.wait_for_url("**/rapportage/")
    expect(page.get_by_role("heading", name="Dashboard inburgering")).to_be_visible()
    page.locator("details.regie-rapportage-filter > summary").click()
    page.fill("#id_van", f"{vorig_jaar}-01-01")
    page.fill("#id_tot", f"{vorig_jaar}-12-31")
    page.get_by_role("button", name="Cijfers tonen").click()
    page.wait_for_url("**/rapportage/?**")
    instroom = page.get_by_role("table", name="Instroom: de cijfers")
    for naam in ("Dordrecht", "Zwijndrecht", "Papendrecht", "Hendrik-Ido-Ambacht"):
        expect(instroom.get_by_role("columnheader", name=naam)).to_be_visible()
    expect(instroom.get_by_role("row", name="Melding van DUO (inburgeringsplicht) 7 0 0 5")).to_be_visible()
    assert page.locator("svg[role=img]").count() >= 16
    assert axe_ernstige_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Instroom downloaden als CSV").click()
    assert download.value.suggested_filename == "instroom.csv"

    page.get_by_role("link", name="Cohorten").click()
    expect(page.get_by_role("heading", name="Cohorten: elk jaar nieuwe inburgeraars gevolgd")).to_be_visible()
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("link", name="Streefwaarden").click()
    page.select_option("#id_gemeente", label="Dordrecht (0505)")
    page.get_by_label("Streefwaarde (%)").fill("honderdtwintig")
    page.get_by_role("button", name="Streefwaarde opslaan").click()
    expect(page.get_by_text("Vul een getal in").first).to_be_visible()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Streefwaarde (%)").fill("80")
    page.get_by_role("button", name="Streefwaarde opslaan").click()
    expect(page.get_by_text("is 80.0%")).to_be_visible()

    page.get_by_role("link", name="Raadsrapportages").click()
    page.select_option("#id_gemeente", label="Dordrecht (0505)")
    page.fill("#id_jaar", str(vorig_jaar))
    page.get_by_role("button", name="Concept maken").click()
    page.wait_for_url("**/rapportage/raad/*/")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Inleiding").fill("Het jaar in cijfers.")
    page.get_by_label("Toelichting op de resultaten").fill("De instroom was hoger dan verwacht.")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_text("Het concept is opgeslagen.")).to_be_visible()
    page.get_by_role("button", name="Definitief maken").click()
    expect(page.get_by_text("De rapportage is definitief.")).to_be_visible()
    assert Raadsrapportage.objects.get().status == RapportStatus.DEFINITIEF
    assert page.get_by_role("button", name="Concept opslaan").count() == 0
    assert axe_ernstige_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Definitieve PDF downloaden").click()
    assert download.value.suggested_filename.endswith(".pdf")

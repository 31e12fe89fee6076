"""COA koppelingen in the browser: a team lead uploads COA's file, sees every row's problem in the
preview, confirms a good file and finds the new case with its voorinburgering; the taakstelling
page and, for the functioneel beheerder, the background tasks page. axe-core on every page."""

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.coa.demo import VOORBEELDBESTAND, VOORBEELDBESTAND_MET_FOUTEN, taakstellingen_maken
from regie.demo.factories import UserFactory
from regie.inburgeraars.models import Inburgeraar
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    """Load the URLconf (and what it imports, such as WeasyPrint) before the first page, so the
    live server's first answer is not slower than the page timeout on a busy machine."""
    reverse("coa:imports")


def _upload(page, pad):
    page.goto("/coa/")
    page.set_input_files(
        "input[type=file]", files=[{"name": pad.name, "mimeType": "text/csv", "buffer": pad.read_bytes()}]
    )
    page.get_by_role("button", name="Inlezen en controleren").click()
    page.wait_for_url("**/coa/*/")


def test_teamleider_leest_koppelingen_in_en_ziet_de_taakstelling(page, teamleider, dronten):
    taakstellingen_maken()
    inloggen(page, teamleider)
    page.get_by_role("link", name="Koppelingen COA").click()
    assert axe_ernstige_schendingen(page) == []

    _upload(page, VOORBEELDBESTAND_MET_FOUTEN)
    tekst = page.inner_text("main")
    assert "Er is nog niets opgeslagen." in tekst
    assert "is geen geldige datum" in tekst and "hoort niet bij uw organisatie" in tekst
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("button", name="Bestand weggooien").click()
    page.wait_for_url("**/coa/")

    _upload(page, VOORBEELDBESTAND)
    assert not Inburgeraar.objects.exists()
    page.get_by_role("button", name="9 rijen verwerken").click()
    page.wait_for_url("**/coa/*/")
    assert "6 nieuwe dossiers" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("link", name="Farid Rahimi").first.click()
    assert "Was leraar wiskunde in Herat" in page.inner_text("main")

    page.get_by_role("link", name="Taakstelling").click()
    assert "Taakstelling huisvesting" in page.inner_text("h1")
    assert axe_ernstige_schendingen(page) == []


def test_beheerder_ziet_de_achtergrondtaken(page, dronten):
    beheerder = UserFactory(
        username="beheer.browser", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )
    inloggen(page, beheerder)
    page.get_by_role("link", name="Achtergrondtaken").click()
    assert "Achtergrondtaken" in page.inner_text("h1")
    assert axe_ernstige_schendingen(page) == []

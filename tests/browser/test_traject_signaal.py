"""Issue 5's browser test: a provider uploads a week's attendance as CSV in the portal, sees the
preview and confirms; the consultant then sees the absence signal on "Mijn werkvoorraad", opens
the case's Voortgang tab from it and plans a progress talk. axe-core on every page."""

from datetime import timedelta

import pytest

from regie.aanbieders.factories import AanbiederFactory
from regie.demo.factories import UserFactory, pip_vastgesteld
from regie.klok import vandaag
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgang.models import Weekrapportage
from regie.voortgangsgesprekken.models import Aanleiding, Voortgangsgesprek
from regie.voortgangsgesprekken.tests.conftest import gestart
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture
def traject(dronten, consulent, inburgeraar):
    """A case with a PIP and a B1-route referral that started six weeks ago."""
    school = AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Flevoland")
    docent = UserFactory(
        username="docent.browser",
        first_name="Dirk",
        last_name="Docent",
        organisatie=dronten.organisatie,
        rol="aanbieder",
        aanbieder=school,
    )
    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    return gestart(inburgeraar, consulent, docent, weken_geleden=6), docent


def test_aanbieder_uploadt_aanwezigheid_consulent_ziet_signaal_en_plant_gesprek(page, consulent, traject):
    verwijzing, docent = traject
    persoon = verwijzing.inburgeraar
    week = maandag_van(vandaag()) - timedelta(weeks=1)
    csv = (
        "bsn;verwijzing;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd;opmerking\n"
        f"{persoon.bsn};;{week:%d-%m-%Y};12;8;0;0;4;Twee lessen niet gekomen\n"
    )

    # The provider: upload, preview (nothing stored yet), confirm.
    inloggen(page, docent)
    page.goto("/aanbieder/upload/")
    assert axe_ernstige_schendingen(page) == []
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "week.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8")}],
    )
    page.get_by_role("button", name="Bestand controleren").click()
    page.wait_for_url("**/aanbieder/upload/*/")
    assert "Voorbeeld van de upload" in page.inner_text("h1")
    assert "Geen fouten" in page.inner_text("main")
    assert not Weekrapportage.objects.filter(verwijzing=verwijzing).exists()
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("text=Opgeslagen op")
    assert Weekrapportage.objects.get(verwijzing=verwijzing, actueel=True).uren_afwezig_ongeoorloofd == 4
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")

    # The consultant: the signal on the worklist, from there the Voortgang tab, plan a talk.
    inloggen(page, consulent)
    signaal = page.locator(".regie-signaal", has_text="ongeoorloofd afwezig")
    assert "33 % van de lesuren ongeoorloofd afwezig in de laatste 4 weken" in signaal.inner_text()
    assert axe_ernstige_schendingen(page) == []
    signaal.get_by_role("link", name="Naar voortgang").click()
    page.wait_for_url(f"**/inburgeraars/{persoon.uuid}/voortgang/?signaal=ongeoorloofd_afwezig")
    assert "33 %" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []
    assert page.input_value("#id_plannen-aanleiding") == Aanleiding.SIGNAAL
    dag = vandaag() + timedelta(days=7)
    page.fill("#id_plannen-gepland_op", dag.isoformat())
    page.fill("#id_plannen-met_wie", "inburgeraar en docent")
    page.get_by_role("button", name="Gesprek plannen").click()
    page.wait_for_selector("text=Het voortgangsgesprek is gepland")
    assert axe_ernstige_schendingen(page) == []
    gesprek = Voortgangsgesprek.objects.get(inburgeraar=persoon)
    assert gesprek.gepland_op == dag and gesprek.aanleiding == Aanleiding.SIGNAAL
    assert "ongeoorloofd afwezig" in gesprek.aanleiding_toelichting

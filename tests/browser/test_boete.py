"""Issue 12's browser test for handhaving: the consultant writes and sends a warning, records the
intention to fine with its report, the (missing) zienswijze after a refused first try, and the
decision; a team lead approves it from "Boetes ter goedkeuring", downloads the beschikking as PDF,
registers the bezwaar and its outcome. axe-core on every new page."""

from datetime import timedelta

import pytest

from regie.demo.factories import pip_vastgesteld
from regie.handhaving.models import Boete, Boetebeleid, BoeteStatus
from regie.klok import vandaag
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


def schoon(page):
    assert axe_ernstige_schendingen(page) == [], page.url


def test_van_waarschuwing_tot_beschikking_en_bezwaar(page, dronten, consulent, teamleider, inburgeraar):
    Boetebeleid.objects.create(gemeente=dronten, asielstatushouders_beboeten=True)
    pip_vastgesteld(inburgeraar, consulent)
    dag = lambda n: (vandaag() - timedelta(days=n)).isoformat()  # noqa: E731

    # The consultant: the written warning, sent.
    inloggen(page, consulent)
    page.goto(f"/inburgeraars/{inburgeraar.uuid}/waarschuwing/nieuw/")
    page.select_option("#id_aanleiding", "ongeoorloofd_afwezig")
    page.fill("#id_omschrijving", "U was drie weken niet op les. Vanaf nu verwachten wij u bij elke les.")
    page.get_by_role("button", name="Waarschuwing opslaan als concept").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/voortgang/")
    page.fill("input[name$='verzonden_op']", dag(40))
    page.get_by_role("button", name="Brief is verzonden").click()
    page.wait_for_selector("text=De waarschuwing staat op 'verzonden'.")

    # The handhaving page, and the intention to fine with its report.
    page.get_by_role("link", name="Handhaving en boetes bekijken").click()
    page.wait_for_url(f"**/inburgeraars/{inburgeraar.uuid}/handhaving/")
    schoon(page)
    page.get_by_role("link", name="Voornemen tot boete").click()
    schoon(page)
    page.select_option("#id_waarschuwing", index=1)
    page.get_by_label("Verwijtbaar niet nakomen van het PIP", exact=False).check()
    page.fill("#id_pleegdatum", dag(30))
    page.fill("#id_feiten", "Niet op les in drie weken, zonder bericht aan de taalschool.")
    page.fill("#id_rapport_datum", dag(20))
    page.fill("#id_zienswijze_uiterlijk", dag(6))
    page.get_by_role("button", name="Voornemen vastleggen").click()
    page.wait_for_selector("text=Het voornemen is vastgelegd")
    boete = Boete.objects.get(inburgeraar=inburgeraar)
    schoon(page)

    # Bad input: a written zienswijze without what was said. The page says so; nothing is saved.
    page.get_by_label("Schriftelijk").check()
    page.get_by_role("button", name="Zienswijze vastleggen").click()
    page.wait_for_selector("text=Er is niets opgeslagen.")
    assert "Schrijf op wat de inburgeraar heeft gezegd of geschreven." in page.inner_text("main")
    boete.refresh_from_db()
    assert boete.status == BoeteStatus.VOORNEMEN
    schoon(page)
    page.get_by_label("Geen reactie voor de uiterste datum").check()
    page.get_by_role("button", name="Zienswijze vastleggen").click()
    page.wait_for_selector("text=De zienswijze is vastgelegd")
    assert "Eerste boete voor het niet nakomen van het PIP: € 50,00 (Wi 23)." in page.inner_text("main")
    schoon(page)
    page.get_by_label("Boete geven").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_selector("text=wacht op goedkeuring door een teamleider")
    schoon(page)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")

    # The team lead: the list, approval, the beschikking as PDF.
    inloggen(page, teamleider)
    page.get_by_role("link", name="Boetes ter goedkeuring").click()
    schoon(page)
    page.get_by_role("link", name=inburgeraar.naam).click()
    page.get_by_label("Goedkeuren: de beschikking kan weg").check()
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    page.wait_for_selector("text=Uw beoordeling is vastgelegd.")
    schoon(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Beschikking downloaden (PDF)").click()
    pad = download.value.path()
    with open(pad, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.startswith("boetebesluit-")

    # The bezwaar and its outcome: partly upheld, the fine lower.
    page.fill("#id_bezwaar-ontvangen_op", vandaag().isoformat())
    page.get_by_role("button", name="Bezwaar registreren").click()
    page.wait_for_selector("text=Het bezwaar is geregistreerd.")
    schoon(page)
    page.get_by_label("Deels gegrond: de boete wordt lager").check()
    page.fill("#id_beslissing-beslist_op", vandaag().isoformat())
    page.fill("#id_beslissing-nieuw_bedrag", "25,00")
    page.fill("#id_beslissing-toelichting", "De inburgeraar volgt nu alle lessen.")
    page.get_by_role("button", name="Beslissing vastleggen").click()
    page.wait_for_selector("text=De beslissing op het bezwaar is vastgelegd.")
    assert "Na bezwaar verlaagd naar € 25,00." in page.inner_text("main")
    schoon(page)
    boete.refresh_from_db()
    assert (boete.status, boete.bedrag_centen, boete.bezwaar.uitkomst) == ("opgelegd", 2_500, "deels_gegrond")

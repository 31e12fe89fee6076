"""The CBS page in the browser: the team lead of Dronten chooses the last quarter, sees the
validation report (who misses what, per consultant, with a link to the case), is refused while an
item is missing, delivers without that person, and downloads the file, which validates against the
schema. axe-core on every page."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from regie.cbs.definitie import schema_fouten
from regie.cbs.kwartaal import laatste_afgesloten
from regie.cbs.models import Levering
from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.models import Doelgroep
from regie.klok import vandaag
from regie.verwerkingslog.models import Verwerking
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    reverse("cbs:overzicht")


def test_teamleider_controleert_levert_en_downloadt(page, teamleider, consulent, dronten):
    kwartaal = laatste_afgesloten(vandaag())
    gekoppeld = kwartaal.begin + timedelta(days=5)
    compleet = InburgeraarFactory(
        gemeente=dronten, doelgroep=Doelgroep.GEZINSMIGRANT, datum_melding_duo=gekoppeld, consulent=consulent
    )
    onvolledig = InburgeraarFactory(
        gemeente=dronten, datum_melding_duo=gekoppeld, datum_koppeling_coa=None, consulent=consulent
    )
    inloggen(page, teamleider)
    page.get_by_role("link", name="CBS-levering").click()
    assert "Levering aan het CBS" in page.inner_text("h1")
    assert "Voorlopige definitie" in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []

    assert page.get_by_label("Kwartaal", exact=True).input_value() == str(kwartaal)
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_url("**/cbs/controle/**")
    hoofd = page.inner_text("main")
    assert f"Controle: Dronten, {kwartaal.label}" in hoofd
    assert onvolledig.naam in hoofd and compleet.naam not in hoofd
    assert str(consulent) in hoofd
    assert page.get_by_role("link", name=f"Datum koppeling COA van {onvolledig.naam}").get_attribute(
        "href"
    ) == reverse("inburgeraars:dossier", args=[onvolledig.uuid])
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("button", name="Bestand maken (1 personen)").click()
    assert "Er is niets geleverd" in page.inner_text("main")
    assert not Levering.objects.exists()
    assert axe_ernstige_schendingen(page) == []

    page.get_by_label("Lever zonder de 1 personen bij wie iets ontbreekt").check()
    page.get_by_role("button", name="Bestand maken (1 personen)").click()
    page.wait_for_url("**/cbs/#levering-*")
    assert f"Het bestand voor Dronten over het {kwartaal.label} is gemaakt: 1 personen" in page.inner_text(
        "main"
    )
    assert axe_ernstige_schendingen(page) == []

    levering = Levering.objects.get()
    with page.expect_download() as download:
        page.locator(f"#levering-{levering.uuid}").get_by_role("link", name="Download").click()
    inhoud = Path(download.value.path()).read_bytes()
    assert inhoud == bytes(levering.bestand)
    assert schema_fouten(inhoud) == []
    assert compleet.bsn.encode() in inhoud and onvolledig.bsn.encode() not in inhoud
    assert Verwerking.objects.filter(handeling="cbs_levering_gedownload", gebruiker=teamleider).exists()

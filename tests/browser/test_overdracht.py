"""A move between two organisations in the browser: Dronten's consultant makes the hand-over package
for Noordoostpolder on the tab Verhuizing, Noordoostpolder's consultant finds it under Overdrachten,
reads it and takes it over, and lands on the new case with Dronten's PIP. axe-core on every page."""

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn, pip_vastgesteld
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import Status
from regie.organisaties.models import Gemeente
from tests.browser.conftest import axe_ernstige_schendingen, inloggen

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _adressen_geladen():
    reverse("overdracht:inbox")


def test_overdracht_van_dronten_naar_noordoostpolder(page, browser, live_server, dronten, consulent):
    noordoostpolder = Gemeente.objects.get(cbs_code="0171")
    consulent_nop = UserFactory(
        username="consulent.nop", organisatie=noordoostpolder.organisatie, rol=Rol.CONSULENT
    )
    oud = InburgeraarFactory(
        gemeente=dronten, consulent=consulent, bsn=geldig_bsn(83_001), geslachtsnaam="Haddad"
    )
    pip_vastgesteld(oud, consulent)

    inloggen(page, consulent)
    page.goto(f"/inburgeraars/{oud.uuid}/verhuizing/")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("button", name="Overdrachtspakket maken").click()  # nothing chosen: the message
    assert "Er is niets opgeslagen." in page.inner_text("main")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_label("Nieuwe gemeente in Regie").select_option(label="Noordoostpolder (0171)")
    page.get_by_role("button", name="Overdrachtspakket maken").click()
    page.wait_for_url(f"**/inburgeraars/{oud.uuid}/verhuizing/")
    assert "staat klaar bij de gemeente Noordoostpolder" in page.inner_text("main")

    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
    nieuw_venster = context.new_page()
    try:
        inloggen(nieuw_venster, consulent_nop)
        nieuw_venster.get_by_role("link", name="Overdrachten").click()
        assert "Haddad" in nieuw_venster.inner_text("main")
        assert axe_ernstige_schendingen(nieuw_venster) == []
        nieuw_venster.get_by_role("link", name="Haddad").click()
        assert "PIP van de vorige gemeente" in nieuw_venster.inner_text("main")
        assert axe_ernstige_schendingen(nieuw_venster) == []
        nieuw_venster.get_by_role("button", name="Overdracht overnemen").click()
        nieuw_venster.wait_for_url("**/verhuizing/")
        assert "Van de vorige gemeente: Dronten" in nieuw_venster.inner_text("main")
        assert axe_ernstige_schendingen(nieuw_venster) == []
    finally:
        context.close()
    oud.refresh_from_db()
    assert oud.status == Status.VERHUISD
    assert Inburgeraar.objects.filter(organisatie=noordoostpolder.organisatie, bsn=oud.bsn).exists()

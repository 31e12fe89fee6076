"""GET /api/v1/inburgeraars/{uuid}/ontzorging/vaste-lasten: the household's fixed costs, read-only,
paginated in the database, scoped like the case, and logged as a read."""

from datetime import date

import pytest
from django.urls import reverse

from regie.api.tests.conftest import client_met_token
from regie.demo.factories import InburgeraarFactory
from regie.ontzorging import services
from regie.ontzorging.tests.conftest import IBAN_ENERGIE, geldig_iban, last
from regie.verwerkingslog.models import Actie, Kanaal, Verwerking

pytestmark = pytest.mark.django_db


@pytest.fixture
def statushouder(dronten, consulent):
    return InburgeraarFactory(gemeente=dronten, consulent=consulent, doelgroep="asielstatushouder")


@pytest.fixture
def ontzorging(statushouder, consulent):
    return services.ontzorging_vastleggen(
        inburgeraar=statushouder, door=consulent, vergunning="asiel", eerste_bijstand=date(2026, 9, 20)
    )


@pytest.fixture
def vaste_lasten(ontzorging, consulent):
    return [
        last(ontzorging, consulent, van=date(2026, 9, 1)),
        last(
            ontzorging, consulent, soort="energie", begunstigde="Vattenfall", iban=IBAN_ENERGIE, bedrag=12000
        ),
    ]


def _adres(inburgeraar):
    return reverse("api:vaste-last-list", kwargs={"uuid": inburgeraar.uuid})


def test_lijst_van_vaste_lasten_in_centen(api_consulent, vaste_lasten, statushouder):
    antwoord = api_consulent.get(_adres(statushouder))
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["count"] == 2
    huur = next(r for r in data["results"] if r["soort"] == "huur")
    assert huur["bedrag"] == 64550 and huur["iban"] == "NL91ABNA0417164300" and huur["van"] == "2026-09-01"
    regel = Verwerking.objects.filter(onderdeel="ontzorging", actie=Actie.LEZEN, kanaal=Kanaal.API).get()
    assert list(regel.betrokkenen.values_list("inburgeraar_id", flat=True)) == [statushouder.pk]


def test_zonder_ontzorging_een_lege_lijst(api_consulent, inburgeraar):
    antwoord = api_consulent.get(_adres(inburgeraar))
    assert antwoord.status_code == 200 and antwoord.json()["count"] == 0


def test_alleen_lezen(api_consulent, statushouder, ontzorging):
    assert api_consulent.post(_adres(statushouder), {}, format="json").status_code == 405


def test_andere_organisatie_404(consulent_drechtsteden, statushouder, ontzorging):
    assert client_met_token(consulent_drechtsteden).get(_adres(statushouder)).status_code == 404


def test_gepagineerd_met_vast_aantal_queries(api_consulent, ontzorging, consulent, statushouder):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    last(ontzorging, consulent)

    def aantal():
        with CaptureQueriesContext(connection) as vastgelegd:
            assert api_consulent.get(_adres(statushouder) + "?pageSize=5").status_code == 200
        return len(vastgelegd)

    aantal()
    weinig = aantal()
    for n in range(11):
        last(ontzorging, consulent, begunstigde=f"Verhuurder {n}", iban=geldig_iban(n), kenmerk=f"K{n}")
    assert aantal() == weinig
    assert api_consulent.get(_adres(statushouder) + "?pageSize=5&page=3").json()["count"] == 12

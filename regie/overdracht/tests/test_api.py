"""POST /api/v1/inburgeraars/{uuid}/overdrachtspakket per role, and bad input (problem+json)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from regie.accounts.models import Rol
from regie.api.tests.conftest import client_met_token
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.overdracht import services
from regie.overdracht.models import OntvangenPakket
from regie.verwerkingslog.models import Verwerking


@pytest.fixture
def pakket(dossier, consulent):
    return services.pakket_maken(
        inburgeraar=dossier, door=consulent, naar_gemeente_naam="Noordoostpolder"
    ).pakket


@pytest.fixture
def ontvangend(noordoostpolder, consulent_nop, dossier):
    return InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn)


def _adres(inburgeraar):
    return reverse("api:overdrachtspakket", kwargs={"uuid": inburgeraar.uuid})


def _gebruiker(naam, noordoostpolder, consulent_nop, dronten):
    org = noordoostpolder.organisatie
    return {
        "eigen_consulent": consulent_nop,
        "collega": UserFactory(organisatie=org, rol=Rol.CONSULENT),
        "teamleider": UserFactory(organisatie=org, rol=Rol.TEAMLEIDER),
        "beleidsmedewerker": UserFactory(organisatie=org, rol=Rol.BELEIDSMEDEWERKER),
        "privacy_officer": UserFactory(organisatie=org, rol=Rol.PRIVACY_OFFICER),
        "teamleider_andere_organisatie": UserFactory(organisatie=dronten.organisatie, rol=Rol.TEAMLEIDER),
    }[naam]


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("eigen_consulent", 200),
        ("teamleider", 200),
        ("collega", 403),  # reads the case, does not change it
        ("beleidsmedewerker", 403),
        ("privacy_officer", 403),
        ("teamleider_andere_organisatie", 404),  # Dronten's team lead: no such case for them
    ],
)
def test_per_rol(naam, verwacht, pakket, ontvangend, noordoostpolder, consulent_nop, dronten):
    client = client_met_token(_gebruiker(naam, noordoostpolder, consulent_nop, dronten))
    antwoord = client.post(_adres(ontvangend), pakket, format="json")
    assert antwoord.status_code == verwacht, antwoord.content
    assert OntvangenPakket.objects.filter(inburgeraar=ontvangend).exists() == (verwacht == 200)
    if verwacht == 200:
        assert antwoord.json()["leerroute_vorige_gemeente"] == "b1"
        assert antwoord.json()["van_gemeente_naam"] == "Dronten"
    else:
        assert antwoord["Content-Type"] == "application/problem+json"


def test_anoniem(pakket, ontvangend):
    antwoord = APIClient().post(_adres(ontvangend), pakket, format="json")
    assert antwoord.status_code == 401


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda p: p["persoon"].update(bsn=geldig_bsn(81_777)), "ander BSN"),
        (lambda p: p.update(schema_versie="3"), "schemaversie '3'"),
        (lambda p: p["pip"].update(versies="geen lijst"), "pip.versies"),
        (lambda p: [p], "één JSON-object"),
    ],
)
def test_slechte_invoer(wijzig, melding, pakket, ontvangend, consulent_nop):
    kapot = wijzig(pakket) or pakket
    antwoord = client_met_token(consulent_nop).post(_adres(ontvangend), kapot, format="json")
    assert antwoord.status_code == 400 and antwoord["Content-Type"] == "application/problem+json"
    assert melding in str(antwoord.json()["invalidParams"])
    assert not OntvangenPakket.objects.exists()
    regel = Verwerking.objects.get(handeling="overdracht_geweigerd")
    assert regel.kanaal == "api" and melding in regel.reden

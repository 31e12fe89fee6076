import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, pip_vastgesteld


@pytest.fixture
def taalschool(dronten):
    return AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Flevoland")


@pytest.fixture
def contract(taalschool):
    return ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=2)


@pytest.fixture
def pip(inburgeraar, consulent):
    """The case gets a B1-route PIP with PVT and MAP (no maatschappelijke begeleiding)."""
    gemaakt = pip_vastgesteld(inburgeraar, consulent, maatschappelijke_begeleiding=False)
    inburgeraar.refresh_from_db()
    return gemaakt


@pytest.fixture
def medewerker_taalschool(dronten, taalschool):
    return UserFactory(
        username="docent.taalschool", organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=taalschool
    )


@pytest.fixture
def andere_aanbieder(dronten):
    return AanbiederFactory(organisatie=dronten.organisatie, naam="Vluchtelingenwerk Flevoland")


@pytest.fixture
def medewerker_andere_aanbieder(dronten, andere_aanbieder):
    return UserFactory(
        username="medewerker.vwn",
        organisatie=dronten.organisatie,
        rol=Rol.AANBIEDER,
        aanbieder=andere_aanbieder,
    )

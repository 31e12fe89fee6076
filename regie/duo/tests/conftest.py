import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, pip_vastgesteld
from regie.duo.uitgaand.models import UitgaandBericht


@pytest.fixture
def bij_duo(duo_simulator, inburgeraar):
    """The case's person as DUO knows them: an asielstatushouder in Dronten (0303)."""
    duo_simulator.persoon_toevoegen(inburgeraar.bsn, "0303")
    return duo_simulator


@pytest.fixture
def pip(inburgeraar, consulent):
    gemaakt = pip_vastgesteld(inburgeraar, consulent, geschatte_intensiteit_uren=1200, alfabetisering="NVT")
    inburgeraar.refresh_from_db()
    return gemaakt


@pytest.fixture
def taalschool(dronten):
    return AanbiederFactory(
        organisatie=dronten.organisatie,
        naam="Taalschool Flevoland",
        instellingsnummer="1000012345",  # DUO's form (10 characters); the simulator knows it (BoW keurmerk)
    )


@pytest.fixture
def contract(taalschool):
    return ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=20)


@pytest.fixture
def docent(dronten, taalschool):
    return UserFactory(
        username="docent.taalschool", organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=taalschool
    )


def berichten(inburgeraar, soort=None):
    qs = UitgaandBericht.objects.filter(inburgeraar=inburgeraar).order_by("id")
    return list(qs.filter(soort=soort) if soort else qs)

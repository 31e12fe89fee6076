import pytest

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.demo.factories import pip_vastgesteld

# taalschool, medewerker_taalschool, andere_aanbieder, medewerker_andere_aanbieder: root conftest.py


@pytest.fixture
def contract(taalschool):
    return ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=2)


@pytest.fixture
def pip(inburgeraar, consulent):
    """The case gets a B1-route PIP with PVT and MAP (no maatschappelijke begeleiding)."""
    gemaakt = pip_vastgesteld(inburgeraar, consulent, maatschappelijke_begeleiding=False)
    inburgeraar.refresh_from_db()
    return gemaakt

"""A Dronten case with a B1-route PIP (4 progress talks), and a started referral to a language
school whose employee reports (through H1's and H2's services)."""

import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, pip_vastgesteld
from regie.trajecten.tests.conftest import gestart as trajecten_gestart


@pytest.fixture
def met_pip(inburgeraar, consulent):
    pip_vastgesteld(inburgeraar, consulent, aantal_voortgangsgesprekken=4)
    inburgeraar.refresh_from_db()
    return inburgeraar


@pytest.fixture
def docent(dronten):
    school = AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Flevoland")
    return UserFactory(organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=school)


def gestart(inburgeraar, consulent, docent, *, weken_geleden=8, perceel=Perceel.B1_ROUTE):
    """A started referral of a case that has a PIP."""
    contract = ContractFactory(aanbieder=docent.aanbieder, perceel=perceel, capaciteit=100)
    return trajecten_gestart(inburgeraar, consulent, contract, docent, weken_geleden=weken_geleden)


@pytest.fixture
def verwijzing(met_pip, consulent, docent):
    return gestart(met_pip, consulent, docent)

"""A Dronten case with a B1-route PIP (4 progress talks), and a started referral to a language
school whose employee reports (through H1's and H2's services)."""

from datetime import timedelta

import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory, verwezen
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, pip_vastgesteld
from regie.inburgeraars.services import vandaag
from regie.trajecten import services as trajecten


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
    begin = vandaag() - timedelta(weeks=weken_geleden)
    verwijzing = verwezen(inburgeraar, consulent, contract=contract, verzonden_op=begin - timedelta(days=7))
    trajecten.accepteren(verwijzing=verwijzing, startdatum=begin, door=docent)
    trajecten.starten(verwijzing=verwijzing, startdatum=begin, door=docent)
    verwijzing.refresh_from_db()
    return verwijzing


@pytest.fixture
def verwijzing(met_pip, consulent, docent):
    return gestart(met_pip, consulent, docent)

"""Fixtures shared by all tests. Data comes from the demo generator's factories."""

import pytest

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.demo.organisaties import maak_organisaties
from regie.organisaties.models import Gemeente


@pytest.fixture
def organisaties(db):
    return maak_organisaties()


@pytest.fixture
def dronten(organisaties):
    return Gemeente.objects.get(cbs_code="0303")


@pytest.fixture
def dordrecht(organisaties):
    return Gemeente.objects.get(cbs_code="0505")


@pytest.fixture
def consulent(dronten):
    return UserFactory(username="consulent.dronten", organisatie=dronten.organisatie, rol=Rol.CONSULENT)


@pytest.fixture
def teamleider(dronten):
    return UserFactory(username="teamleider.dronten", organisatie=dronten.organisatie, rol=Rol.TEAMLEIDER)


@pytest.fixture
def consulent_drechtsteden(dordrecht):
    return UserFactory(
        username="consulent.drechtsteden", organisatie=dordrecht.organisatie, rol=Rol.CONSULENT
    )


@pytest.fixture
def inburgeraar(dronten, consulent):
    return InburgeraarFactory(gemeente=dronten, consulent=consulent)

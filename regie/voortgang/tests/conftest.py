"""A started B1-route referral (through H1's services) with the root conftest's language school of
Dronten and its employee."""

from datetime import timedelta

import pytest

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.demo.factories import InburgeraarFactory, geldig_bsn, pip_vastgesteld
from regie.klok import vandaag
from regie.trajecten.tests.conftest import gestart
from regie.voortgang.csv_invoer import maandag_van

# taalschool, medewerker_taalschool, andere_aanbieder, medewerker_andere_aanbieder: root conftest.py


@pytest.fixture
def contract(taalschool):
    return ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=20)


def gestarte_verwijzing(inburgeraar, consulent, contract, medewerker, *, weken_geleden=8):
    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    return gestart(inburgeraar, consulent, contract, medewerker, weken_geleden=weken_geleden)


@pytest.fixture
def verwijzing(inburgeraar, consulent, contract, medewerker_taalschool):
    return gestarte_verwijzing(inburgeraar, consulent, contract, medewerker_taalschool)


@pytest.fixture
def tweede_verwijzing(dronten, consulent, contract, medewerker_taalschool):
    persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(4242))
    return gestarte_verwijzing(persoon, consulent, contract, medewerker_taalschool)


@pytest.fixture
def vorige_week():
    return maandag_van(vandaag()) - timedelta(weeks=1)


def uren(aangeboden=12, gevolgd=10, ziek=2, afspraak=0, ongeoorloofd=0) -> dict:
    return {
        "uren_aangeboden": aangeboden,
        "uren_gevolgd": gevolgd,
        "uren_afwezig_ziek": ziek,
        "uren_afwezig_afspraak": afspraak,
        "uren_afwezig_ongeoorloofd": ongeoorloofd,
    }

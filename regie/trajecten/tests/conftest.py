from datetime import timedelta

import pytest

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.demo.factories import pip_vastgesteld
from regie.klok import vandaag
from regie.trajecten import services
from regie.trajecten.factories import verwezen

# taalschool, medewerker_taalschool, andere_aanbieder, medewerker_andere_aanbieder: root conftest.py


@pytest.fixture
def contract(taalschool):
    return ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=2)


@pytest.fixture
def pip(inburgeraar, consulent):
    """The case gets a B1-route PIP with PVT and MAP (no maatschappelijke begeleiding: the
    consultant confirmed the warning of Wi 13 lid 1)."""
    gemaakt = pip_vastgesteld(
        inburgeraar, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True
    )
    inburgeraar.refresh_from_db()
    return gemaakt


def gestart(inburgeraar, consulent, contract, medewerker, *, weken_geleden=8):
    """A started referral of a case that has a PIP: sent a week before it began `weken_geleden` weeks
    ago, accepted and started by the provider's employee, all through the services. The tests of
    voortgang, voortgangsgesprekken and duo import it (they report on or message about it)."""
    begin = vandaag() - timedelta(weeks=weken_geleden)
    verwijzing = verwezen(inburgeraar, consulent, contract=contract, verzonden_op=begin - timedelta(days=7))
    services.accepteren(verwijzing=verwijzing, startdatum=begin, door=medewerker)
    services.starten(verwijzing=verwijzing, startdatum=begin, door=medewerker)
    verwijzing.refresh_from_db()
    return verwijzing

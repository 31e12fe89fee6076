from datetime import date

import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.inburgeraars.termijnvelden import termijnvelden_opslaan
from regie.organisaties.models import Gemeente
from regie.pip.models import Pip
from regie.rapportage.cijfers import Filter
from regie.trajecten.models import Verwijzing, VerwijzingStatus

JAAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def zwijndrecht(organisaties):
    return Gemeente.objects.get(cbs_code="0642")


@pytest.fixture
def beleid_drechtsteden(dordrecht):
    return UserFactory(
        username="beleid.drechtsteden", organisatie=dordrecht.organisatie, rol=Rol.BELEIDSMEDEWERKER
    )


@pytest.fixture
def beleid_dronten(dronten):
    return UserFactory(username="beleid.dronten", organisatie=dronten.organisatie, rol=Rol.BELEIDSMEDEWERKER)


@pytest.fixture
def f(dordrecht, zwijndrecht):
    """Dordrecht and Zwijndrecht side by side, calendar year 2026."""
    return Filter((dordrecht, zwijndrecht), *JAAR)


@pytest.fixture
def maak(dordrecht):
    """Helpers that store hand-built data directly (no services: the tests control every date)."""
    door = UserFactory(username="consulent.maak", organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    aanbieder = AanbiederFactory(organisatie=dordrecht.organisatie, naam="Taalschool Zuid")

    class Maak:
        consulent = door

        @staticmethod
        def dossier(gemeente, **velden):
            velden.setdefault("datum_melding_duo", date(2026, 1, 5))
            velden.setdefault("datum_inschrijving_brp", velden["datum_melding_duo"])
            return InburgeraarFactory(gemeente=gemeente, **velden)

        @staticmethod
        def pip(inburgeraar, dagtekening, leerroute="b1", versie=1):
            pip = Pip.objects.create(
                inburgeraar=inburgeraar,
                versie=versie,
                dagtekening=dagtekening,
                leerroute=leerroute,
                vastgesteld_door=door,
            )
            # What pip_vaststellen does after a new PIP: the first PIP's dagtekening and the deadlines
            # stored on the case (the KPIs read them there).
            termijnvelden_opslaan(inburgeraar)
            return pip

        @staticmethod
        def verwijzing(inburgeraar, onderdeel="b1_route", naam=None, **velden):
            pip = inburgeraar.pips.first() or Maak.pip(inburgeraar, date(2026, 2, 1))
            contract = ContractFactory(
                aanbieder=AanbiederFactory(organisatie=inburgeraar.organisatie, naam=naam)
                if naam
                else aanbieder,
                perceel=onderdeel,
            )
            velden.setdefault("verzonden_op", date(2026, 2, 1))
            velden.setdefault("status", VerwijzingStatus.GESTART)
            return Verwijzing.objects.create(
                inburgeraar=inburgeraar, pip=pip, onderdeel=onderdeel, contract=contract, **velden
            )

    return Maak

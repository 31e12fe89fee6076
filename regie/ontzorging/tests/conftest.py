"""A Dronten household with ontzorging and three fixed costs, and two financieel medewerkers."""

from datetime import date

import pytest
from stdnum import iban

from regie.accounts.models import Rol
from regie.demo.factories import NIET_OP_DE_PAGINA, InburgeraarFactory, UserFactory
from regie.ontzorging import betaalruns, services
from regie.ontzorging.models import Vergunning

IBAN_VERHUURDER = "NL91ABNA0417164300"
IBAN_ENERGIE = "NL44RABO0123456789"
IBAN_ZORG = "NL20INGB0001234567"


def geldig_iban(n: int) -> str:
    """A valid Dutch IBAN for test number `n` (check digits computed by python-stdnum)."""
    bban = f"TRIO{n:010d}"
    return f"NL{iban.calc_check_digits('NL00' + bban)}{bban}"


@pytest.fixture
def vandaag(monkeypatch):
    dag = date(2027, 3, 10)
    for module in (
        "regie.ontzorging.services",
        "regie.ontzorging.betaalruns",
        "regie.ontzorging.views_dossier",
    ):
        monkeypatch.setattr(f"{module}.vandaag", lambda: dag)
    return dag


@pytest.fixture
def statushouder(dronten, consulent):
    return InburgeraarFactory(
        gemeente=dronten, consulent=consulent, doelgroep="asielstatushouder", geslachtsnaam=NIET_OP_DE_PAGINA
    )


@pytest.fixture
def ontzorging(statushouder, consulent, vandaag):
    return services.ontzorging_vastleggen(
        inburgeraar=statushouder,
        door=consulent,
        vergunning=Vergunning.ASIEL,
        eerste_bijstand=date(2027, 1, 20),
    )


def last(ontzorging, door, **anders):
    gegevens = {
        "soort": "huur",
        "begunstigde": "Woonstichting De Meerpaal",
        "iban": IBAN_VERHUURDER,
        "bedrag": 64550,
        "van": date(2027, 1, 1),
        "kenmerk": "Huurcontract 2027-0042",
    } | anders
    ontzorging.inburgeraar.refresh_from_db()
    return services.vaste_last_toevoegen(ontzorging=ontzorging, door=door, **gegevens)


@pytest.fixture
def vaste_lasten(ontzorging, consulent):
    return [
        last(ontzorging, consulent),
        last(
            ontzorging,
            consulent,
            soort="energie",
            begunstigde="Vattenfall",
            iban=IBAN_ENERGIE,
            bedrag=12000,
            kenmerk="Klant 778812",
        ),
        last(
            ontzorging,
            consulent,
            soort="zorgverzekering",
            begunstigde="Zilveren Kruis",
            iban=IBAN_ZORG,
            bedrag=14250,
            kenmerk="Polis 55120",
        ),
    ]


@pytest.fixture
def financieel(dronten):
    return UserFactory(
        username="financieel.dronten", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )


@pytest.fixture
def financieel2(dronten):
    return UserFactory(
        username="financieel2.dronten", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )


@pytest.fixture
def rekening(dronten, financieel):
    return betaalruns.betaalrekening_vastleggen(
        gemeente=dronten, door=financieel, naam="Gemeente Dronten", iban="NL14BNGH0285001234", bic="BNGHNL2G"
    )

"""A Dronten case as the demo has them (brede intake with health, a PIP, a running referral with
attendance, a warning) and the staff of Noordoostpolder, the other organisation that receives it."""

import datetime as dt
from decimal import Decimal

import pytest

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, IntakeFactory, UserFactory, geldig_bsn, pip_vastgesteld
from regie.handhaving.services import waarschuwing_opstellen
from regie.klok import vandaag
from regie.organisaties.models import Gemeente


@pytest.fixture
def noordoostpolder(organisaties):
    return Gemeente.objects.get(cbs_code="0171")


@pytest.fixture
def consulent_nop(noordoostpolder):
    return UserFactory(username="consulent.nop", organisatie=noordoostpolder.organisatie, rol=Rol.CONSULENT)


@pytest.fixture
def dossier(dronten, consulent):
    inburgeraar = InburgeraarFactory(
        gemeente=dronten,
        consulent=consulent,
        bsn=geldig_bsn(81_001),
        datum_melding_duo=vandaag() - dt.timedelta(days=200),
        datum_inschrijving_brp=vandaag() - dt.timedelta(days=200),
    )
    IntakeFactory(inburgeraar=inburgeraar, gezondheid_psychisch="Slaapt slecht (geheim)")
    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    from regie.trajecten.factories import verwezen
    from regie.voortgang.models import Weekrapportage

    verwijzing = verwezen(inburgeraar, consulent)
    Weekrapportage.objects.create(
        verwijzing=verwijzing,
        week=vandaag() - dt.timedelta(days=vandaag().weekday() + 7),
        uren_aangeboden=Decimal("12"),
        uren_gevolgd=Decimal("9.5"),
        uren_afwezig_ziek=Decimal("0"),
        uren_afwezig_afspraak=Decimal("0"),
        uren_afwezig_ongeoorloofd=Decimal("2.5"),
    )
    inburgeraar.refresh_from_db()
    waarschuwing_opstellen(
        inburgeraar=inburgeraar,
        door=consulent,
        aanleiding="ongeoorloofd_afwezig",
        omschrijving="Kom elke les.",
        datum=vandaag(),
    )
    inburgeraar.refresh_from_db()
    return inburgeraar

"""A Dronten case with everything a page can show: partner, child, brede intake (with
special data), a diploma, an appointment and a PIP, all made through the services."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, KindFactory, UserFactory, geldig_bsn, pip_vastgesteld
from regie.inburgeraars.services import inburgeraar_wijzigen
from regie.intake import services as intake_services
from regie.verwerkingslog.models import Verwerking


@dataclass
class Dossier:
    hoofd: object
    partner: object
    pip: object
    afspraak: object
    diploma: object


@pytest.fixture
def privacy_officer(dronten):
    return UserFactory(username="privacy.dronten", organisatie=dronten.organisatie, rol=Rol.PRIVACY_OFFICER)


@pytest.fixture
def privacy_officer_drechtsteden(dordrecht):
    return UserFactory(
        username="privacy.drechtsteden", organisatie=dordrecht.organisatie, rol=Rol.PRIVACY_OFFICER
    )


@pytest.fixture
def collega(dronten):
    """A consultant of the same team: reads the case, is not its own consultant."""
    return UserFactory(username="collega.dronten", organisatie=dronten.organisatie, rol=Rol.CONSULENT)


@pytest.fixture
def dossier(dronten, consulent):
    hoofd = InburgeraarFactory(
        gemeente=dronten, consulent=consulent, bsn=geldig_bsn(7001), geslachtsnaam="Verwerkingstest"
    )
    partner = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(7002))
    inburgeraar_wijzigen(inburgeraar=hoofd, door=consulent, versie=None, partner=partner)
    KindFactory(ouder=hoofd)
    intake_services.brede_intake_opslaan(
        inburgeraar=hoofd,
        door=consulent,
        versie=None,
        werkervaring="Kok in een restaurant",
        gezondheid_lichamelijk="Rugklachten",
    )
    diploma = intake_services.diploma_toevoegen(
        inburgeraar=hoofd, door=consulent, versie=None, naam="Diploma koken", land="Syrië", jaar=2012
    )
    afspraak = intake_services.afspraak_plannen(
        inburgeraar=hoofd,
        door=consulent,
        begint_op=timezone.make_aware(
            dt.datetime.combine(timezone.localdate() + dt.timedelta(days=7), dt.time(10))
        ),
        locatie="Gemeentehuis Dronten",
    )
    hoofd.refresh_from_db()
    pip = pip_vastgesteld(hoofd, consulent)
    hoofd.refresh_from_db()
    return Dossier(hoofd=hoofd, partner=partner, pip=pip, afspraak=afspraak, diploma=diploma)


def laatste_id() -> int:
    return Verwerking.objects.order_by("-id").values_list("id", flat=True).first() or 0


def nieuw_sinds(vanaf: int):
    return Verwerking.objects.filter(id__gt=vanaf).prefetch_related("betrokkenen").order_by("id")


def personen(verwerking) -> set[int]:
    return {b.inburgeraar_id for b in verwerking.betrokkenen.all()}

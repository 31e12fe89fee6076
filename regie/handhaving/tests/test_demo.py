"""The demo's handhaving (regie.handhaving.demo): each municipality's policy, and warnings and fines
in every step, with one bezwaar of each outcome kind the story tells; nothing dated after today."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from regie.handhaving.models import Bezwaar, Boete, Boetebeleid, BoeteStatus, Waarschuwing
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEMO=True):
        call_command("seed_demo", "--seed", "5", "--scale", "0.4", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db, settings):
    settings.DEMO = True


def test_boetes_in_elke_stap(demo):
    assert Boetebeleid.objects.count() == 6
    assert set(Boete.objects.values_list("status", flat=True)) == set(BoeteStatus.values)
    assert set(Bezwaar.objects.values_list("uitkomst", flat=True)) == {"deels_gegrond", "gegrond"}
    assert Waarschuwing.objects.filter(status="concept").exists()
    assert not Boete.objects.filter(besloten_op__gt=vandaag()).exists()
    assert Gebeurtenis.objects.filter(soort="boete").count() > Boete.objects.count()


def test_geen_boete_voor_asielstatushouders_waar_de_gemeente_dat_niet_wil(demo):
    toegestaan = Boetebeleid.objects.filter(asielstatushouders_beboeten=True).values("gemeente")
    assert not (
        Boete.objects.filter(inburgeraar__doelgroep="asielstatushouder")
        .exclude(inburgeraar__gemeente__in=toegestaan)
        .exists()
    )

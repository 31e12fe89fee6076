"""The demo's providers, contracts and referrals (regie.trajecten.demo), on a small demo."""

from datetime import datetime, time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from regie.aanbieders.models import Aanbieder, Contract, Inkoopvorm, Perceel
from regie.accounts.models import Rol, User
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import selectors
from regie.trajecten.demo import bouw_trajecten
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--seed", "4", "--scale", "0.08", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db):
    return None


def test_aanbieders_en_contracten_per_organisatie(demo):
    for aanbieder in Aanbieder.objects.all():
        assert aanbieder.contracten.exists()
    assert Aanbieder.objects.values("organisatie").distinct().count() == 3
    assert Contract.objects.filter(perceel=Perceel.PVT, inkoopvorm=Inkoopvorm.SUBSIDIE).count() == 3
    assert Contract.objects.filter(perceel=Perceel.TOLK, prijs_per="uur").exists()
    # An ended contract and its successor.
    assert Contract.objects.filter(perceel=Perceel.B1_ROUTE, einddatum__isnull=False).exists()


def test_verwijzingen_in_verhouding(demo):
    statussen = list(Verwijzing.objects.values_list("status", flat=True))
    assert len(statussen) > 30
    gestart = statussen.count(S.GESTART) + statussen.count(S.AFGEROND) + statussen.count(S.AFGEBROKEN)
    assert gestart > len(statussen) / 2
    assert {S.VERZONDEN, S.GEWEIGERD, S.GESTART, S.AFGEROND} <= set(statussen)
    assert Verwijzing.objects.filter(status=S.VERZONDEN, op_wachtlijst=True).exists()
    # Every referral follows its PIP and its contract's organisation.
    for verwijzing in Verwijzing.objects.select_related(
        "pip", "contract__aanbieder", "inburgeraar__gemeente"
    ):
        from regie.trajecten.services import onderdelen_in_pip

        assert verwijzing.onderdeel in onderdelen_in_pip(verwijzing.pip)
        assert verwijzing.contract.aanbieder.organisatie_id == verwijzing.inburgeraar.gemeente.organisatie_id


def test_tijdlijn_in_het_verleden(demo):
    middernacht = timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    assert not Gebeurtenis.objects.filter(soort="verwijzing", op__gte=middernacht).exists()
    assert not Verwijzing.objects.filter(beantwoord_op__gte=timezone.localdate()).exists()


def test_aanbieder_account_bij_de_taalschool(demo):
    for gebruiker in User.objects.filter(username__startswith="aanbieder.", rol=Rol.AANBIEDER):
        assert gebruiker.aanbieder.naam.startswith("Taalschool")
        assert gebruiker.aanbieder.organisatie_id == gebruiker.organisatie_id
        eigen = selectors.verwijzingen_voor(gebruiker)
        assert eigen.exists()
        assert not eigen.exclude(contract__aanbieder=gebruiker.aanbieder).exists()


def test_nogmaals_verandert_niets(demo):
    aantal = Verwijzing.objects.count()
    bouw_trajecten()
    assert Verwijzing.objects.count() == aantal
    assert Aanbieder.objects.count() == 18

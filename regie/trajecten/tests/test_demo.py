"""The demo's providers, contracts and referrals (regie.trajecten.demo), on a few cases made
here (the full demo runs in regie/demo/tests/test_seed_demo.py)."""

from datetime import datetime, time, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from regie.aanbieders.models import Aanbieder, Contract, Inkoopvorm, Perceel
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, pip_vastgesteld
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import selectors
from regie.trajecten.demo import bouw_trajecten
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.trajecten.services import onderdelen_in_pip


def _maak_demo():
    from regie.demo.organisaties import maak_organisaties
    from regie.organisaties.models import Gemeente

    maak_organisaties()
    vandaag = timezone.localdate()
    for kort, code in (("dronten", "0303"), ("drechtsteden", "0505")):
        gemeente = Gemeente.objects.get(cbs_code=code)
        consulent = UserFactory(
            username=f"consulent.{kort}", organisatie=gemeente.organisatie, rol=Rol.CONSULENT
        )
        UserFactory(username=f"aanbieder.{kort}", organisatie=gemeente.organisatie, rol=Rol.AANBIEDER)
        for index in range(12):
            persoon = InburgeraarFactory(
                gemeente=gemeente,
                consulent=consulent,
                datum_melding_duo=vandaag - timedelta(days=12 + 70 * index),
            )
            pip_vastgesteld(
                persoon, consulent, leerroute="z_route" if index % 5 == 4 else "b1", tolk=index % 3 == 0
            )
    return bouw_trajecten(vandaag=vandaag, seed=7)


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    """Built once for this module; every test runs in a savepoint inside it (the `db` fixture)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _maak_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db):
    return demo_eenmalig


def test_aanbieders_en_contracten_per_organisatie(demo):
    assert Aanbieder.objects.values("organisatie").distinct().count() == 3
    for aanbieder in Aanbieder.objects.all():
        assert aanbieder.contracten.exists()
    assert Contract.objects.filter(perceel=Perceel.PVT, inkoopvorm=Inkoopvorm.SUBSIDIE).count() == 3
    assert Contract.objects.filter(perceel=Perceel.TOLK, prijs_per="uur").exists()
    # An ended contract and its successor.
    assert Contract.objects.filter(perceel=Perceel.B1_ROUTE, einddatum__isnull=False).count() == 3


def test_verwijzingen_in_verhouding(demo):
    statussen = list(Verwijzing.objects.values_list("status", flat=True))
    assert len(statussen) > 40
    gestart = sum(statussen.count(s) for s in (S.GESTART, S.AFGEROND, S.AFGEBROKEN))
    assert gestart > len(statussen) / 2
    assert {S.VERZONDEN, S.GEWEIGERD, S.GESTART, S.AFGEROND} <= set(statussen)
    assert Verwijzing.objects.filter(status=S.VERZONDEN, op_wachtlijst=True).count() >= 2
    assert demo[S.GESTART] == statussen.count(S.GESTART)
    for verwijzing in Verwijzing.objects.select_related(
        "pip", "contract__aanbieder", "inburgeraar__gemeente"
    ):
        assert verwijzing.onderdeel in onderdelen_in_pip(verwijzing.pip)
        assert verwijzing.contract.aanbieder.organisatie_id == verwijzing.inburgeraar.gemeente.organisatie_id
        if verwijzing.startdatum:
            assert verwijzing.verzonden_op <= verwijzing.beantwoord_op <= verwijzing.startdatum


def test_tijdlijn_in_het_verleden(demo):
    middernacht = timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    assert Gebeurtenis.objects.filter(soort="verwijzing").count() >= Verwijzing.objects.count()
    assert not Gebeurtenis.objects.filter(soort="verwijzing", op__gte=middernacht).exists()
    assert not Verwijzing.objects.filter(beantwoord_op__gte=timezone.localdate()).exists()


def test_aanbieder_account_bij_de_taalschool(demo):
    for kort in ("dronten", "drechtsteden"):
        from regie.accounts.models import User

        gebruiker = User.objects.get(username=f"aanbieder.{kort}")
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


def test_gestart_traject_zet_het_dossier_in_uitvoering(demo):
    from regie.inburgeraars.models import Inburgeraar
    from regie.inburgeraars.status import Status

    gestart = (S.GESTART, S.AFGEROND, S.AFGEBROKEN)
    assert Inburgeraar.objects.filter(status=Status.IN_UITVOERING, verwijzingen__status__in=gestart).exists()
    assert not Inburgeraar.objects.filter(
        status=Status.PIP_VASTGESTELD, verwijzingen__status__in=gestart
    ).exists()
    middernacht = timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    wissels = Gebeurtenis.objects.filter(soort="status_gewijzigd", gegevens__naar=Status.IN_UITVOERING)
    assert wissels.exists() and not wissels.filter(op__gte=middernacht).exists()  # backdated like the rest


def test_aanbieders_hebben_een_instellingsnummer_van_duo(demo):
    nummers = list(
        Aanbieder.objects.exclude(instellingsnummer="").values_list("instellingsnummer", flat=True)
    )
    assert len(nummers) == len(set(nummers)) == 9  # three organisations, three course providers each
    for aanbieder in Aanbieder.objects.all():
        aanbieder.full_clean()  # DUO's form: exactly 10 characters

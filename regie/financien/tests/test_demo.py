"""The demo's budgets and invoices (regie.financien.demo), on the referrals of a few cases made
here (the full demo runs in regie/demo/tests)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, pip_vastgesteld
from regie.financien import selectors
from regie.financien.demo import geldzaken_demo
from regie.financien.models import Budget, Categorie, Factuur, Soort
from regie.organisaties.models import Gemeente
from regie.trajecten.demo import bouw_trajecten
from regie.trajecten.models import Verwijzing


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        from regie.demo.organisaties import maak_organisaties

        maak_organisaties()
        vandaag = timezone.localdate()
        gemeente = Gemeente.objects.get(cbs_code="0303")
        consulent = UserFactory(
            username="consulent.dronten", organisatie=gemeente.organisatie, rol=Rol.CONSULENT
        )
        UserFactory(username="aanbieder.dronten", organisatie=gemeente.organisatie, rol=Rol.AANBIEDER)
        UserFactory(
            username="financieel.dronten", organisatie=gemeente.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
        )
        for index in range(30):
            persoon = InburgeraarFactory(
                gemeente=gemeente,
                consulent=consulent,
                datum_melding_duo=vandaag - timedelta(days=20 + 25 * index),
            )
            pip_vastgesteld(persoon, consulent, tolk=index % 3 == 0)
        bouw_trajecten(vandaag=vandaag, seed=7)
        yield {"vandaag": vandaag, "gemaakt": geldzaken_demo(vandaag=vandaag, seed=7), "gemeente": gemeente}
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db):
    return demo_eenmalig


def test_budget_voor_vorig_en_dit_jaar_per_categorie(demo):
    jaar = demo["vandaag"].year
    per_jaar = dict(
        Budget.objects.filter(gemeente=demo["gemeente"])
        .values("jaar")
        .annotate(n=Count("pk"))
        .values_list("jaar", "n")
    )
    assert per_jaar == {jaar - 1: len(Categorie), jaar: len(Categorie)}
    b1 = Budget.objects.get(gemeente=demo["gemeente"], jaar=jaar, categorie=Categorie.B1_ROUTE)
    assert b1.bedrag > 0 and b1.bedrag % 10_000 == 0  # whole hundreds of euros


def test_facturen_in_het_verleden_uniek_en_binnen_een_jaar(demo):
    gisteren = demo["vandaag"] - timedelta(days=1)
    facturen = Factuur.objects.all()
    assert facturen.filter(soort=Soort.FACTUUR).count() > 30
    assert facturen.aggregate(laatste=Max("factuurdatum"))["laatste"] <= gisteren
    assert not facturen.filter(periode_tot__gt=gisteren).exists()
    for factuur in facturen:
        assert factuur.periode_van.year == factuur.periode_tot.year
        assert factuur.aanbieder_id == factuur.verwijzing.contract.aanbieder_id
    # Never more than a trajectory's price on one referral.
    totalen = facturen.values("verwijzing").annotate(som=Sum("bedrag")).order_by()
    for rij in totalen.exclude(verwijzing__onderdeel=Categorie.TOLK):
        contract = Verwijzing.objects.get(pk=rij["verwijzing"]).contract
        assert rij["som"] <= selectors.prijs_in_centen(contract)


def test_overzicht_van_dit_jaar_heeft_alle_vier_de_cijfers(demo):
    regels = selectors.besteding_per_categorie(
        demo["gemeente"], demo["vandaag"].year, peildatum=demo["vandaag"]
    )
    b1 = next(r for r in regels if r.categorie == Categorie.B1_ROUTE)
    assert b1.budget > 0 and b1.verplicht > 0 and b1.besteed > 0 and b1.prognose > b1.besteed


def test_tweede_keer_niets_erbij(demo):
    assert geldzaken_demo(vandaag=demo["vandaag"], seed=7) == {"budgetten": 0, "facturen": 0}

"""The demo's outcomes: built for the demo cases in the stated proportions, dated in the past, and
left alone when they exist (regie.participatie.demo)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from regie.klok import vandaag
from regie.organisaties.models import Gemeente
from regie.participatie import cijfers
from regie.participatie.demo import participatie_demo
from regie.participatie.models import Activiteit, Situatie, Soort
from regie.tijdlijn.models import Gebeurtenis
from regie.wet.meetmomenten import Meetmoment


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEMO=True):
        call_command("seed_demo", "--seed", "5", "--scale", "0.4", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db, settings):
    settings.DEMO = True


def test_elk_meetmoment_en_elke_soort_komt_voor(demo):
    assert {s.moment for s in Situatie.objects.all()} == {m.value for m in Meetmoment}
    # "anders" is rare (3 %) and may be missing from a small demo
    assert {a.soort for a in Activiteit.objects.all()} >= set(Soort.values) - {Soort.ANDERS}
    assert not Activiteit.objects.filter(einddatum__gte=vandaag()).exists()
    assert not Activiteit.objects.filter(startdatum__gte=vandaag()).exists()


def test_verhoudingen_na_24_maanden(demo):
    rijen = cijfers.situatie_per_meetmoment(Gemeente.objects.all(), meetmomenten=[Meetmoment.MAAND_24])
    gemeten = sum(r.gemeten for r in rijen)
    werk = sum(r.werk for r in rijen) / gemeten
    vrijwillig = cijfers.participatie_per_soort(Gemeente.objects.all(), peildatum=vandaag())
    # more volunteering than paid work on the day of the 24-month measurement
    assert sum(r.vrijwilligerswerk for r in rijen) > sum(r.werk for r in rijen)
    assert gemeten >= 30
    assert 0.15 <= werk <= 0.5, werk
    assert sum(r.bijstand_volledig for r in rijen) > sum(r.bijstand_geen for r in rijen)
    assert {r.soort for r in vrijwillig} >= {Soort.BETAALD_WERK, Soort.VRIJWILLIGERSWERK}


def test_tijdlijn_in_het_verleden_en_na_de_registratie(demo):
    middernacht = timezone.make_aware(timezone.datetime.combine(vandaag(), timezone.datetime.min.time()))
    gebeurtenissen = Gebeurtenis.objects.filter(soort__in=["participatie", "situatie"]).select_related(
        "inburgeraar"
    )
    assert gebeurtenissen.count() == Activiteit.objects.count() + Situatie.objects.count()
    for g in gebeurtenissen:
        assert g.inburgeraar.aangemaakt_op < g.op < middernacht


def test_een_dossier_met_uitkomsten_blijft_zoals_het_is(demo):
    def per_dossier():
        return sorted(Activiteit.objects.values_list("inburgeraar", "uuid")) + sorted(
            Situatie.objects.values_list("inburgeraar", "uuid")
        )

    voor = per_dossier()
    met_uitkomsten = {ib for ib, _ in voor}
    participatie_demo()
    assert [r for r in per_dossier() if r[0] in met_uitkomsten] == voor

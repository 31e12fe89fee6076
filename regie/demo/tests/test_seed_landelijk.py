"""`manage.py seed_landelijk`: the demo copied into the national layout holds what the demo holds
(the shared invariants), with its own people, accounts and municipalities per copy."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import User
from regie.demo.factories import DEMO_WACHTWOORD
from regie.demo.generator import OMVANG
from regie.demo.landelijk.kopieren import bsn_reeks
from regie.demo.tests import invarianten
from regie.demo.tweestaps import demo_totp_sleutel
from regie.duo.inkomend.models import Notificatie
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraars_voor
from regie.organisaties.models import Gemeente, Organisatie
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten.models import Verwijzing
from regie.verwerkingslog.models import Betrokkene, Verwerking


@pytest.fixture(scope="module")
def landelijk_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEMO=True):
        uit = StringIO()
        call_command("seed_landelijk", "--aantal", "300", "--sjabloon", "0.15", "--seed", "4", stdout=uit)
        yield {"uitvoer": uit.getvalue(), "gebouwd": timezone.now()}
        transaction.set_rollback(True)


@pytest.fixture
def landelijk(landelijk_eenmalig, db, settings):
    settings.DEMO = True
    return landelijk_eenmalig


def test_dezelfde_invarianten_als_de_demo(landelijk):
    invarianten.alle_invarianten(gebouwd=landelijk["gebouwd"])


def test_elke_sleutel_wijst_naar_een_bestaande_rij(landelijk):
    """The copies are written without per-row checks on PostgreSQL (regie.demo.landelijk.rijen)."""
    for model in apps.get_models(include_auto_created=True):
        for veld in model._meta.concrete_fields:
            if veld.is_relation:
                doel = veld.related_model._base_manager.values(veld.target_field.attname)
                zwevend = model._base_manager.exclude(**{f"{veld.attname}__isnull": True}).exclude(
                    **{f"{veld.attname}__in": doel}
                )
                assert not zwevend.exists(), f"{model._meta.label}.{veld.name}"


def test_omvang_en_indeling(landelijk):
    assert 250 <= Inburgeraar.objects.count() <= 350
    assert Gemeente.objects.count() > 300
    diensten = Organisatie.objects.filter(naam__startswith="Sociale Dienst", naam__endswith="e.o.")
    assert diensten.count() == 8
    # copies went to several municipalities; each case's organisation is its municipality's
    assert Inburgeraar.objects.values("gemeente").distinct().count() >= 5
    for inburgeraar in Inburgeraar.objects.select_related("gemeente", "consulent", "kern"):
        assert inburgeraar.organisatie_id == inburgeraar.gemeente.organisatie_id
        if inburgeraar.consulent:
            assert inburgeraar.consulent.organisatie_id == inburgeraar.organisatie_id
        if inburgeraar.kern:
            assert inburgeraar.kern.gemeente_id == inburgeraar.gemeente_id
            assert inburgeraar.woonplaats == inburgeraar.kern.naam


def test_een_kopie_verwijst_naar_zijn_eigen_rijen(landelijk):
    for gebeurtenis in Gebeurtenis.objects.select_related("inburgeraar", "door"):
        if gebeurtenis.door:
            assert gebeurtenis.door.organisatie_id == gebeurtenis.inburgeraar.organisatie_id
    for verwijzing in Verwijzing.objects.select_related("inburgeraar", "pip", "contract__aanbieder"):
        assert verwijzing.pip.inburgeraar_id == verwijzing.inburgeraar_id
        assert verwijzing.contract.aanbieder.organisatie_id == verwijzing.inburgeraar.organisatie_id
        for gebeurtenis in verwijzing.inburgeraar.gebeurtenissen.filter(gegevens__verwijzing__isnull=False):
            if isinstance(gebeurtenis.gegevens["verwijzing"], str):  # a uuid: one of the case's own
                assert gebeurtenis.gegevens["verwijzing"] in {
                    str(v) for v in verwijzing.inburgeraar.verwijzingen.values_list("uuid", flat=True)
                }
    for melding in Notificatie.objects.select_related("inburgeraar", "gemeente"):
        assert melding.bsn == melding.inburgeraar.bsn and melding.doel == melding.gemeente.oin


def test_het_verwerkingslog_noemt_de_kopie(landelijk):
    per_uuid = dict(Inburgeraar.objects.values_list("uuid", "id"))
    organisaties = dict(Organisatie.objects.values_list("id", "naam"))
    for betrokkene in Betrokkene.objects.all():
        assert per_uuid[betrokkene.inburgeraar_uuid] == betrokkene.inburgeraar_id
    for verwerking in Verwerking.objects.select_related("gebruiker").exclude(gebruiker=None):
        assert verwerking.gebruikersnaam == verwerking.gebruiker.username
        assert verwerking.namens_organisatie == organisaties[verwerking.namens_organisatie_id]
    # a copy's entries are its own requests: the template's trace ids stay the template's
    demo = Organisatie.objects.filter(naam__in=OMVANG).values_list("id", flat=True)
    sjabloon = set(
        Verwerking.objects.filter(namens_organisatie_id__in=demo).values_list("trace_id", flat=True)
    )
    kopieen = set(
        Verwerking.objects.exclude(namens_organisatie_id=None)
        .exclude(namens_organisatie_id__in=demo)
        .values_list("trace_id", flat=True)
    )
    assert kopieen and not sjabloon & kopieen


def test_accounts_per_kopie_met_demowachtwoord_en_code(landelijk):
    consulent = User.objects.filter(username__startswith="consulent.", username__endswith=".2").first()
    assert consulent.check_password(DEMO_WACHTWOORD)
    assert TOTPDevice.objects.filter(user=consulent, key=demo_totp_sleutel(consulent.username)).exists()
    zichtbaar = inburgeraars_voor(consulent)
    assert zichtbaar.exists()
    assert set(zichtbaar.values_list("organisatie", flat=True)) == {consulent.organisatie_id}


def test_bsn_reeks_geldig_en_buiten_de_demo():
    reeks = bsn_reeks()
    bsns = [next(reeks) for _ in range(5000)]
    assert len(set(bsns)) == len(bsns)
    assert not any(b.startswith(("9999", "9988")) for b in bsns)
    assert all(b.startswith("99") for b in bsns)

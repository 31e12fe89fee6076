"""`manage.py seed_demo`: builds cases through the services, backdates the timeline, creates
the log-ins, and refuses to mix with existing data."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import Rol, User
from regie.demo.database import is_demodatabase
from regie.demo.factories import DEMO_WACHTWOORD, InburgeraarFactory
from regie.demo.opbouw import demo_gebruikers
from regie.demo.tests import invarianten
from regie.demo.tweestaps import demo_totp_sleutel
from regie.inburgeraars.models import Inburgeraar


def seed(*args) -> str:
    uit = StringIO()
    call_command("seed_demo", *args, stdout=uit)
    return uit.getvalue()


@pytest.fixture(scope="module")
def gezaaid_eenmalig(django_db_setup, django_db_blocker):
    """Seed once for this module; every test runs in a savepoint inside it (the `db` fixture)."""
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEMO=True):
        yield seed("--seed", "3", "--scale", "0.08")
        transaction.set_rollback(True)


@pytest.fixture
def gezaaid(gezaaid_eenmalig, db, settings):
    settings.DEMO = True
    return gezaaid_eenmalig


def test_elke_status_en_de_tijdlijn_komen_uit_de_services(gezaaid):
    invarianten.statussen_en_tijdlijn_uit_de_services()


def test_tijdstempels_liggen_in_het_verleden_van_de_casus(gezaaid):
    invarianten.tijdstempels_in_het_verleden_van_de_casus()


def test_partners_wijzen_naar_elkaar(gezaaid):
    invarianten.partners_wijzen_naar_elkaar()


def test_bsns_geldig_en_uniek(gezaaid):
    invarianten.bsns_geldig_en_uniek_per_organisatie()


def test_vier_ogen_door_twee_mensen_met_twee_namen(gezaaid):
    invarianten.vier_ogen_door_twee_mensen()


def test_demo_accounts_per_organisatie(gezaaid):
    gebruikers = User.objects.filter(username__contains=".").select_related("organisatie")
    for kort, naam in [
        ("dronten", "Gemeente Dronten"),
        ("drechtsteden", "Sociale Dienst Drechtsteden"),
        ("noordoostpolder", "Gemeente Noordoostpolder"),
    ]:
        teamleider = gebruikers.get(username=f"teamleider.{kort}")
        assert teamleider.rol == Rol.TEAMLEIDER and teamleider.organisatie.naam == naam
        consulenten = gebruikers.filter(username__startswith="consulent", username__endswith=f".{kort}")
        assert consulenten.count() >= 2
        assert all(c.rol == Rol.CONSULENT and c.organisatie.naam == naam for c in consulenten)
    assert all(g.check_password(DEMO_WACHTWOORD) for g in gebruikers)
    assert "consulent.dronten" in gezaaid and DEMO_WACHTWOORD in gezaaid


def test_weigert_als_er_al_gegevens_zijn(gezaaid):
    aantal = Inburgeraar.objects.count()
    with pytest.raises(CommandError, match="Er staan al gegevens in de database .* --flush"):
        seed("--scale", "0.05")
    assert Inburgeraar.objects.count() == aantal
    uit = seed("--if-empty")
    assert "niets toegevoegd" in uit and "teamleider.dronten" in uit
    assert Inburgeraar.objects.count() == aantal


def test_de_demo_markeert_zijn_database_en_geeft_elk_demo_account_zijn_code(gezaaid):
    assert is_demodatabase()
    for gebruiker in demo_gebruikers():
        assert TOTPDevice.objects.filter(user=gebruiker, key=demo_totp_sleutel(gebruiker.username)).exists()


def test_wat_in_de_demo_is_ingevoerd_hoort_bij_de_demo(gezaaid, dronten):
    """A case typed into the demo (a BSN outside the demo's range) does not make it a real database."""
    InburgeraarFactory(gemeente=dronten)
    assert "niets toegevoegd" in seed("--if-empty")
    with pytest.raises(CommandError, match="Er staan al gegevens in de database"):
        seed("--scale", "0.05")


def test_demo_accounts_voor_elke_rol(gezaaid):
    from regie.inburgeraars.selectors import inburgeraars_voor

    for kort in ("dronten", "drechtsteden", "noordoostpolder"):
        for prefix, rol in (("beleid", Rol.BELEIDSMEDEWERKER), ("privacy", Rol.PRIVACY_OFFICER)):
            gebruiker = User.objects.get(username=f"{prefix}.{kort}")
            assert gebruiker.rol == rol and gebruiker.check_password(DEMO_WACHTWOORD)
            assert not inburgeraars_voor(gebruiker).exists()
    alleen_dordrecht = User.objects.get(username="consulent-dordrecht.drechtsteden")
    assert set(inburgeraars_voor(alleen_dordrecht).values_list("gemeente__naam", flat=True)) == {"Dordrecht"}
    assert "beheer.dronten" in gezaaid and "consulent-dordrecht.drechtsteden" in gezaaid

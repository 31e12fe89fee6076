"""`manage.py seed_demo` on an empty database: determinism, and what it refuses (issue 9: only
with REGIE_DEMO=1, and never in a database holding data the demo did not make)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from regie.accounts.models import User
from regie.demo.database import is_demodatabase
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.demo.models import Demomarkering
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Organisatie


def seed(*args) -> str:
    uit = StringIO()
    call_command("seed_demo", *args, stdout=uit)
    return uit.getvalue()


@pytest.fixture
def demo(settings):
    settings.DEMO = True


def test_zelfde_seed_geeft_dezelfde_gegevens(transactional_db, demo):
    """Two runs, each on an empty database (--flush commits the emptying first, as on a real one)."""

    def gegevens():
        return list(
            Inburgeraar.objects.order_by("bsn").values_list(
                "bsn", "voornamen", "geslachtsnaam", "geboortedatum", "status", "consulent__username"
            )
        )

    seed("--seed", "4", "--scale", "0.03")
    eerste = gegevens()
    uit = seed("--seed", "4", "--scale", "0.03", "--flush")
    assert "leeggemaakt" in uit
    assert gegevens() == eerste


def test_if_empty_bouwt_in_een_lege_database(db, demo):
    assert "inburgeraars aangemaakt" in seed("--seed", "5", "--scale", "0.03", "--if-empty")
    assert is_demodatabase() and Inburgeraar.objects.exists()


def test_alleen_met_regie_demo(db, settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match=r"alleen in de demo \(REGIE_DEMO=1\)\. Er is niets veranderd"):
        seed("--scale", "0.03")
    assert not User.objects.exists() and not Demomarkering.objects.exists()


def test_weigert_als_een_demo_account_al_bestaat(consulent, demo):
    with pytest.raises(CommandError, match=r"\(1 demo-account\)"):
        seed("--scale", "0.05")
    assert not Inburgeraar.objects.exists() and not Demomarkering.objects.exists()


@pytest.mark.parametrize("optie", [[], ["--flush"], ["--if-empty"]])
def test_weigert_een_database_met_gegevens_die_niet_van_de_demo_zijn(dronten, demo, optie):
    """One real case (a BSN outside the demo's test range) is enough: nothing is added or emptied."""
    eigen = InburgeraarFactory(gemeente=dronten)
    with pytest.raises(
        CommandError, match=r"gegevens die de demo niet heeft gemaakt \(3 organisaties, 1 inburgeraar, "
    ):
        seed("--scale", "0.03", *optie)
    assert list(Inburgeraar.objects.all()) == [eigen]
    assert not User.objects.exists() and Organisatie.objects.count() == 3
    assert not Demomarkering.objects.exists()


def test_weigert_een_database_met_alleen_een_echte_medewerker(db, demo):
    UserFactory(username="j.jansen")
    with pytest.raises(CommandError, match=r"\(1 medewerker, 1 organisatie\)"):
        seed("--scale", "0.03", "--flush")
    assert User.objects.get().username == "j.jansen"


def test_een_demo_van_voor_de_markering_wordt_herkend(db, demo):
    """A demo database made by an older Regie (no mark; a case the DUO simulator announced, BSN
    9988...) keeps working with `make run` (--if-empty), and gets the mark."""
    seed("--seed", "6", "--scale", "0.03")
    Demomarkering.objects.all().delete()
    aantal = Inburgeraar.objects.count()
    InburgeraarFactory(gemeente=Inburgeraar.objects.first().gemeente, bsn="998800016")
    assert "niets toegevoegd" in seed("--if-empty")
    assert is_demodatabase() and Inburgeraar.objects.count() == aantal + 1


@pytest.mark.parametrize("scale", ["0", "-1", "11"])
def test_scale_binnen_grenzen(db, demo, scale):
    with pytest.raises(CommandError, match="--scale"):
        seed("--scale", scale)

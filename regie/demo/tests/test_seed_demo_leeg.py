"""`manage.py seed_demo` on an empty database: determinism, and what it refuses."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.models import Inburgeraar


def seed(*args) -> str:
    uit = StringIO()
    call_command("seed_demo", *args, stdout=uit)
    return uit.getvalue()


def test_zelfde_seed_geeft_dezelfde_gegevens(transactional_db):
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


def test_weigert_als_een_demo_account_al_bestaat(consulent):
    with pytest.raises(CommandError, match=r"\(1 demo-account\)"):
        seed("--scale", "0.05")
    assert not Inburgeraar.objects.exists()


def test_andere_dossiers_staan_de_demo_niet_in_de_weg(dronten):
    eigen = InburgeraarFactory(gemeente=dronten)
    seed("--seed", "2", "--scale", "0.03")
    assert Inburgeraar.objects.filter(pk=eigen.pk).exists()
    assert Inburgeraar.objects.count() > 1


@pytest.mark.parametrize("scale", ["0", "-1", "11"])
def test_scale_binnen_grenzen(db, scale):
    with pytest.raises(CommandError, match="--scale"):
        seed("--scale", scale)

"""`manage.py seed_demo` on an empty database: determinism, and what it refuses."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from regie.inburgeraars.models import Inburgeraar


def seed(*args) -> str:
    uit = StringIO()
    call_command("seed_demo", *args, stdout=uit)
    return uit.getvalue()


def test_zelfde_seed_geeft_dezelfde_gegevens(db):
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


def test_weigert_ook_naast_andere_dossiers(inburgeraar):
    with pytest.raises(CommandError, match=r"\(1 inburgeraar en 1 demo-account\)"):
        seed("--scale", "0.05")


@pytest.mark.parametrize("scale", ["0", "-1", "11"])
def test_scale_binnen_grenzen(db, scale):
    with pytest.raises(CommandError, match="--scale"):
        seed("--scale", scale)

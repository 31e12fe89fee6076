"""`seed_landelijk` has the guards of `seed_demo`: only in the demo, never in a database in use."""

import pytest
from django.core.management import CommandError, call_command

from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.models import Inburgeraar


def test_weigert_buiten_de_demo_en_in_een_database_in_gebruik(db, settings, dronten):
    settings.DEMO = False
    with pytest.raises(CommandError, match="REGIE_DEMO=1"):
        call_command("seed_landelijk", "--aantal", "10")
    settings.DEMO = True
    InburgeraarFactory(gemeente=dronten)
    with pytest.raises(CommandError, match="die de demo niet heeft gemaakt"):
        call_command("seed_landelijk", "--aantal", "10")
    assert Inburgeraar.objects.count() == 1

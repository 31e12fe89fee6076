"""A Dronten case whose termijn started about two years ago (first PIP 25 months back), so the
intake and 12-month moments are due, the 24-month one too and the 36-month one not yet."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta

from regie.demo.factories import InburgeraarFactory, pip_vastgesteld
from regie.klok import vandaag


def lang_bezig_maken(dronten, consulent):
    begin = vandaag() - relativedelta(months=25) - timedelta(days=70)
    inburgeraar = InburgeraarFactory(
        gemeente=dronten, consulent=consulent, datum_melding_duo=begin, datum_inschrijving_brp=begin
    )
    pip_vastgesteld(inburgeraar, consulent, dagtekening=begin + timedelta(days=60))
    inburgeraar.refresh_from_db()
    return inburgeraar


@pytest.fixture
def lang_bezig(dronten, consulent):
    return lang_bezig_maken(dronten, consulent)

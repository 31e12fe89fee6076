"""The demo builds for every seed on every day, and holds nothing dated after that day (issue 9).

`seed_demo` takes today from the one clock (`regie.klok.vandaag`) and hands
it to `plan_demo`; every date of the demo is computed from that day, so a test picks "today" by
handing `plan_demo` another day. Hypothesis draws seeds and days (at a small scale, a second
per build); the explicit examples are builds that crashed before the fix.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.apps import apps
from django.db import models, transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from regie.demo.generator import TZ, WET_IN_WERKING, plan_demo
from regie.demo.opbouw import bouw_demo
from regie.demo.tests.invarianten import BIJ_HET_BOUWEN, IN_DE_TOEKOMST, na_vandaag
from regie.inburgeraars.models import Inburgeraar
from regie.klok import vandaag as klok_vandaag


def _veld(label: str) -> models.Field:
    app_model, veld = label.rsplit(".", 1)
    return apps.get_model(app_model)._meta.get_field(veld)


def test_de_lijsten_noemen_bestaande_datumvelden():
    for label in IN_DE_TOEKOMST | BIJ_HET_BOUWEN:
        assert isinstance(_veld(label), models.DateField), label


class _Terugdraaien(Exception):
    pass


dagen = st.dates(min_value=WET_IN_WERKING + timedelta(days=1), max_value=klok_vandaag())
seeds = st.integers(min_value=0, max_value=2**32 - 1)


@pytest.mark.django_db
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=seeds, vandaag=dagen, scale=st.just(0.03))
# A referral sent yesterday and refused: its answer was drawn from an empty range (randint(2, 1)).
@example(seed=0, vandaag=date(2026, 11, 28), scale=0.15)
def test_de_demo_bouwt_op_elke_dag_en_niets_ligt_na_vandaag(seed, vandaag, scale):
    try:
        with transaction.atomic():  # each example in its own rolled-back transaction
            resultaat = bouw_demo(plan_demo(seed=seed, scale=scale, vandaag=vandaag))
            assert resultaat.casussen == Inburgeraar.objects.count()
            assert na_vandaag(vandaag, timezone.now()) == {}
            raise _Terugdraaien
    except _Terugdraaien:
        pass


@settings(max_examples=20, deadline=None)
@given(
    seed=seeds, vandaag=st.dates(min_value=WET_IN_WERKING + timedelta(days=1), max_value=date(2040, 12, 31))
)
def test_het_plan_op_elke_dag_ook_later(seed, vandaag):
    """The plan alone (no database), also on days after the real today: nothing in a case
    happens today or later, except a planned intake appointment."""
    plan = plan_demo(seed=seed, scale=0.03, vandaag=vandaag)
    middernacht = datetime.combine(vandaag, time(0), tzinfo=TZ)
    for casus in plan.casussen:
        assert casus.geregistreerd_op < middernacht
        assert WET_IN_WERKING <= casus.persoon["datum_melding_duo"] < vandaag
        assert all(stap.op < middernacht for stap in casus.stappen)
        for veld in ("datum_koppeling_coa", "datum_huisvesting", "datum_inschrijving_brp"):
            assert casus.persoon[veld] is None or casus.persoon[veld] < vandaag

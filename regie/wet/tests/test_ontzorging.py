"""Ontzorging (Pw 56a): who qualifies, the six months and their boundaries, the continuation with
consent. The months are counted here with `calendar`, independently of the module under test."""

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regie.wet.ontzorging import (
    WETTELIJKE_KOSTEN,
    Kostensoort,
    Vergunning,
    einde_ontzorging,
    loopt_op,
    valt_onder_ontzorging,
    verlengd_einde,
    verlenging_fout,
)
from regie.wet.perioden import maanden


def laatste_dag_zes_maanden_later(begin: date) -> date:
    index = begin.year * 12 + begin.month - 1 + 5
    jaar, maand = divmod(index, 12)
    return date(jaar, maand + 1, calendar.monthrange(jaar, maand + 1)[1])


@pytest.mark.parametrize("vergunning", [Vergunning.ASIEL, Vergunning.ASIEL_AFGELEID])
def test_pw_56a_asielvergunning_ook_afgeleid_met_bijstand_valt_eronder(vergunning):
    assert valt_onder_ontzorging(
        inburgeringsplichtig=True, vergunning=vergunning, bijstand=True
    ).van_toepassing


def test_pw_56a_gezinsmigrant_met_reguliere_vergunning_valt_er_niet_onder():
    oordeel = valt_onder_ontzorging(inburgeringsplichtig=True, vergunning=Vergunning.REGULIER, bijstand=True)
    assert not oordeel.van_toepassing
    assert "reguliere" in oordeel.uitleg


def test_pw_56a_zonder_bijstand_of_zonder_inburgeringsplicht_geen_ontzorging():
    assert not valt_onder_ontzorging(
        inburgeringsplichtig=True, vergunning=Vergunning.ASIEL, bijstand=False
    ).van_toepassing
    assert not valt_onder_ontzorging(
        inburgeringsplichtig=False, vergunning=Vergunning.ASIEL, bijstand=True
    ).van_toepassing


def test_pw_56a_de_wet_noemt_huur_energie_water_en_zorgverzekering():
    assert {Kostensoort.HUUR, Kostensoort.ENERGIE, Kostensoort.WATER, Kostensoort.ZORGVERZEKERING} == set(
        WETTELIJKE_KOSTEN
    )
    assert Kostensoort.ANDERS not in WETTELIJKE_KOSTEN


@pytest.mark.parametrize(
    ("eerste_betaling", "einde"),
    [
        (date(2027, 1, 1), date(2027, 6, 30)),  # first day of a month: month six is June
        (date(2027, 1, 31), date(2027, 6, 30)),  # last day of a month: still six calendar months
        (date(2027, 9, 3), date(2028, 2, 29)),  # month six is February of a leap year
        (date(2026, 9, 30), date(2027, 2, 28)),  # ... of a common year
        (date(2027, 7, 15), date(2027, 12, 31)),  # month six is December
        (date(2027, 8, 1), date(2028, 1, 31)),  # across the turn of the year
        (date(2099, 9, 1), date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2399, 9, 1), date(2400, 2, 29)),  # 2400 is
    ],
)
def test_pw_56a_einde_is_laatste_dag_van_de_zesde_maand(eerste_betaling, einde):
    assert einde_ontzorging(eerste_betaling) == einde


def test_pw_56a_eerste_en_laatste_dag_tellen_mee():
    begin = date(2027, 9, 3)
    einde = einde_ontzorging(begin)
    assert loopt_op(begin=begin, einde=einde, dag=begin)
    assert not loopt_op(begin=begin, einde=einde, dag=date(2027, 9, 2))
    assert loopt_op(begin=begin, einde=einde, dag=date(2028, 2, 29))
    assert not loopt_op(begin=begin, einde=einde, dag=date(2028, 3, 1))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2022, 1, 1), max_value=date(2040, 12, 31)))
def test_pw_56a_altijd_zes_betaalmaanden(begin):
    einde = einde_ontzorging(begin)
    assert einde == laatste_dag_zes_maanden_later(begin)
    betaald = maanden(begin, einde)
    assert len(betaald) == 6
    assert betaald[0] == begin.replace(day=1)
    assert all(m.day == 1 for m in betaald)


def test_pw_56a_verlenging_in_hele_maanden_hoogstens_zes():
    assert verlengd_einde(date(2027, 6, 30), 1) == date(2027, 7, 31)
    assert verlengd_einde(date(2027, 8, 31), 6) == date(2028, 2, 29)
    with pytest.raises(ValueError):
        verlengd_einde(date(2027, 6, 30), 7)
    with pytest.raises(ValueError):
        verlengd_einde(date(2027, 6, 30), 0)


def test_pw_56a_verlenging_alleen_met_toestemming():
    einde = date(2027, 6, 30)
    assert "toestemming" in verlenging_fout(toestemming_op=None, huidig_einde=einde, vandaag=date(2027, 6, 1))
    assert "na vandaag" in verlenging_fout(
        toestemming_op=date(2027, 6, 2), huidig_einde=einde, vandaag=date(2027, 6, 1)
    )
    assert (
        verlenging_fout(toestemming_op=date(2027, 6, 1), huidig_einde=einde, vandaag=date(2027, 6, 1)) == ""
    )
    # Right after the end: until the last day of the next month.
    assert (
        verlenging_fout(toestemming_op=date(2027, 7, 31), huidig_einde=einde, vandaag=date(2027, 7, 31)) == ""
    )
    assert verlenging_fout(toestemming_op=date(2027, 8, 1), huidig_einde=einde, vandaag=date(2027, 8, 1))


def test_pw_56a_stopt_als_het_dossier_sluit():
    """Pw 56a: paid from the bijstand of the college that grants it; after a move (or the end of
    the obligation) this college no longer ontzorgt, also within the six months."""
    begin = date(2027, 9, 3)
    einde = einde_ontzorging(begin)
    assert loopt_op(begin=begin, einde=einde, dag=date(2027, 12, 1), dossier_open=True)
    assert not loopt_op(begin=begin, einde=einde, dag=date(2027, 12, 1), dossier_open=False)

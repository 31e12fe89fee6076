"""Algemene termijnenwet (Atw): which days a legal term skips at its end."""

from datetime import date, timedelta

import pytest

from regie.wet.werkdagen import (
    BESLUITEN,
    besluit_voor,
    eerstvolgende_werkdag,
    feestdagen,
    is_vrije_dag,
    koningsdag,
    soort_vrije_dag,
)


@pytest.mark.parametrize(
    ("dag", "naam"),
    [
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2026, 4, 27), "Koningsdag"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2026, 12, 25), "Eerste Kerstdag"),
        (date(2027, 12, 26), "Tweede Kerstdag"),  # a Sunday, still listed
        (date(2026, 12, 26), "Tweede Kerstdag"),
    ],
)
def test_atw_art_3_lid_1_noemt_deze_feestdagen(dag, naam):
    """Atw art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen,
    Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd, 5 mei."""
    assert is_vrije_dag(dag)
    assert soort_vrije_dag(dag) == naam


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2026, 2027, 2028, 2029, 2031])
def test_atw_art_3_lid_1_vijf_mei_elk_jaar_ook_buiten_lustrumjaren(jaar):
    """Atw art. 3 lid 1 names "de vijfde mei" without the lustrum condition that holiday
    calendars and most cao's use."""
    vijf_mei = date(jaar, 5, 5)
    assert vijf_mei in feestdagen(jaar)
    assert is_vrije_dag(vijf_mei)


@pytest.mark.parametrize(
    ("jaar", "goede_vrijdag"),
    [
        (2024, date(2024, 3, 29)),
        (2025, date(2025, 4, 18)),
        (2026, date(2026, 4, 3)),
        (2027, date(2027, 3, 26)),
    ],
)
def test_atw_art_3_lid_2_goede_vrijdag_is_gelijkgesteld(jaar, goede_vrijdag):
    """Atw art. 3 lid 1 does not list Goede Vrijdag, but art. 3 lid 2 reads: "Voor de
    toepassing van deze wet wordt de Goede Vrijdag met de in het vorige lid genoemde dagen
    gelijkgesteld." So a term ending on Goede Vrijdag runs on."""
    assert goede_vrijdag.weekday() == 4
    assert goede_vrijdag in feestdagen(jaar)
    assert soort_vrije_dag(goede_vrijdag) == "Goede Vrijdag"
    # Goede Vrijdag, Saturday, Sunday, tweede Paasdag: the next working day is the Tuesday.
    assert eerstvolgende_werkdag(goede_vrijdag) == goede_vrijdag + timedelta(days=4)


@pytest.mark.parametrize("dag", sorted(d for besluit in BESLUITEN for d in besluit.dagen))
def test_atw_art_3_lid_3_gelijkgestelde_dagen(dag):
    """Atw art. 3 lid 3: days equated by Royal decree (the recorded Besluiten gelijkstelling)
    count as feestdagen for the Atw."""
    assert dag.weekday() < 5, "a decree only equates working days"
    assert is_vrije_dag(dag)
    assert soort_vrije_dag(dag) == "een met een feestdag gelijkgestelde dag"


@pytest.mark.parametrize(
    ("hemelvaart", "vrijdag"),
    [
        (date(2020, 5, 21), date(2020, 5, 22)),
        (date(2021, 5, 13), date(2021, 5, 14)),
        (date(2022, 5, 26), date(2022, 5, 27)),  # the decree of 20 September 2019
        (date(2023, 5, 18), date(2023, 5, 19)),
        (date(2024, 5, 9), date(2024, 5, 10)),
        (date(2025, 5, 29), date(2025, 5, 30)),
        (date(2026, 5, 14), date(2026, 5, 15)),
        (date(2027, 5, 6), date(2027, 5, 7)),
        (date(2028, 5, 25), date(2028, 5, 26)),
    ],
)
def test_atw_art_3_lid_3_vrijdag_na_hemelvaart_elk_jaar_met_besluit(hemelvaart, vrijdag):
    """Every recorded decree equates the Friday after Hemelvaartsdag; a term ending on
    Hemelvaartsdag runs on to the Monday."""
    assert soort_vrije_dag(hemelvaart) == "Hemelvaartsdag"
    assert soort_vrije_dag(vrijdag) == "een met een feestdag gelijkgestelde dag"
    assert eerstvolgende_werkdag(hemelvaart) == vrijdag + timedelta(days=3)


def test_atw_art_3_lid_3_elk_jaar_van_de_wet_heeft_een_besluit():
    """Every year from the start of the Wet inburgering 2021 (1 January 2022) up to 2028 has a
    recorded decree, with its source; no year is settled twice."""
    for jaar in range(2017, 2029):
        besluit = besluit_voor(jaar)
        assert besluit is not None, jaar
        assert besluit.bron and besluit.titel and besluit.bron_zekerheid in {"wettekst", "secundair"}
        assert all(dag.year in besluit.jaren for dag in besluit.dagen)
    alle_jaren = [jaar for besluit in BESLUITEN for jaar in besluit.jaren]
    assert len(alle_jaren) == len(set(alle_jaren))
    assert besluit_voor(2029) is None


def test_atw_art_3_lid_3_vrijdag_na_hemelvaart_2026():
    """Besluit gelijkstelling 2026-2028: Friday 15 May 2026, after Hemelvaartsdag."""
    assert is_vrije_dag(date(2026, 5, 15))
    assert eerstvolgende_werkdag(date(2026, 5, 14)) == date(2026, 5, 18)


@pytest.mark.parametrize(
    ("jaar", "dag"),
    [
        (2024, date(2024, 4, 27)),  # Saturday
        (2025, date(2025, 4, 26)),  # 27 April 2025 is a Sunday: celebrated on Saturday 26 April
        (2026, date(2026, 4, 27)),
        (2031, date(2031, 4, 26)),  # 27 April 2031 is a Sunday
        (2013, date(2013, 4, 30)),  # Koninginnedag
    ],
)
def test_atw_art_3_lid_1_koningsdag_is_de_dag_waarop_gevierd_wordt(jaar, dag):
    """Atw art. 3 lid 1: "de dag waarop de verjaardag van de Koning wordt gevierd"."""
    assert koningsdag(jaar) == dag
    assert dag in feestdagen(jaar)


@pytest.mark.parametrize(
    "dag",
    [
        date(2026, 12, 24),  # Kerstavond
        date(2026, 12, 31),  # Oudejaarsdag
        date(2026, 2, 16),  # Carnavalsmaandag
        date(2026, 5, 4),  # Dodenherdenking
        date(2026, 4, 7),  # Tuesday after Easter
        date(2026, 11, 24),  # an ordinary Tuesday
    ],
)
def test_atw_art_3_andere_dagen_zijn_werkdagen(dag):
    """Only the days of Atw art. 3 (and the weekend, art. 1) are skipped."""
    assert not is_vrije_dag(dag)
    assert soort_vrije_dag(dag) is None
    assert eerstvolgende_werkdag(dag) == dag


def test_atw_art_1_weekend():
    """Atw art. 1 lid 1: a term ending on a Saturday or Sunday runs on to the Monday."""
    zaterdag, zondag, maandag = date(2026, 3, 21), date(2026, 3, 22), date(2026, 3, 23)
    assert soort_vrije_dag(zaterdag) == "een zaterdag"
    assert soort_vrije_dag(zondag) == "een zondag"
    assert eerstvolgende_werkdag(zaterdag) == maandag
    assert eerstvolgende_werkdag(zondag) == maandag


def test_atw_art_1_meerdere_vrije_dagen_achter_elkaar():
    """Atw art. 1 lid 1: on to the first day that is none of these: Christmas 2024 (Wed,
    Thu), Friday 27 December 2024 (equated, art. 3 lid 3), the weekend -> Monday 30 December."""
    assert eerstvolgende_werkdag(date(2024, 12, 25)) == date(2024, 12, 30)

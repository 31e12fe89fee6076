"""Deadlines of a case: Bi 5.3 lid 1 (PIP), Wi 11 (inburgeringstermijn), Bi 5.4 (leerroute
wijzigen), Wi 12 (verlenging aanvragen), with the Algemene termijnenwet where it applies."""

from datetime import date, timedelta

import pytest

from regie.wet import termijnen
from regie.wet.termijnen import (
    Soort,
    inburgeringstermijn,
    leerroute_wijzigen,
    pip_vaststellen,
    termijn_start,
    verlenging_aanvragen_vanaf,
)

# --- Bi 5.3 lid 1: PIP within 10 weeks ------------------------------------------------------


def test_bi_5_3_lid_1_tien_weken_na_melding_duo():
    """Bi 5.3 lid 1: 10 weeks after DUO's notice; Monday 5 January 2026 -> Monday 16 March."""
    t = pip_vaststellen(date(2026, 1, 5), None)
    assert t.soort == Soort.PIP_VASTSTELLEN
    assert t.datum == date(2026, 3, 16) == date(2026, 1, 5) + timedelta(days=70)
    assert "Besluit inburgering 2021, art. 5.3 lid 1" in t.grondslag
    assert "melding van DUO op 5 januari 2026" in t.toelichting
    assert "termijnenwet" not in t.toelichting


def test_bi_5_3_lid_1_brp_later_dan_melding_telt_vanaf_brp():
    """Bi 5.3 lid 1: when the BRP registration in the municipality is later than DUO's
    notice, the 10 weeks run from the registration."""
    t = pip_vaststellen(date(2026, 1, 5), date(2026, 1, 12))
    assert t.datum == date(2026, 3, 23)
    assert "inschrijving in de BRP op 12 januari 2026" in t.toelichting
    assert "later dan de melding van DUO op 5 januari 2026" in t.toelichting


def test_bi_5_3_lid_1_brp_eerder_dan_melding_telt_vanaf_melding():
    """Bi 5.3 lid 1: the later of the two dates counts; here DUO's notice."""
    t = pip_vaststellen(date(2026, 1, 12), date(2026, 1, 5))
    assert t.datum == date(2026, 3, 23)
    assert "melding van DUO op 12 januari 2026" in t.toelichting
    assert "BRP" not in t.toelichting


def test_bi_5_3_lid_1_zelfde_dag():
    """Bi 5.3 lid 1: notice and registration on the same day: 10 weeks from that day."""
    t = pip_vaststellen(date(2026, 1, 5), date(2026, 1, 5))
    assert t.datum == date(2026, 3, 16)
    assert "melding van DUO op 5 januari 2026" in t.toelichting


def test_bi_5_3_lid_1_alleen_brp_bekend():
    """Bi 5.3 lid 1: with only the BRP registration known, the term runs from it."""
    t = pip_vaststellen(None, date(2026, 1, 5))
    assert t.datum == date(2026, 3, 16)
    assert "inschrijving in de BRP op 5 januari 2026" in t.toelichting
    assert "DUO" not in t.toelichting


def test_bi_5_3_lid_1_alleen_melding_bekend():
    """Bi 5.3 lid 1: with only DUO's notice known, the term runs from it."""
    assert pip_vaststellen(date(2026, 1, 5), None).datum == date(2026, 3, 16)


def test_bi_5_3_lid_1_zonder_datums_geen_termijn():
    """Bi 5.3 lid 1: without notice or registration no deadline can be computed."""
    assert pip_vaststellen(None, None) is None


@pytest.mark.parametrize(
    ("melding", "dag_70", "uiterlijk", "reden"),
    [
        # Atw art. 1 lid 1: weekend.
        (date(2026, 1, 10), date(2026, 3, 21), date(2026, 3, 23), "een zaterdag"),
        (date(2026, 1, 11), date(2026, 3, 22), date(2026, 3, 23), "een zondag"),
        # Atw art. 3 lid 1: Koningsdag, Monday 27 April 2026.
        (date(2026, 2, 16), date(2026, 4, 27), date(2026, 4, 28), "Koningsdag"),
        # Atw art. 3 lid 1: 5 May 2026, a Tuesday in a non-lustrum year.
        (date(2026, 2, 24), date(2026, 5, 5), date(2026, 5, 6), "Bevrijdingsdag (5 mei)"),
        # Atw art. 3 lid 1 and lid 3: Hemelvaartsdag and the equated Friday after it.
        (date(2026, 3, 5), date(2026, 5, 14), date(2026, 5, 18), "Hemelvaartsdag"),
        # Atw art. 3 lid 1: Christmas 2026 (Friday), then the weekend.
        (date(2026, 10, 16), date(2026, 12, 25), date(2026, 12, 28), "Eerste Kerstdag"),
        # Atw art. 3 lid 2: Goede Vrijdag, weekend, tweede Paasdag.
        (date(2026, 1, 23), date(2026, 4, 3), date(2026, 4, 7), "Goede Vrijdag"),
    ],
)
def test_atw_art_1_verschuift_einde_pip_termijn(melding, dag_70, uiterlijk, reden):
    """Atw art. 1 lid 1 applies to the PIP term of Bi 5.3 lid 1: when day 70 is a
    Saturday, Sunday or feestdag, the last day is the next working day; the explanation
    says so and names the day."""
    t = pip_vaststellen(melding, None)
    assert melding + timedelta(days=70) == dag_70
    assert t.datum == uiterlijk
    assert f"Die dag is {reden}." in t.toelichting
    assert "Algemene termijnenwet" in t.toelichting
    assert termijnen.datum_tekst(uiterlijk) in t.toelichting
    assert "Algemene termijnenwet, art. 1" in t.grondslag


def test_atw_verschuiving_ook_vanaf_brp():
    """Bi 5.3 lid 1 with Atw art. 1: the shift also applies when the BRP date counts."""
    assert pip_vaststellen(date(2026, 1, 5), date(2026, 2, 16)).datum == date(2026, 4, 28)


# --- Wi 11: the inburgeringstermijn ---------------------------------------------------------


def test_wi_11_lid_2_start_dag_na_dagtekening():
    """Wi 11 lid 2: the termijn starts on the day after the dagtekening of the first PIP."""
    assert termijn_start(date(2026, 1, 15)) == date(2026, 1, 16)
    assert termijn_start(date(2025, 12, 31)) == date(2026, 1, 1)
    assert termijn_start(date(2024, 2, 28)) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("dagtekening", "start", "einde"),
    [
        (date(2024, 1, 15), date(2024, 1, 16), date(2027, 1, 15)),
        # Start on 29 February 2024; three years later there is no 29 February.
        (date(2024, 2, 28), date(2024, 2, 29), date(2027, 2, 28)),
        # Dagtekening on a leap day: the end is the last day of February 2027.
        (date(2024, 2, 29), date(2024, 3, 1), date(2027, 2, 28)),
        (date(2023, 2, 28), date(2023, 3, 1), date(2026, 2, 28)),
        # Into a leap year: start 1 March 2025 -> the day before 1 March 2028 is 29 February
        # (the old count from the dagtekening said 28 February: a day short).
        (date(2025, 2, 28), date(2025, 3, 1), date(2028, 2, 29)),
        # Dagtekening on a month end: start 1 May -> the whole of April 2027 counts.
        (date(2024, 4, 30), date(2024, 5, 1), date(2027, 4, 30)),
        (date(2025, 12, 31), date(2026, 1, 1), date(2028, 12, 31)),
    ],
)
def test_wi_11_lid_1_drie_jaar(dagtekening, start, einde):
    """Wi 11 lid 1 and 2: three years from the day after the dagtekening; the last day is the
    day before the start day's date three years later (regie.wet.perioden)."""
    t = inburgeringstermijn(dagtekening)
    assert t.soort == Soort.INBURGERINGSTERMIJN
    assert t.datum == einde
    assert "art. 11" in t.grondslag
    assert termijnen.datum_tekst(start) in t.toelichting
    assert termijnen.datum_tekst(einde) in t.toelichting


def test_wi_11_geen_atw_verschuiving():
    """The Atw does not move the end of the three years (Atw art. 4: not for long terms):
    dagtekening 5 January 2027 -> last day Saturday 5 January 2030 stays."""
    t = inburgeringstermijn(date(2027, 1, 5))
    assert t.datum == date(2030, 1, 5)
    assert t.datum.weekday() == 5


def test_wi_11_lid_3_nieuw_pip_verandert_termijn_niet():
    """Wi 11 lid 3: a later PIP (a new version, or one after a move) does not move the
    start: termijnen() is given the dagtekening of the earliest PIP."""
    eerste = date(2026, 1, 15)
    lijst = termijnen.termijnen(
        datum_melding_duo=date(2025, 11, 3),
        datum_inschrijving_brp=date(2025, 11, 3),
        dagtekening_eerste_pip=eerste,
    )
    per_soort = {t.soort: t for t in lijst}
    assert per_soort[Soort.INBURGERINGSTERMIJN].datum == date(2029, 1, 15)
    assert "Een nieuw PIP, ook na een verhuizing, verandert dit niet." in (
        per_soort[Soort.INBURGERINGSTERMIJN].toelichting
    )


# --- Bi 5.4: leerroute wijzigen in the first 1.5 years --------------------------------------


@pytest.mark.parametrize(
    ("dagtekening", "uiterlijk"),
    [
        (date(2024, 1, 15), date(2025, 7, 15)),
        # Start 1 September + 18 months: the day before 1 March.
        (date(2024, 8, 31), date(2026, 2, 28)),
        (date(2026, 8, 31), date(2028, 2, 29)),  # 2028 is a leap year
        # Start 31 August: no 31 February, so all of February counts.
        (date(2024, 8, 30), date(2026, 2, 28)),
        (date(2024, 8, 28), date(2026, 2, 28)),
        (date(2024, 8, 27), date(2026, 2, 27)),
        # Start 1 July 2024: 18 months end on 31 December 2025 (the old count said the 30th).
        (date(2024, 6, 30), date(2025, 12, 31)),
        (date(2024, 4, 30), date(2025, 10, 31)),
    ],
)
def test_bi_5_4_anderhalf_jaar(dagtekening, uiterlijk):
    """Bi 5.4: the leerroute can change in the first 1.5 years of the termijn, which starts
    the day after the dagtekening (Wi 11 lid 2); 18 months counted as every period
    (regie.wet.perioden)."""
    t = leerroute_wijzigen(dagtekening)
    assert t.soort == Soort.LEERROUTE_WIJZIGEN
    assert t.datum == uiterlijk
    assert t.grondslag == "Besluit inburgering 2021, art. 5.4"
    assert "Van de onderwijsroute naar de B1-route mag ook daarna." in t.toelichting


# --- Wi 12: verlenging aanvragen at most 6 months before the end ----------------------------


@pytest.mark.parametrize(
    ("einde", "vanaf"),
    [
        (date(2027, 1, 15), date(2026, 7, 16)),
        (date(2026, 12, 31), date(2026, 7, 1)),
        (date(2027, 7, 31), date(2027, 2, 1)),
        # Ends on 28 February: the term is over at the start of 1 March, 6 months before is 1 September.
        (date(2027, 2, 28), date(2026, 9, 1)),
        # 6 months before 31 August is 1 March; before 30 August (31 February) also 1 March.
        (date(2027, 8, 31), date(2027, 3, 1)),
        (date(2027, 8, 30), date(2027, 3, 1)),
        (date(2028, 8, 30), date(2028, 3, 1)),  # 29 February 2028 exists, but 31 February not
        (date(2028, 8, 28), date(2028, 2, 29)),
    ],
)
def test_wi_12_verlenging_vanaf_zes_maanden_voor_einde(einde, vanaf):
    """Wi 12 jo. Bi 4.1: a request for an extension goes in at most 6 months before the
    end: 6 months before the day after the last day; when that date does not exist, the 1st
    of the next month, so the date is never more than 6 months before the end."""
    t = verlenging_aanvragen_vanaf(einde)
    assert t.soort == Soort.VERLENGING_AANVRAGEN_VANAF
    assert t.datum == vanaf
    assert "art. 12" in t.grondslag
    assert termijnen.datum_tekst(vanaf) in t.toelichting


def test_wi_12_geen_atw_bij_terugrekenen():
    """Atw art. 1 lid 2: a term counted backwards is not moved; the start may be a Sunday."""
    t = verlenging_aanvragen_vanaf(date(2027, 2, 28))
    assert t.datum == date(2026, 9, 1)
    t = verlenging_aanvragen_vanaf(date(2027, 3, 6))  # 7 September 2026 is a Monday
    assert t.datum == date(2026, 9, 7)
    zondag = verlenging_aanvragen_vanaf(date(2027, 3, 5))
    assert zondag.datum == date(2026, 9, 6)
    assert zondag.datum.weekday() == 6


# --- termijnen(): all deadlines of a case ---------------------------------------------------


def test_termijnen_in_wettelijke_volgorde():
    """Bi 5.3, Wi 11, Bi 5.4, Wi 12 in that order, each with its grondslag."""
    lijst = termijnen.termijnen(
        datum_melding_duo=date(2026, 1, 5),
        datum_inschrijving_brp=None,
        dagtekening_eerste_pip=date(2026, 3, 2),
    )
    assert [t.soort for t in lijst] == [
        Soort.PIP_VASTSTELLEN,
        Soort.INBURGERINGSTERMIJN,
        Soort.LEERROUTE_WIJZIGEN,
        Soort.VERLENGING_AANVRAGEN_VANAF,
    ]
    assert [t.datum for t in lijst] == [
        date(2026, 3, 16),
        date(2029, 3, 2),
        date(2027, 9, 2),
        date(2028, 9, 3),
    ]
    assert all(t.grondslag and t.toelichting for t in lijst)


def test_termijnen_zonder_pip_alleen_pip_termijn():
    lijst = termijnen.termijnen(
        datum_melding_duo=date(2026, 1, 5), datum_inschrijving_brp=None, dagtekening_eerste_pip=None
    )
    assert [t.soort for t in lijst] == [Soort.PIP_VASTSTELLEN]


def test_termijnen_zonder_gegevens_leeg():
    assert (
        termijnen.termijnen(datum_melding_duo=None, datum_inschrijving_brp=None, dagtekening_eerste_pip=None)
        == []
    )


def test_termijnen_pip_elders_zonder_melding():
    """Wi 11 lid 3: after a move the termijn runs from the previous municipality's first
    PIP, also when this municipality has no DUO notice yet."""
    lijst = termijnen.termijnen(
        datum_melding_duo=None, datum_inschrijving_brp=None, dagtekening_eerste_pip=date(2025, 6, 2)
    )
    assert [t.soort for t in lijst][0] == Soort.INBURGERINGSTERMIJN
    assert lijst[0].datum == date(2028, 6, 2)


def test_soort_labels_compleet():
    assert {s.label for s in Soort} == {
        "PIP vaststellen uiterlijk",
        "Einde inburgeringstermijn",
        "Leerroute wijzigen uiterlijk",
        "Verlenging aanvragen bij DUO vanaf",
    }


def test_datum_tekst():
    assert termijnen.datum_tekst(date(2026, 5, 5)) == "5 mei 2026"
    assert termijnen.datum_tekst(date(2026, 12, 31)) == "31 december 2026"


def test_atw_art_3_lid_3_jaar_zonder_besluit_staat_in_de_toelichting():
    """When no decree is recorded for the year of the last day, Regie does not silently assume
    a working day: the explanation says the decree is unknown."""
    zonder = pip_vaststellen(date(2029, 3, 5), None)  # last day in 2029: no decree recorded
    assert "Regie kent voor 2029 nog geen besluit" in zonder.toelichting
    assert "art. 3 lid 3" in zonder.toelichting
    met = pip_vaststellen(date(2026, 3, 5), None)
    assert "nog geen besluit" not in met.toelichting


def test_atw_2022_vrijdag_na_hemelvaart_verschuift_pip_termijn():
    """Melding 18 March 2022 + 10 weeks = Friday 27 May 2022, equated with a feestdag by the
    decree of 20 September 2019: the last day is Monday 30 May 2022."""
    t = pip_vaststellen(date(2022, 3, 18), None)
    assert t.datum == date(2022, 5, 30)
    assert "een met een feestdag gelijkgestelde dag" in t.toelichting


# --- Wi 12: DUO's extension is the end --------------------------------------------------------


def test_wi_12_verlenging_door_duo_is_het_einde():
    """Wi 12: once DUO extended the termijn, DUO's last day is the end of the termijn, and the
    extension window and the explanation follow it."""
    verlenging = termijnen.VerlengingDuo(
        laatste_dag=date(2029, 7, 14), bericht_van=date(2028, 12, 1), grond="Aanzienlijke inspanningen"
    )
    lijst = termijnen.termijnen(
        datum_melding_duo=date(2026, 1, 5),
        datum_inschrijving_brp=None,
        dagtekening_eerste_pip=date(2026, 1, 14),
        verlenging=verlenging,
    )
    per_soort = {t.soort: t for t in lijst}
    einde = per_soort[Soort.INBURGERINGSTERMIJN]
    assert einde.datum == date(2029, 7, 14)
    assert "art. 12" in einde.grondslag
    assert einde.toelichting.startswith(
        "Verlengd door DUO tot en met 14 juli 2029, bericht van 1 december 2028"
    )
    assert "Aanzienlijke inspanningen" in einde.toelichting
    assert "Zonder verlenging was de laatste dag 14 januari 2029" in einde.toelichting
    assert per_soort[Soort.VERLENGING_AANVRAGEN_VANAF].datum == date(2029, 1, 15)
    # The leerroute window belongs to the first 1.5 years and does not move.
    assert per_soort[Soort.LEERROUTE_WIJZIGEN].datum == date(2027, 7, 14)


def test_wi_11_zonder_verlenging_onveranderd():
    assert inburgeringstermijn(date(2026, 1, 14)).datum == date(2029, 1, 14)


def test_wi_12_verlenging_zonder_bekend_eerste_pip():
    """DUO's extension counts also when Regie does not know the first PIP's dagtekening."""
    verlenging = termijnen.VerlengingDuo(laatste_dag=date(2029, 7, 14), bericht_van=date(2028, 12, 1))
    lijst = termijnen.termijnen(
        datum_melding_duo=None,
        datum_inschrijving_brp=None,
        dagtekening_eerste_pip=None,
        verlenging=verlenging,
    )
    assert [(t.soort, t.datum) for t in lijst] == [
        (Soort.INBURGERINGSTERMIJN, date(2029, 7, 14)),
        (Soort.VERLENGING_AANVRAGEN_VANAF, date(2029, 1, 15)),
    ]
    assert "art. 12" in lijst[0].grondslag

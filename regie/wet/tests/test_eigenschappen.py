"""Properties of the rules over many dates (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from regie.wet.leerroute import Doelgroep, EerderPip, Leerroute, PipVoorstel, Situatie, Taalniveau, toets_pip
from regie.wet.perioden import laatste_dag
from regie.wet.termijnen import (
    inburgeringstermijn,
    leerroute_wijzigen,
    pip_vaststellen,
    termijn_start,
    verlenging_aanvragen_vanaf,
)
from regie.wet.werkdagen import BESLUITEN, is_vrije_dag

datums = st.dates(min_value=date(2021, 1, 1), max_value=date(2035, 12, 31))
# The Royal decrees of Atw art. 3 lid 3 are known for these years.
datums_met_besluit = st.dates(
    min_value=date(min(j for b in BESLUITEN for j in b.jaren), 1, 1),
    max_value=date(2028, 10, 20),
)
# Enough examples to cover every weekday, month end and leap year, and still fast.
veel = settings(max_examples=150, deadline=None)


@veel
@given(datums)
def test_wi_11_einde_na_start_en_drie_jaar_na_dagtekening(dagtekening):
    """Wi 11 lid 1-2: the end is after the start, 3 years (1095 or 1096 days) after the
    dagtekening, and the day after the end is the start day's date three years later (or the
    1st of March when the start day is 29 February)."""
    start = termijn_start(dagtekening)
    einde = inburgeringstermijn(dagtekening).datum
    assert einde > start
    assert 1095 <= (einde - dagtekening).days <= 1096
    na_einde = einde + timedelta(days=1)
    assert (na_einde.month, na_einde.day) == (start.month, start.day) or (
        (start.month, start.day) == (2, 29) and (na_einde.month, na_einde.day) == (3, 1)
    )


@veel
@given(datums)
def test_bi_5_4_grens_binnen_de_termijn(dagtekening):
    """Bi 5.4: the last day for a route change lies within the inburgeringstermijn, about
    1.5 years after the dagtekening."""
    grens = leerroute_wijzigen(dagtekening).datum
    assert termijn_start(dagtekening) < grens < inburgeringstermijn(dagtekening).datum
    assert 546 <= (grens - dagtekening).days <= 550  # 18 calendar months


@veel
@given(datums)
def test_wi_12_verlenging_nooit_meer_dan_zes_maanden_voor_einde(dagtekening):
    """Wi 12: from the date shown, the end of the termijn is at most 6 months away, and
    the date is at most a few days later than the strict 6 months (clamped month ends)."""
    einde = inburgeringstermijn(dagtekening).datum
    vanaf = verlenging_aanvragen_vanaf(einde).datum
    assert laatste_dag(vanaf, maanden=6) >= einde
    assert laatste_dag(vanaf - timedelta(days=4), maanden=6) < einde


@veel
@given(datums, datums)
def test_bi_5_3_pip_termijn_grenzen(melding, brp):
    """Bi 5.3 lid 1 with Atw art. 1 lid 1: never before 70 days after the later of the two
    dates, the last day is a working day and every day skipped is a Saturday, Sunday or
    feestdag. At most 4 days are skipped by the fixed feestdagen of Atw art. 3 lid 1-2
    (Goede Vrijdag to tweede Paasdag; Christmas on a Thursday); days equated by Royal decree
    (art. 3 lid 3) can add one more (25 December 2024 -> 30 December 2024)."""
    start = max(melding, brp)
    datum = pip_vaststellen(melding, brp).datum
    dag_70 = start + timedelta(days=70)
    assert dag_70 <= datum <= dag_70 + timedelta(days=5)
    assert not is_vrije_dag(datum)
    assert all(is_vrije_dag(dag_70 + timedelta(days=n)) for n in range((datum - dag_70).days))


@veel
@given(st.dates(min_value=date(2029, 1, 1), max_value=date(2035, 12, 31)))
def test_bi_5_3_hoogstens_vier_dagen_verschuiving_zonder_gelijkstellingsbesluit(melding):
    """Atw art. 3 lid 1-2 alone (no decree known for these years): at most 70 + 4 days."""
    assert pip_vaststellen(melding, None).datum <= melding + timedelta(days=74)


@veel
@given(datums_met_besluit)
def test_bi_5_3_ook_met_besluiten_hoogstens_vijf_dagen(melding):
    assert pip_vaststellen(melding, melding).datum <= melding + timedelta(days=75)


optionele_datum = st.one_of(st.none(), datums)
eerder_pip = st.one_of(
    st.none(),
    st.builds(
        EerderPip,
        leerroute=st.sampled_from(Leerroute),
        taalniveau=st.one_of(st.none(), st.sampled_from(Taalniveau)),
        dagtekening=optionele_datum,
        andere_gemeente=st.booleans(),
    ),
)
uren = st.one_of(st.none(), st.integers(min_value=0, max_value=5000))


@veel
@given(
    voorstel=st.builds(
        PipVoorstel,
        leerroute=st.sampled_from(Leerroute),
        taalniveau=st.one_of(st.none(), st.sampled_from(Taalniveau)),
        dagtekening=datums,
        map=st.booleans(),
        geschatte_intensiteit_uren=uren,
        aantal_voortgangsgesprekken=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
        uren_nt2_gevolgd=uren,
        inspanning_aangetoond=st.booleans(),
    ),
    situatie=st.builds(
        Situatie,
        doelgroep=st.sampled_from(Doelgroep),
        begin_inburgeringsplicht=optionele_datum,
        datum_inschrijving_brp=optionele_datum,
        vandaag=datums,
        eerder_pip=eerder_pip,
        dagtekening_eerste_pip=optionele_datum,
    ),
)
def test_toets_pip_faalt_nooit_en_elke_overtreding_is_compleet(voorstel, situatie):
    """toets_pip never raises for any combination of valid inputs, and every violation has a
    field, a Dutch message and an article."""
    for overtreding in toets_pip(voorstel, situatie):
        assert overtreding.veld
        assert overtreding.melding.endswith(".")
        assert overtreding.grondslag


@veel
@given(
    dagtekening=st.dates(min_value=date(2024, 8, 31), max_value=date(2026, 2, 28)),
    van=st.sampled_from(Leerroute),
    naar=st.sampled_from(Leerroute),
)
def test_bi_5_4_binnen_anderhalf_jaar_mag_elke_wijziging(dagtekening, van, naar):
    """Bi 5.4: within the first 1.5 years every route change passes the route rule."""
    voorstel = PipVoorstel(naar, None, dagtekening, aantal_voortgangsgesprekken=2)
    situatie = Situatie(
        Doelgroep.ASIELSTATUSHOUDER,
        date(2024, 6, 1),
        date(2024, 6, 1),
        date(2026, 6, 1),
        EerderPip(van, None, date(2024, 8, 31)),
        date(2024, 8, 31),
    )
    assert "leerroute" not in [o.veld for o in toets_pip(voorstel, situatie)]

"""Suppression of small counts, the traffic light, the logo check and the charts."""

from datetime import date

import pytest

from regie.rapportage.cijfers import Cel, Rij, Soort, Tabel
from regie.rapportage.grafiek import lijngrafiek, staafgrafiek
from regie.rapportage.kpi import halfjaren_in
from regie.rapportage.logo import controleer_logo
from regie.rapportage.models import Raadsrapportage
from regie.rapportage.rapport import periode
from regie.rapportage.selectors import stoplicht


@pytest.mark.parametrize(
    ("cel", "tekst"),
    [
        (Cel(Soort.AANTAL, 0), "0"),
        (Cel(Soort.AANTAL, 1), "<5"),
        (Cel(Soort.AANTAL, 4), "<5"),
        (Cel(Soort.AANTAL, 5), "5"),
        (Cel(Soort.AANTAL, 1234), "1.234"),
        (Cel(Soort.AANTAL, 3, beschermd=False), "3"),
        (Cel(Soort.PROCENT, 3, 4), "<5"),  # a share of 4 persons reveals them
        (Cel(Soort.PROCENT, 4, 5), "80,0%"),
        (Cel(Soort.PROCENT, 0, 0), "–"),
        (Cel(Soort.PROCENT, 20, 28, personen=2), "<5"),  # hours of 2 persons
        (Cel(Soort.GEMIDDELDE, 30, 4), "<5"),
        (Cel(Soort.GEMIDDELDE, 50, 5), "10,0"),
    ],
)
def test_onderdrukking_en_tekst(cel, tekst):
    assert cel.tekst == tekst
    assert (cel.waarde is None) == (tekst in ("<5", "–"))


@pytest.mark.parametrize(
    ("waarde", "doel", "licht"),
    [
        (80, 80, "groen"),
        (79.9, 80, "oranje"),
        (70, 80, "oranje"),
        (69.9, 80, "rood"),
        (None, 80, None),
        (50, None, None),
    ],
)
def test_stoplicht(waarde, doel, licht):
    assert stoplicht(waarde, doel) == licht


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://example.org/#a)"/></svg>',
        '<!DOCTYPE svg [<!ENTITY a "b">]><svg/>',
        "<html><body/></html>",
        "geen svg",
    ],
)
def test_logo_met_script_of_verwijzing_wordt_geweigerd(svg):
    assert controleer_logo(svg)


def test_logo_met_vormen_en_tekst_mag():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="url(#v)"/><text>D</text></svg>'
    assert controleer_logo(svg) == ""


def _tabel(grafiek="staaf"):
    return Tabel(
        code="t",
        titel="Titel <met> teken",
        uitleg="",
        soort=Soort.PROCENT,
        kolommen=["Dordrecht", "Zwijndrecht"],
        rijen=[Rij("Rij & een", [Cel(Soort.PROCENT, 8, 10), Cel(Soort.PROCENT, 1, 2)])],
        grafiek=grafiek,
    )


def test_staafgrafiek_tekent_geen_balk_voor_een_onderdrukt_cijfer():
    svg = str(staafgrafiek(_tabel(), "g"))
    assert svg.count("<rect") == 2 + 1  # two legend squares and one bar (Zwijndrecht <5 gets none)
    assert "&lt;5" in svg and "80,0%" in svg
    assert "Titel &lt;met&gt; teken" in svg and "Rij &amp; een" in svg
    assert 'role="img"' in svg and 'aria-labelledby="g-titel"' in svg


def test_lijngrafiek_een_punt_per_cijfer():
    svg = str(lijngrafiek(_tabel("lijn"), "l"))
    assert svg.count("<circle") == 1


@pytest.mark.parametrize(
    ("soort", "vandaag", "verwacht"),
    [
        ("jaar", date(2026, 12, 7), (date(2026, 1, 1), date(2026, 12, 7))),
        ("jaar", date(2027, 3, 1), (date(2026, 1, 1), date(2026, 12, 31))),
        ("halfjaar_1", date(2027, 3, 1), (date(2026, 1, 1), date(2026, 6, 30))),
        ("halfjaar_2", date(2027, 3, 1), (date(2026, 7, 1), date(2026, 12, 31))),
    ],
)
def test_periode_van_een_raadsrapportage(soort, vandaag, verwacht):
    assert periode(Raadsrapportage(jaar=2026, soort=soort), vandaag=vandaag) == verwacht


def test_halfjaren_die_helemaal_in_de_periode_liggen():
    assert halfjaren_in(date(2026, 1, 1), date(2026, 12, 31)) == [(2026, 1), (2026, 2)]
    assert halfjaren_in(date(2026, 1, 2), date(2026, 12, 31)) == [(2026, 2)]
    assert halfjaren_in(date(2026, 1, 1), date(2026, 12, 7)) == [(2026, 1)]


@pytest.mark.django_db
def test_trend_per_jaar_hergebruikt_het_cijfer_van_de_periode(django_assert_num_queries, organisaties):
    from regie.organisaties.models import Gemeente
    from regie.rapportage.cijfers import Filter
    from regie.rapportage.kpi import KPIS
    from regie.rapportage.selectors import trend

    dordrecht = Gemeente.objects.get(cbs_code="0505")
    f = Filter((dordrecht,), date(2026, 1, 1), date(2026, 12, 7))
    kpi = KPIS["pip_binnen_termijn"]
    bekend = kpi.functie(f)[0]
    with django_assert_num_queries(2):  # 2024 and 2025; 2026 is the filter's own period
        uit = trend(kpi, f, vandaag=date(2026, 12, 7), bekend=bekend)
    assert [jaar for jaar, _ in uit[dordrecht.pk]] == [2024, 2025, 2026]
    assert uit[dordrecht.pk][-1][1] is bekend.cellen[0]

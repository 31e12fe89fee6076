from datetime import date

import pytest

from regie.cbs.kwartaal import Kwartaal, OngeldigKwartaal, kwartalen, laatste_afgesloten, leverbaar


def test_grenzen():
    k = Kwartaal(2026, 4)
    assert (k.begin, k.einde) == (date(2026, 10, 1), date(2026, 12, 31))
    assert k.volgend == Kwartaal(2027, 1) and Kwartaal(2027, 1).vorig == k
    assert k.uiterste_leverdatum == date(2027, 1, 28)
    assert Kwartaal.van_datum(date(2026, 3, 31)) == Kwartaal(2026, 1)
    assert laatste_afgesloten(date(2026, 12, 7)) == Kwartaal(2026, 3)
    assert len(kwartalen(Kwartaal(2022, 1), Kwartaal(2026, 3))) == 19


@pytest.mark.parametrize("tekst", ["2026-K3", "2026-3", "2026 Q3", " 2026k3 "])
def test_lezen(tekst):
    assert Kwartaal.uit_tekst(tekst) == Kwartaal(2026, 3)


@pytest.mark.parametrize("tekst", ["", "2026-5", "morgen", "2021-K4"])
def test_ongeldig(tekst):
    with pytest.raises(OngeldigKwartaal) as fout:
        Kwartaal.uit_tekst(tekst)
    assert "kwartaal" in fout.value.melding.lower()


def test_alleen_een_voorbij_kwartaal_is_leverbaar():
    assert leverbaar(Kwartaal(2026, 3), date(2026, 10, 1)) == ""
    assert "nog niet voorbij" in leverbaar(Kwartaal(2026, 3), date(2026, 9, 30))
    assert "nog niet voorbij" in leverbaar(Kwartaal(2027, 1), date(2026, 10, 1))

"""regie.wet.aanbod: which components of the inburgeringsaanbod a PIP holds (Wi 15, Bi 5.3)."""

import inspect

import pytest

from regie.wet import aanbod


@pytest.mark.parametrize(
    ("leerroute", "vlaggen", "verwacht"),
    [
        ("b1", {"pvt": True, "map": True}, {"b1_route", "pvt", "map"}),
        ("z_route", {"pvt": True, "map": True, "tolk": True}, {"z_route", "pvt", "map", "tolk"}),
        ("b1", {"maatschappelijke_begeleiding": True}, {"b1_route", "maatschappelijke_begeleiding"}),
        # Wi 8 lid 3: the onderwijsroute has no MAP, also when an old PIP had the flag set.
        ("onderwijsroute", {"pvt": True, "map": True}, {"onderwijsroute", "pvt"}),
    ],
)
def test_onderdelen_van_pip(leerroute, vlaggen, verwacht):
    standaard = {"pvt": False, "map": False, "maatschappelijke_begeleiding": False, "tolk": False}
    assert aanbod.onderdelen_van_pip(leerroute=leerroute, **{**standaard, **vlaggen}) == verwacht


def test_onbekende_leerroute():
    with pytest.raises(ValueError):
        aanbod.onderdelen_van_pip(
            leerroute="a2", pvt=False, map=False, maatschappelijke_begeleiding=False, tolk=False
        )


def test_noemt_artikel():
    assert "Wi 15" in inspect.getdoc(aanbod.onderdelen_van_pip)

"""Why a case ends (regie.wet.einde): met (Wi 6 lid 1), released (Wi 4, Wi 5), or no longer
inburgeringsplichtig (Wi 3)."""

import pytest

from regie.wet.einde import (
    NIET_MEER_PLICHTIG,
    PLICHT_VOLDAAN,
    VRIJGESTELD_OF_ONTHEVEN,
    EindeReden,
    grondslag,
    plicht_geldt_niet_meer,
)


def test_elke_reden_hoort_bij_precies_een_soort():
    soorten = [set(PLICHT_VOLDAAN), set(VRIJGESTELD_OF_ONTHEVEN), set(NIET_MEER_PLICHTIG)]
    assert set().union(*soorten) == set(EindeReden)
    assert sum(len(s) for s in soorten) == len(EindeReden)


@pytest.mark.parametrize(
    ("reden", "niet_meer"),
    [
        (EindeReden.NATURALISATIE, True),
        (EindeReden.VERTREK, True),
        (EindeReden.AOW_LEEFTIJD, True),
        (EindeReden.OVERLIJDEN, True),
        (EindeReden.DIPLOMA, False),
        (EindeReden.Z_ROUTE_VOLTOOID, False),
        (EindeReden.ONDERWIJSROUTE_VOLTOOID, False),
        (EindeReden.VRIJSTELLING, False),  # released by DUO (Wi 4), not "no longer inburgeringsplichtig"
        (EindeReden.ONTHEFFING, False),  # Wi 5
    ],
)
def test_wi_3_plicht_geldt_niet_meer(reden, niet_meer):
    assert plicht_geldt_niet_meer(reden) is niet_meer
    assert plicht_geldt_niet_meer(reden.value) is niet_meer


def test_zonder_reden_loopt_de_plicht_nog():
    assert plicht_geldt_niet_meer(None) is False
    assert plicht_geldt_niet_meer("") is False


def test_vrijstelling_is_wi_4_en_ontheffing_wi_5():
    """Wi 4 (vrijstelling) and Wi 5 (ontheffing); Wi 7 is the B1-route."""
    assert grondslag(EindeReden.VRIJSTELLING).startswith("Wi 4")
    assert grondslag(EindeReden.ONTHEFFING).startswith("Wi 5")
    assert all(grondslag(r).startswith("Wi 6 lid 1") for r in PLICHT_VOLDAAN)
    assert "Wi 7" not in " ".join(grondslag(r) for r in EindeReden)

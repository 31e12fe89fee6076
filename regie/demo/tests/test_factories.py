"""The factories other tests use make valid objects."""

from regie.demo.factories import (
    AfspraakFactory,
    DiplomaFactory,
    IntakeFactory,
    KindFactory,
    pip_vastgesteld,
)
from regie.inburgeraars.status import Status


def test_intake_afspraak_kind_en_diploma_zijn_geldig(inburgeraar):
    intake = IntakeFactory(inburgeraar=inburgeraar)
    intake.full_clean()
    DiplomaFactory(intake=intake).full_clean()
    AfspraakFactory(inburgeraar=inburgeraar).full_clean()
    KindFactory(ouder=inburgeraar).full_clean()
    assert inburgeraar.kinderen.count() == 1 and inburgeraar.afspraken.count() == 1


def test_pip_vastgesteld_gaat_door_de_service(inburgeraar, consulent):
    pip = pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    assert pip.versie == 1 and inburgeraar.status == Status.PIP_VASTGESTELD
    assert inburgeraar.gebeurtenissen.filter(soort="pip_vastgesteld").exists()
    tweede = pip_vastgesteld(inburgeraar, consulent, leerroute="z_route", map=True, reden="Andere route")
    assert tweede.versie == 2 and tweede.taalniveau == ""

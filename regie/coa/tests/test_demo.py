"""The demo's taakstelling and the example COA files in docs/voorbeelden/."""

from datetime import date

import pytest

from regie.coa.bestand import ontleed
from regie.coa.demo import VOORBEELDBESTAND, VOORBEELDBESTAND_MET_FOUTEN, taakstellingen_maken
from regie.coa.models import Taakstelling
from regie.csvbestand import tekst_van

OP = date(2026, 11, 24)


def test_voorbeeldbestand_is_goed():
    bestand = ontleed(tekst_van(VOORBEELDBESTAND.read_bytes())[0], vandaag=OP)
    assert len(bestand.rijen) == 9
    assert not [r.problemen for r in bestand.rijen if r.problemen]
    assert sum(r.volwassen for r in bestand.rijen) == 6  # Adam (17) gets his own case


def test_voorbeeldbestand_met_fouten_toont_elke_soort_probleem():
    bestand = ontleed(tekst_van(VOORBEELDBESTAND_MET_FOUTEN.read_bytes())[0], vandaag=OP)
    alles = " ".join(p for r in bestand.rijen for p in r.problemen)
    for melding in (
        "‘31-02-1990’ is geen geldige datum",
        "geen heel getal",
        "elfproef",
        "De geslachtsnaam ontbreekt.",
        "heeft geen hoofd",
        "mag niet in de toekomst liggen",
    ):
        assert melding in alles
    assert bestand.rijen[-1].waarden["gemeente"] == "0303"


@pytest.mark.django_db
def test_taakstelling_van_de_demo(organisaties):
    aantal = taakstellingen_maken()
    assert aantal == Taakstelling.objects.count() == 6 * 4 + 2
    assert taakstellingen_maken() == aantal  # idempotent
    dronten_2021 = Taakstelling.objects.filter(gemeente__cbs_code="0303", jaar=2021)
    assert sum(dronten_2021.values_list("aantal", flat=True)) == 58
    assert Taakstelling.objects.get(gemeente__cbs_code="0505", jaar=2026, halfjaar=1).aantal == 101


@pytest.mark.django_db
def test_voorbeeldbestand_inlezen_als_consulent_van_dronten(consulent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from regie.coa import services

    bestand = SimpleUploadedFile(VOORBEELDBESTAND.name, VOORBEELDBESTAND.read_bytes())
    coa_import = services.bevestigen(
        coa_import=services.bestand_uploaden(door=consulent, bestand=bestand), door=consulent
    )
    assert (coa_import.aantal_nieuw, coa_import.aantal_kinderen, coa_import.aantal_overgeslagen) == (6, 3, 0)

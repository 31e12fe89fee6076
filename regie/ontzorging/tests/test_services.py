"""Ontzorging on the case: every bad input gives a Dutch message, saves nothing and writes its
reason to the processing log; good input goes on the timeline with who and when."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regie.demo.factories import InburgeraarFactory
from regie.ontzorging import services
from regie.ontzorging.models import Ontzorging, VasteLast, VasteLastWijziging
from regie.ontzorging.tests.conftest import IBAN_VERHUURDER, last
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog.models import Resultaat, Verwerking

pytestmark = pytest.mark.django_db


def _geweigerd(inburgeraar) -> Verwerking:
    return Verwerking.objects.filter(
        resultaat=Resultaat.GEWEIGERD, betrokkenen__inburgeraar_id=inburgeraar.pk
    ).latest("pk")


def test_ontzorging_vastleggen_pw_56a_zes_maanden_op_de_tijdlijn(ontzorging, statushouder, consulent):
    assert ontzorging.einde == date(2027, 6, 30)
    g = Gebeurtenis.objects.get(inburgeraar=statushouder, soort=Soort.ONTZORGING)
    assert g.door == consulent and "30-06-2027" in g.omschrijving


def test_reguliere_vergunning_geweigerd_met_reden_in_log(statushouder, consulent, vandaag):
    with pytest.raises(ValidationError) as fout:
        services.ontzorging_vastleggen(
            inburgeraar=statushouder, door=consulent, vergunning="regulier", eerste_bijstand=date(2027, 2, 1)
        )
    assert "reguliere" in fout.value.message_dict["vergunning"][0]
    assert not Ontzorging.objects.exists()
    assert "reguliere" in _geweigerd(statushouder).reden


def test_partner_van_huishouden_met_ontzorging_krijgt_geen_tweede(ontzorging, statushouder, consulent):
    partner = InburgeraarFactory(gemeente=statushouder.gemeente, consulent=consulent, partner=statushouder)
    with pytest.raises(ValidationError, match="partner"):
        services.ontzorging_vastleggen(
            inburgeraar=partner, door=consulent, vergunning="asiel_afgeleid", eerste_bijstand=date(2027, 2, 1)
        )


@pytest.mark.parametrize("iban", ["NL91ABNA0417164301", "NL91 ABNA 0417", "geen iban", ""])
def test_ongeldig_iban_niets_opgeslagen_reden_in_log(ontzorging, consulent, iban):
    with pytest.raises(ValidationError) as fout:
        last(ontzorging, consulent, iban=iban)
    assert "IBAN" in fout.value.message_dict["iban"][0]
    assert not VasteLast.objects.exists()
    assert "IBAN" in _geweigerd(ontzorging.inburgeraar).reden


def test_iban_met_spaties_wordt_compact_opgeslagen(ontzorging, consulent):
    vaste_last = last(ontzorging, consulent, iban="nl91 abna 0417 1643 00")
    assert vaste_last.iban == IBAN_VERHUURDER


@pytest.mark.parametrize("naam", ["", "   "])
def test_begunstigde_zonder_naam_niets_opgeslagen(ontzorging, consulent, naam):
    with pytest.raises(ValidationError) as fout:
        last(ontzorging, consulent, begunstigde=naam)
    assert "naam van de begunstigde" in fout.value.message_dict["begunstigde"][0]
    assert not VasteLast.objects.exists()
    assert "begunstigde" in _geweigerd(ontzorging.inburgeraar).reden


def test_andere_vaste_last_alleen_met_toestemming(ontzorging, consulent):
    with pytest.raises(ValidationError) as fout:
        last(ontzorging, consulent, soort="anders", begunstigde="Gemeente Dronten belastingen")
    assert "toestemming" in fout.value.message_dict["toestemming_anders"][0]
    assert last(ontzorging, consulent, soort="anders", begunstigde="Gemeente", toestemming_anders=True).pk


def test_dezelfde_last_niet_twee_keer(ontzorging, consulent):
    last(ontzorging, consulent)
    with pytest.raises(ValidationError, match="staat er al"):
        last(ontzorging, consulent)


def test_wijzigen_houdt_geschiedenis_oud_en_nieuw(ontzorging, consulent, vaste_lasten):
    huur = vaste_lasten[0]
    ontzorging.inburgeraar.refresh_from_db()
    services.vaste_last_wijzigen(
        vaste_last=huur,
        door=consulent,
        soort="huur",
        begunstigde="Woonstichting De Meerpaal",
        iban=IBAN_VERHUURDER,
        bedrag=66000,
        van=date(2027, 1, 1),
        kenmerk="Huurcontract 2027-0042",
    )
    wijziging = VasteLastWijziging.objects.get(vaste_last=huur)
    assert wijziging.door == consulent
    assert wijziging.wijzigingen == {"bedrag per maand": ["€ 645,50", "€ 660,00"]}
    g = Gebeurtenis.objects.filter(soort=Soort.ONTZORGING).latest("pk")
    assert g.gegevens["wijzigingen"]["bedrag per maand"] == ["€ 645,50", "€ 660,00"]


def test_verlengen_alleen_met_toestemming(ontzorging, consulent, vandaag):
    with pytest.raises(ValidationError) as fout:
        services.ontzorging_verlengen(ontzorging=ontzorging, door=consulent, maanden=3, toestemming_op=None)
    assert "toestemming" in fout.value.message_dict["toestemming_op"][0]
    ontzorging.inburgeraar.refresh_from_db()
    services.ontzorging_verlengen(ontzorging=ontzorging, door=consulent, maanden=3, toestemming_op=vandaag)
    ontzorging.refresh_from_db()
    assert ontzorging.verlengd_tot == date(2027, 9, 30)
    assert ontzorging.toestemming_door == consulent


def test_beeindigen_niet_na_de_laatste_dag(ontzorging, consulent):
    with pytest.raises(ValidationError, match="30-06-2027"):
        services.ontzorging_beeindigen(ontzorging=ontzorging, door=consulent, op=date(2027, 7, 1))
    ontzorging.inburgeraar.refresh_from_db()
    services.ontzorging_beeindigen(
        ontzorging=ontzorging, door=consulent, op=date(2027, 6, 30), toelichting="Zes maanden voorbij"
    )
    ontzorging.refresh_from_db()
    assert ontzorging.laatste_dag == date(2027, 6, 30)


def test_collega_mag_niet_wijzigen(ontzorging, dronten):
    from regie.accounts.models import Rol
    from regie.demo.factories import UserFactory

    collega = UserFactory(username="collega", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    with pytest.raises(ValidationError, match="vaste consulent"):
        last(ontzorging, collega)


def test_checklist_budgetcoaching(ontzorging, consulent, vandaag):
    services.checklist_bijwerken(ontzorging=ontzorging, door=consulent, afgevinkt={"overzicht", "rekening"})
    ontzorging.refresh_from_db()
    assert ontzorging.checklist == {"overzicht": vandaag.isoformat(), "rekening": vandaag.isoformat()}
    with pytest.raises(ValidationError):
        services.checklist_bijwerken(ontzorging=ontzorging, door=consulent, afgevinkt={"bestaat-niet"})


def test_bijstand_vastleggen_per_maand(statushouder, consulent, vandaag):
    services.bijstand_vastleggen(
        inburgeraar=statushouder, door=consulent, maand=date(2027, 2, 14), bedrag=115000, bron="overzicht"
    )
    services.bijstand_vastleggen(
        inburgeraar=statushouder, door=consulent, maand=date(2027, 2, 1), bedrag=116000, bron="correctie"
    )
    assert list(statushouder.bijstandsbedragen.values_list("maand", "bedrag")) == [(date(2027, 2, 1), 116000)]

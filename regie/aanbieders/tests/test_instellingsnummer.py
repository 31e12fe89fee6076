"""The provider's instellingsnummer has DUO's form: the Inburgeringsaanbod API's parameter and schema
`Instellingsnummer` are a string of exactly 10 characters (regie/duo/specs/Inburgeringsaanbod/openapi.yml)."""

import pytest
from django.core.exceptions import ValidationError

from regie.aanbieders.factories import AanbiederFactory
from regie.aanbieders.models import Aanbieder
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.duo import specificaties

FOUT = (
    "Een instellingsnummer van DUO heeft precies 10 tekens (cijfers of letters, zonder spaties),"
    " bijvoorbeeld 1000012345."
)


def _spec_fouten(nummer: str) -> list[str]:
    pad = "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"
    return specificaties.parameterfouten(
        "Inburgeringsaanbod", "post", pad, {"bsn": "123456782", "instellingsnummer": nummer}
    )


@pytest.mark.parametrize("nummer", ["1000012345", "2030300001", "AB12345678", ""])
def test_geldig_instellingsnummer(dronten, nummer):
    aanbieder = AanbiederFactory.build(organisatie=dronten.organisatie, instellingsnummer=nummer)
    aanbieder.full_clean()
    if nummer:
        assert _spec_fouten(nummer) == []  # what Regie takes, DUO's spec takes too


@pytest.mark.parametrize("nummer", ["12AB3", "100001234", "10000123456", "10000 1234", "1000/12345"])
def test_ongeldig_instellingsnummer(dronten, nummer):
    aanbieder = AanbiederFactory.build(organisatie=dronten.organisatie, instellingsnummer=nummer)
    with pytest.raises(ValidationError) as fout:
        aanbieder.full_clean()
    assert FOUT in fout.value.message_dict["instellingsnummer"]


def test_beheer_weigert_een_kort_nummer_met_uitleg(client, dronten):
    beheerder = UserFactory(username="beheer", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)
    client.force_login(beheerder)
    gegevens = {
        "organisatie": dronten.organisatie.pk,
        "naam": "Taalschool Nieuw",
        "instellingsnummer": "12AB3",
        "actief": "on",
        "contracten-TOTAL_FORMS": "0",
        "contracten-INITIAL_FORMS": "0",
    }
    antwoord = client.post("/beheer/aanbieders/aanbieder/add/", gegevens)
    assert antwoord.status_code == 200
    assert "precies 10 tekens" in antwoord.content.decode()
    assert not Aanbieder.objects.filter(naam="Taalschool Nieuw").exists()
    antwoord = client.post(
        "/beheer/aanbieders/aanbieder/add/", gegevens | {"instellingsnummer": "1000012345"}
    )
    assert antwoord.status_code == 302
    assert Aanbieder.objects.get(naam="Taalschool Nieuw").instellingsnummer == "1000012345"

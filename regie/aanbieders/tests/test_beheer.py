"""The functioneel beheerder keeps the provider register of the own organisation in /beheer/;
a user is linked to a provider only with the role aanbieder and within the organisation."""

import pytest
from django.core.exceptions import ValidationError

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory


@pytest.fixture
def beheerder(dronten):
    return UserFactory(username="beheer", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)


def test_beheerder_ziet_alleen_eigen_aanbieders(client, beheerder, dronten, dordrecht):
    eigen = ContractFactory(
        aanbieder=AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Eigen")
    )
    vreemd = ContractFactory(
        aanbieder=AanbiederFactory(organisatie=dordrecht.organisatie, naam="Taalschool Vreemd")
    )
    client.force_login(beheerder)
    inhoud = client.get("/beheer/aanbieders/aanbieder/").content.decode()
    assert "Taalschool Eigen" in inhoud and "Taalschool Vreemd" not in inhoud
    assert client.get(f"/beheer/aanbieders/contract/{eigen.pk}/change/").status_code == 200
    assert client.get(f"/beheer/aanbieders/contract/{vreemd.pk}/change/").status_code == 302
    # In the contract form only the own providers are offered.
    formulier = client.get("/beheer/aanbieders/contract/add/").content.decode()
    assert "Taalschool Eigen" in formulier and "Taalschool Vreemd" not in formulier


def test_beheerder_legt_contract_vast(client, beheerder, dronten):
    aanbieder = AanbiederFactory(organisatie=dronten.organisatie)
    client.force_login(beheerder)
    antwoord = client.post(
        "/beheer/aanbieders/contract/add/",
        {
            "aanbieder": aanbieder.pk,
            "perceel": "pvt",
            "inkoopvorm": "subsidie",
            "prijs": "650",
            "prijs_per": "traject",
            "capaciteit": "20",
            "begindatum": "2025-01-01",
            "einddatum": "2024-12-31",
        },
    )
    assert antwoord.status_code == 200  # the end before the start: the form comes back
    assert not aanbieder.contracten.exists()


def test_gebruiker_bij_aanbieder(dronten, dordrecht):
    school = AanbiederFactory(organisatie=dronten.organisatie)
    consulent = UserFactory(
        username="c", organisatie=dronten.organisatie, rol=Rol.CONSULENT, aanbieder=school
    )
    with pytest.raises(ValidationError) as exc:
        consulent.clean()
    assert "aanbieder" in exc.value.message_dict
    anders = UserFactory(username="a", organisatie=dordrecht.organisatie, rol=Rol.AANBIEDER, aanbieder=school)
    with pytest.raises(ValidationError):
        anders.clean()
    goed = UserFactory(username="b", organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=school)
    goed.clean()

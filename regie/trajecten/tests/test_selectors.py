"""Scoping of referrals: a provider sees only its own, nobody sees another organisation's."""

from datetime import timedelta

import pytest
from django.http import Http404

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, pip_vastgesteld
from regie.klok import vandaag
from regie.trajecten import selectors, services
from regie.trajecten.factories import verwezen
from regie.trajecten.models import VerwijzingStatus as S


@pytest.fixture
def verwijzing(inburgeraar, consulent, pip, contract):
    return verwezen(inburgeraar, consulent, contract=contract)


@pytest.fixture
def verwijzing_drechtsteden(dordrecht, consulent_drechtsteden):
    persoon = InburgeraarFactory(gemeente=dordrecht, consulent=consulent_drechtsteden)
    pip_vastgesteld(persoon, consulent_drechtsteden)
    persoon.refresh_from_db()
    return verwezen(persoon, consulent_drechtsteden)


def test_consulent_ziet_verwijzingen_van_eigen_dossiers(verwijzing, verwijzing_drechtsteden, consulent):
    assert list(selectors.verwijzingen_voor(consulent)) == [verwijzing]
    assert selectors.verwijzing_voor(consulent, verwijzing.uuid) == verwijzing
    with pytest.raises(Http404):
        selectors.verwijzing_voor(consulent, verwijzing_drechtsteden.uuid)


def test_aanbieder_ziet_alleen_eigen_verwijzingen(
    verwijzing, verwijzing_drechtsteden, medewerker_taalschool, medewerker_andere_aanbieder, dronten
):
    assert list(selectors.verwijzingen_voor(medewerker_taalschool)) == [verwijzing]
    assert list(selectors.verwijzingen_voor(medewerker_andere_aanbieder)) == []
    with pytest.raises(Http404):
        selectors.verwijzing_voor(medewerker_andere_aanbieder, verwijzing.uuid)
    with pytest.raises(Http404):
        selectors.verwijzing_voor(medewerker_taalschool, verwijzing_drechtsteden.uuid)
    # An aanbieder account without a provider sees nothing.
    los = UserFactory(username="los", organisatie=dronten.organisatie, rol=Rol.AANBIEDER)
    assert list(selectors.verwijzingen_voor(los)) == []


def test_andere_rollen_zien_niets(verwijzing, dronten):
    for rol in (
        Rol.BELEIDSMEDEWERKER,
        Rol.FINANCIEEL_MEDEWERKER,
        Rol.FUNCTIONEEL_BEHEERDER,
        Rol.PRIVACY_OFFICER,
    ):
        gebruiker = UserFactory(username=f"x.{rol}", organisatie=dronten.organisatie, rol=rol)
        assert list(selectors.verwijzingen_voor(gebruiker)) == []


def test_capaciteit_en_wachttijd(dronten, consulent, teamleider, contract, medewerker_taalschool):
    personen = []
    for _ in range(4):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
        pip_vastgesteld(persoon, consulent)
        persoon.refresh_from_db()
        personen.append(persoon)
    oud = vandaag() - timedelta(days=30)
    eerste = verwezen(personen[0], consulent, contract=contract, verzonden_op=oud)
    services.accepteren(verwijzing=eerste, startdatum=oud + timedelta(days=6), door=medewerker_taalschool)
    services.starten(verwijzing=eerste, startdatum=oud + timedelta(days=6), door=medewerker_taalschool)
    verwezen(personen[1], consulent, contract=contract, verzonden_op=oud)  # not answered in 2 weeks
    derde = verwezen(personen[2], consulent, contract=contract)  # full: waiting list
    assert derde.op_wachtlijst
    vierde = verwezen(personen[3], consulent, contract=contract)
    services.intrekken(verwijzing=vierde, reden="Verhuisd", door=consulent)
    # Another provider's contract with nothing on it, and one of another organisation.
    ContractFactory(aanbieder=AanbiederFactory(organisatie=dronten.organisatie), perceel=Perceel.PVT)

    cijfers = {c.contract.pk: c for c in selectors.capaciteit_voor(teamleider)}
    assert len(cijfers) == 2
    regel = cijfers[contract.pk]
    assert (regel.in_gebruik, regel.verzonden, regel.wachtlijst, regel.niet_beantwoord) == (1, 1, 1, 1)
    assert regel.gemiddelde_wachttijd == 6.0
    assert regel.vol and regel.vrij == 0
    assert [v.inburgeraar for v in selectors.niet_beantwoord_voor(teamleider)] == [personen[1]]
    assert derde.status == S.VERZONDEN


def test_te_kiezen_contracten_volgen_pip(inburgeraar, consulent, pip, taalschool, dordrecht):
    b1 = ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE)
    ContractFactory(aanbieder=taalschool, perceel=Perceel.Z_ROUTE)
    ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, einddatum=vandaag() - timedelta(days=1))
    ContractFactory(aanbieder=AanbiederFactory(organisatie=dordrecht.organisatie), perceel=Perceel.B1_ROUTE)
    onderdelen = services.onderdelen_in_pip(pip)
    assert onderdelen == {"b1_route", "pvt", "map"}
    assert selectors.te_kiezen_contracten(inburgeraar, onderdelen) == [b1]

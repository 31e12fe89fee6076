"""A municipality's OIN routes DUO's notices to it (regie/duo/inkomend/ontvangst.py): it is unique
in the database (blank allowed for several) and only a superuser sets it in Beheer."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.organisaties.models import Gemeente
from regie.verwerkingslog.models import Verwerking

pytestmark = pytest.mark.django_db


def test_database_weigert_een_tweede_gemeente_met_dezelfde_oin(dronten, dordrecht):
    dordrecht.oin = dronten.oin
    with pytest.raises(IntegrityError), transaction.atomic():
        dordrecht.save(update_fields=["oin"])
    dordrecht.refresh_from_db()
    assert dordrecht.oin != dronten.oin


def test_meerdere_gemeenten_zonder_oin_mogen(dronten, dordrecht):
    Gemeente.objects.filter(pk__in=[dronten.pk, dordrecht.pk]).update(oin="")
    assert Gemeente.objects.filter(oin="").count() >= 2


def test_controle_zegt_in_het_nederlands_welke_oin_al_bij_een_andere_gemeente_hoort(dronten, dordrecht):
    dordrecht.oin = dronten.oin
    with pytest.raises(ValidationError) as exc:
        dordrecht.full_clean()
    assert exc.value.message_dict["oin"] == [
        "Een andere gemeente heeft deze OIN al. Elke gemeente heeft een eigen OIN."
    ]


def test_migratie_noemt_de_dubbele_oins():
    migratie = importlib.import_module("regie.organisaties.migrations.0003_gemeente_oin_uniek")
    melding = migratie.melding_dubbele_oins(
        [
            ("Dronten", "0303", "00000001990303000000"),
            ("Dordrecht", "0505", "00000001990303000000"),
            ("Zwijndrecht", "0642", "00000001990642000000"),
        ]
    )
    assert "00000001990303000000" in melding
    assert "Dronten (0303)" in melding and "Dordrecht (0505)" in melding
    assert "Zwijndrecht" not in melding
    assert migratie.melding_dubbele_oins([("Dronten", "0303", "00000001990303000000")]) == ""


# --- Beheer ---------------------------------------------------------------------------------


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


@pytest.fixture
def superuser(dronten):
    return UserFactory(
        username="root", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER, is_superuser=True
    )


def _gemeente_formulier(gemeente, **anders) -> dict:
    return {
        "cbs_code": gemeente.cbs_code,
        "naam": gemeente.naam,
        "organisatie": gemeente.organisatie_id,
        "oin": gemeente.oin,
        "kernen-TOTAL_FORMS": "0",
        "kernen-INITIAL_FORMS": "0",
        "kernen-MIN_NUM_FORMS": "0",
        "kernen-MAX_NUM_FORMS": "1000",
        **anders,
    }


def test_beheerder_ziet_de_oin_maar_kan_hem_niet_wijzigen(client, beheerder, dronten):
    oud = dronten.oin
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/organisaties/gemeente/{dronten.pk}/change/").content.decode()
    assert oud in pagina
    assert 'name="oin"' not in pagina
    antwoord = client.post(
        f"/beheer/organisaties/gemeente/{dronten.pk}/change/",
        _gemeente_formulier(dronten, oin="00000001999999000000", naam="Dronten!"),
    )
    assert antwoord.status_code == 302
    dronten.refresh_from_db()
    assert (dronten.naam, dronten.oin) == ("Dronten!", oud)
    # The page offers no OIN field: a POST with one was crafted, and is logged.
    poging = Verwerking.objects.get(actie="geweigerd", gebruiker=beheerder)
    assert "Alleen een superuser wijzigt oin" in poging.reden


def test_beheerder_ziet_de_oin_ook_in_de_gemeenten_van_de_organisatie_alleen_als_tekst(
    client, beheerder, dronten
):
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/organisaties/organisatie/{dronten.organisatie_id}/change/").content.decode()
    assert dronten.oin in pagina
    assert 'name="gemeenten-0-cbs_code"' in pagina
    assert 'name="gemeenten-0-oin"' not in pagina


def test_superuser_zet_de_oin(client, superuser, dronten):
    client.force_login(superuser)
    pagina = client.get(f"/beheer/organisaties/gemeente/{dronten.pk}/change/").content.decode()
    assert 'name="oin"' in pagina
    antwoord = client.post(
        f"/beheer/organisaties/gemeente/{dronten.pk}/change/",
        _gemeente_formulier(dronten, oin="00000001999999000000"),
    )
    assert antwoord.status_code == 302
    dronten.refresh_from_db()
    assert dronten.oin == "00000001999999000000"


def test_superuser_kan_geen_oin_van_een_andere_gemeente_kiezen(client, superuser, dronten, dordrecht):
    client.force_login(superuser)
    antwoord = client.post(
        f"/beheer/organisaties/gemeente/{dordrecht.pk}/change/",
        _gemeente_formulier(dordrecht, oin=dronten.oin),
    )
    assert antwoord.status_code == 200
    assert "Een andere gemeente heeft deze OIN al." in antwoord.content.decode()
    dordrecht.refresh_from_db()
    assert dordrecht.oin != dronten.oin


def test_gemeente_met_dossiers_verhuist_niet_in_beheer_naar_een_andere_organisatie(
    client, superuser, dronten, dordrecht
):
    """A case stores its organisation (the BSN is unique per organisation): a municipality with
    cases keeps its organisation in Beheer, also for a superuser."""
    from regie.demo.factories import InburgeraarFactory

    InburgeraarFactory(gemeente=dronten)
    client.force_login(superuser)
    pagina = client.get(f"/beheer/organisaties/gemeente/{dronten.pk}/change/").content.decode()
    assert 'name="organisatie"' not in pagina
    client.post(
        f"/beheer/organisaties/gemeente/{dronten.pk}/change/",
        _gemeente_formulier(dronten, organisatie=dordrecht.organisatie_id),
    )
    dronten.refresh_from_db()
    assert dronten.organisatie_id != dordrecht.organisatie_id
    # Without cases it can still be corrected.
    leeg = Gemeente.objects.create(cbs_code="9999", naam="Proef", organisatie=dronten.organisatie)
    pagina = client.get(f"/beheer/organisaties/gemeente/{leeg.pk}/change/").content.decode()
    assert 'name="organisatie"' in pagina

"""The functioneel beheerder manages colleagues' accounts, but cannot raise their own rights,
cannot touch the DUO system account or a superuser's account, and every change of rights is in
the processing log the privacy officer reads."""

import pytest
from django.urls import reverse

from regie.accounts.models import Rol, User
from regie.accounts.tests.helpers import formulier_van, wachtwoord_stap
from regie.demo.factories import DEMO_WACHTWOORD, UserFactory
from regie.duo.inkomend.services import duo_gebruiker
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking

NIEUW = "Een heel nieuw wachtwoord 2027"


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


@pytest.fixture
def beheer(client, beheerder):
    client.force_login(beheerder)
    return client


def wijzig(client, user, **velden):
    """Open the change page of `user` like a browser and send it back with `velden` changed
    (a value None: leave the field out, as an unticked checkbox)."""
    adres = f"/beheer/accounts/user/{user.pk}/change/"
    data = formulier_van(client.get(adres), "user_form")
    for naam, waarde in velden.items():
        if waarde is None:
            data.pop(naam, None)
        else:
            data[naam] = waarde
    return client.post(adres, data)


def geweigerd_sinds(vanaf: int):
    return Verwerking.objects.filter(id__gt=vanaf, actie=Actie.GEWEIGERD, resultaat=Resultaat.GEWEIGERD)


def laatste() -> int:
    return Verwerking.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_eigen_rol_en_rechten_zijn_niet_te_wijzigen(beheer, beheerder):
    html = beheer.get(f"/beheer/accounts/user/{beheerder.pk}/change/").content.decode()
    assert 'name="rol"' not in html and 'name="is_active"' not in html and 'name="gemeenten"' not in html
    assert 'name="first_name"' in html  # the own name and e-mail address stay editable


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("rol", Rol.TEAMLEIDER),
        ("is_superuser", "on"),
        ("is_staff", "on"),
        ("is_active", ""),
        ("gemeenten", "1"),
    ],
)
def test_beheerder_kan_zichzelf_geen_rechten_geven(beheer, beheerder, veld, waarde):
    vanaf = laatste()
    antwoord = wijzig(beheer, beheerder, **{veld: waarde})
    assert antwoord.status_code in (200, 403)
    tekst = antwoord.content.decode()
    assert "U kunt uw eigen rol en rechten niet wijzigen" in tekst or "Alleen een superuser" in tekst
    beheerder.refresh_from_db()
    assert beheerder.rol == Rol.FUNCTIONEEL_BEHEERDER
    assert not beheerder.is_superuser and not beheerder.is_staff and beheerder.is_active
    assert not beheerder.gemeenten.exists()
    assert geweigerd_sinds(vanaf).filter(gebruiker=beheerder).exists()


def test_beheerder_maakt_een_collega_teamleider_en_de_privacy_officer_ziet_het(
    client, beheer, beheerder, consulent, dronten
):
    antwoord = wijzig(beheer, consulent, rol=Rol.TEAMLEIDER)
    assert antwoord.status_code == 302
    consulent.refresh_from_db()
    assert consulent.rol == Rol.TEAMLEIDER
    regel = Verwerking.objects.get(handeling="account_gewijzigd")
    assert regel.gebruiker == beheerder
    assert regel.object_id == str(consulent.pk)
    assert regel.velden == {"account": consulent.username, "rol": ["consulent", "teamleider"]}

    privacy = UserFactory(
        username="privacy.dronten", organisatie=dronten.organisatie, rol=Rol.PRIVACY_OFFICER
    )
    client.force_login(privacy)
    lijst = client.get(reverse("verwerkingslog:zoeken"), {"gebruiker": beheerder.username}).content.decode()
    assert "accountbeheer" in lijst
    detail = client.get(reverse("verwerkingslog:detail", args=[regel.uuid])).content.decode()
    assert "teamleider" in detail and consulent.username in detail


def test_niemand_superuser_maken_ook_niet_met_een_zelfgemaakt_formulier(beheer, consulent):
    vanaf = laatste()
    antwoord = wijzig(beheer, consulent, is_superuser="on", is_staff="on")
    assert "Alleen een superuser" in antwoord.content.decode()
    consulent.refresh_from_db()
    assert not consulent.is_superuser and not consulent.is_staff
    assert geweigerd_sinds(vanaf).exists()


def test_nieuw_account_in_het_log(beheer, beheerder):
    antwoord = beheer.post(
        "/beheer/accounts/user/add/",
        {
            "username": "nieuw.dronten",
            "password1": NIEUW,
            "password2": NIEUW,
            "usable_password": "true",
            "organisatie": beheerder.organisatie_id,
            "rol": Rol.TEAMLEIDER,
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()
    regel = Verwerking.objects.get(handeling="account_aangemaakt")
    assert regel.actie == Actie.AANMAKEN and regel.gebruiker == beheerder
    assert regel.velden["account"] == "nieuw.dronten" and regel.velden["rol"] == "teamleider"


def test_gebruikersnaam_van_de_duo_koppeling_is_gereserveerd(beheer, beheerder):
    antwoord = beheer.post(
        "/beheer/accounts/user/add/",
        {
            "username": f"duo-koppeling-{beheerder.organisatie_id}",
            "password1": NIEUW,
            "password2": NIEUW,
            "usable_password": "true",
            "organisatie": beheerder.organisatie_id,
            "rol": Rol.TEAMLEIDER,
        },
    )
    assert antwoord.status_code == 200
    assert "is voor Regie zelf" in antwoord.content.decode()
    assert not User.objects.filter(username=f"duo-koppeling-{beheerder.organisatie_id}").exists()


# --- The system account "DUO (koppeling)" ---------------------------------------------------------


@pytest.fixture
def duo(dronten):
    return duo_gebruiker(dronten.organisatie)


def test_het_duo_account_is_een_systeemaccount(duo):
    assert duo.systeemaccount and not duo.is_active and not duo.has_usable_password()


def test_beheerder_kan_het_duo_account_niet_activeren(beheer, duo):
    vanaf = laatste()
    antwoord = wijzig(beheer, duo, is_active="on")
    assert antwoord.status_code == 403
    assert "systeemaccount" in antwoord.content.decode()
    duo.refresh_from_db()
    assert not duo.is_active
    assert "systeemaccount" in geweigerd_sinds(vanaf).get().reden


def test_beheerder_kan_het_duo_account_geen_wachtwoord_geven(beheer, duo):
    vanaf = laatste()
    antwoord = beheer.post(
        f"/beheer/accounts/user/{duo.pk}/password/",
        {"password1": NIEUW, "password2": NIEUW, "usable_password": "true"},
    )
    assert antwoord.status_code == 403
    assert "systeemaccount" in antwoord.content.decode()
    duo.refresh_from_db()
    assert not duo.has_usable_password()
    assert geweigerd_sinds(vanaf).exists()


def test_authenticator_actie_slaat_het_duo_account_over(beheer, duo, consulent):
    vanaf = laatste()
    antwoord = beheer.post(
        "/beheer/accounts/user/",
        {"action": "tweestaps_opnieuw", "_selected_action": [duo.pk, consulent.pk]},
        follow=True,
    )
    assert "systeemaccount" in antwoord.content.decode()
    assert geweigerd_sinds(vanaf).exists()
    assert Verwerking.objects.filter(handeling="tweestaps_opnieuw", object_id=str(consulent.pk)).exists()


def test_met_het_duo_account_kan_niemand_inloggen(client, duo):
    # Even when someone gave it a password and made it active outside Regie's pages.
    User.objects.filter(pk=duo.pk).update(is_active=True)
    duo.refresh_from_db()
    duo.set_password(DEMO_WACHTWOORD)
    duo.save()
    antwoord = wachtwoord_stap(client, duo)
    assert antwoord.status_code == 200
    assert "_auth_user_id" not in client.session


def test_een_superuser_kan_alleen_door_een_superuser_worden_gewijzigd(beheer, dronten):
    baas = UserFactory(username="baas", organisatie=dronten.organisatie, is_superuser=True, is_staff=True)
    antwoord = beheer.post(
        f"/beheer/accounts/user/{baas.pk}/password/",
        {"password1": NIEUW, "password2": NIEUW, "usable_password": "true"},
    )
    assert antwoord.status_code == 403
    baas.refresh_from_db()
    assert baas.check_password(DEMO_WACHTWOORD)
    assert wijzig(beheer, baas, first_name="Gewijzigd").status_code == 403

"""Attacks on Regie as an attacker would try them (issue 9): each test asserts that nothing changed and that the attempt was logged."""

import pytest
from django.urls import reverse
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from regie.accounts.models import ApiToken, Rol, Sessie, User
from regie.accounts.tests.helpers import formulier_van, wachtwoord_stap
from regie.accounts.tokens import maak_api_token
from regie.demo.factories import DEMO_WACHTWOORD, UserFactory
from regie.notificaties.services import duo_gebruiker
from regie.taken.models import HerhaaldeTaak
from regie.taken.werk import werk_taken_af
from regie.verwerkingslog.context import systeemcontext
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking

pytestmark = pytest.mark.django_db

NIEUW_WACHTWOORD = "Een heel nieuw wachtwoord 2027"


def _laatste_regel() -> int:
    return Verwerking.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _geweigerd_sinds(vanaf: int, door):
    return Verwerking.objects.filter(
        id__gt=vanaf, actie=Actie.GEWEIGERD, resultaat=Resultaat.GEWEIGERD, gebruiker=door
    )


class TestBeheerderEscalatie:
    """A functioneel beheerder tries to get more rights than the role gives, through Beheer."""

    @pytest.fixture
    def beheerder(self, client, dronten):
        beheerder = UserFactory(
            username="beheer.aanvaller", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
        )
        client.force_login(beheerder)
        return beheerder

    @staticmethod
    def stuur_formulier(client, gebruiker, **velden):
        """The change page of `gebruiker` as the browser got it, sent back with `velden` added."""
        adres = f"/beheer/accounts/user/{gebruiker.pk}/change/"
        data = {**formulier_van(client.get(adres), "user_form"), **velden}
        return client.post(adres, data)

    def test_zichzelf_teamleider_maken(self, client, beheerder):
        vanaf = _laatste_regel()
        antwoord = self.stuur_formulier(client, beheerder, rol=Rol.TEAMLEIDER)
        assert "U kunt uw eigen rol en rechten niet wijzigen" in antwoord.content.decode()
        beheerder.refresh_from_db()
        assert beheerder.rol == Rol.FUNCTIONEEL_BEHEERDER
        assert _geweigerd_sinds(vanaf, beheerder).exists()

    def test_zichzelf_superuser_maken(self, client, beheerder):
        vanaf = _laatste_regel()
        antwoord = self.stuur_formulier(client, beheerder, is_superuser="on", is_staff="on")
        assert "Alleen een superuser" in antwoord.content.decode()
        beheerder.refresh_from_db()
        assert not beheerder.is_superuser and not beheerder.is_staff
        assert _geweigerd_sinds(vanaf, beheerder).exists()

    def test_het_duo_account_activeren_en_er_een_wachtwoord_aan_geven(self, client, beheerder, dronten):
        duo = duo_gebruiker(dronten.organisatie)
        vanaf = _laatste_regel()
        assert self.stuur_formulier(client, duo, is_active="on").status_code == 403
        antwoord = client.post(
            f"/beheer/accounts/user/{duo.pk}/password/",
            {"password1": NIEUW_WACHTWOORD, "password2": NIEUW_WACHTWOORD, "usable_password": "true"},
        )
        assert antwoord.status_code == 403 and "systeemaccount" in antwoord.content.decode()
        duo.refresh_from_db()
        assert not duo.is_active and not duo.has_usable_password()
        assert _geweigerd_sinds(vanaf, beheerder).count() == 2
        # And logging in with it fails, whatever its password.
        User.objects.filter(pk=duo.pk).update(is_active=True)
        duo.refresh_from_db()
        duo.set_password(DEMO_WACHTWOORD)
        duo.save()
        aanvaller = client.__class__()
        wachtwoord_stap(aanvaller, duo)
        assert "_auth_user_id" not in aanvaller.session

    def test_een_collega_teamleider_maken_kan_wel_en_staat_in_het_log(self, client, beheerder, consulent):
        assert self.stuur_formulier(client, consulent, rol=Rol.TEAMLEIDER).status_code == 302
        regel = Verwerking.objects.get(handeling="account_gewijzigd", gebruiker=beheerder)
        assert regel.velden["rol"] == ["consulent", "teamleider"]
        assert regel.object_id == str(consulent.pk)


class TestTokenNaWachtwoordwijziging:
    """A stolen API token or session cookie after the owner changed password, had the authenticator
    app reset or was made inactive: refused, and the change that ended it is in the log."""

    GEMEENTEN = "/api/v1/gemeenten"

    @pytest.fixture
    def beheerder(self, dronten):
        return UserFactory(
            username="beheer.intrekken", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
        )

    def gestolen(self, client, eigenaar):
        """The attacker's copies: a token and a logged-in browser of `eigenaar`."""
        _, sleutel = maak_api_token(user=eigenaar)
        browser = client.__class__()
        browser.force_login(eigenaar)
        assert browser.get("/werkvoorraad/").status_code == 200
        assert client.get(self.GEMEENTEN, HTTP_AUTHORIZATION=f"Token {sleutel}").status_code == 200
        return sleutel, browser

    def werkt_niet_meer(self, client, eigenaar, sleutel, browser):
        antwoord = client.__class__().get(self.GEMEENTEN, HTTP_AUTHORIZATION=f"Token {sleutel}")
        assert antwoord.status_code == 401
        assert browser.get("/werkvoorraad/").status_code == 302
        assert not ApiToken.objects.filter(user=eigenaar, ingetrokken_op__isnull=True).exists()

    def test_na_een_eigen_nieuw_wachtwoord(self, client, consulent):
        sleutel, browser = self.gestolen(client, consulent)
        client.force_login(consulent)
        client.post(
            reverse("accounts:wachtwoord"),
            {
                "old_password": DEMO_WACHTWOORD,
                "new_password1": NIEUW_WACHTWOORD,
                "new_password2": NIEUW_WACHTWOORD,
            },
        )
        self.werkt_niet_meer(client, consulent, sleutel, browser)
        assert client.get("/werkvoorraad/").status_code == 200  # the owner's own session stays
        assert Verwerking.objects.filter(
            handeling="wachtwoord_gewijzigd", object_id=str(consulent.pk)
        ).exists()

    def test_na_een_wachtwoord_van_de_beheerder(self, client, consulent, beheerder):
        sleutel, browser = self.gestolen(client, consulent)
        client.force_login(beheerder)
        client.post(
            f"/beheer/accounts/user/{consulent.pk}/password/",
            {"password1": NIEUW_WACHTWOORD, "password2": NIEUW_WACHTWOORD, "usable_password": "true"},
        )
        self.werkt_niet_meer(client, consulent, sleutel, browser)
        assert not Sessie.objects.filter(user=consulent).exists()
        assert Verwerking.objects.filter(handeling="wachtwoord_ingesteld", gebruiker=beheerder).exists()

    def test_na_het_opnieuw_instellen_van_de_authenticator_app(self, client, consulent, beheerder):
        sleutel, browser = self.gestolen(client, consulent)
        client.force_login(beheerder)
        client.post(
            "/beheer/accounts/user/", {"action": "tweestaps_opnieuw", "_selected_action": [consulent.pk]}
        )
        self.werkt_niet_meer(client, consulent, sleutel, browser)
        assert Verwerking.objects.filter(handeling="tweestaps_opnieuw", gebruiker=beheerder).exists()

    def test_na_deactiveren(self, client, consulent, beheerder):
        sleutel, browser = self.gestolen(client, consulent)
        client.force_login(beheerder)
        adres = f"/beheer/accounts/user/{consulent.pk}/change/"
        data = formulier_van(client.get(adres), "user_form")
        data.pop("is_active")
        assert client.post(adres, data).status_code == 302
        self.werkt_niet_meer(client, consulent, sleutel, browser)
        regel = Verwerking.objects.get(handeling="account_gewijzigd", gebruiker=beheerder)
        assert regel.velden["is_active"] == ["ja", "nee"]


class TestDossierVanEenAndereOrganisatie:
    """A consultant of Drechtsteden guesses the address of a Dronten case: refused, and Dronten's
    privacy officer (not only Drechtsteden's) sees the attempt."""

    def test_de_poging_staat_in_het_log_van_de_eigenaar(self, client, consulent_drechtsteden, inburgeraar):
        vanaf = _laatste_regel()
        client.force_login(consulent_drechtsteden)
        assert client.get(reverse("inburgeraars:dossier", args=[inburgeraar.uuid])).status_code == 404
        kopie = _geweigerd_sinds(vanaf, consulent_drechtsteden).get(
            betreft_organisatie_id=inburgeraar.gemeente.organisatie_id
        )
        assert list(kopie.betrokkenen.values_list("inburgeraar_id", flat=True)) == [inburgeraar.pk]
        eigen = _geweigerd_sinds(vanaf, consulent_drechtsteden).get(betreft_organisatie_id__isnull=True)
        assert not eigen.betrokkenen.exists()  # Drechtsteden does not learn the case exists


@task()
def _mislukte_taak_voor_de_aanval() -> None:
    raise RuntimeError("mislukt")


class TestAchtergrondtaakVanEenAndereOrganisatie:
    """A beheerder of Dronten retries a failed task of Drechtsteden by its id."""

    def test_opnieuw_proberen_is_404_en_gelogd(self, client, dronten, dordrecht):
        ander = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)
        with systeemcontext(gebruiker=ander):
            taak = _mislukte_taak_voor_de_aanval.enqueue()
        werk_taken_af()
        aanvaller = UserFactory(organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)
        client.force_login(aanvaller)
        assert str(taak.id) not in client.get(reverse("taken:overzicht")).content.decode()
        vanaf = _laatste_regel()
        assert client.post(reverse("taken:opnieuw"), {"taak": str(taak.id)}).status_code == 404
        assert not HerhaaldeTaak.objects.exists() and DBTaskResult.objects.count() == 1
        assert _geweigerd_sinds(vanaf, aanvaller).get().object_id == str(taak.id)

"""Attacks on Regie as an attacker would try them (issue 9): each test asserts that nothing changed and that the attempt was logged."""

import ipaddress
import json
import logging
import os
import re
import subprocess
import sys
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_otp.oath import TOTP
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from regie.accounts.models import ApiToken, Rol, Sessie, User
from regie.accounts.tests.helpers import formulier_van, wachtwoord_stap
from regie.accounts.tokens import maak_api_token
from regie.api.tests.conftest import client_met_token
from regie.coa.tests.conftest import csv_tekst, rij
from regie.demo.factories import DEMO_WACHTWOORD, InburgeraarFactory, UserFactory, geldig_bsn
from regie.demo.tweestaps import demo_totp_sleutel
from regie.duo.inkomend.models import GeweigerdeMelding, Notificatie
from regie.duo.inkomend.services import duo_gebruiker
from regie.duo.tests.inkomend.conftest import koppen, melding, stuur
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Gemeente
from regie.taken.models import HerhaaldeTaak
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis
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


pytestmark = pytest.mark.django_db

BSN = geldig_bsn(880_001)
AANVALLER = "203.0.113.66"  # TEST-NET-3: an address on the internet, not the proxy
PROXY = "10.0.0.7"


def _stand() -> tuple:
    """What none of these attacks may change."""
    return (
        sorted(Inburgeraar.objects.values_list()),
        sorted(Notificatie.objects.values_list("bericht_id", "status", "inburgeraar_id")),
        Gebeurtenis.objects.count(),
        sorted(Gemeente.objects.values_list()),
    )


# --- Forged and replayed DUO notices --------------------------------------------------------


@pytest.fixture
def duo_koppeling(settings):
    """Regie as in production: behind a proxy at 10.0.0.0/24 that passes the certificate's OIN,
    and a secret for the signed notices of the simulator."""
    settings.DUO_NOTIFICATIE_SECRET = "geheim-van-duo"
    settings.DUO_NOTIFICATIE_CERT_HEADER = "X-Client-Cert-OIN"
    settings.DUO_PROXY_ADRESSEN = [ipaddress.ip_network("10.0.0.0/24")]


def _geweigerd_en_gelogd(caplog, status: int, ip: str = AANVALLER, **velden) -> GeweigerdeMelding:
    """The attempt is in Beheer (GeweigerdeMelding) and in the security log."""
    geweigerd = GeweigerdeMelding.objects.get()
    assert (geweigerd.status, geweigerd.ip_adres) == (status, ip)
    for veld, waarde in velden.items():
        assert getattr(geweigerd, veld) == waarde
    assert any(
        r.name == "regie.notificaties.ontvangst"
        and r.levelno == logging.WARNING
        and "geweigerd" in r.getMessage()
        for r in caplog.records
    )
    return geweigerd


class TestValseDuoMelding:
    def test_vervalste_handtekening(self, client, dronten, duo_koppeling, settings, caplog):
        """Someone who guesses or lacks the secret signs with another one."""
        inburgeraar = InburgeraarFactory(bsn=BSN, gemeente=dronten)
        voor = _stand()
        settings.DUO_NOTIFICATIE_SECRET, echt = "geraden", settings.DUO_NOTIFICATIE_SECRET
        body = json.dumps(melding(inburgeraar.bsn, "SS111")).encode()  # "deceased": would end the case
        kop = koppen(dronten.oin, body=body)
        settings.DUO_NOTIFICATIE_SECRET = echt
        antwoord = client.generic(
            "POST",
            "/duo/v1/notificaties",
            body,
            content_type="application/json",
            headers=kop,
            REMOTE_ADDR=AANVALLER,
        )
        assert antwoord.status_code == 401
        werk_taken_af()
        assert _stand() == voor
        _geweigerd_en_gelogd(
            caplog, 401, gemeente=dronten, reden="De handtekening van het bericht klopt niet."
        )

    def test_herhaalde_ondertekende_melding_buiten_het_venster(self, client, dronten, duo_koppeling, caplog):
        """A genuine signed notice, captured ten minutes ago and sent again."""
        InburgeraarFactory(bsn=BSN, gemeente=dronten)
        voor = _stand()
        antwoord = stuur(
            client, dronten.oin, melding(BSN, "SS111"), tijdstip=int(time.time()) - 600, remote_addr=AANVALLER
        )
        assert antwoord.status_code == 401
        assert "herhaald" in antwoord.json()["fouttekst"]
        werk_taken_af()
        assert _stand() == voor
        _geweigerd_en_gelogd(caplog, 401, gemeente=dronten)

    def test_dezelfde_melding_binnen_het_venster_is_onschadelijk(self, client, dronten, duo_koppeling):
        """Replayed at once with the same berichtId: stored once, nothing new (as DUO's retries)."""
        bericht_id = str(uuid.uuid4())
        assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
        voor = _stand()
        assert stuur(client, dronten.oin, melding(BSN, "SS101"), bericht_id=bericht_id).status_code == 201
        assert _stand() == voor
        assert not GeweigerdeMelding.objects.exists()

    @pytest.mark.parametrize("kop", ["doel", "berichtId"])
    def test_onderschepte_melding_omleiden_of_onder_nieuw_berichtid(
        self, client, dronten, dordrecht, duo_koppeling, caplog, kop
    ):
        """Within the window, but to another municipality or as a 'new' message: the signature
        covers those headers."""
        body = json.dumps(melding(BSN, "SS101")).encode()
        echt = koppen(dronten.oin, body=body)
        voor = _stand()
        anders = {"doel": dordrecht.oin, "berichtId": str(uuid.uuid4())}[kop]
        antwoord = client.generic(
            "POST",
            "/duo/v1/notificaties",
            body,
            content_type="application/json",
            headers={**echt, kop: anders},
            REMOTE_ADDR=AANVALLER,
        )
        assert antwoord.status_code == 401
        assert _stand() == voor
        _geweigerd_en_gelogd(caplog, 401)

    def test_certificaatkop_van_een_adres_dat_niet_de_proxy_is(
        self, client, dronten, duo_koppeling, settings, caplog
    ):
        """Past the proxy, straight to Regie, claiming DUO's certificate in the proxy's header."""
        InburgeraarFactory(bsn=BSN, gemeente=dronten)
        voor = _stand()
        antwoord = stuur(
            client,
            dronten.oin,
            melding(BSN, "SS111"),
            ondertekend=False,
            remote_addr=AANVALLER,
            **{"X-Client-Cert-OIN": settings.DUO_OIN},
        )
        assert antwoord.status_code == 401
        werk_taken_af()
        assert _stand() == voor
        _geweigerd_en_gelogd(caplog, 401, gemeente=dronten)
        # The same header from the proxy is DUO.
        assert (
            stuur(
                client,
                dronten.oin,
                melding(BSN, "SS101"),
                ondertekend=False,
                remote_addr=PROXY,
                **{"X-Client-Cert-OIN": settings.DUO_OIN},
            ).status_code
            == 201
        )

    def test_melding_aan_een_gemeente_zonder_oin(self, client, dronten, duo_koppeling, caplog):
        """A municipality without OIN (not yet connected) is no one's doel: an empty doel and the
        OIN of no municipality are refused and logged, signed or not."""
        Gemeente.objects.filter(pk=dronten.pk).update(oin="")
        voor = _stand()
        assert (
            stuur(client, "", melding(BSN, "SS101"), ondertekend=False, remote_addr=AANVALLER).status_code
            == 401
        )
        assert stuur(client, "0" * 20, melding(BSN, "SS101"), remote_addr=AANVALLER).status_code == 403
        assert _stand() == voor
        assert sorted(GeweigerdeMelding.objects.values_list("status", "doel", "gemeente")) == [
            (401, "", None),
            (403, "0" * 20, None),
        ]
        assert sum("DUO-melding geweigerd" in r.getMessage() for r in caplog.records) == 2


class TestDubbeleOin:
    def test_beheerder_zet_de_oin_van_een_andere_gemeente(self, client, dronten):
        """A functioneel beheerder crafts the change form with another municipality's OIN, to
        receive its notices. Only a superuser sets an OIN."""
        anders = Gemeente.objects.get(cbs_code="0642")
        beheerder = UserFactory(
            username="beheer.aanval", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
        )
        client.force_login(beheerder)
        voor = _stand()
        antwoord = client.post(
            f"/beheer/organisaties/gemeente/{dronten.pk}/change/",
            {
                "cbs_code": dronten.cbs_code,
                "naam": dronten.naam,
                "organisatie": dronten.organisatie_id,
                "oin": anders.oin,
                "kernen-TOTAL_FORMS": "0",
                "kernen-INITIAL_FORMS": "0",
                "kernen-MIN_NUM_FORMS": "0",
                "kernen-MAX_NUM_FORMS": "1000",
            },
        )
        assert antwoord.status_code == 302  # saved as it was: the OIN is not a field for them
        assert _stand() == voor
        poging = Verwerking.objects.get(actie="geweigerd", gebruiker=beheerder)
        assert "Alleen een superuser wijzigt oin" in poging.reden

    def test_beheerder_zet_de_oin_via_de_gemeenten_van_de_organisatie(self, client, dronten):
        anders = Gemeente.objects.get(cbs_code="0642")
        beheerder = UserFactory(
            username="beheer.aanval", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
        )
        client.force_login(beheerder)
        voor = _stand()
        client.post(
            f"/beheer/organisaties/organisatie/{dronten.organisatie_id}/change/",
            {
                "naam": dronten.organisatie.naam,
                "gemeenten-TOTAL_FORMS": "1",
                "gemeenten-INITIAL_FORMS": "1",
                "gemeenten-MIN_NUM_FORMS": "0",
                "gemeenten-MAX_NUM_FORMS": "1000",
                "gemeenten-0-id": dronten.pk,
                "gemeenten-0-organisatie": dronten.organisatie_id,
                "gemeenten-0-cbs_code": dronten.cbs_code,
                "gemeenten-0-naam": dronten.naam,
                "gemeenten-0-oin": anders.oin,
            },
        )
        assert _stand() == voor
        assert Verwerking.objects.filter(
            actie="geweigerd", gebruiker=beheerder, reden__contains="oin"
        ).exists()

    def test_de_database_weigert_een_dubbele_oin(self, dronten, dordrecht):
        """The last line, also for a superuser's shell or a migration: no request, so nothing to
        log; the form in Beheer refuses first with a Dutch message (regie/organisaties/tests)."""
        voor = _stand()
        with pytest.raises(IntegrityError), transaction.atomic():
            Gemeente.objects.filter(pk=dordrecht.pk).update(oin=dronten.oin)
        assert _stand() == voor


# --- Probing for a BSN another organisation knows --------------------------------------------


@pytest.fixture
def bekend_in_dronten(dronten, consulent):
    """Organisation A (Dronten) has this person; organisation B (Drechtsteden) probes for them."""
    return InburgeraarFactory(bsn=BSN, gemeente=dronten, consulent=consulent)


ONBEKEND = geldig_bsn(880_002)


def _zonder_wisselend(html: str, *bsns: str) -> str:
    """A page without what differs between two identical answers: the CSRF token, uuids, the
    BSN typed in and the clock."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    html = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID", html)
    html = re.sub(r"\d{2}:\d{2}", "TIJD", html)
    for bsn in bsns:
        html = html.replace(bsn, "BSN").replace(bsn[-3:], "BSN")
    return html


class TestBsnOrakel:
    """Organisation B learns nothing about organisation A's BSNs: each probe gets exactly the
    answer it gets for a BSN no one knows, A's case stays as it was, and the processing log of
    B's request is the one for an unknown BSN."""

    def _a_ongewijzigd(self, bekend_in_dronten):
        return (
            Inburgeraar.objects.values().get(pk=bekend_in_dronten.pk),
            Gebeurtenis.objects.filter(inburgeraar=bekend_in_dronten).count(),
        )

    def test_registratieformulier(self, client, consulent_drechtsteden, dordrecht, bekend_in_dronten):
        a = self._a_ongewijzigd(bekend_in_dronten)
        client.force_login(consulent_drechtsteden)
        antwoorden = []
        for bsn in (BSN, ONBEKEND):
            antwoord = client.post(
                reverse("inburgeraars:registreren"),
                {
                    "bsn": bsn,
                    "voornamen": "Amina",
                    "geslachtsnaam": "Haddad",
                    "geboortedatum": "1990-05-17",
                    "geslacht": "vrouw",
                    "doelgroep": "asielstatushouder",
                    "gemeente": dordrecht.pk,
                    "kinderen-TOTAL_FORMS": "0",
                    "kinderen-INITIAL_FORMS": "0",
                },
            )
            nieuw = Inburgeraar.objects.get(bsn=bsn, organisatie=dordrecht.organisatie)
            antwoorden.append(
                (
                    antwoord.status_code,
                    antwoord["Location"].replace(str(nieuw.uuid), "UUID"),
                    Verwerking.objects.filter(betrokkenen__inburgeraar_id=nieuw.pk, actie="aanmaken").count(),
                )
            )
        assert antwoorden[0] == antwoorden[1]
        assert antwoorden[0][0] == 302 and antwoorden[0][2] >= 1  # registered and logged, as any
        assert self._a_ongewijzigd(bekend_in_dronten) == a

    def test_zoeken_op_bsn(self, client, consulent_drechtsteden, bekend_in_dronten):
        a = self._a_ongewijzigd(bekend_in_dronten)
        client.force_login(consulent_drechtsteden)
        log = Verwerking.objects.count()
        paginas = [
            client.post(reverse("inburgeraars:zoeken"), {"bsn": bsn}).content.decode()
            for bsn in (BSN, ONBEKEND)
        ]
        assert _zonder_wisselend(paginas[0], BSN) == _zonder_wisselend(paginas[1], ONBEKEND)
        assert Verwerking.objects.count() == log  # no one shown, for either
        assert self._a_ongewijzigd(bekend_in_dronten) == a

    def test_zoeken_met_de_api(self, consulent_drechtsteden, bekend_in_dronten):
        a = self._a_ongewijzigd(bekend_in_dronten)
        api = client_met_token(consulent_drechtsteden)
        antwoorden = [
            api.post("/api/v1/inburgeraars/zoeken", {"bsn": bsn}, format="json") for bsn in (BSN, ONBEKEND)
        ]
        assert [a.status_code for a in antwoorden] == [200, 200]
        assert antwoorden[0].json() == antwoorden[1].json()
        assert antwoorden[0].json()["results"] == []
        assert self._a_ongewijzigd(bekend_in_dronten) == a

    def test_het_dossier_zelf_opvragen(self, client, consulent_drechtsteden, bekend_in_dronten):
        """Who knows A's uuid gets the answer of a uuid that does not exist, and the refusal is logged."""
        a = self._a_ongewijzigd(bekend_in_dronten)
        client.force_login(consulent_drechtsteden)
        antwoorden = [
            client.get(reverse("inburgeraars:dossier", kwargs={"uuid": u}))
            for u in (bekend_in_dronten.uuid, uuid.uuid4())
        ]
        assert [a.status_code for a in antwoorden] == [404, 404]
        assert _zonder_wisselend(antwoorden[0].content.decode()) == _zonder_wisselend(
            antwoorden[1].content.decode()
        )
        geweigerd = Verwerking.objects.filter(actie="geweigerd", gebruiker=consulent_drechtsteden)
        # The attacker's own organisation logs both refusals alike; A's organisation gets a copy
        # of the attempt on its case, in a log the attacker cannot read.
        assert geweigerd.filter(betreft_organisatie_id__isnull=True).count() == 2
        assert geweigerd.filter(betreft_organisatie_id=bekend_in_dronten.organisatie_id).count() == 1
        assert self._a_ongewijzigd(bekend_in_dronten) == a

    def test_voorbeeld_van_een_coa_bestand(self, client, dordrecht, bekend_in_dronten):
        a = self._a_ongewijzigd(bekend_in_dronten)
        teamleider = UserFactory(username="tl.drecht", organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
        client.force_login(teamleider)
        paginas = []
        for bsn in (BSN, ONBEKEND):
            bestand = SimpleUploadedFile("k.csv", csv_tekst(rij(bsn=bsn, gemeente="0505")).encode())
            antwoord = client.post(reverse("coa:imports"), {"bestand": bestand}, follow=True)
            assert antwoord.status_code == 200
            paginas.append(_zonder_wisselend(antwoord.content.decode(), bsn))
        assert paginas[0] == paginas[1]
        assert "Nieuw dossier" in paginas[0]
        assert self._a_ongewijzigd(bekend_in_dronten) == a

    @pytest.mark.parametrize("code", ["SS101", "SS111"])
    def test_duo_melding_voor_een_bsn_van_een_andere_organisatie(
        self, client, settings, dordrecht, bekend_in_dronten, code
    ):
        """DUO (or whoever can sign) sends B's municipality a notice about A's person: parked as
        unknown, not linked, A's case untouched."""
        settings.DUO_NOTIFICATIE_SECRET = "geheim-van-duo"
        a = self._a_ongewijzigd(bekend_in_dronten)
        for bsn in (BSN, ONBEKEND):
            assert stuur(client, dordrecht.oin, melding(bsn, code)).status_code == 201
        werk_taken_af()
        bekend, onbekend = (Notificatie.objects.get(bsn=bsn) for bsn in (BSN, ONBEKEND))
        assert (bekend.status, bekend.reden, bekend.inburgeraar) == (onbekend.status, onbekend.reden, None)
        assert "andere organisatie" not in bekend.reden
        assert self._a_ongewijzigd(bekend_in_dronten) == a


ROOT = Path(__file__).resolve().parents[1]


def inhoud() -> dict:
    """Every row of every table, except the log-in attempts django-axes records (the log) and
    the sessions: what an attack must leave as it was."""
    return {
        model._meta.label: sorted(model._base_manager.values_list(), key=repr)
        for model in apps.get_models()
        if model._meta.app_label != "axes" and model not in (Session, Sessie)
    }


def manage(*argumenten) -> tuple[int, str, str]:
    """`manage.py ...` in this process (and its test database): the exit code the command line
    gives (a CommandError's returncode), standard output and the error message."""
    uit = StringIO()
    try:
        call_command(*argumenten, stdout=uit)
    except CommandError as exc:
        return exc.returncode, uit.getvalue(), str(exc)
    return 0, uit.getvalue(), ""


class TestDemoTegenProductie:
    """The demo's tools, accounts and settings against an installation that is not a demo."""

    @pytest.fixture
    def productie(self, dronten):
        """A database in real use: a staff member and one real case (a BSN outside the demo's range)."""
        medewerker = UserFactory(username="j.devries", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
        return InburgeraarFactory(gemeente=dronten, consulent=medewerker)

    @pytest.mark.parametrize("optie", [[], ["--flush"], ["--if-empty"]])
    def test_seed_demo_op_een_database_met_een_echt_dossier(self, productie, settings, caplog, optie):
        settings.DEMO = True  # the attacker even has REGIE_DEMO=1 in the environment
        voor = inhoud()
        code, uit, fout = manage("seed_demo", "--scale", "0.03", *optie)
        assert code != 0 and uit == ""
        assert "Deze database bevat gegevens die de demo niet heeft gemaakt" in fout
        assert "Er is niets veranderd" in fout
        assert inhoud() == voor
        assert "seed_demo geweigerd: de database bevat gegevens die niet van de demo zijn" in caplog.text

    def test_seed_demo_zonder_regie_demo(self, db, settings, caplog):
        settings.DEMO = False
        voor = inhoud()
        code, _, fout = manage("seed_demo", "--scale", "0.03")
        assert code != 0 and "seed_demo werkt alleen in de demo (REGIE_DEMO=1)" in fout
        assert inhoud() == voor and not User.objects.exists()
        assert "seed_demo geweigerd: REGIE_DEMO staat niet aan" in caplog.text

    def test_totp_code_zonder_regie_demo_en_van_een_echte_medewerker(self, productie, settings, caplog):
        from regie.accounts.tests.helpers import apparaat_van

        apparaat_van(productie.consulent)  # the real staff member's own authenticator app
        settings.DEMO = False
        voor = inhoud()
        code, uit, fout = manage("totp_code", "j.devries")
        assert code != 0 and uit == "" and "Dit kan alleen in de demo (REGIE_DEMO=1)" in fout
        settings.DEMO = True  # and with REGIE_DEMO=1 against the real database
        code, uit, fout = manage("totp_code", "j.devries")
        assert code != 0 and uit == "" and "'j.devries' is geen demo-account" in fout
        assert inhoud() == voor
        assert "totp_code geweigerd voor 'j.devries': REGIE_DEMO staat niet aan" in caplog.text
        assert "totp_code geweigerd voor 'j.devries': geen demo-account" in caplog.text

    def test_demo_wachtwoord_en_code_op_een_installatie_zonder_demo(
        self, transactional_db, client, settings, caplog
    ):
        """A database that started as the demo now runs without REGIE_DEMO. The attacker takes the
        password from README and computes the log-in code from the username."""
        settings.DEMO = True
        call_command("seed_demo", "--seed", "1", "--scale", "0.03", stdout=StringIO())
        settings.DEMO = False
        gebruiker = User.objects.get(username="teamleider.dronten")
        voor = inhoud()
        antwoord = client.post("/inloggen/", {"username": gebruiker.username, "password": DEMO_WACHTWOORD})
        assert antwoord.status_code == 200
        assert "Dit is een demo-account. Demo-accounts werken alleen in de demo" in antwoord.content.decode()
        code = f"{TOTP(bytes.fromhex(demo_totp_sleutel(gebruiker.username))).token():06d}"
        antwoord = client.post("/inloggen/code/", {"code": code})
        assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/?")
        assert client.get("/werkvoorraad/").status_code == 302
        assert "_auth_user_id" not in client.session
        assert inhoud() == voor  # no log-in (last_login unchanged), no device used
        assert AccessAttempt.objects.get(username=gebruiker.username).failures_since_start == 1
        assert "Inloggen met demo-account 'teamleider.dronten' geweigerd" in caplog.text

    @pytest.mark.parametrize(
        "modus", [{"REGIE_DEMO": "1"}, {"REGIE_DEBUG": "1", "REGIE_SECRET_KEY": "x" * 50}]
    )
    def test_demo_of_debug_op_een_publiek_adres(self, modus):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("REGIE_", "DJANGO_"))}
        env.update(modus, REGIE_ALLOWED_HOSTS="regie.example.nl", DJANGO_SETTINGS_MODULE="regie.settings")
        uitvoer = subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert uitvoer.returncode != 0 and uitvoer.stdout == ""
        assert "Regie start niet. De demo-, debug- of testmodus staat aan" in uitvoer.stderr
        assert "REGIE_ALLOWED_HOSTS noemt ook regie.example.nl" in uitvoer.stderr

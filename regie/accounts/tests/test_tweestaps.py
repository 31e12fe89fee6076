"""Two-factor log-in (TOTP) for every role: set-up with a QR code, the code step, and the
middleware that keeps every page behind it."""

import re

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import Rol
from regie.accounts.tests.helpers import apparaat_van, code, helemaal_inloggen, wachtwoord_stap
from regie.accounts.tweestaps import geheim
from regie.demo.factories import UserFactory


def code_uit_geheim(tekst: str, *, volgende: bool = False) -> str:
    """What an authenticator app shows for a secret typed in (base32)."""
    from base64 import b32decode

    sleutel = b32decode(tekst.replace(" ", "") + "=" * (-len(tekst.replace(" ", "")) % 8))
    totp = TOTP(sleutel)
    if volgende:
        totp.time = totp.time + 30
    return f"{totp.token():06d}"


@pytest.mark.parametrize("rol", list(Rol))
def test_elke_rol_moet_na_het_wachtwoord_de_app_instellen(client, dronten, rol):
    user = UserFactory(username=f"nieuw.{rol}", organisatie=dronten.organisatie, rol=rol)
    antwoord = wachtwoord_stap(client, user, next_url="/werkvoorraad/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/app-instellen/?next=%2Fwerkvoorraad%2F"
    # With only a password, every page sends the user back to the second step.
    antwoord = client.get("/werkvoorraad/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/app-instellen/")


def test_instellen_toont_qr_als_svg_en_het_geheim_in_groepen(client, consulent):
    wachtwoord_stap(client, consulent)
    antwoord = client.get("/inloggen/app-instellen/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    apparaat = TOTPDevice.objects.get(user=consulent)
    assert not apparaat.confirmed
    assert re.search(r"<svg [^>]*class=\"regie-qr\"", html)
    assert "<title>QR-code om Regie toe te voegen" in html
    # Under a strict CSP: no style attributes, no inline scripts, no external images.
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<img" not in html
    groepen = re.search(r'<code class="regie-geheim" id="totp-geheim">([A-Z2-7 ]+)</code>', html).group(1)
    assert groepen.replace(" ", "") == geheim(apparaat)
    assert all(len(g) == 4 for g in groepen.split()[:-1])


def geheim_op(antwoord) -> str:
    return re.search(r'id="totp-geheim">([A-Z2-7 ]+)</code>', antwoord.content.decode()).group(1)


def test_elke_poging_krijgt_een_nieuw_geheim_en_een_oud_werkt_niet_meer(client, consulent):
    """Whoever saw one QR code (over the shoulder, a screenshot) cannot use it later: every time
    the set-up page is shown the secret is new, and only the last one shown in this session counts."""
    wachtwoord_stap(client, consulent)
    eerste = geheim_op(client.get("/inloggen/app-instellen/"))
    tweede = geheim_op(client.get("/inloggen/app-instellen/"))
    assert eerste != tweede
    assert TOTPDevice.objects.filter(user=consulent).count() == 1
    antwoord = client.post("/inloggen/app-instellen/", {"code": code_uit_geheim(eerste)})
    assert "Deze code klopt niet" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(user=consulent, confirmed=True).exists()


def test_een_geheim_uit_een_andere_sessie_werkt_niet(client, consulent):
    """A QR code shown in one session cannot be confirmed in another, and a newer attempt (in any
    session) replaces it: one set-up attempt per user at a time."""
    aanvaller = client.__class__()
    wachtwoord_stap(aanvaller, consulent)
    gezien = geheim_op(aanvaller.get("/inloggen/app-instellen/"))
    wachtwoord_stap(client, consulent)
    client.get("/inloggen/app-instellen/")
    antwoord = aanvaller.post("/inloggen/app-instellen/", {"code": code_uit_geheim(gezien)})
    assert antwoord.status_code == 400
    assert "Deze QR-code is niet meer geldig" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(user=consulent, confirmed=True).exists()
    eigen = geheim_op(client.get("/inloggen/app-instellen/"))
    assert client.post("/inloggen/app-instellen/", {"code": code_uit_geheim(eigen)}).status_code == 302
    assert TOTPDevice.objects.filter(user=consulent).count() == 1


def test_instellen_bevestigen_met_een_code_uit_de_app(client, consulent):
    wachtwoord_stap(client, consulent, next_url="/inburgeraars/zoeken/")
    html = client.get("/inloggen/app-instellen/?next=/inburgeraars/zoeken/").content.decode()
    groepen = re.search(r'id="totp-geheim">([A-Z2-7 ]+)</code>', html).group(1)
    antwoord = client.post(
        "/inloggen/app-instellen/", {"code": code_uit_geheim(groepen), "next": "/inburgeraars/zoeken/"}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inburgeraars/zoeken/"
    assert TOTPDevice.objects.get(user=consulent).confirmed
    pagina = client.get("/werkvoorraad/")
    assert pagina.status_code == 200
    assert "Tweestapsverificatie staat aan" in pagina.content.decode()


def test_verkeerde_code_bij_instellen_geeft_nederlandse_fout(client, consulent):
    wachtwoord_stap(client, consulent)
    client.get("/inloggen/app-instellen/")
    antwoord = client.post("/inloggen/app-instellen/", {"code": "000000"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Deze code klopt niet" in html
    assert 'aria-invalid="true"' in html and "id_code_error" in html
    assert not TOTPDevice.objects.get(user=consulent).confirmed
    assert client.get("/werkvoorraad/").status_code == 302


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [("", "Vul de code van 6 cijfers"), ("12345", "precies 6 cijfers"), ("abcdef", "precies 6 cijfers")],
)
def test_code_moet_zes_cijfers_zijn(client, consulent, invoer, melding):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.post("/inloggen/code/", {"code": invoer})
    assert melding in antwoord.content.decode()
    assert client.get("/werkvoorraad/").status_code == 302


def test_met_app_vult_de_gebruiker_een_code_in(client, consulent):
    apparaat = apparaat_van(consulent)
    antwoord = wachtwoord_stap(client, consulent, next_url="/inburgeraars/zoeken/")
    assert antwoord["Location"] == "/inloggen/code/?next=%2Finburgeraars%2Fzoeken%2F"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert 'autocomplete="one-time-code"' in pagina and 'inputmode="numeric"' in pagina
    assert '<label class="utrecht-form-label" for="id_code">' in pagina
    antwoord = client.post("/inloggen/code/", {"code": code(apparaat), "next": "/inburgeraars/zoeken/"})
    assert antwoord["Location"] == "/inburgeraars/zoeken/"
    assert client.session[DEVICE_ID_SESSION_KEY] == apparaat.persistent_id
    assert client.get("/werkvoorraad/").status_code == 200


def test_verkeerde_code_geeft_fout_en_geen_toegang(client, consulent):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.post("/inloggen/code/", {"code": "123 456"})
    assert antwoord.status_code == 200
    assert "Deze code klopt niet" in antwoord.content.decode()
    assert client.get("/werkvoorraad/").status_code == 302


def test_na_verkeerde_codes_eerst_wachten(client, consulent, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    apparaat = apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    client.post("/inloggen/code/", {"code": "000000"})
    antwoord = client.post("/inloggen/code/", {"code": code(apparaat)})  # right, but too soon
    assert "U heeft te vaak een verkeerde code ingevuld. Wacht" in antwoord.content.decode()
    assert client.get("/werkvoorraad/").status_code == 302


def test_een_code_werkt_maar_een_keer(client, consulent):
    apparaat = apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    gebruikt = code(apparaat)
    client.post("/inloggen/code/", {"code": gebruikt})
    client.post(reverse("accounts:logout"))
    wachtwoord_stap(client, consulent)
    antwoord = client.post("/inloggen/code/", {"code": gebruikt})
    assert "Deze code klopt niet" in antwoord.content.decode()


def test_wie_al_een_app_heeft_kan_er_met_alleen_een_wachtwoord_geen_toevoegen(client, consulent):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.get("/inloggen/app-instellen/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/code/")
    assert client.post("/inloggen/app-instellen/", {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=consulent).count() == 1


def test_code_van_een_andere_gebruiker_werkt_niet(client, consulent, teamleider):
    apparaat_van(consulent)
    ander = apparaat_van(teamleider)
    wachtwoord_stap(client, consulent)
    antwoord = client.post("/inloggen/code/", {"code": code(ander)})
    assert "Deze code klopt niet" in antwoord.content.decode()


def test_opnieuw_inloggen_met_wachtwoord_vraagt_opnieuw_de_code(client, consulent):
    helemaal_inloggen(client, consulent)
    assert client.get("/werkvoorraad/").status_code == 200
    wachtwoord_stap(client, consulent)
    assert client.get("/werkvoorraad/").status_code == 302


def test_sessiesleutel_wisselt_na_de_code(client, consulent):
    apparaat = apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    voor = client.session.session_key
    client.post("/inloggen/code/", {"code": code(apparaat)})
    assert client.session.session_key != voor


def test_next_naar_een_andere_site_wordt_genegeerd(client, consulent):
    apparaat = apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.post("/inloggen/code/", {"code": code(apparaat), "next": "https://evil.example/"})
    assert antwoord["Location"] == "/werkvoorraad/"


def test_htmx_verzoek_zonder_code_krijgt_hx_redirect(client, consulent):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.get("/werkvoorraad/", HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 204
    assert antwoord["HX-Redirect"] == "/inloggen/code/"


def test_niet_ingelogd_gaat_naar_de_inlogpagina(client, db):
    antwoord = client.get("/werkvoorraad/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/")
    assert client.get("/inloggen/code/")["Location"].startswith("/inloggen/?next=")


def test_stappen_en_uitloggen_blijven_bereikbaar(client, consulent):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    assert client.get("/inloggen/").status_code == 200
    assert client.get("/inloggen/code/").status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_beheer_vraagt_ook_de_code(client, dronten):
    beheerder = UserFactory(
        username="beheer.dronten",
        organisatie=dronten.organisatie,
        rol=Rol.FUNCTIONEEL_BEHEERDER,
        is_staff=True,
    )
    apparaat_van(beheerder)
    wachtwoord_stap(client, beheerder)
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/code/")


def test_api_met_sessie_zonder_code_is_niet_ingelogd(client, consulent):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.get("/api/v1/gemeenten")
    assert antwoord.status_code == 401
    assert antwoord["Content-Type"] == "application/problem+json"
    helemaal_inloggen(client, consulent)
    assert client.get("/api/v1/gemeenten").status_code == 200


def test_force_login_in_tests_doet_beide_stappen(client, consulent):
    client.force_login(consulent)
    assert client.get("/werkvoorraad/").status_code == 200


def test_force_login_alleen_wachtwoord(client, consulent, alleen_wachtwoord):
    client.force_login(consulent)
    assert client.get("/werkvoorraad/").status_code == 302


@pytest.mark.parametrize("pad", ["/api/v1/gemeenten", "/api/v1/bestaat-niet", "/api/bestaat-niet"])
def test_api_stuurt_nooit_door_naar_de_code(client, consulent, pad):
    apparaat_van(consulent)
    wachtwoord_stap(client, consulent)
    antwoord = client.get(pad)
    assert antwoord.status_code in (401, 404)
    assert antwoord["Content-Type"] == "application/problem+json"

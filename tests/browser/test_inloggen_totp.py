"""Log in with password + TOTP, as a person does in chromium: set up the authenticator app on
the QR page (typing over the secret shown for manual entry), log out, log in again with a code;
a wrong code; axe-core on the log-in and code pages."""

from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from regie.demo.factories import DEMO_WACHTWOORD
from tests.browser.conftest import axe_ernstige_schendingen, inloggen, totp_apparaat, totp_code

pytestmark = pytest.mark.browser


def code_uit_geheim(geheim: str) -> str:
    """What an authenticator app shows for this secret (base32, as shown for typing over)."""
    tekst = geheim.replace(" ", "")
    return f"{TOTP(b32decode(tekst + '=' * (-len(tekst) % 8))).token():06d}"


def wachtwoord_invullen(page, gebruiker):
    page.goto("/inloggen/")
    page.fill("#id_username", gebruiker.username)
    page.fill("#id_password", DEMO_WACHTWOORD)
    page.click("button[type=submit]")


def test_app_instellen_uitloggen_en_opnieuw_inloggen_met_code(page, consulent):
    page.goto("/inloggen/")
    assert axe_ernstige_schendingen(page) == []

    wachtwoord_invullen(page, consulent)
    page.wait_for_url("**/inloggen/app-instellen/**")
    expect(page.get_by_role("heading", name="Authenticator-app instellen")).to_be_visible()
    expect(page.locator("svg.regie-qr")).to_be_visible()
    assert axe_ernstige_schendingen(page) == []

    geheim = page.locator("#totp-geheim").inner_text()
    page.get_by_label("Code uit uw app").fill(code_uit_geheim(geheim))
    page.get_by_role("button", name="Bevestigen en inloggen").click()
    page.wait_for_url("**/werkvoorraad/**")
    expect(page.get_by_text("Tweestapsverificatie staat aan")).to_be_visible()
    assert TOTPDevice.objects.get(user=consulent).confirmed

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")

    wachtwoord_invullen(page, consulent)
    page.wait_for_url("**/inloggen/code/**")
    expect(page.get_by_role("heading", name="Code invullen")).to_be_visible()
    assert axe_ernstige_schendingen(page) == []
    # The code of the enrolment may not be used twice: the app's next code, as a person would wait for.
    page.get_by_label("Code uit uw app").fill(totp_code(TOTPDevice.objects.get(user=consulent)))
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url("**/werkvoorraad/**")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()


def test_verkeerde_code_geeft_nederlandse_fout(page, consulent):
    totp_apparaat(consulent)
    wachtwoord_invullen(page, consulent)
    page.wait_for_url("**/inloggen/code/**")
    veld = page.get_by_label("Code uit uw app")
    veld.fill("12345")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.locator("#id_code_error")).to_have_text(
        "Een code heeft precies 6 cijfers. Vul alleen de cijfers in."
    )
    veld = page.get_by_label("Code uit uw app")
    veld.fill("000000" if totp_code(totp_apparaat(consulent)) != "000000" else "111111")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.locator("#id_code_error")).to_contain_text("Deze code klopt niet.")
    expect(veld).to_have_attribute("aria-invalid", "true")
    assert "id_code_error" in veld.get_attribute("aria-describedby")
    assert axe_ernstige_schendingen(page) == []
    # Still only half logged in: the worklist sends back to the code.
    page.goto("/werkvoorraad/")
    page.wait_for_url("**/inloggen/code/**")


def test_accountpaginas_toegankelijk_en_token_maken_en_intrekken(page, consulent):
    inloggen(page, consulent)
    page.get_by_role("link", name="Mijn account").click()
    page.wait_for_url("**/account/wachtwoord/")
    expect(page.get_by_role("heading", name="Regels voor een nieuw wachtwoord")).to_be_visible()
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.locator("#foutoverzicht")).to_contain_text("Uw wachtwoord is niet gewijzigd.")
    assert axe_ernstige_schendingen(page) == []

    page.get_by_role("link", name="API-tokens").click()
    page.get_by_label("Naam van het token").fill("Koppeling leerlingvolgsysteem")
    page.get_by_role("button", name="Token maken").click()
    expect(page.locator("#nieuw-token")).to_contain_text("regie_")
    assert axe_ernstige_schendingen(page) == []
    page.get_by_role("button", name="Token Koppeling leerlingvolgsysteem intrekken").click()
    expect(page.get_by_text("is ingetrokken.")).to_be_visible()
    expect(page.get_by_role("cell", name="Ingetrokken op")).to_be_visible()

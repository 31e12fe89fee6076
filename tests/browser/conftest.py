"""Browser tests: Playwright drives Debian's chromium against Django's live server.

Browsers cannot be downloaded here, so Playwright launches /usr/bin/chromium
(`apt-get install chromium`, done by `make test`).
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from regie.demo.factories import DEMO_WACHTWOORD

# Playwright's sync API runs an event loop in this thread; the test's own database
# calls (fixtures) are still synchronous, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("REGIE_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "regie" / "static" / "vendor" / "axe-core" / "axe.min.js"
HIER = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test (`-m "not browser"` leaves them out)."""
    for item in items:
        if HIER in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium niet gevonden op {CHROMIUM}: installeer het met `apt-get install chromium`.")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-gpu",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # axe-core is injected as a script; bypass_csp keeps that working under a strict CSP.
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_ernstige_schendingen(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page; return serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def totp_apparaat(gebruiker):
    """The user's confirmed authenticator app (made when there is none), as after set-up."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first() or TOTPDevice.objects.create(
        user=gebruiker, name="Authenticator-app", confirmed=True
    )


def totp_code(apparaat) -> str:
    """The code the authenticator app shows now (the next one when this one was already used)."""
    from regie.accounts.tweestaps import code_voor

    apparaat.refresh_from_db()
    return code_voor(apparaat)


def inloggen(page, gebruiker):
    """Log in through the login page, as a person would: password, then the code from the
    authenticator app (the user gets a confirmed TOTP device); wait for the worklist."""
    apparaat = totp_apparaat(gebruiker)
    page.goto("/inloggen/")
    page.fill("#id_username", gebruiker.username)
    page.fill("#id_password", DEMO_WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/inloggen/code/**")
    page.fill("#id_code", totp_code(apparaat))
    page.click("form:has(#id_code) button[type=submit]")
    page.wait_for_url("**/werkvoorraad/**")
    page.wait_for_function("window.htmx !== undefined")

"""The Content-Security-Policy in a real browser: the main pages load and htmx works with the
policy enforced (no bypass_csp, unlike the `page` fixture), and the browser reports no
violation and no console error on any of them.

Under this policy Playwright's `wait_for_function` may not poll (it evaluates its string with
eval, which script-src 'self' blocks): these tests wait with selectors instead."""

import uuid
from datetime import timedelta

import pytest

from regie.accounts.models import Rol
from regie.demo.factories import DEMO_WACHTWOORD, UserFactory
from regie.klok import vandaag
from regie.werkvoorraad.tests.hulp import maak_inburgeraar
from tests.browser.conftest import inloggen

pytestmark = pytest.mark.browser

# Reports every `securitypolicyviolation` event to Python. An init script runs through the
# DevTools protocol, so the policy itself does not block it.
MELDER = """
window.cspSchendingen = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const schending = {
    pagina: location.pathname, richtlijn: e.violatedDirective, geblokkeerd: e.blockedURI,
    bron: e.sourceFile, regel: e.lineNumber, voorbeeld: e.sample,
  };
  window.cspSchendingen.push(schending);
  document.documentElement.dataset.cspSchendingen = window.cspSchendingen.length;
  window.meldCspSchending(schending);
});
"""


@pytest.fixture
def strikte_pagina(browser, live_server):
    """A page with the site's CSP enforced, and what the browser complained about."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    klachten = []
    context.expose_binding("meldCspSchending", lambda bron, schending: klachten.append(("csp", schending)))
    context.add_init_script(MELDER)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def console(bericht):
        # Chromium asks for /favicon.ico by itself; Regie has none (a 404, not a page problem).
        if bericht.type in ("error", "warning") and not bericht.location.get("url", "").endswith(
            "/favicon.ico"
        ):
            klachten.append(("console", bericht.type, bericht.text, bericht.location.get("url")))

    page.on("console", console)
    page.on("pageerror", lambda fout: klachten.append(("pageerror", str(fout))))
    yield page, klachten
    context.close()


def _open(page, pad):
    """Open a page: goto waits for the load event, after which the deferred htmx has run."""
    assert page.goto(pad).status == 200, pad
    assert page.evaluate("window.htmx !== undefined"), pad


def test_hoofdpaginas_zonder_csp_schending_en_htmx_werkt(strikte_pagina, consulent, teamleider, dronten):
    page, klachten = strikte_pagina
    te_laat = maak_inburgeraar(
        gemeente=dronten, consulent=consulent, datum_melding_duo=vandaag() - timedelta(days=90)
    )
    rustig = maak_inburgeraar(gemeente=dronten, consulent=consulent)

    response = page.goto("/inloggen/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp

    inloggen(page, consulent)  # log-in page(s), then the worklist

    # Worklist: the filter updates the list in place (htmx GET) under the policy.
    page.evaluate("window.zelfdePagina = true")
    page.select_option("#id_signaal", "pip_termijn_verstreken")
    page.wait_for_selector("#werkvoorraad-aantal:has-text('1 van 2')")
    assert page.evaluate("window.zelfdePagina") is True
    assert page.locator(f"a[href='/inburgeraars/{te_laat.uuid}/']").count() == 1
    assert page.locator(f"a[href='/inburgeraars/{rustig.uuid}/']").count() == 0
    # htmx added no <style> element of its own (includeIndicatorStyles: false).
    assert page.locator("head style").count() == 0

    for pad in (
        f"/inburgeraars/{rustig.uuid}/",
        f"/inburgeraars/{rustig.uuid}/termijnen/",
        f"/inburgeraars/{rustig.uuid}/tijdlijn/",
        f"/inburgeraars/{rustig.uuid}/pip/nieuw/",
        "/inburgeraars/nieuw/",
        "/inburgeraars/zoeken/",
        "/account/wachtwoord/",
        "/account/tokens/",
    ):
        _open(page, pad)

    # Intake: adding a diploma is an htmx POST (CSRF header from hx-headers) and swaps in place.
    _open(page, f"/inburgeraars/{rustig.uuid}/intake/")
    page.fill("#id_diploma-naam", "Kappersopleiding")
    page.click("#diploma-toevoegen-knop")
    page.wait_for_selector("#diplomas th:has-text('Kappersopleiding')")

    # Team view, as the team lead.
    page.context.clear_cookies()
    inloggen(page, teamleider)
    _open(page, "/werkvoorraad/team/")
    assert page.locator(f"#rij-{rustig.uuid}").count() == 1

    page.evaluate("1")  # one more round trip: every report has arrived
    assert klachten == []


def test_de_melder_ziet_een_schending(strikte_pagina, consulent):
    """The listener works: an inline style the policy blocks is reported (so the test above can fail)."""
    page, klachten = strikte_pagina
    inloggen(page, consulent)
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<div><style>body{color:red}</style></div>')"
    )
    page.wait_for_selector("html[data-csp-schendingen]")
    page.evaluate("1")  # one more round trip: the binding's report has arrived
    assert any(k[0] == "csp" and k[1]["richtlijn"].startswith("style-src") for k in klachten), klachten


def test_overige_paginas_zonder_csp_schending(strikte_pagina, consulent, dronten):
    """Setting up the authenticator app, read-only case pages, 404, the auditor's pages and the admin."""
    page, klachten = strikte_pagina
    collega = UserFactory(username="collega.csp", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    dossier = maak_inburgeraar(gemeente=dronten, consulent=consulent)

    # First log-in: the page that sets up the authenticator app shows its QR code as inline SVG.
    page.goto("/inloggen/")
    page.fill("#id_username", collega.username)
    page.fill("#id_password", DEMO_WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/inloggen/app-instellen/**")
    assert page.locator("svg.regie-qr").is_visible()

    page.context.clear_cookies()
    inloggen(page, collega)  # a colleague: the case read-only, health data behind a reason prompt
    for pad in (f"/inburgeraars/{dossier.uuid}/", f"/inburgeraars/{dossier.uuid}/intake/"):
        _open(page, pad)
    onbekend = f"/inburgeraars/{uuid.uuid4()}/"
    assert page.goto(onbekend).status == 404
    assert page.locator("h1").count() == 1  # Regie's own 404 page
    page.evaluate("1")
    # The browser logs the 404 status itself; that one was asked for.
    klachten[:] = [k for k in klachten if not (k[0] == "console" and k[3].endswith(onbekend))]

    page.context.clear_cookies()
    inloggen(
        page, UserFactory(username="privacy.csp", organisatie=dronten.organisatie, rol=Rol.PRIVACY_OFFICER)
    )
    _open(page, "/verwerkingslog/")
    _open(page, f"/verwerkingslog/?persoon={dossier.pk}")
    page.locator("table a").first.click()  # one entry in detail
    page.wait_for_load_state()

    page.context.clear_cookies()
    beheerder = UserFactory(
        username="beheer.csp", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    inloggen(page, beheerder)
    for pad in (
        "/beheer/",
        "/beheer/accounts/user/",
        f"/beheer/accounts/user/{consulent.pk}/change/",
        "/achtergrondtaken/",
        "/coa/taakstelling/",
    ):
        assert page.goto(pad).status == 200, pad

    page.evaluate("1")
    assert klachten == []

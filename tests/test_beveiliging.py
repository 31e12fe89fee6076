"""Web security (issue 4, part 5): Content-Security-Policy without unsafe-inline, HSTS, secure
and HttpOnly cookies, clickjacking protection and a clean `manage.py check --deploy`.

The production defaults are read in a separate Python process with the environment of a
production run (no REGIE_DEMO, no REGIE_DEBUG), because the test settings differ from them.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from regie.demo.factories import DEMO_WACHTWOORD

ROOT = Path(__file__).resolve().parents[1]

CSP_VERWACHT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def _omgeving(**extra) -> dict[str, str]:
    """The environment of a production run: no REGIE_* variable of the test run leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REGIE_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="regie.settings",
        REGIE_SECRET_KEY=secrets.token_urlsafe(60),
        REGIE_ALLOWED_HOSTS="regie.example.nl",
    )
    env.update(extra)
    return env


def _instellingen(**extra) -> dict:
    """Settings as a production process (or one with `extra` variables) sees them."""
    namen = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "X_FRAME_OPTIONS",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SILENCED_SYSTEM_CHECKS",
        "CONTENT_SECURITY_POLICY",
    ]
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {namen!r}}}))"
    )
    uitvoer = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_omgeving(**extra),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(uitvoer.stdout)


def test_check_deploy_is_schoon_met_productie_instellingen():
    # The command from README "Productie": with --fail-level WARNING any warning fails.
    uitvoer = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_omgeving(),
        capture_output=True,
        text=True,
    )
    assert uitvoer.returncode == 0, uitvoer.stdout + uitvoer.stderr
    # Only HSTS preload (W021) is silenced: a choice for the domain owner, see settings.py.
    assert uitvoer.stdout.strip() == "System check identified no issues (1 silenced).", uitvoer.stdout


def test_productie_standaarden():
    waarden = _instellingen()
    assert waarden["DEBUG"] is False
    assert waarden["SECURE_SSL_REDIRECT"] is True
    assert waarden["SECURE_PROXY_SSL_HEADER"] is None  # only behind a proxy that sets the header
    assert waarden["SECURE_HSTS_SECONDS"] == 31536000
    assert waarden["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert waarden["SECURE_HSTS_PRELOAD"] is False
    assert waarden["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]
    for naam in (
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
    ):
        assert waarden[naam] is True, naam
    assert waarden["X_FRAME_OPTIONS"] == "DENY"
    assert waarden["SECURE_REFERRER_POLICY"] == "same-origin"
    assert waarden["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert waarden["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["report-uri"] is None


def test_achter_proxy_preload_en_zonder_redirect_instelbaar():
    waarden = _instellingen(
        REGIE_BEHIND_PROXY="1",
        REGIE_HSTS_PRELOAD="1",
        REGIE_SSL_REDIRECT="0",
        REGIE_CSP_REPORT_URI="https://meld.example.nl/csp",
    )
    assert waarden["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["report-uri"] == ["https://meld.example.nl/csp"]
    assert waarden["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert waarden["SECURE_HSTS_PRELOAD"] is True
    assert waarden["SILENCED_SYSTEM_CHECKS"] == []
    assert waarden["SECURE_SSL_REDIRECT"] is False


def test_demo_zonder_https_eisen():
    waarden = _instellingen(REGIE_DEMO="1", REGIE_ALLOWED_HOSTS="localhost")  # the demo runs locally only
    assert waarden["SECURE_SSL_REDIRECT"] is False
    assert waarden["SECURE_HSTS_SECONDS"] == 0
    assert waarden["SESSION_COOKIE_SECURE"] is False


def _csp(response) -> dict[str, str]:
    return dict(
        (deel.split(" ", 1) + [""])[:2]
        for deel in (d.strip() for d in response["Content-Security-Policy"].split(";"))
    )


@pytest.mark.django_db
def test_beveiligingsheaders_op_een_pagina(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert _csp(response) == CSP_VERWACHT
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    beleid = dict(regel.strip().split("=", 1) for regel in response["Permissions-Policy"].split(","))
    for functie in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert beleid[functie] == "()", functie


@pytest.mark.django_db
def test_api_antwoord_heeft_ook_de_headers(client):
    response = client.get("/api/v1/gemeenten")
    assert response.status_code in (401, 403)
    assert _csp(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_geen_kopie_in_een_cache_van_antwoorden_met_persoonsgegevens(client, inburgeraar, consulent):
    """Cache-Control: no-store on every answer of a signed-in user (a case page, an error page)
    and on every API answer, so no browser or proxy keeps a copy of personal data."""
    from regie.accounts.tokens import maak_api_token

    client.force_login(consulent)
    dossier = client.get(reverse("inburgeraars:dossier", args=[inburgeraar.uuid]))
    assert dossier.status_code == 200 and dossier["Cache-Control"] == "no-store"
    fout = client.get(reverse("inburgeraars:dossier", args=["6f0df5cc-dca7-44ec-944b-e2139c2020a2"]))
    assert fout.status_code == 404 and fout["Cache-Control"] == "no-store"
    _, sleutel = maak_api_token(user=consulent)
    api = client.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}", HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert api.status_code == 200 and api["Cache-Control"] == "no-store"
    assert client.get("/api/v1/gemeenten", HTTP_AUTHORIZATION="Token onzin")["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_statische_bestanden_mogen_in_een_cache(client):
    css = client.get("/static/css/regie.css")
    assert css.status_code == 200 and "no-store" not in css.get("Cache-Control", "")


@pytest.mark.django_db
@override_settings(
    SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=False
)
def test_hsts_over_https(client):
    response = client.get(reverse("accounts:login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_http_wordt_https(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 301
    assert response["Location"] == "https://testserver" + reverse("accounts:login")


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_achter_proxy_telt_de_proxy_header(client):
    response = client.get(reverse("accounts:login"), headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_cookies_secure_httponly_samesite(client, consulent):
    response = client.get(reverse("accounts:login"))
    csrf = response.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["secure"] and csrf["samesite"] == "Lax"

    response = client.post(
        reverse("accounts:login"), {"username": consulent.username, "password": DEMO_WACHTWOORD}
    )
    assert response.status_code == 302
    sessie = response.cookies["sessionid"]
    assert sessie["httponly"] and sessie["secure"] and sessie["samesite"] == "Lax"


@pytest.mark.django_db
def test_post_zonder_csrf_token_geweigerd(consulent):
    """CSRF everywhere: a POST without token is refused (403), also for a logged-in user."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:login"), {"username": consulent.username, "password": DEMO_WACHTWOORD}
    )
    assert response.status_code == 403


# --- Templates: nothing the Content-Security-Policy would block ---------------------------

# Every template, also the PDF ones: WeasyPrint gets its CSS from static/css/pdf.css. A PDF
# template is never served as a page, so one that ever needs a <style> element may be listed
# here with a comment; none does today.
NIET_ALS_PAGINA: set[str] = set()

VERBODEN = {
    "style-attribuut": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "style-element": re.compile(r"<style\b", re.IGNORECASE),
    "inline script": re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE),
    "event-handler": re.compile(
        r"\son(?:click|change|submit|load|input|key\w+|mouse\w+|focus|blur|error)\s*=", re.IGNORECASE
    ),
    "javascript:-adres": re.compile(r"javascript:", re.IGNORECASE),
    # htmx evaluates these, which base.html turns off (allowEval: false).
    "hx-on": re.compile(r"\s(?:data-)?hx-on", re.IGNORECASE),
    "js: in hx-vals/hx-vars/hx-headers": re.compile(
        r"hx-(?:vals|vars|headers)\s*=\s*['\"]\s*(?:js|javascript):"
    ),
    "hx-trigger met filter": re.compile(r"hx-trigger\s*=\s*['\"][^'\"]*\["),
}


def _templates() -> list[Path]:
    mappen = [ROOT / "regie" / "templates", *(ROOT / "regie").glob("*/templates")]
    return sorted(p for map_ in mappen for p in map_.rglob("*.html"))


def test_templates_gevonden():
    namen = {p.name for p in _templates()}
    assert {"base.html", "dossier.html", "intake.html", "pip.html", "mijn.html"} <= namen


@pytest.mark.parametrize("soort", sorted(VERBODEN))
def test_geen_inline_script_of_stijl_in_templates(soort):
    fouten = []
    for pad in _templates():
        relatief = str(pad.relative_to(ROOT))
        if relatief in NIET_ALS_PAGINA:
            continue
        tekst = re.sub(r"{#.*?#}|{% comment %}.*?{% endcomment %}", "", pad.read_text(), flags=re.DOTALL)
        for match in VERBODEN[soort].finditer(tekst):
            regel = tekst.count("\n", 0, match.start()) + 1
            fouten.append(f"{relatief}:{regel}: {match.group(0).strip()}")
    assert not fouten, f"{soort} breekt de Content-Security-Policy:\n" + "\n".join(fouten)


def test_de_scan_vindt_wat_hij_zoekt():
    """The patterns catch what they must (so the scan above can fail)."""
    fout = '<div style="color:red"><script>alert(1)</script><a onclick="x()" hx-on:click="y">'
    for soort in ("style-attribuut", "inline script", "event-handler", "hx-on"):
        assert VERBODEN[soort].search(fout), soort
    assert not VERBODEN["inline script"].search('<script src="/static/x.js" defer></script>')
    assert VERBODEN["hx-trigger met filter"].search("hx-trigger=\"keyup[key=='Enter']\"")
    assert not VERBODEN["hx-trigger met filter"].search('hx-trigger="change, submit"')


@pytest.mark.django_db
def test_htmx_zonder_inline_stijl_eval_of_geschiedenis(client):
    html = client.get(reverse("accounts:login")).content.decode()
    match = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html)
    assert match, "base.html mist de htmx-config"
    config = json.loads(match.group(1))
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    assert config["allowScriptTags"] is False
    assert config["historyCacheSize"] == 0
    # The indicator CSS htmx would have injected inline lives in regie.css instead.
    css = (ROOT / "regie" / "static" / "css" / "regie.css").read_text()
    assert ".htmx-request .htmx-indicator" in css


def _alle_views(resolver=None, prefix=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            yield from _alle_views(patroon, prefix + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield prefix + str(patroon.pattern), patroon.callback


# Authentication from a request header, never from a cookie: a browser does not send it by itself.
KOPTEKST_AUTHENTICATIE = {
    "rest_framework.authentication.TokenAuthentication",
    "regie.api.authenticatie.ApiTokenAuthenticatie",
}


# Views without CSRF protection on purpose, each with the reason. Nothing else may be csrf_exempt.
CSRF_VRIJ = {
    # DUO's Notificatie API (regie/duo/inkomend/ontvangst.py): machine to machine, no browser and
    # no session; the view never reads request.user, and DUO proves itself per request (client
    # certificate's OIN from the reverse proxy, or an HMAC signature of the body). CSRF would only
    # refuse DUO.
    "duo/v1/notificaties": "machine-to-machine van DUO, afzender per verzoek geauthenticeerd",
    # Unknown API addresses (regie.api.problems.niet_gevonden): always a 404 that reads and changes
    # nothing; with CSRF, Django's check answered a POST first, with an HTML page.
    "api/v1/^.*$": "onbekend API-adres: altijd 404, verandert niets",
    "^api(/|$)": "onbekend API-adres: altijd 404, verandert niets",
}


def test_csrf_op_elke_view():
    """No view switches CSRF off. DRF views are csrf_exempt by design: session authentication
    checks CSRF itself (SessionAuthentication.enforce_csrf, which no subclass may replace), and
    a token in a header is not sent by a browser on its own."""
    from rest_framework.authentication import SessionAuthentication
    from rest_framework.views import APIView

    zonder = []
    for pad, view in _alle_views():
        if not getattr(view, "csrf_exempt", False):
            continue
        cls = getattr(view, "cls", None)
        if cls is None and pad in CSRF_VRIJ:
            continue
        if cls is None or not issubclass(cls, APIView):
            zonder.append(pad)
            continue
        for auth in cls.authentication_classes:
            if f"{auth.__module__}.{auth.__qualname__}" in KOPTEKST_AUTHENTICATIE:
                continue
            if (
                not issubclass(auth, SessionAuthentication)
                or auth.enforce_csrf is not SessionAuthentication.enforce_csrf
            ):
                zonder.append(f"{pad}: {auth.__qualname__}")
    assert zonder == []
    assert any(pad.startswith("api/v1/") for pad, _ in _alle_views())

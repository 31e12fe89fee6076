"""Settings for Regie, read from environment variables (each one documented in README.md).

Defaults are safe for production: DEBUG is off and cookies are secure. Only
REGIE_DEMO=1, which `make run` sets for the local demo, relaxes them.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEMO = _bool("REGIE_DEMO")
DEBUG = _bool("REGIE_DEBUG", default=DEMO)
TESTING = _bool("REGIE_TESTING")  # set by regie/settings_test.py; only adds the local-host rule below

SECRET_KEY = os.environ.get("REGIE_SECRET_KEY", "")
if not SECRET_KEY:
    # The built-in key is public: only the demo may use it, never a debug or test setting alone.
    if not DEMO:
        raise ImproperlyConfigured(
            "Zet REGIE_SECRET_KEY: zonder geheime sleutel start Regie niet."
            " Alleen de demo (REGIE_DEMO=1) heeft een ingebouwde sleutel."
        )
    SECRET_KEY = "regie-demo-only-not-secret"  # noqa: S105 - demo only

ALLOWED_HOSTS = _list("REGIE_ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEMO or DEBUG) else "")


def _lokaal(host: str) -> bool:
    """Whether a host name of ALLOWED_HOSTS only reaches this machine: localhost and its
    subdomains (RFC 6761), a loopback address, or Django's test client."""
    host = host.lower().lstrip(".").removeprefix("[").removesuffix("]")
    if host in {"localhost", "testserver"} or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# Demo, debug and test mode are for one's own computer (error pages with details, the demo's
# public accounts and key): never on an address others can reach.
if DEMO or DEBUG or TESTING:
    _publiek = [host for host in ALLOWED_HOSTS if not _lokaal(host)]
    if _publiek:
        _modi = {"REGIE_DEMO": DEMO, "REGIE_DEBUG": DEBUG, "REGIE_TESTING": TESTING}
        _aan = [naam for naam, aan in _modi.items() if aan]
        raise ImproperlyConfigured(
            f"Regie start niet. De demo-, debug- of testmodus staat aan ({', '.join(_aan)}). Dan mag Regie"
            " alleen op deze computer te bereiken zijn, maar REGIE_ALLOWED_HOSTS noemt ook"
            f" {', '.join(_publiek)}. Zet in REGIE_ALLOWED_HOSTS alleen localhost, 127.0.0.1 of ::1,"
            " of zet REGIE_DEMO en REGIE_DEBUG uit."
        )

CSRF_TRUSTED_ORIGINS = _list("REGIE_CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "regie.api.problems.csrf_fout"  # problem+json under /api/

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("REGIE_DATABASE_URL", f"sqlite:///{BASE_DIR / 'regie.sqlite3'}"),
        conn_max_age=int(os.environ.get("REGIE_DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "regie.organisaties",
    "regie.accounts",
    "regie.tijdlijn",
    "regie.inburgeraars",
    "regie.intake",
    "regie.pip",
    "regie.werkvoorraad",
    "regie.api",
    "regie.demo",
    "regie.bewaartermijnen",
    "regie.verwerkingslog",
    "regie.privacy",
    "regie.aanbieders",
    "regie.trajecten",
    "regie.voortgang",
    "regie.voortgangsgesprekken",
    "regie.handhaving",
    "regie.duo.uitgaand",
    "regie.duo.inkomend",
    "regie.coa",
    "regie.participatie",
    "regie.cbs",
    "regie.taken",
    "regie.rapportage",
    "regie.financien",
    "regie.ontzorging",
    "regie.overdracht",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Before everything: the trace id for every log line, and the health and metrics endpoints,
    # which machines call without a session or a known host name (regie/monitoring/middleware.py).
    "regie.monitoring.middleware.MonitoringMiddleware",
    # First, so that every /api/ answer carries API-Version, also one another middleware gives.
    "regie.api.middleware.ApiVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "regie.beveiliging.middleware.BeveiligingsHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor: marks the user verified (TOTP, or MFA at the organisation's identity provider),
    # then sends everyone who is not yet verified to the second step.
    "regie.accounts.middleware.TweeStapsMiddleware",
    "regie.accounts.middleware.TweeStapsVerplichtMiddleware",
    "regie.accounts.middleware.SessieVerlengenMiddleware",
    # After authentication: the processing log reads the user from the request.
    "regie.verwerkingslog.middleware.VerwerkingslogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a lock-out after too many failed log-ins into the Dutch lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regie.urls"
WSGI_APPLICATION = "regie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "regie" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "werkvoorraad:mijn"
LOGOUT_REDIRECT_URL = "accounts:login"
# The rules of Django's validators (at least 12 characters, not like the user's name, not a common
# password, not only digits), with the messages in plain Dutch.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "regie.accounts.wachtwoord.LijktNietOpGegevens"},
    {"NAME": "regie.accounts.wachtwoord.MinimaleLengte", "OPTIONS": {"min_length": 12}},
    {"NAME": "regie.accounts.wachtwoord.NietVeelgebruikt"},
    {"NAME": "regie.accounts.wachtwoord.NietAlleenCijfers"},
]

# Log-in: password (with lock-out by django-axes), then TOTP (django-otp) for every role.
# OpenID Connect (mozilla-django-oidc) only when REGIE_OIDC_RP_CLIENT_ID is set.
OIDC_AAN = bool(os.environ.get("REGIE_OIDC_RP_CLIENT_ID"))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses while a username+IP is locked out
    "regie.demo.inloggen.DemoAccountsAlleenInDeDemo",  # refuses demo accounts outside REGIE_DEMO
    "regie.accounts.backends.RegieModelBackend",  # Django's, but never for a system account
    *(["regie.accounts.oidc.RegieOIDCBackend"] if OIDC_AAN else []),
]
AXES_FAILURE_LIMIT = int(os.environ.get("REGIE_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("REGIE_AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "regie.accounts.views.geblokkeerd"  # Dutch page, Retry-After
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_FORM_FIELD = "username"
# Behind a proxy (REGIE_BEHIND_PROXY) the client's address is the proxy's last X-Forwarded-For entry.
REGIE_ACHTER_PROXY = _bool("REGIE_BEHIND_PROXY")
AXES_CLIENT_IP_CALLABLE = "regie.beveiliging.clientadres.client_ip"
# The persons the processing log names are the cases (regie/verwerkingslog/personen.py).
REGIE_VERWERKINGSLOG_PERSONEN = "regie.inburgeraars.betrokkenen"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = os.environ.get("REGIE_OTP_ISSUER", "Regie")
# After a wrong code, the next try waits 1, 2, 4, ... seconds (times this factor).
OTP_TOTP_THROTTLE_FACTOR = int(os.environ.get("REGIE_OTP_THROTTLE_FACTOR", "1"))

if OIDC_AAN:
    OIDC_RP_CLIENT_ID = os.environ["REGIE_OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("REGIE_OIDC_RP_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("REGIE_OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("REGIE_OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("REGIE_OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("REGIE_OIDC_OP_JWKS_ENDPOINT") or None
    OIDC_RP_SIGN_ALGO = os.environ.get("REGIE_OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("REGIE_OIDC_RP_SCOPES", "openid profile email")
    _ontbreekt = [
        naam
        for naam, waarde in {
            "REGIE_OIDC_RP_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
            "REGIE_OIDC_OP_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
            "REGIE_OIDC_OP_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
            "REGIE_OIDC_OP_USER_ENDPOINT": OIDC_OP_USER_ENDPOINT,
        }.items()
        if not waarde
    ]
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) and not OIDC_OP_JWKS_ENDPOINT:
        _ontbreekt.append("REGIE_OIDC_OP_JWKS_ENDPOINT")
    if _ontbreekt:
        raise ImproperlyConfigured(
            "Inloggen via OpenID Connect staat aan, maar zet ook: " + ", ".join(_ontbreekt)
        )
    OIDC_USE_PKCE = True
    OIDC_CREATE_USER = False  # the functioneel beheerder makes users, with organisation and role
    OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
    OIDC_TIMEOUT = int(os.environ.get("REGIE_OIDC_TIMEOUT", "10"))
REGIE_OIDC_CLAIM_USERNAME = os.environ.get("REGIE_OIDC_CLAIM_USERNAME", "preferred_username")
# Accept the identity provider's multi-factor log-in (amr "mfa" (RFC 8176), or an acr from
# REGIE_OIDC_MFA_ACR) instead of Regie's own TOTP step.
REGIE_OIDC_MFA_TRUSTED = _bool("REGIE_OIDC_MFA_TRUSTED")
REGIE_OIDC_MFA_ACR = _list("REGIE_OIDC_MFA_ACR", "")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("REGIE_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "regie" / "static"]

# Web security. Production (no REGIE_DEMO, no REGIE_DEBUG) gets everything `manage.py check
# --deploy` asks for; README "Production: web security and retention" lists the variables.
PRODUCTIE = not (DEMO or DEBUG)
SESSION_COOKIE_SECURE = _bool("REGIE_SECURE_COOKIES", default=PRODUCTIE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# htmx sends the CSRF token from the page (hx-headers on <body>), so no script needs the cookie.
CSRF_COOKIE_HTTPONLY = True
# Log out after REGIE_SESSION_SECONDS without a request: every request moves the end forward
# (regie.accounts.middleware.SessieVerlengenMiddleware, which writes the session at most once a minute).
SESSION_COOKIE_AGE = int(os.environ.get("REGIE_SESSION_SECONDS", "1800"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = _bool("REGIE_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
# Database sessions that know their user, so a new password, a new authenticator app or an
# account made inactive ends all of that user's sessions (regie.accounts.services).
SESSION_ENGINE = "regie.accounts.sessies"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = _bool("REGIE_SSL_REDIRECT", default=PRODUCTIE)
# Behind a reverse proxy that ends TLS: trust its X-Forwarded-Proto header. Only set this when
# the proxy always sets (or overwrites) that header, otherwise a client could fake https.
if _bool("REGIE_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("REGIE_HSTS_SECONDS", "31536000" if PRODUCTIE else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _bool("REGIE_HSTS_SUBDOMAINS", default=True)
# Preloading binds the whole domain to HTTPS in every browser, for months: a decision for the
# domain's owner, so off unless REGIE_HSTS_PRELOAD=1; the deploy check's reminder is then silenced.
SECURE_HSTS_PRELOAD = _bool("REGIE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp 4): only Regie's own files, no inline script or style,
# no eval. base.html tells htmx not to add inline styles or evaluate code. (Log-in through
# OpenID Connect starts from a link, not a form, so form-action needs no other origin.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        # Optional: where browsers report a blocked resource (REGIE_CSP_REPORT_URI).
        "report-uri": _list("REGIE_CSP_REPORT_URI", "") or None,
    },
}


def _jaren(naam: str, standaard: str) -> int:
    waarde = os.environ.get(naam, standaard)
    if not waarde.isdigit() or int(waarde) < 1:
        raise ImproperlyConfigured(f"{naam} moet een heel aantal jaren zijn, minstens 1 (nu: {waarde!r}).")
    return int(waarde)


# Retention (bewaartermijnen): how many years after closing (status afgerond, verhuisd or
# beëindigd) a case is removed by `manage.py verwijder_verlopen_dossiers`. A policy choice for
# the municipality under the Archiefwet and its selectielijst; README explains. One value per
# end status may override the general one: REGIE_BEWAARTERMIJN_JAREN_AFGEROND, _VERHUISD, _BEEINDIGD.
BEWAARTERMIJN_JAREN = _jaren("REGIE_BEWAARTERMIJN_JAREN", "5")
BEWAARTERMIJN_JAREN_PER_EINDSTATUS = {
    status: _jaren(f"REGIE_BEWAARTERMIJN_JAREN_{status.upper()}", "")
    for status in ("afgerond", "verhuisd", "beeindigd")
    if os.environ.get(f"REGIE_BEWAARTERMIJN_JAREN_{status.upper()}")
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "regie.api.authenticatie.ApiTokenAuthenticatie",
        "regie.api.authenticatie.SessieMetTweeStapsAuthenticatie",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "regie.api.pagination.Paginering",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "regie.api.problems.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# How much Regie accepts in one request (regie/beveiliging/grootte.py): a CSV file, and a JSON body
# (API, DUO's notices) or the fields of a form. Too big: a Dutch message and nothing stored.
MAX_UPLOAD_BYTES = int(os.environ.get("REGIE_MAX_UPLOAD_MB", "2")) * 1024 * 1024
MAX_JSON_BYTES = int(os.environ.get("REGIE_MAX_JSON_KB", "1024")) * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_JSON_BYTES
FILE_UPLOAD_HANDLERS = [
    "regie.beveiliging.grootte.BegrensdeUpload",  # first: refuses a far too large upload unread
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Days an API token works after it was made (regie/accounts/tokens.py); then a new one is needed.
API_TOKEN_GELDIG_DAGEN = int(os.environ.get("REGIE_API_TOKEN_GELDIG_DAGEN", "90"))
if API_TOKEN_GELDIG_DAGEN < 1:
    raise ImproperlyConfigured("REGIE_API_TOKEN_GELDIG_DAGEN moet een heel aantal dagen zijn, minstens 1.")

API_VERSION = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Regie API",
    "DESCRIPTION": (
        "API van Regie voor de uitvoering van de Wet inburgering 2021. Volgt de "
        "API Design Rules: major-versie in het pad, fouten als problem+json, "
        "header API-Version, geen BSN in URL's (zoeken met POST)."
    ),
    "VERSION": API_VERSION,
    # API Design Rules: a contact (name, email and url) and the major version in the server URL.
    # The paths are relative to that server, so a client joins the two: /api/v1 + /inburgeraars.
    "CONTACT": {
        "name": os.environ.get("REGIE_API_CONTACT_NAAM", "Functioneel beheer Regie"),
        "email": os.environ.get("REGIE_API_CONTACT_EMAIL", "regie@example.org"),
        "url": os.environ.get("REGIE_API_CONTACT_URL", "https://regie.example.org/"),
    },
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie van Regie."}],
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "AfspraakStatusEnum": "regie.intake.models.Afspraak.Status",
        "InburgeraarStatusEnum": "regie.api.inburgeraars.STATUS_KEUZES",
        "LeerrouteEnum": "regie.inburgeraars.models.Leerroute",
        "TaalniveauEnum": "regie.intake.models.Taalniveau",
        "TaaldoelEnum": "regie.pip.models.Taaldoel",
        "VaardigheidEnum": "regie.voortgang.models.Vaardigheid",
        "VoortgangNiveauEnum": "regie.voortgang.models.Niveau",
        "ExamenonderdeelEnum": "regie.voortgang.models.Examenonderdeel",
        "ExamenniveauEnum": "regie.voortgang.models.Examenniveau",
        "ResultaatsoortEnum": "regie.voortgang.models.Resultaatsoort",
        "PerceelEnum": "regie.aanbieders.models.Perceel",
        "VerwijzingStatusEnum": "regie.trajecten.models.VerwijzingStatus",
        "ParticipatieSoortEnum": "regie.participatie.models.Soort",
    },
}

# The log on standard error: readable text, or one JSON object per line for a log collector
# (REGIE_LOG_FORMAAT=json). Both carry the request's trace id (regie/monitoring/trace.py), the
# same one as in the processing log and the X-Request-ID response header.
LOG_FORMAAT = os.environ.get("REGIE_LOG_FORMAAT", "tekst")
if LOG_FORMAAT not in {"tekst", "json"}:
    raise ImproperlyConfigured(f"REGIE_LOG_FORMAAT moet 'tekst' of 'json' zijn (nu: {LOG_FORMAAT!r}).")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"trace": {"()": "regie.monitoring.trace.TraceIdFilter"}},
    "formatters": {
        "tekst": {"format": "%(asctime)s %(levelname)s %(name)s [%(trace_id)s] %(message)s"},
        "json": {
            "()": "regie.monitoring.trace.JsonZonderVerzoek",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(trace_id)s",
            # ISO 8601 with the offset: a log collector needs no guess about the time zone.
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {
                "asctime": "tijd",
                "levelname": "niveau",
                "name": "logger",
                "message": "bericht",
            },
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["trace"], "formatter": LOG_FORMAAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("REGIE_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; only its warnings belong in Regie's log.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# /metrics (Prometheus) answers only with this token (Authorization: Bearer ...); empty: off (404).
METRICS_TOKEN = os.environ.get("REGIE_METRICS_TOKEN", "")

# Background work (django-tasks with its database backend): the task rows live in the same
# database, so a job enqueued in a service's transaction is stored with it or not at all, and
# survives a restart. `manage.py db_worker` runs them; `make run` starts one next to the server.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "duo"],
    }
}

# The DUO exchange (Digikoppeling REST over Diginetwerk). Production sets the base URL, the
# PKIoverheid certificate and key for mutual TLS, the CA bundle that signs DUO's server
# certificate, and DUO's OIN; the municipality's own OIN is per Gemeente (field `oin`).
DUO_BASE_URL = os.environ.get("REGIE_DUO_BASE_URL", "http://127.0.0.1:8001/v1" if DEMO else "")
DUO_CLIENT_CERT = os.environ.get("REGIE_DUO_CLIENT_CERT", "")
DUO_CLIENT_KEY = os.environ.get("REGIE_DUO_CLIENT_KEY", "")
DUO_CA_BUNDLE = os.environ.get("REGIE_DUO_CA_BUNDLE", "")
DUO_OIN = os.environ.get("REGIE_DUO_OIN", "00000001800866472000")
DUO_TIMEOUT_SECONDS = float(os.environ.get("REGIE_DUO_TIMEOUT_SECONDS", "10"))

# Worklist signals about the trajectory (regie/werkvoorraad/signalen.py). Policy of the
# municipality, not law: each threshold is documented in README.md.
SIGNAAL_AFWEZIG_AANDEEL = int(os.environ.get("REGIE_SIGNAAL_AFWEZIG_PROCENT", "20")) / 100
SIGNAAL_AFWEZIG_WEKEN = int(os.environ.get("REGIE_SIGNAAL_AFWEZIG_WEKEN", "4"))
SIGNAAL_GEEN_RAPPORTAGE_WEKEN = int(os.environ.get("REGIE_SIGNAAL_GEEN_RAPPORTAGE_WEKEN", "3"))
SIGNAAL_GEEN_VOORTGANG_MAANDEN = int(os.environ.get("REGIE_SIGNAAL_GEEN_VOORTGANG_MAANDEN", "6"))
SIGNAAL_NIET_GEACCEPTEERD_DAGEN = int(os.environ.get("REGIE_SIGNAAL_NIET_GEACCEPTEERD_DAGEN", "14"))

# Receiving DUO's notices (regie/duo/inkomend/ontvangst.py). Behind the reverse proxy that ends
# DUO's mutual TLS: the header in which the proxy passes the OIN of the verified client
# certificate (the proxy must strip it from incoming requests); empty = not used. It is trusted
# only on requests whose REMOTE_ADDR is one of the proxy's addresses (IPs or CIDR networks);
# empty = never. Without a proxy (demo, simulator): a shared secret for the X-Duo-Signature
# header (HMAC-SHA256 over X-Duo-Timestamp, the Digikoppeling headers and the body), and how far
# that timestamp may lie from Regie's clock before the notice is refused as a replay.
DUO_NOTIFICATIE_CERT_HEADER = os.environ.get("REGIE_DUO_CLIENT_CERT_HEADER", "")


def _netwerken(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    netwerken = []
    for deel in _list(name, ""):
        try:
            netwerken.append(ipaddress.ip_network(deel, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name}: '{deel}' is geen IP-adres of netwerk (zoals 10.0.0.5 of 10.0.0.0/24)."
            ) from exc
    return netwerken


DUO_PROXY_ADRESSEN = _netwerken("REGIE_DUO_PROXY_ADRESSEN")
DUO_NOTIFICATIE_SECRET = os.environ.get(
    "REGIE_DUO_NOTIFICATIE_SECRET", "demo-geheim-duo-simulator" if DEMO else ""
)
DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN = int(
    os.environ.get("REGIE_DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN", "300")
)

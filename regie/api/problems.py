"""Errors as application/problem+json (RFC 9457), as the API Design Rules ask.

Every error answer has the members `type`, `title`, `status`, `detail` and `instance`.
A validation error adds `invalidParams`: one `{name, code, reason}` per problem, with
the Dutch reason the service or serializer gave. The `type` of each problem is a
link to `/api/v1/problemen/<code>`, which explains it.

Services raise Django's `ValidationError` and `GelijktijdigGewijzigd`; they are turned
into 400 and 409 here, so API views stay thin and never catch them themselves.
"""

import logging
from dataclasses import dataclass
from http import HTTPStatus

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import escape_uri_path
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from regie.fouten import GelijktijdigGewijzigd

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
ALGEMENE_FOUT = "nonFieldErrors"
CSRF_MELDING = (
    "Het CSRF-token ontbreekt of klopt niet. Wie met een sessie (ingelogd in de browser) wijzigt, stuurt"
    " de header X-CSRFToken mee. Een koppeling gebruikt beter een API-token."
)


@dataclass(frozen=True)
class Probleemtype:
    code: str
    status: int
    titel: str
    uitleg: str


PROBLEEMTYPEN: dict[str, Probleemtype] = {
    p.code: p
    for p in (
        Probleemtype(
            "ongeldige-invoer",
            400,
            "De invoer klopt niet",
            "Een of meer velden zijn niet goed ingevuld. In invalidParams staat per veld wat er mis is."
            " Er is niets opgeslagen.",
        ),
        Probleemtype(
            "niet-ingelogd",
            401,
            "Niet ingelogd",
            "Stuur een geldig token mee in de header 'Authorization: Token <token>'. Een medewerker maakt"
            " een token op de pagina 'API-tokens' in Regie; een beheerder met 'manage.py create_api_token"
            " <gebruikersnaam>'. Een verlopen of ingetrokken token werkt niet meer.",
        ),
        Probleemtype("geen-toegang", 403, "Geen toegang", "U mag deze handeling niet uitvoeren."),
        Probleemtype(
            "niet-gevonden",
            404,
            "Niet gevonden",
            "Dit adres bestaat niet, of het gegeven hoort bij een andere organisatie.",
        ),
        Probleemtype(
            "methode-niet-toegestaan",
            405,
            "Methode niet toegestaan",
            "Deze HTTP-methode kan niet op dit adres. In de header Allow staan de methoden die wel kunnen.",
        ),
        Probleemtype(
            "formaat-niet-beschikbaar",
            406,
            "Formaat niet beschikbaar",
            "De API antwoordt alleen in JSON (application/json en application/problem+json).",
        ),
        Probleemtype(
            "gelijktijdig-gewijzigd",
            409,
            "Tegelijk gewijzigd",
            "Iemand anders heeft het dossier gewijzigd nadat u de gegevens ophaalde."
            " Haal het dossier opnieuw op en stuur de wijziging met de nieuwe versie.",
        ),
        Probleemtype(
            "te-groot",
            413,
            "Te groot",
            "Wat u stuurde is groter dan Regie aanneemt: een CSV-bestand tot REGIE_MAX_UPLOAD_MB (standaard"
            " 2 MB), andere gegevens tot REGIE_MAX_JSON_KB (standaard 1024 kB). Er is niets opgeslagen."
            " Splits een groot bestand in kleinere bestanden.",
        ),
        Probleemtype(
            "mediatype-niet-ondersteund",
            415,
            "Mediatype niet ondersteund",
            "Stuur de gegevens als JSON, met de header 'Content-Type: application/json'.",
        ),
        Probleemtype(
            "te-veel-verzoeken",
            429,
            "Te veel verzoeken",
            "U stuurt te veel verzoeken. Wacht het aantal seconden uit de header Retry-After.",
        ),
        Probleemtype(
            "serverfout",
            500,
            "Er ging iets mis",
            "Er ging iets mis in Regie. Er is niets opgeslagen. Probeer het later opnieuw;"
            " lukt het dan nog niet, neem dan contact op met de beheerder.",
        ),
    )
}
TYPE_PER_STATUS = {p.status: p for p in PROBLEEMTYPEN.values()}


class TeGroot(exceptions.APIException):
    """413: the body is larger than this endpoint takes (regie.beveiliging.grootte)."""

    status_code = 413
    default_code = "te-groot"


def probleem(request, status: int, detail: str, **extra) -> dict:
    """The members of one problem; `type` links to the explanation of its kind."""
    soort = TYPE_PER_STATUS.get(status)
    if soort is None:
        type_uri, titel = "about:blank", HTTPStatus(status).phrase
    else:
        titel = soort.titel
        try:
            type_uri = reverse("api:probleemtype", kwargs={"code": soort.code})
        except NoReverseMatch:  # pragma: no cover - only without the API urls
            type_uri = "about:blank"
        if request is not None and type_uri != "about:blank":
            type_uri = request.build_absolute_uri(type_uri)
    return {
        "type": type_uri,
        "title": titel,
        "status": status,
        "detail": detail,
        # request.path is decoded: encoded again, an address with %, [ or | still gives a valid URI.
        "instance": request.build_absolute_uri(escape_uri_path(request.path))
        if request is not None
        else None,
        **extra,
    }


def _param(name: str, code: str | None, reason) -> dict:
    return {"name": name or ALGEMENE_FOUT, "code": code or "invalid", "reason": str(reason)}


def _drf_params(detail, prefix: str = "") -> list[dict]:
    """Flattens DRF's nested error detail; nested fields are named like `kinderen.0.voornaam`."""
    if isinstance(detail, dict):
        params = []
        for key, waarde in detail.items():
            naam = ALGEMENE_FOUT if key in (api_settings.NON_FIELD_ERRORS_KEY, "__all__") else str(key)
            params += _drf_params(waarde, f"{prefix}.{naam}" if prefix else naam)
        return params
    if isinstance(detail, list):
        params = []
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                params += _drf_params(item, f"{prefix}.{index}" if prefix else str(index))
            else:
                params += _drf_params(item, prefix)
        return params
    return [_param(prefix, getattr(detail, "code", None), detail)]


def _django_params(exc: DjangoValidationError) -> list[dict]:
    if not hasattr(exc, "error_dict"):
        return [_param(ALGEMENE_FOUT, fout.code, fout.messages[0]) for fout in exc.error_list]
    params = []
    for veld, fouten in exc.error_dict.items():
        naam = ALGEMENE_FOUT if veld in ("__all__", api_settings.NON_FIELD_ERRORS_KEY) else veld
        params += [_param(naam, fout.code, fout.messages[0]) for fout in fouten]
    return params


def _ongeldige_invoer(request, params: list[dict]) -> Response:
    velden = sorted({p["name"] for p in params} - {ALGEMENE_FOUT})
    delen = [p["reason"] for p in params if p["name"] == ALGEMENE_FOUT]
    if velden:
        delen.append("Controleer: " + ", ".join(velden) + ".")
    detail = " ".join([*delen, "Er is niets opgeslagen."])
    return _antwoord(request, 400, detail, invalidParams=params)


def _antwoord(request, status: int, detail: str, headers=None, **extra) -> Response:
    set_rollback()
    return Response(
        probleem(request, status, detail, **extra),
        status=status,
        headers=headers,
        content_type=PROBLEM_JSON,
    )


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every error the API returns, as problem+json."""
    request = context.get("request")
    if isinstance(exc, GelijktijdigGewijzigd):
        return _antwoord(request, 409, str(exc))
    if isinstance(exc, DjangoValidationError):
        return _ongeldige_invoer(request, _django_params(exc))
    if isinstance(exc, exceptions.ValidationError):
        return _ongeldige_invoer(request, _drf_params(exc.detail))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        detail = str(exc.detail)
        if isinstance(exc, exceptions.PermissionDenied) and detail.startswith("CSRF Failed"):
            detail = CSRF_MELDING
        if exc.status_code == 400:  # e.g. JSON that cannot be read: invalidParams like every 400
            return _ongeldige_invoer(request, [_param(ALGEMENE_FOUT, exc.get_codes(), detail)])
        return _antwoord(request, exc.status_code, detail, headers=headers)
    # Anything else is a bug: log it, tell the signal's listeners (error reporting, and the
    # test client, which re-raises it) and answer as problem+json instead of an HTML page.
    logger.exception("Onverwachte fout in de API", exc_info=exc)
    got_request_exception.send(sender=None, request=request)
    return _antwoord(request, 500, PROBLEEMTYPEN["serverfout"].uitleg)


def probleem_antwoord(request, status: int, detail: str) -> JsonResponse:
    """A problem+json answer outside a DRF view (Django's own error handlers, unknown addresses)."""
    return JsonResponse(
        probleem(request, status, detail),
        status=status,
        content_type=PROBLEM_JSON,
        json_dumps_params={"ensure_ascii": False},
    )


def csrf_fout(request, reason=""):
    """CSRF_FAILURE_VIEW: under /api/ a problem+json 403 like every API error, elsewhere Django's page."""
    if request.path == "/api" or request.path.startswith("/api/"):
        return probleem_antwoord(request, 403, CSRF_MELDING)
    return csrf_failure(request, reason)


@csrf_exempt  # it changes nothing; without this Django's CSRF check answered first, with HTML
def niet_gevonden(request, *args, **kwargs):
    """Every /api/v1/ address that does not exist, also one with a trailing slash."""
    return probleem_antwoord(
        request, 404, "Dit adres bestaat niet in de API. Let op: adressen eindigen niet op '/'."
    )

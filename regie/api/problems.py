"""Errors as application/problem+json (RFC 9457), as the API Design Rules ask.

Every error answer has the members `type`, `title`, `status`, `detail` and `instance`.
A validation error adds `invalidParams`: one `{name, code, reason}` per problem, with
the Dutch reason the service or serializer gave. The `type` of each problem is a
link to `/api/v1/problemen/<code>`, which explains it (the kinds: regie.problemen).

Services raise Django's `ValidationError` and `GelijktijdigGewijzigd`; they are turned
into 400 and 409 here, so API views stay thin and never catch them themselves.
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from regie.fouten import GelijktijdigGewijzigd
from regie.problemen import PROBLEEMTYPEN, PROBLEM_JSON, is_api_pad, probleem, probleem_antwoord

logger = logging.getLogger(__name__)

ALGEMENE_FOUT = "nonFieldErrors"
CSRF_MELDING = (
    "Het CSRF-token ontbreekt of klopt niet. Wie met een sessie (ingelogd in de browser) wijzigt, stuurt"
    " de header X-CSRFToken mee. Een koppeling gebruikt beter een API-token."
)


class TeGroot(exceptions.APIException):
    """413: the body is larger than this endpoint takes (regie.beveiliging.grootte)."""

    status_code = 413
    default_code = "te-groot"


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


def csrf_fout(request, reason=""):
    """CSRF_FAILURE_VIEW: under /api/ a problem+json 403 like every API error, elsewhere Django's page."""
    if is_api_pad(request.path):
        return probleem_antwoord(request, 403, CSRF_MELDING)
    return csrf_failure(request, reason)


@csrf_exempt  # it changes nothing; without this Django's CSRF check answered first, with HTML
def niet_gevonden(request, *args, **kwargs):
    """Every /api/v1/ address that does not exist, also one with a trailing slash."""
    return probleem_antwoord(
        request, 404, "Dit adres bestaat niet in de API. Let op: adressen eindigen niet op '/'."
    )

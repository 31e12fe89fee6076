"""Answers as application/problem+json (RFC 9457), for every part of Regie that answers a
machine: the kinds of problem (each explained at `/api/v1/problemen/<code>`), the members of one
problem, and such an answer outside a DRF view (Django's own error handlers, unknown addresses).
The API's exception handler (regie.api.problems) builds on this; so does the answer to a request
that is too large (regie.beveiliging.grootte), which Django gives before any API view runs.
"""

from dataclasses import dataclass
from http import HTTPStatus

from django.http import JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import escape_uri_path

PROBLEM_JSON = "application/problem+json"


def is_api_pad(pad: str) -> bool:
    """An address of the API (/api and below), whose answers are problem+json, never a page."""
    return pad == "/api" or pad.startswith("/api/")


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


def probleem_antwoord(request, status: int, detail: str) -> JsonResponse:
    """A problem+json answer outside a DRF view (Django's own error handlers, unknown addresses)."""
    return JsonResponse(
        probleem(request, status, detail),
        status=status,
        content_type=PROBLEM_JSON,
        json_dumps_params={"ensure_ascii": False},
    )

"""OpenAPI additions: problem+json error answers and the API-Version header on every answer.

Every API view uses `RegieAutoSchema` (through `regie.api.basis`), so each operation in
openapi.yaml lists the errors it can return, without repeating them per view.
"""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from regie.problemen import PROBLEM_JSON, TYPE_PER_STATUS


class OngeldigeParameterSerializer(serializers.Serializer):
    name = serializers.CharField(
        help_text="Het veld met de fout. Bij een lijst met het volgnummer erbij, bijvoorbeeld"
        " 'kinderen.0.voornaam'. 'nonFieldErrors' bij een fout die niet bij één veld hoort."
    )
    code = serializers.CharField(help_text="Soort fout, bijvoorbeeld 'required' of 'invalid'.")
    reason = serializers.CharField(
        help_text="Wat er mis is, in het Nederlands (met wetsartikel waar dat geldt)."
    )


class ProbleemSerializer(serializers.Serializer):
    """Een fout volgens RFC 9457 (application/problem+json)."""

    type = serializers.URLField(help_text="Adres met uitleg over deze soort fout.")
    title = serializers.CharField(help_text="Korte omschrijving van deze soort fout.")
    status = serializers.IntegerField(help_text="De HTTP-statuscode.")
    detail = serializers.CharField(help_text="Wat er bij dit verzoek mis ging.")
    instance = serializers.URLField(help_text="Het adres van het verzoek.")


class OngeldigeInvoerSerializer(ProbleemSerializer):
    """Een fout in de invoer: per veld wat er mis is. Er is niets opgeslagen."""

    invalidParams = OngeldigeParameterSerializer(many=True)  # noqa: N815 - name from the API Design Rules


GELUKT = {"201": "Aangemaakt. De header Location bevat het adres.", "204": "Gelukt, zonder inhoud."}
RESPONSENAMEN = {
    400: "OngeldigeInvoer",
    401: "NietIngelogd",
    403: "GeenToegang",
    404: "NietGevonden",
    409: "GelijktijdigGewijzigd",
    413: "TeGroot",
}


class RegieAutoSchema(AutoSchema):
    def _api_version_header(self) -> dict:
        component = ResolvedComponent(
            name="API-Version",
            type=ResolvedComponent.HEADER,
            object="API-Version",
            schema={
                "description": "De volledige versie van de API (API Design Rules, API-57).",
                "schema": {"type": "string", "example": settings.API_VERSION},
            },
        )
        self.registry.register_on_missing(component)
        return component.ref

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        headers["API-Version"] = self._api_version_header()
        return headers

    def _probleem_response(self, status: int | None) -> dict:
        serializer = OngeldigeInvoerSerializer if status == 400 else ProbleemSerializer
        schema = self.resolve_serializer(serializer, "response").ref
        if status is None:
            naam, uitleg = "Probleem", "Een andere fout, bijvoorbeeld 405, 406, 415 of 500."
        else:
            naam, uitleg = RESPONSENAMEN[status], TYPE_PER_STATUS[status].uitleg
        component = ResolvedComponent(
            name=naam,
            type=ResolvedComponent.RESPONSE,
            object=naam,
            schema={
                "description": uitleg,
                "headers": {"API-Version": self._api_version_header()},
                "content": {PROBLEM_JSON: {"schema": schema}},
            },
        )
        self.registry.register_on_missing(component)
        return component.ref

    def _foutcodes(self) -> list[int]:
        codes = []
        openbaar = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        if not openbaar:
            codes += [401, 403]
        # Every operation refuses a query parameter it does not know (RegieApi), so each can answer 400.
        codes.append(400)
        lijst = self._is_list_view()
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(413)
        if "{" in self.path or (lijst and self._get_paginator()):
            codes.append(404)
        if self.method in getattr(self.view, "gelijktijdig_methoden", ()):
            codes.append(409)
        return sorted(codes)

    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        for code, antwoord in antwoorden.items():
            if not antwoord.get("description") or code == "204":
                antwoord["description"] = GELUKT.get(code, "Gelukt.")
            antwoord.setdefault("headers", {"API-Version": self._api_version_header()})
        for code in self._foutcodes():
            antwoorden.setdefault(str(code), self._probleem_response(code))
        antwoorden.setdefault("default", self._probleem_response(None))
        return antwoorden


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "regie.api.authenticatie.ApiTokenAuthenticatie"
    name = "tokenAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Het token van een medewerker, als 'Token <token>'. De API werkt met de rechten"
            " van die medewerker en toont alleen inburgeraars van de gemeenten van diens organisatie."
            " Een medewerker maakt en intrekt tokens op de pagina 'API-tokens' in Regie; een beheerder"
            " met 'manage.py create_api_token <gebruikersnaam>'. Een token werkt een beperkt aantal dagen"
            " (standaard 90) en niet meer na een nieuw wachtwoord, een nieuwe authenticator-app of als de"
            " medewerker niet meer actief is. Een onbekend, verlopen of ingetrokken token geeft 401.",
        }


class SessieScheme(OpenApiAuthenticationExtension):
    target_class = "regie.api.authenticatie.SessieMetTweeStapsAuthenticatie"
    name = "cookieAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "De sessie van een medewerker die in de browser is ingelogd, met wachtwoord en"
            " code uit de authenticator-app. Wie wijzigt, stuurt de header X-CSRFToken mee.",
        }

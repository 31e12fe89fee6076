"""The WSGI application: DUO's APIs under /v1 and the control endpoints under /_simulator/.

Order of checks for /v1 (as DUO's gateway would): injected failure, unknown path (404) or
method (405), headers bron/doel/berichtId (400), asking municipality known (403), path
parameters (400), body JSON and schema (400), person known (404) and relevant to the asking
municipality (403), then the operation's own conditions (403 list of Foutmelding)."""

from __future__ import annotations

import json
import re
import time
import uuid
from datetime import UTC, datetime
from functools import cache

from regie.duo import specificaties

from . import api as endpoints
from . import beheer
from .api import Fout, Verzoek
from .gegevens import DUO_OIN, relevant, vandaag
from .toestand import Toestand

DUO_APIS = tuple(a for a in specificaties.APIS if a != "Notificatie")
STANDAARD_NOTIFICATIE_URL = "http://127.0.0.1:8000/duo/v1/notificaties"

_REDENEN = {
    200: "OK",
    201: "Created",
    204: "No Content",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    500: "Internal Server Error",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@cache
def routes() -> list[tuple[re.Pattern, str, str, str]]:
    """(pattern, method, api, path template) for every operation; built on first use (reading
    the specs takes a few seconds)."""
    routes = []
    for api in DUO_APIS:
        for methode, pad, _operatie in specificaties.operaties(api):
            patroon = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pad) + "$")
            routes.append((patroon, methode, api, pad))
    # fixed paths before parameterised ones, so /personen/{bsn}/lbt/resultaten never matches a {id}
    return sorted(routes, key=lambda r: r[3].count("{"))


def antwoordschema(api: str, methode: str, pad: str, status: int) -> tuple[str | None, bool, int | None]:
    """(schema name, is a list, maxItems) of an operation's JSON answer for `status`."""
    operatie = specificaties.specificatie(api)["paths"][pad][methode]
    schema = operatie["responses"].get(str(status), {}).get("content", {}).get("application/json", {})
    schema = schema.get("schema")
    if not schema:
        return None, False, None
    if schema.get("type") == "array":
        return schema["items"]["$ref"].rsplit("/", 1)[1], True, schema.get("maxItems")
    return schema["$ref"].rsplit("/", 1)[1], False, None


def antwoordfouten(api: str, methode: str, pad: str, status: int, body) -> list[str]:
    """How an answer breaks the spec's response schema (the simulator checks its own answers)."""
    naam, lijst, maximum = antwoordschema(api, methode, pad, status)
    if naam is None:
        return [] if body is None else ["de specificatie kent geen inhoud voor dit antwoord"]
    if not lijst:
        return specificaties.fouten(api, naam, body)
    if not isinstance(body, list):
        return ["het antwoord moet een lijst zijn"]
    fouten = [f"[{i}] {f}" for i, regel in enumerate(body) for f in specificaties.fouten(api, naam, regel)]
    if maximum is not None and len(body) > maximum:
        fouten.append(f"de lijst mag hoogstens {maximum} elementen hebben")
    return fouten


def foutmelding(status: int, teksten: list[str]):
    """DUO's Foutmelding: one object for 400/404/5xx, a list of them for 403 (as the specs)."""
    meldingen = [{"fouttekst": tekst[:200]} for tekst in teksten] or [{"fouttekst": "Onbekende fout"}]
    return meldingen if status == 403 else meldingen[0]


def _uuid(tekst: str) -> bool:
    try:
        uuid.UUID(tekst)
    except (ValueError, TypeError):
        return False
    return len(tekst) == 36


class Simulator:
    """The WSGI callable. `notificatie_url` and `geheim` are used when an event is emitted."""

    def __init__(
        self,
        toestand: Toestand | None = None,
        *,
        duo_oin: str = DUO_OIN,
        notificatie_url: str = STANDAARD_NOTIFICATIE_URL,
        geheim: str | None = None,
        slaap=time.sleep,
    ):
        self.toestand = toestand or Toestand()
        self.duo_oin = duo_oin
        self.notificatie_url = notificatie_url
        self.geheim = geheim
        self.slaap = slaap

    # -- WSGI --------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        pad = environ.get("PATH_INFO") or "/"
        if pad.startswith("/v1/") or pad == "/v1":
            status, body, extra = self.duo(environ, pad[3:])
        elif pad.startswith("/_simulator"):
            status, body, extra = beheer.afhandelen(self, environ, pad[len("/_simulator") :])
        else:
            status, body, extra = 404, {"fouttekst": "Onbekend pad; DUO's API's staan onder /v1."}, {}
        inhoud = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        kop = [("Content-Length", str(len(inhoud)))]
        if body is not None:
            kop.append(("Content-Type", "application/json"))
        kop.extend(extra.items())
        start_response(f"{status} {_REDENEN.get(status, 'Status')}", kop)
        return [inhoud]

    @staticmethod
    def lees_body(environ) -> bytes:
        try:
            lengte = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        return environ["wsgi.input"].read(lengte) if lengte > 0 else b""

    # -- DUO's APIs --------------------------------------------------------------------------
    def duo(self, environ, pad: str):
        methode = environ["REQUEST_METHOD"].lower()
        ruw = self.lees_body(environ)
        kop = {
            "bron": environ.get("HTTP_BRON", ""),
            "doel": environ.get("HTTP_DOEL", ""),
            "berichtId": environ.get("HTTP_BERICHTID", ""),
        }
        generatie = self.toestand.generatie
        status, body, api = self._duo(environ, methode, pad, kop, ruw, generatie)
        if generatie != self.toestand.generatie:  # the state was reset meanwhile: log nothing
            return status, body, {}
        extra = {"berichtId": kop["berichtId"]} if _uuid(kop["berichtId"]) else {}
        if api:
            extra["API-Version"] = specificaties.versie(api)
        try:
            verzonden = json.loads(ruw) if ruw else None
        except ValueError:
            verzonden = ruw.decode("utf-8", "replace")
        self.toestand.log(
            "ontvangen",
            {
                "tijdstip": datetime.now(UTC).isoformat(timespec="seconds"),
                "methode": methode.upper(),
                "pad": "/v1" + pad,
                "api": api,
                **kop,
                "body": verzonden,
                "status": status,
                "antwoord": body,
            },
        )
        if methode != "get":
            self.toestand.bewaar()
        return status, body, extra

    def _route(self, methode: str, pad: str):
        gevonden_pad = False
        for patroon, route_methode, api, sjabloon in routes():
            treffer = patroon.match(pad)
            if treffer:
                gevonden_pad = True
                if route_methode == methode:
                    return api, sjabloon, treffer.groupdict()
        raise Fout(
            405 if gevonden_pad else 404,
            "Onbekende methode voor dit pad." if gevonden_pad else "Onbekend pad.",
        )

    def _duo(self, environ, methode: str, pad: str, kop: dict, ruw: bytes, generatie: int = 0):
        api = None
        storing = self.toestand.volgende_storing()
        try:
            try:
                api, sjabloon, parameters = self._route(methode, pad)
            finally:
                if storing:  # an injected failure comes first, with the API's version if known
                    self._storing(storing)
            gemeentecode = self._controleer_headers(kop, environ)
            parameters = self._controleer_parameters(parameters)
            body = self._controleer_body(api, methode, sjabloon, ruw)
            with self.toestand.slot:
                if generatie != self.toestand.generatie:
                    raise Fout(503, "De dienst is tijdelijk niet beschikbaar (de simulator is teruggezet).")
                persoon = None
                if "bsn" in parameters:
                    persoon = self.toestand.persoon(parameters["bsn"])
                    if persoon is None:
                        raise Fout(404, "De persoon is niet bekend bij DUO.")
                    if not relevant(persoon, gemeentecode):
                        raise Fout(403, "De persoon is niet relevant voor uw gemeente.")
                verzoek = Verzoek(
                    api=api,
                    methode=methode,
                    pad=sjabloon,
                    parameters=parameters,
                    gemeentecode=gemeentecode,
                    toestand=self.toestand,
                    persoon=persoon,
                    body=body,
                    vandaag=vandaag(),
                )
                # every handler checks all its conditions before it changes anything
                status, antwoord = endpoints.HANDLERS[(api, methode, sjabloon)](verzoek)
            fouten = antwoordfouten(api, methode, sjabloon, status, antwoord)
            if fouten:
                raise Fout(500, "Simulator: antwoord voldoet niet aan de specificatie: " + "; ".join(fouten))
            return status, antwoord, api
        except Fout as fout:
            return fout.status, foutmelding(fout.status, fout.teksten), api

    def _storing(self, storing: dict) -> None:
        soort = storing.get("status")
        if soort in ("timeout", "traag"):
            self.slaap(float(storing.get("vertraging", 5)))
            if soort == "traag":
                return None
            raise Fout(504, storing.get("fouttekst") or "Time-out: DUO gaf geen tijdig antwoord.")
        status = int(soort)
        standaard = {
            400: "Het verzoek voldoet niet aan de specificatie.",
            500: "Er is een interne fout opgetreden bij DUO.",
            503: "De dienst is tijdelijk niet beschikbaar wegens onderhoud.",
        }
        raise Fout(status, storing.get("fouttekst") or standaard.get(status, "Storing."))

    def _controleer_headers(self, kop: dict, environ) -> str:
        if len(kop["bron"]) != 20 or not kop["bron"].isdigit():
            raise Fout(400, "De header bron ontbreekt of is geen OIN van 20 cijfers.")
        if kop["doel"] != self.duo_oin:
            raise Fout(400, f"De header doel moet het OIN van DUO zijn ({self.duo_oin}).")
        if not _uuid(kop["berichtId"]):
            raise Fout(400, "De header berichtId ontbreekt of is geen UUID.")
        certificaat_oin = environ.get("duo_simulator.certificaat_oin")
        if certificaat_oin and certificaat_oin != kop["bron"]:
            raise Fout(403, "De header bron komt niet overeen met het OIN in het PKIoverheid-certificaat.")
        gemeentecode = self.toestand.gemeentecode_voor_oin(kop["bron"])
        if not gemeentecode:
            raise Fout(403, "De bron is geen bij DUO bekende gemeente.")
        return gemeentecode

    @staticmethod
    def _controleer_parameters(parameters: dict) -> dict:
        if "bsn" in parameters and not re.fullmatch(r"\d{9}", parameters["bsn"]):
            raise Fout(400, "Het BSN moet uit 9 cijfers bestaan.")
        if "id" in parameters:
            if not re.fullmatch(r"\d{1,5}", parameters["id"]) or int(parameters["id"]) < 1:
                raise Fout(400, "Het id van de contactpersoon moet een getal van 1 tot en met 99999 zijn.")
            parameters["id"] = int(parameters["id"])
        if "instellingsnummer" in parameters and len(parameters["instellingsnummer"]) != 10:
            raise Fout(400, "Het instellingsnummer moet 10 tekens lang zijn.")
        return parameters

    @staticmethod
    def _controleer_body(api: str, methode: str, sjabloon: str, ruw: bytes):
        schema = specificaties.verzoekschema(api, methode, sjabloon)
        if schema is None:
            return None
        if not ruw:
            raise Fout(400, "Het verzoekbericht ontbreekt.")
        try:
            body = json.loads(ruw)
        except ValueError:
            raise Fout(400, "Het verzoekbericht is geen geldige JSON.") from None
        fouten = specificaties.fouten(api, schema, body)
        if fouten:
            raise Fout(400, "Het verzoekbericht voldoet niet aan de specificatie: " + "; ".join(fouten))
        return body

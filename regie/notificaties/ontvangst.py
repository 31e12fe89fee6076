"""The municipality's side of DUO's Notificatie API: `POST /duo/v1/notificaties`.

DUO's spec (regie/duo/specs/Notificatie/openapi.yml, version 1.8.0), not Regie's API style:
headers bron, doel and berichtId are required; the body is a `Notificatie`; 201 without a body
when stored; 400 (not per the spec), 401 (sender not authenticated) and 403 (not authorised) with
a Foutmelding `{"fouttekst": "..."}`; every answer carries `API-Version: 1.8.0`.

Who sent it. Digikoppeling authenticates the sender with mutual TLS (PKIoverheid). TLS ends at
the reverse proxy, which checks DUO's client certificate and passes the certificate's OIN in the
header named by REGIE_DUO_CLIENT_CERT_HEADER (the proxy must remove that header from every
incoming request, so only the proxy can set it). Without a proxy (the demo and the simulator) the
sender may instead sign the body: header `X-Duo-Signature: sha256=<hex HMAC-SHA256 of the raw
body with REGIE_DUO_NOTIFICATIE_SECRET>`. Neither → 401.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from regie.beveiliging.grootte import grootte_tekst, te_groot
from regie.duo import specificaties
from regie.notificaties.services import notificatie_ontvangen
from regie.organisaties.models import Gemeente

API_VERSIE = specificaties.versie("Notificatie")
HANDTEKENING_KOP = "X-Duo-Signature"


def onderteken(body: bytes, geheim: str) -> str:
    """The value of the X-Duo-Signature header for `body` (the simulator signs with its own copy,
    duo_simulator.gebeurtenissen.handtekening, as it runs without Django)."""
    return "sha256=" + hmac.new(geheim.encode(), body, hashlib.sha256).hexdigest()


def _antwoord(status: int, fouttekst: str | None = None) -> HttpResponse:
    if fouttekst is None:
        antwoord = HttpResponse(status=status)
    else:
        antwoord = JsonResponse({"fouttekst": fouttekst[:200]}, status=status)
    antwoord["API-Version"] = API_VERSIE
    return antwoord


def afzender_geauthenticeerd(request) -> str | None:
    """None when the sender is DUO, else the Dutch reason (401)."""
    kop = settings.DUO_NOTIFICATIE_CERT_HEADER
    if kop:
        oin = request.headers.get(kop, "").strip()
        if oin:
            if hmac.compare_digest(oin, settings.DUO_OIN):
                return None
            return "Het certificaat van de afzender hoort niet bij DUO."
    geheim = settings.DUO_NOTIFICATIE_SECRET
    handtekening = request.headers.get(HANDTEKENING_KOP, "").strip()
    if geheim and handtekening:
        if hmac.compare_digest(handtekening, onderteken(request.body, geheim)):
            return None
        return "De handtekening van het bericht klopt niet."
    return "De afzender is niet geauthenticeerd: geen geldig certificaat van DUO en geen handtekening."


# A notice is a machine-to-machine call from DUO without a browser session or cookie: there is
# no user session a forged cross-site request could ride on (the view never reads request.user),
# and the sender is authenticated per request by its client certificate or a body signature.
# CSRF protection would only refuse DUO. Listed in tests/test_beveiliging.py with this reason.
@csrf_exempt
def notificaties(request):
    if request.method != "POST":
        antwoord = _antwoord(405, "Alleen POST is toegestaan.")
        antwoord["Allow"] = "POST"
        return antwoord
    if te_groot(request, settings.MAX_JSON_BYTES):  # before anything reads the body
        return _antwoord(413, f"Het bericht is te groot: hoogstens {grootte_tekst(settings.MAX_JSON_BYTES)}.")
    reden = afzender_geauthenticeerd(request)
    if reden:
        return _antwoord(401, reden)

    bron = request.headers.get("bron", "").strip()
    doel = request.headers.get("doel", "").strip()
    bericht_id = request.headers.get("berichtId", "").strip()
    ontbreekt = [
        naam for naam, waarde in (("bron", bron), ("doel", doel), ("berichtId", bericht_id)) if not waarde
    ]
    if ontbreekt:
        return _antwoord(400, "De header " + ", ".join(ontbreekt) + " ontbreekt.")
    for naam, waarde in (("bron", bron), ("doel", doel)):
        if len(waarde) != 20 or not waarde.isdigit():
            return _antwoord(400, f"De header {naam} moet een OIN van 20 cijfers zijn.")
    try:
        bericht_id = str(uuid.UUID(bericht_id))
    except ValueError:
        return _antwoord(400, "De header berichtId moet een UUID zijn.")
    if bron != settings.DUO_OIN:
        return _antwoord(403, "De bron van het bericht is niet DUO.")
    gemeente = Gemeente.objects.select_related("organisatie").filter(oin=doel).first()
    if gemeente is None:
        return _antwoord(403, "Het doel van het bericht is geen gemeente die Regie bedient.")

    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _antwoord(400, "De inhoud van het bericht is geen geldige JSON.")
    fouten = specificaties.fouten("Notificatie", "Notificatie", body)
    if fouten:
        return _antwoord(400, "Het bericht voldoet niet aan de specificatie: " + "; ".join(fouten))
    try:
        notificatie_ontvangen(bericht_id=bericht_id, bron=bron, doel=doel, gemeente=gemeente, body=body)
    except ValueError:
        return _antwoord(400, "registratieDatumTijd: moet een datum en tijd zijn")
    return _antwoord(201)

"""The municipality's side of DUO's Notificatie API: `POST /duo/v1/notificaties`.

DUO's spec (regie/duo/specs/Notificatie/openapi.yml, version 1.8.0), not Regie's API style:
headers bron, doel and berichtId are required; the body is a `Notificatie`; 201 without a body
when stored; 400 (not per the spec), 401 (sender not authenticated) and 403 (not authorised) with
a Foutmelding `{"fouttekst": "..."}`; every answer carries `API-Version: 1.8.0`.

Who sent it. Digikoppeling authenticates the sender with mutual TLS (PKIoverheid). TLS ends at
the reverse proxy, which checks DUO's client certificate and passes the certificate's OIN in the
header named by REGIE_DUO_CLIENT_CERT_HEADER (the proxy must remove that header from every
incoming request). That header counts only on a request from the proxy itself: REMOTE_ADDR in
REGIE_DUO_PROXY_ADRESSEN (empty: never); from any other address it is ignored, so whoever can
reach Regie past the proxy cannot pose as DUO by setting it.

Without a proxy (the demo and the simulator) the sender signs instead, with the shared secret
REGIE_DUO_NOTIFICATIE_SECRET:

    X-Duo-Timestamp: <Unix time in whole seconds, e.g. 1795000000>
    X-Duo-Signature: sha256=<hex HMAC-SHA256 of  timestamp "." berichtId "." bron "." doel "." body>

that is the UTF-8 bytes of the four header values as sent, each followed by a dot, then the raw
body bytes. The timestamp must lie within REGIE_DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN (default
300) of Regie's clock, so a captured notice cannot be sent again later; signing bron, doel and
berichtId means it cannot be redirected to another municipality or resent under a new berichtId
within the window either. The same berichtId twice is stored once (201 both times).

Neither a trusted certificate header nor a valid signature: 401. Every 401 and 403 changes
nothing and is recorded for the functioneel beheerder (`melding_geweigerd`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import re
import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from regie.beveiliging.clientadres import client_ip
from regie.beveiliging.grootte import grootte_tekst, te_groot
from regie.duo import specificaties
from regie.duo.inkomend.services import melding_geweigerd, notificatie_ontvangen
from regie.organisaties.models import Gemeente

API_VERSIE = specificaties.versie("Notificatie")
HANDTEKENING_KOP = "X-Duo-Signature"
TIJDSTIP_KOP = "X-Duo-Timestamp"
_SECONDEN = re.compile(r"[0-9]{1,12}")


def onderteken(*, body: bytes, geheim: str, tijdstip: str, bericht_id: str, bron: str, doel: str) -> str:
    """The value of the X-Duo-Signature header (the scheme in the module docstring). The
    simulator signs with its own copy, duo_simulator.gebeurtenissen.handtekening, as it runs
    without Django; the tests' helper uses this one."""
    bericht = f"{tijdstip}.{bericht_id}.{bron}.{doel}.".encode() + body
    return "sha256=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def _antwoord(status: int, fouttekst: str | None = None) -> HttpResponse:
    if fouttekst is None:
        antwoord = HttpResponse(status=status)
    else:
        antwoord = JsonResponse({"fouttekst": fouttekst[:200]}, status=status)
    antwoord["API-Version"] = API_VERSIE
    return antwoord


def _geweigerd(request, status: int, fouttekst: str) -> HttpResponse:
    """401/403: nothing is stored; the attempt is recorded for the functioneel beheerder."""
    ip = client_ip(request) or ""
    try:
        ip = str(ipaddress.ip_address(ip.strip()))
    except ValueError:
        ip = None
    melding_geweigerd(
        status=status,
        reden=fouttekst[:200],
        ip_adres=ip,
        bron=request.headers.get("bron", "").strip(),
        doel=request.headers.get("doel", "").strip(),
        bericht_id=request.headers.get("berichtId", "").strip(),
    )
    return _antwoord(status, fouttekst)


def van_de_proxy(request) -> bool:
    """Whether the request comes straight from the reverse proxy (REGIE_DUO_PROXY_ADRESSEN)."""
    try:
        adres = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if adres.version == 6 and adres.ipv4_mapped:  # a dual-stack socket reports ::ffff:10.0.0.7
        adres = adres.ipv4_mapped
    return any(adres in netwerk for netwerk in settings.DUO_PROXY_ADRESSEN)


def _handtekening_fout(request, geheim: str) -> str | None:
    """None when the signature and its timestamp are valid, else the Dutch reason."""
    tijdstip = request.headers.get(TIJDSTIP_KOP, "").strip()
    if not _SECONDEN.fullmatch(tijdstip):
        return (
            f"De kop {TIJDSTIP_KOP} ontbreekt of is geen tijdstip in seconden sinds 1970; zonder tijdstip"
            " telt de handtekening niet."
        )
    verwacht = onderteken(
        body=request.body,
        geheim=geheim,
        tijdstip=tijdstip,
        bericht_id=request.headers.get("berichtId", "").strip(),
        bron=request.headers.get("bron", "").strip(),
        doel=request.headers.get("doel", "").strip(),
    )
    if not hmac.compare_digest(request.headers.get(HANDTEKENING_KOP, "").strip(), verwacht):
        return "De handtekening van het bericht klopt niet."
    venster = settings.DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN
    if abs(timezone.now().timestamp() - int(tijdstip)) > venster:
        return (
            f"Het tijdstip van het bericht ligt meer dan {venster} seconden van nu. Regie weigert het als"
            " mogelijk herhaald bericht; stuur het opnieuw met het tijdstip van nu."
        )
    return None


def afzender_geauthenticeerd(request) -> str | None:
    """None when the sender is DUO, else the Dutch reason (401)."""
    kop = settings.DUO_NOTIFICATIE_CERT_HEADER
    oin = request.headers.get(kop, "").strip() if kop else ""
    if oin and van_de_proxy(request):
        if hmac.compare_digest(oin, settings.DUO_OIN):
            return None
        return "Het certificaat van de afzender hoort niet bij DUO."
    geheim = settings.DUO_NOTIFICATIE_SECRET
    if geheim and request.headers.get(HANDTEKENING_KOP, "").strip():
        return _handtekening_fout(request, geheim)
    if oin:
        return (
            f"De afzender is niet geauthenticeerd: de kop {kop} telt alleen van de proxy, en het bericht"
            " heeft geen handtekening."
        )
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
        return _geweigerd(request, 401, reden)

    bron = request.headers.get("bron", "").strip()
    doel = request.headers.get("doel", "").strip()
    bericht_id = request.headers.get("berichtId", "").strip()
    ontbreekt = [
        naam for naam, waarde in (("bron", bron), ("doel", doel), ("berichtId", bericht_id)) if not waarde
    ]
    if ontbreekt:
        return _antwoord(400, "De header " + ", ".join(ontbreekt) + " ontbreekt.")
    for naam, waarde in (("bron", bron), ("doel", doel)):
        if len(waarde) != 20 or not (waarde.isascii() and waarde.isdigit()):
            return _antwoord(400, f"De header {naam} moet een OIN van 20 cijfers zijn.")
    try:
        bericht_id = str(uuid.UUID(bericht_id))
    except ValueError:
        return _antwoord(400, "De header berichtId moet een UUID zijn.")
    if bron != settings.DUO_OIN:
        return _geweigerd(request, 403, "De bron van het bericht is niet DUO.")
    # Exactly this OIN: it is unique per municipality (constraint gemeente_oin_uniek) and `doel`
    # is 20 digits, so a municipality without an OIN is never the doel.
    gemeente = Gemeente.objects.filter(oin=doel).first()
    if gemeente is None:
        return _geweigerd(request, 403, "Het doel van het bericht is geen gemeente die Regie bedient.")

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

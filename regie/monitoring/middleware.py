"""First in MIDDLEWARE: gives every request its trace id and counts it for /metrics, and answers
the health and metrics endpoints itself.

Those endpoints are answered here, before any other middleware, because the callers are machines
on the inside: a Kubernetes probe asks by the pod's IP address over plain HTTP, which the host
check (REGIE_ALLOWED_HOSTS) and the HTTPS redirect would refuse. They need no session, no login
and write nothing to the processing log.
"""

import hmac
import json
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound

from regie.monitoring import gezondheid, metrics
from regie.monitoring.trace import zet_trace_id
from regie.verwerkingslog.context import trace_id_uit

KOP = "X-Request-ID"
_GEZONDHEID = {"/gezondheid/live": gezondheid.live, "/gezondheid/klaar": gezondheid.klaar}
_METRICS = "/metrics"
# Any other method is counted as one label value: a client cannot grow the metrics without end.
_METHODEN = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _json(goed: bool, inhoud: dict) -> HttpResponse:
    antwoord = HttpResponse(json.dumps(inhoud), content_type="application/json", status=200 if goed else 503)
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _metrics(request) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if not token:
        return HttpResponseNotFound()  # off: as if the address did not exist
    gegeven = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(gegeven.encode(), token.encode()):
        antwoord = HttpResponse("Geen toegang.\n", status=401, content_type="text/plain; charset=utf-8")
        antwoord["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return antwoord
    return HttpResponse(metrics.tekst(), content_type="text/plain; version=0.0.4; charset=utf-8")


class MonitoringMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.trace_id = trace_id_uit(request)
        zet_trace_id(request.trace_id)
        if request.path in _GEZONDHEID and request.method in ("GET", "HEAD"):
            antwoord = _json(*_GEZONDHEID[request.path]())
        elif request.path == _METRICS and request.method == "GET":
            antwoord = _metrics(request)
        else:
            begin = time.monotonic()
            antwoord = self.get_response(request)
            match = getattr(request, "resolver_match", None)
            view = (match.view_name if match else "") or "onbekend"
            methode = request.method if request.method in _METHODEN else "overig"
            metrics.verzoek_tellen(view, methode, antwoord.status_code, time.monotonic() - begin)
        antwoord[KOP] = request.trace_id
        return antwoord

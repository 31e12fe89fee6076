"""Who is processing data right now: set per request by VerwerkingslogMiddleware, or
per system action by `systeemcontext()`; read by regie.verwerkingslog.log.

A contextvar, so it is right for each thread and each asyncio task.
"""

import ipaddress
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from regie.beveiliging.clientadres import client_ip
from regie.problemen import is_api_pad
from regie.verwerkingslog.models import Kanaal

_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")
_REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")


def nieuwe_trace_id() -> str:
    return uuid.uuid4().hex


def trace_id_uit(request) -> str:
    """The request's trace id: the W3C Trace Context trace id the caller sent (`traceparent`), else
    a proxy's `X-Request-ID` of 32 hex digits (nginx's `$request_id`; a UUID counts without its
    dashes), else a new one. Once chosen (regie.monitoring.middleware) it stays the same for the
    whole request, so log lines, the processing log and the response header agree."""
    gekozen = getattr(request, "trace_id", None)
    if gekozen:
        return gekozen
    kop = request.META.get("HTTP_TRACEPARENT", "").strip().lower()
    gevonden = _TRACEPARENT.match(kop)
    if gevonden and gevonden.group(1) != "0" * 32:
        return gevonden.group(1)
    request_id = request.META.get("HTTP_X_REQUEST_ID", "").strip().lower().replace("-", "")
    if _REQUEST_ID.match(request_id) and request_id != "0" * 32:
        return request_id
    return nieuwe_trace_id()


def kanaal_voor(path: str) -> str:
    if is_api_pad(path):
        return Kanaal.API
    if path.startswith("/beheer/"):
        return Kanaal.BEHEER
    return Kanaal.PAGINA


@dataclass
class Context:
    trace_id: str
    kanaal: str
    request: object = None  # the HttpRequest; its user is read when an entry is written
    gebruiker: object = None  # outside a request: the user a system action acts for
    # Set by the views: the persons this response shows (see log.betreft).
    betrokkenen: dict = field(default_factory=dict)

    @property
    def huidige_gebruiker(self):
        if self.request is not None:
            user = getattr(self.request, "user", None)
            if user is not None and user.is_authenticated:
                return user
            return None
        return self.gebruiker

    @property
    def ip_adres(self) -> str | None:
        """The client's address, the same one the log-in lock-out counts (also behind a proxy)."""
        if self.request is None:
            return None
        try:
            return str(ipaddress.ip_address((client_ip(self.request) or "").strip()))
        except ValueError:
            return None

    @property
    def handeling(self) -> str:
        match = getattr(self.request, "resolver_match", None)
        return (match.view_name or "")[:100] if match else ""


_huidige: ContextVar[Context | None] = ContextVar("regie_verwerkingslog", default=None)


def huidige_context() -> Context | None:
    """The context of the current request or system action, or None outside both."""
    return _huidige.get()


def zet(context: Context):
    return _huidige.set(context)


def herstel(token) -> None:
    _huidige.reset(token)


@contextmanager
def systeemcontext(gebruiker=None) -> Iterator[Context]:
    """For management commands and other work outside a request: kanaal "systeem",
    one trace id for everything done inside."""
    token = zet(Context(trace_id=nieuwe_trace_id(), kanaal=Kanaal.SYSTEEM, gebruiker=gebruiker))
    try:
        yield huidige_context()
    finally:
        herstel(token)

"""The trace id of the current request in every log line (`TraceIdFilter`, in LOGGING).

The middleware sets it at the start of a request; it is cleared when the response is closed
(`request_finished`), not when the middleware returns, because Django logs a 4xx or 5xx answer
(logger django.request) after the middleware chain. Outside a request a log line takes the trace
id of the system action (regie.verwerkingslog.context.systeemcontext), if any.
"""

import logging
from contextvars import ContextVar

from django.core.signals import request_finished
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

_trace_id: ContextVar[str] = ContextVar("regie_trace_id", default="")


def zet_trace_id(trace_id: str) -> None:
    _trace_id.set(trace_id)


def _wis(**kwargs) -> None:
    _trace_id.set("")


request_finished.connect(_wis, dispatch_uid="regie_monitoring_trace_wissen")


def huidige_trace_id() -> str:
    if trace_id := _trace_id.get():
        return trace_id
    # Imported here: LOGGING loads this module before Django's apps (and their models) are ready.
    from regie.verwerkingslog.context import huidige_context

    context = huidige_context()
    return context.trace_id if context is not None else ""


class TraceIdFilter(logging.Filter):
    """Adds `trace_id` to every record (empty outside a request or system action)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.trace_id = huidige_trace_id()
        return True


class JsonZonderVerzoek(JsonFormatter):
    """python-json-logger's formatter, without the `request` that Django adds to its
    django.request lines: its text is the full address, and a query string may hold personal
    data. (Every other extra field is written.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, reserved_attrs=[*RESERVED_ATTRS, "request"], **kwargs)

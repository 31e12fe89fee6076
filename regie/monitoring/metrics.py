"""Metrics in Prometheus's text format for `/metrics`.

Requests are counted per process (by view name, method and status, with their duration). Under
gunicorn each worker is a process: deploy/gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR, where
prometheus-client keeps every worker's figures in files, and a scrape adds them up. The queue and
the DUO notices are read from the database at each scrape, so they are the same on every process.
"""

import os

from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

from regie.duo.inkomend.models import Notificatie
from regie.monitoring.gezondheid import oudste_wachtend_seconden

VERZOEKEN = Counter(
    "regie_http_requests_total", "HTTP-verzoeken per view, methode en status.", ["view", "method", "status"]
)
DUUR = Histogram(
    "regie_http_request_duration_seconds",
    "Hoe lang een HTTP-verzoek duurde, per view.",
    ["view"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


def verzoek_tellen(view: str, method: str, status: int, seconden: float) -> None:
    VERZOEKEN.labels(view=view, method=method, status=str(status)).inc()
    DUUR.labels(view=view).observe(seconden)


class DatabaseCollector:
    """Read at scrape time: tasks per queue and status, the oldest due task's wait, and the DUO
    notices per status."""

    def collect(self):
        taken = GaugeMetricFamily(
            "regie_taken", "Achtergrondtaken per wachtrij en status.", labels=["queue", "status"]
        )
        for rij in DBTaskResult.objects.values("queue_name", "status").annotate(aantal=Count("pk")):
            taken.add_metric([rij["queue_name"], rij["status"]], rij["aantal"])
        yield taken

        oudste = GaugeMetricFamily(
            "regie_taken_oudste_wachtend_seconden",
            "Seconden dat de oudste taak die nu aan de beurt is al wacht (0: geen).",
            labels=["queue"],
        )
        for queue in DBTaskResult.objects.values_list("queue_name", flat=True).distinct().order_by():
            oudste.add_metric([queue], oudste_wachtend_seconden(queue))
        yield oudste

        meldingen = GaugeMetricFamily(
            "regie_duo_notificaties", "Ontvangen DUO-meldingen per status.", labels=["status"]
        )
        for rij in Notificatie.objects.values("status").annotate(aantal=Count("pk")):
            meldingen.add_metric([rij["status"]], rij["aantal"])
        yield meldingen


def tekst() -> bytes:
    """The whole exposition: all processes' request figures, and the database figures."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        processen = generate_latest(registry)
    else:
        processen = generate_latest(REGISTRY)
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    return processen + generate_latest(database)

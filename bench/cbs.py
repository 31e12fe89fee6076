"""Benchmark: the CBS file (regie/cbs) per berichtgever, on PostgreSQL.

    REGIE_DEMO=1 REGIE_DATABASE_URL=postgres://... uv run python bench/cbs.py [--kwartaal 2026-K3] [--herhalingen 5]

Against a throwaway database holding the demo (`seed_demo`, any --scale) or the national data
(`seed_landelijk`). For the berichtgevers with the most persons in scope (each municipality, and a
shared service for all its municipalities in one file) it times what "Bestand maken" does:
the validation report, the records, writing the XML, validating it against the XSD, hashing and
storing it with its processing-log entry, inside a transaction that is rolled back. Prints persons,
queries and seconds (p50 and max of the repetitions, after one warm-up) with the load average.
Goal of issue 11: under 10 s for a municipality. Not part of the test suite.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from regie.accounts.models import Rol, User  # noqa: E402
from regie.cbs.kwartaal import Kwartaal, laatste_afgesloten  # noqa: E402
from regie.cbs.selectors import berichtgevers_voor  # noqa: E402
from regie.cbs.services import levering_maken  # noqa: E402
from regie.inburgeraars.models import Inburgeraar  # noqa: E402
from regie.klok import vandaag  # noqa: E402


class _Terugdraaien(Exception):
    pass


def meting(teamleider, berichtgever, kwartaal) -> tuple[float, int, int]:
    """Seconds, queries and records of one "Bestand maken", rolled back."""
    uitkomst = {}
    try:
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            levering = levering_maken(
                door=teamleider, berichtgever=berichtgever, kwartaal=kwartaal, onvolledig_weglaten=True
            )
            uitkomst["tijd"] = time.perf_counter() - begin
            uitkomst["records"] = levering.aantal_records + levering.aantal_uitgesloten
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    return uitkomst["tijd"], len(queries.captured_queries), uitkomst["records"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kwartaal", default=str(laatste_afgesloten(vandaag())))
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument(
        "--aantal", type=int, default=3, help="the largest N municipalities and shared services"
    )
    args = parser.parse_args()
    kwartaal = Kwartaal.uit_tekst(args.kwartaal)
    print(f"database: {connection.vendor}, cases: {Inburgeraar.objects.count()}, quarter: {kwartaal}")
    grootste = (
        Inburgeraar.objects.values("gemeente__organisatie_id")
        .annotate(n=Count("pk"))
        .order_by("-n")[: args.aantal]
    )
    for rij in grootste:
        teamleider = (
            User.objects.filter(organisatie_id=rij["gemeente__organisatie_id"], rol=Rol.TEAMLEIDER)
            .order_by("pk")
            .first()
        )
        berichtgevers = berichtgevers_voor(teamleider)
        per_gemeente = dict(
            Inburgeraar.objects.filter(gemeente__organisatie_id=rij["gemeente__organisatie_id"])
            .values_list("gemeente__cbs_code")
            .annotate(n=Count("pk"))
        )
        gekozen = sorted(berichtgevers, key=lambda b: -sum(per_gemeente.get(c, 0) for c in b.gemeentecodes))[
            :2
        ]
        for berichtgever in gekozen:
            meting(teamleider, berichtgever, kwartaal)  # warm-up
            tijden, queries, records = [], 0, 0
            for _ in range(args.herhalingen):
                tijd, queries, records = meting(teamleider, berichtgever, kwartaal)
                tijden.append(tijd)
            print(
                f"{berichtgever.naam:55} {records:6} persons {queries:3} queries"
                f"  p50 {statistics.median(tijden):6.2f} s  max {max(tijden):6.2f} s"
                f"  load {os.getloadavg()[0]:.2f}"
            )


if __name__ == "__main__":
    main()

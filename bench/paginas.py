"""Benchmark: server time of Regie's busiest pages on the national data, beside a SQL lower bound.

    REGIE_DEMO=1 REGIE_DATABASE_URL=postgres://... uv run python bench/paginas.py [--herhalingen 30]

Needs a database filled by `manage.py seed_landelijk` (bench/README.md). Every page is requested
in this process through Django's test client (full middleware stack, templates, the processing
log), as the right user: a consultant of a shared service with about 50 cases on the worklist,
that service's team lead, a provider's account, an API token of the consultant. Per page: a
warm-up, then N requests, timed one by one (p50, p95) and once more with the queries counted.

Beside each page a hand-written SQL lower bound: the queries that fetch the same rows the page
shows (its first page of 50, the case's rows for a tab), on the same connection, timed the same
way. The ratio page p50 / SQL p50 says how much the page costs on top of fetching its data.
Goal (issue 10): every page at most 3x its lower bound and p95 under 100 ms. First an empty page
(the layout, logged in, through the same middleware): its p50 is the fixed cost every page pays, and
the column p50-leeg is what is left of a page's p50 for its own work. The last column is the CPU
time per request (mean) of Django and of the PostgreSQL backend: on a shared machine the wall times
include waiting for a core, the CPU times hardly (their sum is the time on an idle machine).

Everything runs in one transaction that is rolled back at the end (the API token made for the
run, the processing-log entries the pages write): the database stays as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")
os.environ.setdefault("REGIE_DEBUG", "0")  # as in production: no query log, no debug pages

ACTIEF = ("aangemeld", "brede_intake", "pip_vastgesteld", "in_uitvoering")


def gebruikers():
    """The consultant of a shared service whose worklist is nearest 50 active cases, its team
    lead and the provider account with the most referrals."""
    from django.db.models import Count, Q

    from regie.accounts.models import Rol, User
    from regie.organisaties.models import Organisatie

    diensten = Organisatie.objects.annotate(n=Count("gemeenten")).filter(n__gt=1, naam__endswith="e.o.")
    consulenten = (
        User.objects.filter(rol=Rol.CONSULENT, organisatie__in=diensten, is_active=True)
        .annotate(actief=Count("dossiers", filter=Q(dossiers__status__in=ACTIEF)))
        .order_by("organisatie_id", "id")
    )
    consulent = min(consulenten, key=lambda u: (abs(u.actief - 50), u.pk))
    teamleider = (
        User.objects.filter(rol=Rol.TEAMLEIDER, organisatie=consulent.organisatie).order_by("id").first()
    )
    aanbieder = (
        User.objects.filter(rol=Rol.AANBIEDER, aanbieder__isnull=False)
        .annotate(n=Count("aanbieder__contracten__verwijzingen"))
        .order_by("-n", "id")
        .first()
    )
    return consulent, teamleider, aanbieder


def inloggen(client, user) -> None:
    """Both log-in steps: the session of a password log-in, plus the user's TOTP device as if the
    code was given (as the tests do, conftest.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.filter(user=user, confirmed=True).first().persistent_id
    sessie.save()


@dataclass
class Meting:
    tijden: list[float]  # ms per request
    cpu_django: float  # ms CPU per request in this process (mean)
    cpu_postgres: float | None  # ms CPU per request of the database backend (mean), if readable


def meet(functie, herhalingen: int) -> Meting:
    """Wall time per request, and the CPU time spent per request by Django (this process) and by
    the PostgreSQL backend of the connection. The CPU times hardly depend on what else runs on the
    machine: their sum is what a request would take on an idle machine (all data is in memory)."""
    for _ in range(3):
        functie()
    tijden = []
    cpu, pg = time.process_time(), _backend_cpu()
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    cpu_django = (time.process_time() - cpu) * 1000 / herhalingen
    na = _backend_cpu()
    cpu_postgres = (na - pg) * 1000 / herhalingen if na is not None and pg is not None else None
    return Meting(tijden, cpu_django, cpu_postgres)


def _backend_cpu() -> float | None:
    """CPU seconds (user + system) of this connection's PostgreSQL backend, from /proc when the
    server runs on this machine (the throwaway cluster of bench/README.md); else None."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def p(tijden: list[float], q: int) -> float:
    return statistics.quantiles(tijden, n=100, method="inclusive")[q - 1]


def sql_ondergrens(*queries):
    """The lower bound: these queries, one after the other, every row fetched."""
    from django.db import connection

    def uitvoeren():
        with connection.cursor() as cursor:
            for sql, parameters in queries:
                cursor.execute(sql, parameters)
                cursor.fetchall()

    return uitvoeren


def paginas(consulent, teamleider, aanbieder, token):
    """(name, user or None for the API, url, headers, SQL lower bound) per page."""
    from regie.inburgeraars.models import Inburgeraar

    org = consulent.organisatie_id
    casus = (
        Inburgeraar.objects.filter(consulent=consulent, status="in_uitvoering")
        .order_by("-versie", "id")
        .first()
    )
    gemeente = casus.gemeente_id
    api = {"HTTP_AUTHORIZATION": f"Token {token}"}
    lijst = (
        "SELECT i.id, i.uuid, i.voornamen, i.geslachtsnaam, i.status, i.datum_melding_duo, g.naam"
        " FROM inburgeraars_inburgeraar i JOIN organisaties_gemeente g ON g.id = i.gemeente_id"
    )
    per_casus = lambda tabel, volgorde="id": (  # noqa: E731 - one line per tab below
        f"SELECT * FROM {tabel} WHERE inburgeraar_id = %s ORDER BY {volgorde}",
        [casus.pk],
    )
    dossier = ("SELECT * FROM inburgeraars_inburgeraar WHERE id = %s", [casus.pk])
    u = casus.uuid
    return [
        (
            "werkvoorraad",
            consulent,
            "/werkvoorraad/",
            {},
            sql_ondergrens(
                (
                    f"{lijst} WHERE i.consulent_id = %s AND i.status = ANY(%s) ORDER BY i.geslachtsnaam LIMIT 50",
                    [consulent.pk, list(ACTIEF)],
                )
            ),
        ),
        (
            "team, eerste pagina",
            teamleider,
            "/werkvoorraad/team/",
            {},
            sql_ondergrens(
                (
                    f"{lijst} WHERE i.organisatie_id = %s AND i.status = ANY(%s) ORDER BY i.geslachtsnaam LIMIT 50",
                    [org, list(ACTIEF)],
                )
            ),
        ),
        (
            "team, gefilterd (pagina 2)",
            teamleider,
            f"/werkvoorraad/team/?status=in_uitvoering&gemeente={gemeente}&pagina=2",
            {},
            sql_ondergrens(
                (
                    f"{lijst} WHERE i.organisatie_id = %s AND i.status = 'in_uitvoering' AND i.gemeente_id = %s"
                    " ORDER BY i.geslachtsnaam LIMIT 50 OFFSET 50",
                    [org, gemeente],
                )
            ),
        ),
        (
            "dossier",
            consulent,
            f"/inburgeraars/{u}/",
            {},
            sql_ondergrens(dossier, ("SELECT * FROM inburgeraars_kind WHERE ouder_id = %s", [casus.pk])),
        ),
        (
            "tab intake",
            consulent,
            f"/inburgeraars/{u}/intake/",
            {},
            sql_ondergrens(dossier, per_casus("intake_bredeintake"), per_casus("intake_afspraak")),
        ),
        (
            "tab pip",
            consulent,
            f"/inburgeraars/{u}/pip/",
            {},
            sql_ondergrens(dossier, per_casus("pip_pip", "versie DESC")),
        ),
        (
            "tab traject",
            consulent,
            f"/inburgeraars/{u}/traject/",
            {},
            sql_ondergrens(dossier, per_casus("trajecten_verwijzing")),
        ),
        (
            "tab voortgang",
            consulent,
            f"/inburgeraars/{u}/voortgang/",
            {},
            sql_ondergrens(dossier, per_casus("voortgangsgesprekken_voortgangsgesprek", "gepland_op")),
        ),
        (
            "tab duo",
            consulent,
            f"/inburgeraars/{u}/duo/",
            {},
            sql_ondergrens(dossier, per_casus("duo_uitgaandbericht")),
        ),
        (
            "tab termijnen",
            consulent,
            f"/inburgeraars/{u}/termijnen/",
            {},
            sql_ondergrens(dossier, per_casus("pip_pip")),
        ),
        (
            "tab tijdlijn",
            consulent,
            f"/inburgeraars/{u}/tijdlijn/",
            {},
            sql_ondergrens(dossier, per_casus("tijdlijn_gebeurtenis", "op DESC LIMIT 50")),
        ),
        (
            "API lijst",
            None,
            "/api/v1/inburgeraars",
            api,
            sql_ondergrens(
                (
                    "SELECT * FROM inburgeraars_inburgeraar WHERE organisatie_id = %s ORDER BY geslachtsnaam, voornamen LIMIT 25",
                    [org],
                )
            ),
        ),
        ("API detail", None, f"/api/v1/inburgeraars/{u}", api, sql_ondergrens(dossier)),
        (
            "aanbiedersportaal",
            aanbieder,
            "/aanbieder/",
            {},
            sql_ondergrens(
                (
                    "SELECT v.*, i.voornamen, i.geslachtsnaam FROM trajecten_verwijzing v"
                    " JOIN aanbieders_contract c ON c.id = v.contract_id"
                    " JOIN inburgeraars_inburgeraar i ON i.id = v.inburgeraar_id"
                    " WHERE c.aanbieder_id = %s ORDER BY v.id DESC LIMIT 50",
                    [aanbieder.aanbieder_id],
                )
            ),
        ),
        (
            "DUO-meldingen",
            teamleider,
            "/duo-meldingen/",
            {},
            sql_ondergrens(
                (
                    "SELECT n.* FROM notificaties_notificatie n JOIN organisaties_gemeente g ON g.id = n.gemeente_id"
                    " WHERE g.organisatie_id = %s ORDER BY n.ontvangen_op DESC LIMIT 50",
                    [org],
                )
            ),
        ),
    ]


LEEG = """{% extends "base.html" %}{% block title %}Leeg{% endblock %}
{% block content %}<h1 class="utrecht-heading-1">Leeg</h1>{% endblock %}"""


def met_lege_pagina():
    """The project's URLs plus /bench/leeg/: the layout without content, logged in, through the
    same middleware (session, two steps, processing log, security headers). Its time is what
    every page pays before doing its own work: the page's fixed cost."""
    import types

    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path

    from regie import urls

    sjabloon = engines["django"].from_string(LEEG)

    @login_required
    def leeg(request):
        return HttpResponse(sjabloon.render({}, request))

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [path("bench/leeg/", leeg), *urls.urlpatterns]
    module.handler400 = urls.handler400
    sys.modules[module.__name__] = module
    return module.__name__


def _cpu(meting: Meting) -> str:
    if meting.cpu_postgres is None:
        return f"{meting.cpu_django:.1f}ms"
    return f"{meting.cpu_django:.1f}+{meting.cpu_postgres:.1f}ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--herhalingen", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from regie.accounts.tokens import maak_api_token
    from regie.geheugen import vastzetten_na_laden
    from regie.inburgeraars.models import Inburgeraar

    vastzetten_na_laden()  # as regie/wsgi.py does once the application is loaded
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.ROOT_URLCONF = met_lege_pagina()
    logging.getLogger("axes").setLevel(logging.WARNING)  # one line per log-in otherwise
    print(f"{Inburgeraar.objects.count()} inburgeraars; load {Path('/proc/loadavg').read_text().split()[:3]}")
    with transaction.atomic():
        consulent, teamleider, aanbieder = gebruikers()
        _, token = maak_api_token(user=consulent, naam="bench")
        clients = {}
        for user in (consulent, teamleider, aanbieder):
            clients[user.pk] = Client()
            inloggen(clients[user.pk], user)
        clients[None] = Client()
        print(
            f"consulent {consulent.username} ({consulent.actief} actief), teamleider {teamleider.username},"
            f" aanbieder {aanbieder.username}; {args.herhalingen} herhalingen na 3 keer opwarmen"
        )
        leeg = clients[consulent.pk]
        vast = meet(lambda: leeg.get("/bench/leeg/"), args.herhalingen)
        with CaptureQueriesContext(connection) as queries:
            leeg.get("/bench/leeg/")
        print(
            f"lege pagina (vaste kosten): p50 {statistics.median(vast.tijden):.1f}ms"
            f" p95 {p(vast.tijden, 95):.1f}ms, {len(queries)} queries, CPU {_cpu(vast)}"
        )
        print(
            f"{'pagina':28} {'p50':>7} {'p95':>7} {'queries':>7} {'SQL p50':>8} {'factor':>7}"
            f" {'p50-leeg':>8} {'CPU Django+PostgreSQL':>22}"
        )
        for naam, user, url, headers, ondergrens in paginas(consulent, teamleider, aanbieder, token):
            client = clients[user.pk if user else None]
            antwoord = client.get(url, **headers)
            if antwoord.status_code != 200:
                print(f"{naam:28} HTTP {antwoord.status_code} voor {url}")
                continue
            meting = meet(
                lambda client=client, url=url, headers=headers: client.get(url, **headers), args.herhalingen
            )
            with CaptureQueriesContext(connection) as queries:
                client.get(url, **headers)
            sql = meet(ondergrens, args.herhalingen).tijden
            p50 = statistics.median(meting.tijden)
            print(
                f"{naam:28} {p50:6.1f}ms {p(meting.tijden, 95):6.1f}ms {len(queries):7d}"
                f" {statistics.median(sql):7.2f}ms {p50 / statistics.median(sql):6.1f}x"
                f" {p50 - statistics.median(vast.tijden):6.1f}ms {_cpu(meting):>22}"
            )
        transaction.set_rollback(True)
    print(f"load {Path('/proc/loadavg').read_text().split()[:3]}")


if __name__ == "__main__":
    main()

"""Benchmark: server time of the steering dashboard (regie.rapportage) for Sociale Dienst Drechtsteden.

    REGIE_DEMO=1 REGIE_DATABASE_URL=postgres://... uv run python bench/rapportage.py [--herhalingen 10]
        [--organisatie "Sociale Dienst Drechtsteden"]

Needs a database filled by `manage.py seed_demo --scale N` (or `seed_landelijk`; then name a
shared service with --organisatie). The pages are requested in this process through Django's test
client (full middleware stack, templates), as the organisation's beleidsmedewerker (made for the
run when the data has none): the dashboard for this calendar year (every KPI, the four
municipalities side by side, the targets with their three-year trend), the same with a cohort
filter, the cohort view and one CSV. Per page: 2 warm-ups, then N requests timed one by one (p50,
p95) and once more with the queries counted. Goal (issue 11): dashboard < 1 s server time.

Everything runs in one transaction that is rolled back at the end: the database stays as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")
os.environ.setdefault("REGIE_DEBUG", "0")  # as in production: no query log, no debug pages


def beleidsmedewerker(organisatie_naam: str):
    from regie.accounts.models import Rol, User
    from regie.organisaties.models import Organisatie

    organisatie = Organisatie.objects.get(naam=organisatie_naam)
    user = User.objects.filter(organisatie=organisatie, rol=Rol.BELEIDSMEDEWERKER, is_active=True).first()
    if user is None:
        user = User.objects.create(
            username="bench.beleid", organisatie=organisatie, rol=Rol.BELEIDSMEDEWERKER
        )
    return user


def inloggen(client, user) -> None:
    """Both log-in steps: a password session plus a confirmed TOTP device as if the code was given."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    client.force_login(user)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()


def meet(functie, herhalingen: int) -> list[float]:
    for _ in range(2):
        functie()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return tijden


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=10)
    parser.add_argument("--organisatie", default="Sociale Dienst Drechtsteden")
    args = parser.parse_args()

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from regie.inburgeraars.models import Inburgeraar
    from regie.klok import vandaag

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    jaar = vandaag().year
    pagina_s = {
        "dashboard (dit jaar)": ("/rapportage/", {}),
        "dashboard (cohort, vorig jaar)": (
            "/rapportage/",
            {"cohort": jaar - 1, "van": f"{jaar - 1}-01-01", "tot": f"{jaar - 1}-12-31"},
        ),
        "cohorten": ("/rapportage/cohorten/", {}),
        "csv pip per maand": ("/rapportage/csv/pip_per_maand/", {}),
    }
    with transaction.atomic():
        user = beleidsmedewerker(args.organisatie)
        client = Client()
        inloggen(client, user)
        totaal = Inburgeraar.objects.count()
        eigen = Inburgeraar.objects.filter(organisatie=user.organisatie).count()
        with open("/proc/loadavg") as f:
            load = f.read().split()[:3]
        print(
            f"{connection.vendor}, {totaal:,} cases in the database, {eigen:,} of {args.organisatie}; load {' '.join(load)}"
        )
        print("| page | p50 | p95 | queries |")
        print("|---|---|---|---|")
        for naam, (pad, params) in pagina_s.items():

            def verzoek(pad=pad, params=params):
                antwoord = client.get(pad, params)
                assert antwoord.status_code == 200, (pad, antwoord.status_code)

            tijden = meet(verzoek, args.herhalingen)
            with CaptureQueriesContext(connection) as vragen:
                verzoek()
            p95 = statistics.quantiles(tijden, n=20)[-1] if len(tijden) > 1 else tijden[0]
            print(f"| {naam} | {statistics.median(tijden):,.0f} ms | {p95:,.0f} ms | {len(vragen)} |")
        with open("/proc/loadavg") as f:
            print(f"load at the end: {' '.join(f.read().split()[:3])}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()

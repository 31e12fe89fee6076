"""Benchmark: receive and process 10,000 DUO notices.

    uv run python bench/notificaties.py            # 10,000 notices
    uv run python bench/notificaties.py --aantal 500

What it does, on a throwaway SQLite database (nothing of yours is touched):
1. migrates, creates the demo organisations and N cases in Dronten (bulk, not timed);
2. starts the DUO simulator in a thread with the same N persons; lets each person have one event
   at DUO (SS124 doelgroep changed, SS137 registered for the learnability test or SS199 exam
   result, in turn) and builds DUO's signed notice for it (not timed);
3. times: POSTing the N notices to the real endpoint `/duo/v1/notificaties` (Django's test
   client, full middleware stack, signature check, schema check, stored + enqueued), then the
   queue processing them (`werk_taken_af`: the db_worker in this process; every notice looks its
   data up at the simulator over HTTP and changes the case through the services);
4. prints the elapsed times and notices per second, and checks every notice was processed.

Not part of the test suite (it lives outside the test paths and takes minutes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=10_000)
    args = parser.parse_args()
    n = args.aantal

    # In memory (tmpfs) when the machine has it: the bench measures Regie, not the disk's fsync.
    map_ = tempfile.mkdtemp(prefix="regie-bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None)
    os.environ["REGIE_DATABASE_URL"] = f"sqlite:///{map_}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings_test")
    os.environ["REGIE_LOG_LEVEL"] = "WARNING"

    import django

    django.setup()
    from datetime import date

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from duo_simulator import Simulator, Toestand, beheer
    from duo_simulator.gegevens import nieuwe_persoon
    from duo_simulator.server import start_in_thread
    from regie.demo.factories import geldig_bsn
    from regie.demo.organisaties import maak_organisaties
    from regie.inburgeraars.models import Doelgroep, Inburgeraar
    from regie.notificaties.models import Notificatie, Status
    from regie.organisaties.models import Gemeente
    from regie.taken.werk import werk_taken_af
    from regie.tijdlijn.models import Gebeurtenis

    print(f"Database: {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    maak_organisaties()
    dronten = Gemeente.objects.get(cbs_code="0303")
    bsns = [geldig_bsn(800_000 + i) for i in range(n)]
    Inburgeraar.objects.bulk_create(
        [
            Inburgeraar(
                bsn=bsn,
                voornamen="Bench",
                geslachtsnaam=f"Persoon {i}",
                geboortedatum=date(1990, 1, 1),
                doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                gemeente=dronten,
            )
            for i, bsn in enumerate(bsns)
        ],
        batch_size=1000,
    )

    settings.DUO_NOTIFICATIE_SECRET = "bench-geheim"
    simulator = Simulator(Toestand())
    simulator.duo_oin = settings.DUO_OIN
    simulator.geheim = settings.DUO_NOTIFICATIE_SECRET
    server, basis = start_in_thread(simulator)
    settings.DUO_BASE_URL = basis + "/v1"
    beheer.personen_toevoegen(simulator.toestand, [nieuwe_persoon(bsn, "0303") for bsn in bsns])

    codes = ("SS124", "SS137", "SS199")
    meldingen = []
    for i, bsn in enumerate(bsns):
        r = beheer.gebeurtenis(simulator, bsn, codes[i % len(codes)], {}, notificeer=False)
        meldingen.append((r["body"], {k: v for k, v in r["headers"].items() if k != "Content-Type"}))
    print(f"{n} personen en meldingen klaargezet; meten begint.")

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.get("/duo/v1/notificaties")  # warm up: URLconf, middleware, spec validators (not timed)
    from regie.duo import specificaties

    specificaties.fouten("Notificatie", "Notificatie", {})
    begin = time.perf_counter()
    for body, kop in meldingen:
        antwoord = client.post(
            "/duo/v1/notificaties", data=body, content_type="application/json", headers=kop
        )
        if antwoord.status_code != 201:
            raise SystemExit(f"Onverwacht antwoord {antwoord.status_code}: {antwoord.content[:200]!r}")
    ontvangen = time.perf_counter() - begin

    begin_verwerken = time.perf_counter()
    werk_taken_af()
    verwerken = time.perf_counter() - begin_verwerken
    totaal = time.perf_counter() - begin

    server.shutdown()
    statussen = dict((s, Notificatie.objects.filter(status=s).count()) for s in Status.values)
    print(
        f"Ontvangen (endpoint, opgeslagen, in de wachtrij): {ontvangen:8.1f} s  {n / ontvangen:8.0f} per seconde"
    )
    print(
        f"Verwerkt (wachtrij, opzoeken bij DUO, dossier):    {verwerken:8.1f} s  {n / verwerken:8.0f} per seconde"
    )
    print(f"Totaal {n} meldingen:                             {totaal:8.1f} s  {n / totaal:8.0f} per seconde")
    print(f"Status van de meldingen: {statussen}; tijdlijnregels: {Gebeurtenis.objects.count()}")
    from django.db import connection

    connection.close()
    import shutil

    shutil.rmtree(map_, ignore_errors=True)
    if statussen.get(Status.VERWERKT, 0) != n:
        raise SystemExit("Niet elke melding is verwerkt.")


if __name__ == "__main__":
    main()

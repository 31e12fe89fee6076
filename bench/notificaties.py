"""Benchmark: receive and process N (10,000) DUO notices, timed per phase.

    uv run python bench/notificaties.py                       # 10,000 notices, SQLite, 1 worker
    uv run python bench/notificaties.py --aantal 500          # a short run while profiling
    uv run python bench/notificaties.py --postgres --workers 2  # throwaway PostgreSQL, 2 db_workers

What it does, on a throwaway database (nothing of yours is touched):
1. migrates, creates the demo organisations and N cases in Dronten (bulk, not timed);
2. prepares the DUO simulator with the same N persons, lets each person have one event at DUO
   (SS124 doelgroep changed, SS137 registered for the learnability test or SS199 exam result, in
   turn) and builds DUO's signed notice for it (not timed); then serves the simulator from its own
   process, as DUO is another system (in a thread it would share this process's GIL);
3. phase "ontvangen": POSTs the N notices to the real endpoint `/duo/v1/notificaties` (Django's
   test client, full middleware stack, signature check, schema check, stored + enqueued);
4. phase "verwerken": starts `--workers` queue workers, each Django's `db_worker` command in its
   own process as production runs it (bench/_worker.py adds timers only), until the queue is
   empty; a task takes up to 49 waiting notices along (regie.duo.inkomend.batch), looks their data
   up at the simulator over HTTP (threads, one kept-alive connection each) and changes the cases
   through the services (timeline + processing log);
5. prints the time per phase, notices per second, the time spent on the look-ups at DUO, the CPU
   time per notice of receiving and of the workers, and checks that every notice was processed.

SQLite allows one writer at a time: more than one worker mostly waits there; use --postgres
(a throwaway cluster like scripts/test.sh, needs PostgreSQL's initdb) for 2 workers.
Not part of the test suite (it lives outside the test paths and takes minutes).
Measured figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def start_postgres(map_: str) -> tuple[str, callable]:
    """A throwaway PostgreSQL cluster in `map_` (unix socket only), as scripts/test.sh starts one."""
    kandidaten = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    initdb = str(kandidaten[-1]) if kandidaten else shutil.which("initdb")
    if not initdb:
        raise SystemExit("initdb niet gevonden: installeer PostgreSQL of laat --postgres weg.")
    bindir = Path(initdb).parent
    als = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if als:
        shutil.chown(map_, "postgres")
    data = f"{map_}/data"
    subprocess.run(
        [*als, initdb, "-D", data, "-U", "postgres", "--auth=trust", "--no-locale", "-E", "UTF8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with open(f"{data}/postgresql.conf", "a") as f:
        f.write(
            f"listen_addresses = ''\nunix_socket_directories = '{map_}'\nport = 5432\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        )
    subprocess.run(
        [*als, str(bindir / "pg_ctl"), "-D", data, "-l", f"{map_}/server.log", "-w", "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [str(bindir / "createdb"), "-h", map_, "-p", "5432", "-U", "postgres", "regie"], check=True
    )

    def stop():
        subprocess.run(
            [*als, str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    return f"postgres://postgres@{map_.replace('/', '%2F')}:5432/regie", stop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1, help="aantal db_worker-processen (standaard 1)")
    parser.add_argument("--postgres", action="store_true", help="een wegwerp-PostgreSQL in plaats van SQLite")
    args = parser.parse_args()
    n = args.aantal
    if args.workers > 1 and not args.postgres:
        # SQLite has one writer: a second worker's transactions fail with "database is locked"
        # (seen: 236 of 500 tasks failed), which production avoids by running PostgreSQL.
        parser.error("SQLite staat één schrijver toe: gebruik --workers 1, of --postgres voor meer workers.")

    map_ = omgeving(postgres=args.postgres)
    try:
        meet(n, args.workers, map_)
    finally:
        opruimen(map_)


_STOP_POSTGRES = []


def omgeving(*, postgres: bool) -> str:
    """A throwaway database and the environment the bench runs Regie with; returns its folder."""
    # In memory (tmpfs) when the machine has it: the bench measures Regie, not the disk's fsync.
    map_ = tempfile.mkdtemp(prefix="regie-bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None)
    if postgres:
        os.environ["REGIE_DATABASE_URL"], stop = start_postgres(map_)
        _STOP_POSTGRES.append(stop)
    else:
        os.environ["REGIE_DATABASE_URL"] = f"sqlite:///{map_}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings_test")
    os.environ["REGIE_LOG_LEVEL"] = "WARNING"
    os.environ["REGIE_DUO_NOTIFICATIE_SECRET"] = "bench-geheim"
    # Every notice is signed before the timing starts; a large run sends the last ones later than
    # the production window of 5 minutes allows.
    os.environ["REGIE_DUO_NOTIFICATIE_TIJDVENSTER_SECONDEN"] = "86400"
    return map_


def opruimen(map_: str) -> None:
    while _STOP_POSTGRES:
        _STOP_POSTGRES.pop()()
    shutil.rmtree(map_, ignore_errors=True)


def voorbereiden(n: int):
    """Migrate, make N cases and the simulator with one event (and its signed notice) per person,
    and serve the simulator from its own process. Returns (that process, [(body, headers)])."""
    import django

    django.setup()
    from datetime import date

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from duo_simulator import Simulator, Toestand, beheer
    from duo_simulator.gegevens import nieuwe_persoon
    from duo_simulator.server import maak_server
    from regie.demo.factories import geldig_bsn
    from regie.demo.organisaties import maak_organisaties
    from regie.inburgeraars.models import Doelgroep, Inburgeraar
    from regie.organisaties.models import Gemeente

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
                organisatie_id=dronten.organisatie_id,
            )
            for i, bsn in enumerate(bsns)
        ],
        batch_size=1000,
    )

    simulator = Simulator(Toestand())
    simulator.duo_oin = settings.DUO_OIN
    simulator.geheim = settings.DUO_NOTIFICATIE_SECRET
    beheer.personen_toevoegen(simulator.toestand, [nieuwe_persoon(bsn, "0303") for bsn in bsns])
    codes = ("SS124", "SS137", "SS199")
    meldingen = []
    for i, bsn in enumerate(bsns):
        r = beheer.gebeurtenis(simulator, bsn, codes[i % len(codes)], {}, notificeer=False)
        meldingen.append((r["body"], {k: v for k, v in r["headers"].items() if k != "Content-Type"}))
    # The simulator (with this state) in its own process: DUO is another system.
    server = maak_server(simulator, "127.0.0.1", 0)
    connection.close()  # no database connection shared with the child
    duo = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
    duo.start()
    server.socket.close()
    os.environ["REGIE_DUO_BASE_URL"] = settings.DUO_BASE_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    return duo, meldingen


def meet(n: int, workers: int, map_: str) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from regie.duo.inkomend.models import Notificatie, Status
    from regie.tijdlijn.models import Gebeurtenis
    from regie.verwerkingslog.models import Verwerking

    print(f"Database: {connection.vendor} {settings.DATABASES['default']['NAME']}; {workers} worker(s)")
    duo, meldingen = voorbereiden(n)
    print(f"{n} personen en meldingen klaargezet; meten begint.")

    client = Client()
    client.get("/duo/v1/notificaties")  # warm up: URLconf, middleware, spec validators (not timed)
    from regie.duo import specificaties

    specificaties.fouten("Notificatie", "Notificatie", {})
    begin, begin_cpu = time.perf_counter(), time.process_time()
    for body, kop in meldingen:
        antwoord = client.post(
            "/duo/v1/notificaties", data=body, content_type="application/json", headers=kop
        )
        if antwoord.status_code != 201:
            raise SystemExit(f"Onverwacht antwoord {antwoord.status_code}: {antwoord.content[:200]!r}")
    ontvangen, ontvangen_cpu = time.perf_counter() - begin, time.process_time() - begin_cpu
    connection.close()

    begin_verwerken = time.perf_counter()
    processen = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "_worker.py"), f"{map_}/worker-{i}.json"], cwd=ROOT
        )
        for i in range(workers)
    ]
    if any(p.wait() != 0 for p in processen):
        raise SystemExit("Een worker stopte met een fout.")
    verwerken = time.perf_counter() - begin_verwerken
    totaal = ontvangen + verwerken
    duo.terminate()

    tijden = [json.loads(Path(f"{map_}/worker-{i}.json").read_text()) for i in range(workers)]
    som = {k: sum(t[k] for t in tijden) for k in tijden[0]}
    statussen = {s: Notificatie.objects.filter(status=s).count() for s in Status.values}
    print(
        f"Ontvangen (endpoint, opgeslagen, in de wachtrij): {ontvangen:8.1f} s  {n / ontvangen:6.0f} per seconde"
    )
    print(
        f"Verwerkt (wachtrij, opzoeken bij DUO, dossier):   {verwerken:8.1f} s  {n / verwerken:6.0f} per seconde"
    )
    print(f"Totaal {n} meldingen:                          {totaal:8.1f} s  {n / totaal:6.0f} per seconde")
    print(
        f"Workers samen: {som['werker_s']:.1f} s, waarvan in taken {som['taak_s']:.1f} s"
        f" ({som['taken']} taken, {1000 * som['taak_s'] / max(som['taken'], 1):.1f} ms per taak);"
        f" opzoeken bij DUO {som['opzoeken_s']:.1f} s, opgeteld over de threads ({som['opzoekingen']} verzoeken,"
        f" {1000 * som['opzoeken_s'] / max(som['opzoekingen'], 1):.1f} ms per verzoek);"
        f" wachtrij (claimen, afmelden, opstarten) {som['werker_s'] - som['taak_s']:.1f} s"
    )
    print(
        f"CPU-tijd: ontvangen {ontvangen_cpu:.1f} s ({1000 * ontvangen_cpu / n:.2f} ms per melding), workers"
        f" {som['cpu_s']:.1f} s ({1000 * som['cpu_s'] / n:.2f} ms per melding)"
    )
    print(
        f"Status van de meldingen: {statussen}; tijdlijnregels: {Gebeurtenis.objects.count()};"
        f" regels in het verwerkingslog: {Verwerking.objects.count()}"
    )
    connection.close()
    if statussen.get(Status.VERWERKT, 0) != n:
        raise SystemExit("Niet elke melding is verwerkt.")


if __name__ == "__main__":
    main()

"""Benchmark: the processing log at national volume on PostgreSQL (docs/verwerkingslog-volume.md).

    REGIE_DEMO=1 REGIE_DATABASE_URL=postgres://... uv run python bench/verwerkingslog.py --vullen 300000
    REGIE_DEMO=1 REGIE_DATABASE_URL=postgres://... uv run python bench/verwerkingslog.py

Only against a throwaway PostgreSQL database (a cluster on a unix socket as in scripts/test.sh):
it migrates it and, with --vullen N, adds N entries spread over 30 days with one generate_series
INSERT (100 organisations, organisation 1 with a tenth of the staff and persons; 3 in 10 entries
a list page of 50 persons, the rest one case; person 150001 in one of every 6 entries of
organisation 1, a case its staff open and list all day). Then it prints the size per row of both tables,
the time to write a read entry of 1 and of 50 persons through `log.gelezen`, and EXPLAIN
(ANALYZE, BUFFERS) of every search of the privacy officer, built by the real selectors.
Not part of the test suite.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from regie.privacy import selectors  # noqa: E402
from regie.verwerkingslog import log  # noqa: E402
from regie.verwerkingslog.models import Verwerking  # noqa: E402

VULLEN = """
INSERT INTO verwerkingslog_verwerking (uuid, trace_id, tijdstip, gebruiker_id, gebruikersnaam, rol,
  namens_organisatie_id, namens_organisatie, betreft_organisatie_id, actie, kanaal, handeling,
  onderdeel, object_id, velden, doel, grondslag, ip_adres, resultaat, reden)
SELECT md5(i::text)::uuid, md5(i::text), now() - interval '30 days' + i * interval '30 days' / %(n)s,
  NULL, 'medewerker.' || u, 'consulent', CASE WHEN u < 300 THEN 1 ELSE 2 + u %% 99 END, 'Organisatie',
  CASE WHEN i %% 1000 = 0 THEN 1 + (i / 1000) %% 100 END,
  CASE WHEN i %% 100 = 0 THEN 'geweigerd' WHEN i %% 500 = 1 THEN 'bijzondere_gegevens'
       WHEN i %% 10 = 5 THEN 'wijzigen' ELSE 'lezen' END,
  'pagina', 'inburgeraars:dossier', CASE WHEN i %% 10 < 3 THEN 'teamoverzicht' ELSE 'dossier' END,
  '', '{}', 'Uitvoering Wet inburgering 2021', 'Wet inburgering 2021', '10.0.0.1', 'geslaagd', ''
FROM (SELECT i, (i * 7919) %% 3000 AS u
      FROM generate_series(%(vanaf)s::bigint + 1, %(vanaf)s::bigint + %(n)s) i) s;

INSERT INTO verwerkingslog_betrokkene (verwerking_id, inburgeraar_id, gemeente_id)
SELECT v.id, q.p, v.org
FROM (SELECT id, coalesce(betreft_organisatie_id, namens_organisatie_id) AS org,
             CASE WHEN onderdeel = 'teamoverzicht' THEN 50 ELSE 1 END AS aantal
      FROM verwerkingslog_verwerking WHERE id > %(vanaf)s) v,
     LATERAL (SELECT CASE WHEN v.org = 1 THEN 15000 ELSE 1364 END AS grootte,
                     CASE WHEN v.org = 1 THEN 0 ELSE 15000 + (v.org - 2) * 1364 END AS begin) g,
     LATERAL generate_series(0, v.aantal - 1) j,
     LATERAL (SELECT g.begin + 1 + ((v.id * 37 + j) %% g.grootte) AS p) q;
-- Person 150001 (organisation 1) is in one of every 6 of its entries: about 5,000 per 300,000.
INSERT INTO verwerkingslog_betrokkene (verwerking_id, inburgeraar_id, gemeente_id)
SELECT id, 150001, 1 FROM verwerkingslog_verwerking
WHERE id > %(vanaf)s AND coalesce(betreft_organisatie_id, namens_organisatie_id) = 1 AND id %% 6 = 0
ON CONFLICT DO NOTHING;
INSERT INTO verwerkingslog_inburgeraaruuid (inburgeraar_id, uuid)
SELECT p, md5('p' || p)::uuid FROM generate_series(1, 150001) p ON CONFLICT DO NOTHING;
ANALYZE verwerkingslog_verwerking;
ANALYZE verwerkingslog_betrokkene;
ANALYZE verwerkingslog_inburgeraaruuid;
"""

GROOTTE = """
SELECT c.relname, c.reltuples::bigint, pg_relation_size(c.oid), pg_indexes_size(c.oid)
FROM pg_class c
WHERE c.relname IN ('verwerkingslog_verwerking', 'verwerkingslog_betrokkene', 'verwerkingslog_inburgeraaruuid')
"""


def vullen(aantal: int) -> None:
    vanaf = Verwerking.objects.order_by("-id").values_list("id", flat=True).first() or 0
    begin = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(VULLEN, {"n": aantal, "vanaf": vanaf})
    print(f"{aantal} regels toegevoegd in {time.perf_counter() - begin:.1f} s")


def groottes() -> None:
    with connection.cursor() as cursor:
        cursor.execute(GROOTTE)
        for naam, rijen, tabel, indexen in cursor.fetchall():
            print(
                f"{naam}: {rijen:,} rijen, tabel {tabel / 2**20:,.0f} MB ({tabel / max(rijen, 1):.0f} B/rij), "
                f"indexen {indexen / 2**20:,.0f} MB ({indexen / max(rijen, 1):.0f} B/rij)"
            )


def schrijven(keer: int = 200) -> None:
    """ms per read entry through the real log function, in a transaction that is rolled back."""
    for aantal in (1, 50):
        personen = [(900_000 + i, uuid.uuid4(), 1) for i in range(aantal)]
        tijden = []
        with transaction.atomic():
            for _ in range(keer):
                begin = time.perf_counter()
                log.gelezen(request=None, inburgeraars=personen, onderdeel="teamoverzicht")
                tijden.append((time.perf_counter() - begin) * 1000)
            transaction.set_rollback(True)
        print(f"log.gelezen met {aantal} personen: mediaan {statistics.median(tijden):.2f} ms ({keer} keer)")


def _uitleg(naam: str, qs) -> None:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = [regel for (regel,) in cursor.fetchall()]
    print(f"\n--- {naam}\n" + "\n".join(plan))


def zoekvragen(persoon: int, veel: int) -> None:
    auditor = SimpleNamespace(is_authenticated=True, organisatie_id=1, pk=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gebruikersnaam, trace_id, tijdstip::date FROM verwerkingslog_verwerking "
            "WHERE namens_organisatie_id = 1 ORDER BY id DESC LIMIT 1"
        )
        naam, trace_id, dag = cursor.fetchone()
        cursor.execute("SELECT uuid FROM verwerkingslog_inburgeraaruuid WHERE inburgeraar_id = %s", [persoon])
        (persoon_uuid,) = cursor.fetchone()
    zoek = selectors.zoek_verwerkingen
    _uitleg("het hele log, eerste pagina", zoek(auditor)[:50])
    _uitleg("het hele log, aantal", zoek(auditor).order_by().values("pk")[:10_001])
    _uitleg("een dag", zoek(auditor, van=dag, tot=dag)[:50])
    _uitleg("een gebruiker", zoek(auditor, gebruiker=naam)[:50])
    _uitleg("een actie (geweigerd)", zoek(auditor, actie="geweigerd")[:50])
    _uitleg("een trace-id", zoek(auditor, trace_id=trace_id)[:50])
    _uitleg("een persoon, eerste pagina", zoek(auditor, persoon_id=persoon)[:50])
    _uitleg("een persoon, alles (inzageverzoek)", zoek(auditor, persoon_id=persoon))
    _uitleg("een persoon met veel regels, eerste pagina", zoek(auditor, persoon_id=veel)[:50])
    _uitleg("een persoon met veel regels, aantal", zoek(auditor, persoon_id=veel).order_by().values("pk"))
    _uitleg(
        "een uuid van een verwijderd dossier",
        selectors._betrokkenen_in_log(auditor)
        .filter(inburgeraar_id__in=selectors._ids_voor_uuid(persoon_uuid))
        .values("inburgeraar_id")[:1],
    )
    pagina = list(zoek(auditor)[:50].values_list("pk", flat=True))
    _uitleg(
        "de personen van een pagina", selectors.zichtbare_betrokkenen(auditor).filter(verwerking__in=pagina)
    )
    selectors._gemeente_beperking = lambda user: [1]
    _uitleg("beperkt tot een gemeente: het hele log, eerste pagina", zoek(auditor)[:50])
    _uitleg("beperkt tot een gemeente: een persoon met veel regels", zoek(auditor, persoon_id=veel)[:50])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vullen", type=int, default=0, help="add this many entries first")
    parser.add_argument("--persoon", type=int, default=173, help="internal id searched for (80 entries)")
    parser.add_argument("--veel", type=int, default=150001, help="internal id of a person with many entries")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Alleen met REGIE_DATABASE_URL naar een wegwerp-PostgreSQL-database.")
    call_command("migrate", verbosity=0)
    if args.vullen:
        vullen(args.vullen)
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    groottes()
    schrijven()
    zoekvragen(args.persoon, args.veel)
    print(f"\nload average: {Path('/proc/loadavg').read_text().split()[:3]}")


if __name__ == "__main__":
    main()

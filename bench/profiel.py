"""Where the time of bench/notificaties.py goes: SQL statements per notice and a cProfile, for
receiving and for processing, on a throwaway SQLite database (or PostgreSQL with --postgres).

    uv run python bench/profiel.py                 # 500 notices
    uv run python bench/profiel.py --aantal 300 --top 30
    uv run python bench/profiel.py --postgres      # a throwaway PostgreSQL cluster, as the bench's

Receiving goes through the endpoint as in the bench; processing runs the queue in this process
(regie.taken.werk.werk_taken_af, the same tasks the db_worker runs) so one profile holds it all.
The statements are counted per kind (the first word and the table) and divided by N.
Not part of the test suite. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from notificaties import omgeving, opruimen, voorbereiden  # noqa: E402

_TABEL = re.compile(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


def soort(sql: str) -> str:
    woord = sql.split(None, 1)[0].upper() if sql.strip() else "?"
    tabel = _TABEL.search(sql)
    return (
        f"{woord} {tabel.group(1)}" if tabel and woord in {"SELECT", "INSERT", "UPDATE", "DELETE"} else woord
    )


def fase(naam: str, n: int, top: int, werk) -> None:
    from collections import deque

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log = deque(maxlen=100 * n)  # Django keeps 9,000 by default
    profiel = cProfile.Profile()
    with CaptureQueriesContext(connection) as vastgelegd:
        begin = time.perf_counter()
        profiel.enable()
        werk()
        profiel.disable()
        duur = time.perf_counter() - begin
    tellingen = Counter(soort(q["sql"]) for q in vastgelegd.captured_queries)
    sql_s = sum(float(q["time"]) for q in vastgelegd.captured_queries)
    print(f"\n== {naam}: {n} meldingen in {duur:.1f} s onder cProfile ({1000 * duur / n:.1f} ms per melding)")
    print(
        f"SQL-statements: {len(vastgelegd.captured_queries)} ({len(vastgelegd.captured_queries) / n:.1f} per"
        f" melding), {sql_s:.1f} s in de database volgens Django"
    )
    for wat, aantal in tellingen.most_common():
        print(f"  {aantal / n:6.2f} per melding  {wat}")
    uit = io.StringIO()
    pstats.Stats(profiel, stream=uit).sort_stats("cumulative").print_stats(top)
    print(uit.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=500)
    parser.add_argument("--top", type=int, default=40, help="zoveel functies per profiel (cumulatief)")
    parser.add_argument("--postgres", action="store_true", help="een wegwerp-PostgreSQL in plaats van SQLite")
    args = parser.parse_args()
    map_ = omgeving(postgres=args.postgres)
    try:
        meten(args.aantal, args.top)
    finally:
        opruimen(map_)


def meten(n: int, top: int) -> None:
    duo, meldingen = voorbereiden(n)
    from django.conf import settings
    from django.test import Client

    from regie.duo import specificaties
    from regie.duo.inkomend.models import Notificatie, Status
    from regie.taken.werk import werk_taken_af

    settings.DEBUG = False
    client = Client()
    client.get("/duo/v1/notificaties")  # warm up, as the bench does
    specificaties.fouten("Notificatie", "Notificatie", {})

    def ontvangen():
        for body, kop in meldingen:
            antwoord = client.post(
                "/duo/v1/notificaties", data=body, content_type="application/json", headers=kop
            )
            assert antwoord.status_code == 201, antwoord.content

    fase("Ontvangen", n, top, ontvangen)
    fase("Verwerken", n, top, werk_taken_af)
    duo.terminate()
    verwerkt = Notificatie.objects.filter(status=Status.VERWERKT).count()
    print(f"Verwerkt: {verwerkt} van {n}")


if __name__ == "__main__":
    main()

"""`python manage.py seed_landelijk --aantal 150000`: national-scale data for measuring Regie.

The demo is built once through the services (`seed_demo`, with its guards: only with REGIE_DEMO=1,
only in an empty database or one with the demo) and then copied into some 340 made-up
municipalities with bulk inserts (`regie.demo.landelijk`). About 100 rows per case.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from regie.demo.generator import OMVANG, STANDAARD_SEED
from regie.demo.landelijk.indeling import maak_indeling
from regie.demo.landelijk.kopieren import Kopieerder, kopieen_indelen
from regie.demo.landelijk.meldingen import duo_meldingen_maken
from regie.inburgeraars.models import Inburgeraar
from regie.klok import vandaag
from regie.organisaties.models import Gemeente, Kern


def afleiden() -> None:
    """What must be derived over the whole database once the rows are in. Columns the services
    store are copied as the template has them; a rebuild that works over all cases goes here.
    The planner's statistics are one: without them PostgreSQL plans for empty tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(BaseCommand):
    requires_system_checks = []
    help = (
        "Vult de database met landelijke aantallen voor metingen: de demo (via de services) gekopieerd"
        " naar ongeveer 340 verzonnen gemeenten, met hun geschiedenis. Alleen met REGIE_DEMO=1, in een"
        " lege database of een database met de demo (met --flush)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=150_000, help="Ongeveer zoveel inburgeraars.")
        parser.add_argument("--seed", type=int, default=STANDAARD_SEED, help="Startgetal voor het toeval.")
        parser.add_argument(
            "--sjabloon", type=float, default=1.0, help="Omvang van de demo die gekopieerd wordt (--scale)."
        )
        parser.add_argument("--flush", action="store_true", help="Maak een database met de demo eerst leeg.")

    def handle(self, *args, aantal, seed, sjabloon, flush, **options):
        if not settings.DEMO:
            raise CommandError(
                "seed_landelijk werkt alleen in de demo (REGIE_DEMO=1). Er is niets veranderd."
            )
        if aantal < 1:
            raise CommandError("Kies voor --aantal een getal groter dan 0.")
        begin = time.perf_counter()
        demo = ["--seed", str(seed), "--scale", str(sjabloon), *(["--flush"] if flush else [])]
        call_command("seed_demo", *demo, stdout=self.stdout if options["verbosity"] > 1 else _Stil())
        self.stdout.write(f"Sjabloon (demo) gebouwd in {time.perf_counter() - begin:.1f} s.")

        with transaction.atomic():
            duo_meldingen_maken(vandaag=vandaag())
            per_kopie = Inburgeraar.objects.count()
            indeling = maak_indeling(seed=seed)
            sjabloon_gemeenten = {}
            for gemeente in Gemeente.objects.filter(organisatie__naam__in=OMVANG).order_by("cbs_code"):
                sjabloon_gemeenten.setdefault(gemeente.organisatie_id, []).append(gemeente.pk)
            kernen = dict(
                Kern.objects.filter(gemeente__in=sum(sjabloon_gemeenten.values(), [])).values_list(
                    "id", "gemeente_id"
                )
            )
            kopieen = kopieen_indelen(
                indeling, sjabloon_gemeenten, max(0, round(aantal / per_kopie) - 1), seed
            )
            geschreven = Kopieerder(indeling, kopieen, kernen).kopieer(self._tabel_klaar(begin))
        afleiden()

        duur = time.perf_counter() - begin
        self.stdout.write(
            self.style.SUCCESS(
                f"{Inburgeraar.objects.count()} inburgeraars ({len(kopieen) + 1} keer de demo),"
                f" {sum(geschreven.values())} rijen gekopieerd, in {duur:.0f} s."
            )
        )

    def _tabel_klaar(self, begin):
        def melden(tabel, aantal):
            self.stdout.write(f"  {tabel}: {aantal} rijen ({time.perf_counter() - begin:.0f} s)")

        return melden


class _Stil:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass

"""`python manage.py seed_demo`: fill the database with realistic demo cases and log-ins.

Only in the demo (REGIE_DEMO=1), and only in an empty database or one that already holds the
demo (`regie.demo.database`): the demo's accounts have a public password and log-in codes, and
`--flush` empties everything, so a database in real use is refused and left as it is (issue 9).
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from regie.demo.database import gegevens_in_database, is_demodatabase, oude_demo
from regie.demo.generator import STANDAARD_SEED, plan_demo
from regie.demo.inloggen import DEMO_WACHTWOORD
from regie.demo.models import Demomarkering
from regie.demo.opbouw import bouw_demo, demo_gebruikers, demo_gegevens_aanwezig
from regie.demo.tweestaps import demo_tweestaps_instellen
from regie.inburgeraars.status import STATUS_LABELS, Status
from regie.klok import vandaag

MAX_SCALE = 10  # the demo BSN range holds about 9,000 numbers
logger = logging.getLogger("regie.demo")


def _opsomming(aantallen: dict[str, int]) -> str:
    return ", ".join(f"{aantal} {naam}" for naam, aantal in aantallen.items())


class Command(BaseCommand):
    requires_system_checks = []  # a data command; `migrate` ran the checks already
    help = (
        "Vult de database met demogegevens: de drie organisaties, demo-accounts en ongeveer"
        " 600 inburgeraars (bij --scale 1) met een echte tijdlijn van 2022 tot gisteren. Alle datums"
        " zijn relatief ten opzichte van vandaag; met dezelfde --seed op dezelfde dag ontstaan"
        " dezelfde gegevens. Alleen met REGIE_DEMO=1, in een lege database of een database met de demo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=STANDAARD_SEED, help="Startgetal voor het toeval.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Omvang: 1.0 is ongeveer 600 inburgeraars."
        )
        groep = parser.add_mutually_exclusive_group()
        groep.add_argument(
            "--flush",
            action="store_true",
            help="Maak eerst de hele database leeg (alleen een database met de demo; alle gegevens gaan verloren).",
        )
        groep.add_argument(
            "--if-empty",
            action="store_true",
            help="Doe niets (en toon de demo-accounts) als de demo er al in staat.",
        )

    def handle(self, *args, seed, scale, flush, if_empty, **options):
        if not settings.DEMO:
            logger.warning("seed_demo geweigerd: REGIE_DEMO staat niet aan.")
            raise CommandError(
                "seed_demo werkt alleen in de demo (REGIE_DEMO=1). Er is niets veranderd."
                " Demo-accounts hebben een openbaar wachtwoord en horen niet in een echte database."
            )
        if not 0 < scale <= MAX_SCALE:
            raise CommandError(f"Kies voor --scale een getal groter dan 0 en hoogstens {MAX_SCALE}.")
        demo = is_demodatabase() or oude_demo()
        if not demo and (vreemd := gegevens_in_database()):
            logger.warning("seed_demo geweigerd: de database bevat gegevens die niet van de demo zijn.")
            raise CommandError(
                f"Deze database bevat gegevens die de demo niet heeft gemaakt ({_opsomming(vreemd)})."
                " Er is niets veranderd: seed_demo vult en leegt alleen een lege database of een"
                " database met de demo, ook met --flush of --if-empty. Gebruik voor de demo een"
                " nieuwe, lege database (verwijder bijvoorbeeld regie.sqlite3, of laat"
                " REGIE_DATABASE_URL naar een nieuwe database wijzen)."
            )
        if demo:
            wat = " en ".join(f"{aantal} {naam}" for naam, aantal in demo_gegevens_aanwezig().items())
            wat = wat or "de demo"
            if if_empty:
                self.stdout.write(f"Er staan al gegevens in de database ({wat}); er is niets toegevoegd.")
                # A demo built by an older Regie gets what it lacks: the mark and the log-in codes.
                with transaction.atomic():
                    Demomarkering.zetten()
                    demo_tweestaps_instellen(demo_gebruikers())
                self.toon_inloggegevens()
                return
            if not flush:
                raise CommandError(
                    f"Er staan al gegevens in de database ({wat}). Er is niets veranderd. Gebruik --flush"
                    " om de database eerst helemaal leeg te maken (alle gegevens gaan verloren), of"
                    " --if-empty om dan niets te doen."
                )
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("De database is leeggemaakt.")

        begin = time.perf_counter()
        plan = plan_demo(seed=seed, scale=scale, vandaag=vandaag())
        resultaat = bouw_demo(plan)
        duur = time.perf_counter() - begin

        self.stdout.write(
            self.style.SUCCESS(
                f"{resultaat.casussen} inburgeraars aangemaakt in {duur:.1f} s"
                f" (seed {seed}, scale {scale:g}, datums relatief ten opzichte van {plan.vandaag:%d-%m-%Y})."
            )
        )
        for organisatie, aantal in sorted(resultaat.per_organisatie.items()):
            self.stdout.write(f"  {organisatie}: {aantal}")
        statussen = ", ".join(
            f"{STATUS_LABELS[status].lower()} {resultaat.per_status[status]}" for status in Status
        )
        self.stdout.write(f"  Status: {statussen}.")
        if resultaat.pips:
            self.stdout.write(
                f"  Eerste PIP te laat (na 10 weken, Bi 5.3): {resultaat.pips_te_laat} van {resultaat.pips}."
            )
        caseload = ", ".join(f"{naam} {aantal}" for naam, aantal in resultaat.caseload.items())
        self.stdout.write(f"  Actieve dossiers per consulent: {caseload}.")
        self.toon_inloggegevens()

    def toon_inloggegevens(self):
        gebruikers = list(demo_gebruikers())
        if not gebruikers:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):")
        breedte = max(len(g.username) for g in gebruikers)
        for g in gebruikers:
            self.stdout.write(f"  {g.username:<{breedte}}  {g.get_rol_display():<10}  {g.organisatie}")
        self.stdout.write("")
        self.stdout.write(
            "Inloggen gaat in twee stappen: eerst gebruikersnaam en wachtwoord, dan een code van 6 cijfers."
        )
        self.stdout.write("De code van een demo-account vraagt u op met (alleen in de demo):")
        self.stdout.write(f"  REGIE_DEMO=1 uv run python manage.py totp_code {gebruikers[0].username}")

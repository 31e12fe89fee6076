"""`python manage.py duo_simulator_vullen`: write the DUO simulator's state file from the demo cases.

Only in the demo (REGIE_DEMO=1) and on a database that holds the demo (`regie.demo.database`):
the file holds every case's BSN and history, so a real database is never written out (issue 9).
"""

import json
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from duo_simulator.toestand import Toestand
from regie.demo.database import is_demodatabase, oude_demo
from regie.demo.duo import duo_toestand, instellingen_aanvullen
from regie.inburgeraars.models import Inburgeraar

logger = logging.getLogger("regie.demo")


class Command(BaseCommand):
    requires_system_checks = []
    help = (
        "Schrijft de toestand van de DUO-simulator (python -m duo_simulator) uit de demogegevens: dezelfde"
        " personen als in Regie, met een paar bewuste verschillen voor het afstemmingsoverzicht."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--state",
            default=os.environ.get("DUO_SIMULATOR_STATE", "var/duo-simulator.json"),
            help="Het toestandsbestand van de simulator (standaard var/duo-simulator.json).",
        )
        parser.add_argument(
            "--als-nodig",
            action="store_true",
            help="Laat een bestaand bestand staan als het alle personen van Regie kent (wat DUO sindsdien deed blijft).",
        )
        parser.add_argument(
            "--zonder-verschillen", action="store_true", help="Geen bewuste verschillen met Regie."
        )

    def handle(self, *args, state, als_nodig, zonder_verschillen, **options):
        if not (settings.DEMO and (is_demodatabase() or oude_demo())):
            logger.warning("duo_simulator_vullen geweigerd: geen demo (REGIE_DEMO) of geen demodatabase.")
            raise CommandError(
                "duo_simulator_vullen werkt alleen in de demo (REGIE_DEMO=1) en met een database waarin de"
                " demo staat (manage.py seed_demo): het schrijft de gegevens van alle inburgeraars naar een"
                " bestand. Er is niets geschreven."
            )
        bestand = Path(state)
        if als_nodig and bestand.exists():
            try:
                bestaand = json.loads(bestand.read_text(encoding="utf-8"))
            except ValueError:
                bestaand = {}
            bekend = set(bestaand.get("personen", {})) | {
                v["bsn"] for v in bestaand.get("demoVerschillen", [])
            }
            # newcomers the simulator announced since are not in Regie's demo data: that is fine
            if bekend and set(Inburgeraar.objects.values_list("bsn", flat=True)) <= bekend:
                # a file from before the demo providers had DUO's instellingsnummer: add them
                toestand = Toestand(bestand)
                if nieuw := instellingen_aanvullen(toestand.gegevens):
                    toestand.bewaar()
                    self.stdout.write(
                        f"De DUO-simulator kent de demopersonen al ({bestand}); {len(nieuw)} instellingen"
                        " van de demo-aanbieders toegevoegd."
                    )
                    return
                self.stdout.write(f"De DUO-simulator kent de demopersonen al ({bestand}); niets veranderd.")
                return
        toestand = Toestand()
        toestand.bestand = bestand
        toestand.gegevens = duo_toestand(verschillen=not zonder_verschillen)
        toestand.bewaar()
        verschillen = toestand.gegevens["demoVerschillen"]
        self.stdout.write(
            f"DUO-simulator gevuld: {len(toestand.personen)} personen in {bestand},"
            f" {len(verschillen)} bewuste verschillen met Regie."
        )
        for verschil in verschillen:
            self.stdout.write(f"  {verschil['bsn']}: {verschil['toelichting']}")

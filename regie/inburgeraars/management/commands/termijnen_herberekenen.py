"""`python manage.py termijnen_herberekenen`: rebuild the stored deadlines of every case
(regie.inburgeraars.termijnvelden) from regie.wet.termijnen. Safe to run at any time; `--controleer`
only reports the cases whose stored dates differ (exit status 1 when there are any)."""

from django.core.management.base import BaseCommand, CommandError

from regie.inburgeraars import termijnvelden


class Command(BaseCommand):
    help = (
        "Berekent de opgeslagen termijnen van alle dossiers (PIP vaststellen, einde inburgeringstermijn,"
        " leerroute wijzigen, verlenging aanvragen vanaf) opnieuw met de regels van regie.wet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--controleer", action="store_true", help="Alleen controleren en niets wijzigen.")

    def handle(self, *args, controleer, **options):
        if controleer:
            fout = termijnvelden.afwijkingen()
            for pk, veld, opgeslagen, berekend in fout[:50]:
                self.stdout.write(f"dossier {pk}: {veld} is {opgeslagen}, moet {berekend} zijn")
            if fout:
                raise CommandError(f"{len(fout)} opgeslagen termijnen wijken af van regie.wet.")
            self.stdout.write("Alle opgeslagen termijnen kloppen.")
            return
        aantal = termijnvelden.herberekenen()
        self.stdout.write(f"{aantal} dossier{'' if aantal == 1 else 's'} bijgewerkt.")

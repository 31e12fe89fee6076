"""`python manage.py rapportages_herberekenen`: rebuild the stored moment of every referral's last
report (regie.voortgang.rapportagemoment) from the five report tables, the sibling of
`termijnen_herberekenen`. Safe to run at any time; `--controleer` only reports the referrals whose
stored moment differs (exit status 1 when there are any)."""

from django.core.management.base import BaseCommand, CommandError

from regie.voortgang import rapportagemoment


class Command(BaseCommand):
    help = "Berekent per verwijzing het moment van de laatste rapportage van de aanbieder opnieuw."

    def add_arguments(self, parser):
        parser.add_argument("--controleer", action="store_true", help="Alleen controleren en niets wijzigen.")

    def handle(self, *args, controleer, **options):
        if controleer:
            fout = rapportagemoment.afwijkingen()
            for pk, opgeslagen, afgeleid in fout[:50]:
                self.stdout.write(
                    f"verwijzing {pk}: laatste rapportage is {opgeslagen}, moet {afgeleid} zijn"
                )
            if fout:
                raise CommandError(
                    f"{len(fout)} verwijzingen hebben een verkeerd moment van de laatste rapportage."
                )
            self.stdout.write("Alle momenten van de laatste rapportage kloppen.")
            return
        aantal = rapportagemoment.herberekenen()
        self.stdout.write(f"{aantal} verwijzing{'' if aantal == 1 else 'en'} bijgewerkt.")

"""`python manage.py rapportages_herberekenen`: rebuild what is stored per referral about its reports
(regie.voortgang.rapportagemoment: the last report, the last progress) from the report tables, the
sibling of `termijnen_herberekenen`. Safe to run at any time; `--controleer` only reports the
referrals whose stored values differ (exit status 1 when there are any)."""

from django.core.management.base import BaseCommand, CommandError

from regie.voortgang import rapportagemoment


class Command(BaseCommand):
    help = "Berekent per verwijzing de laatste rapportage en de laatste voortgang opnieuw."

    def add_arguments(self, parser):
        parser.add_argument("--controleer", action="store_true", help="Alleen controleren en niets wijzigen.")

    def handle(self, *args, controleer, **options):
        if controleer:
            fout = rapportagemoment.afwijkingen()
            for pk, veld, opgeslagen, afgeleid in fout[:50]:
                self.stdout.write(f"verwijzing {pk}: {veld} is {opgeslagen}, moet {afgeleid} zijn")
            if fout:
                raise CommandError(f"{len(fout)} opgeslagen waarden van verwijzingen wijken af.")
            self.stdout.write("De laatste rapportage en voortgang van alle verwijzingen kloppen.")
            return
        aantal = rapportagemoment.herberekenen()
        self.stdout.write(f"{aantal} verwijzing{'' if aantal == 1 else 'en'} bijgewerkt.")

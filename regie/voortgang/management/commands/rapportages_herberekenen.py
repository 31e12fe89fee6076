"""`python manage.py rapportages_herberekenen`: rebuild what is stored about the reports from the
report tables, the sibling of `termijnen_herberekenen`: per referral the last report and the last
progress (regie.voortgang.rapportagemoment), per case today's attendance window and its hours
(regie.voortgang.afwezigheid; run it each Monday, when the window moves on) and the oldest
unanswered referral (regie.trajecten.onbeantwoord). Safe to run at any
time; `--controleer` only reports the stored values that differ (exit status 1 when there are any)."""

from django.core.management.base import BaseCommand, CommandError

from regie.trajecten import onbeantwoord
from regie.voortgang import afwezigheid, rapportagemoment


class Command(BaseCommand):
    help = (
        "Berekent opnieuw wat over de rapportages is opgeslagen: per verwijzing de laatste rapportage en"
        " voortgang, per inburgeraar de aanwezigheid van deze week en de oudste onbeantwoorde verwijzing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--controleer", action="store_true", help="Alleen controleren en niets wijzigen.")

    def handle(self, *args, controleer, **options):
        if controleer:
            fout = [("verwijzing", *rij) for rij in rapportagemoment.afwijkingen()]
            fout += [("inburgeraar", *rij) for rij in afwezigheid.afwijkingen() + onbeantwoord.afwijkingen()]
            for soort, pk, veld, opgeslagen, afgeleid in fout[:50]:
                self.stdout.write(f"{soort} {pk}: {veld} is {opgeslagen}, moet {afgeleid} zijn")
            if fout:
                raise CommandError(f"{len(fout)} opgeslagen waarden wijken af.")
            self.stdout.write(
                "De laatste rapportage en voortgang van alle verwijzingen en de aanwezigheid en de oudste"
                " onbeantwoorde verwijzing van alle inburgeraars kloppen."
            )
            return
        aantal = rapportagemoment.herberekenen()
        personen = afwezigheid.herberekenen()
        onbeantwoord.herberekenen()
        self.stdout.write(
            f"{aantal} verwijzing{'' if aantal == 1 else 'en'} en {personen}"
            f" inburgeraar{'' if personen == 1 else 's'} bijgewerkt."
        )

"""`manage.py totp_code GEBRUIKERSNAAM`: the current log-in code of a demo user (demo only).

With REGIE_DEMO=1 only, so someone trying the demo can log in without an authenticator app.
Everywhere else the command refuses: the code belongs in the user's own app.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regie.accounts import tweestaps


class Command(BaseCommand):
    help = "Toont de huidige inlogcode (tweestapsverificatie) van een demo-account. Alleen met REGIE_DEMO=1."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van het demo-account.")

    def handle(self, *args, gebruikersnaam, **options):
        if not settings.DEMO:
            raise CommandError(
                "Dit kan alleen in de demo (REGIE_DEMO=1). Gebruik anders de authenticator-app van de medewerker."
            )
        try:
            user = get_user_model().objects.get(username=gebruikersnaam)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam '{gebruikersnaam}'.") from exc
        apparaat = tweestaps.bevestigde_apparaten(user).first()
        if apparaat is None:
            raise CommandError(
                f"'{gebruikersnaam}' heeft nog geen authenticator-app ingesteld. Log in en stel de app in,"
                " of vul de demo opnieuw met 'manage.py seed_demo'."
            )
        self.stdout.write(tweestaps.code_voor(apparaat))

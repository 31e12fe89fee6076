"""`manage.py totp_code GEBRUIKERSNAAM`: the current log-in code of a demo account (demo only).

With REGIE_DEMO=1 only, so someone trying the demo can log in without an authenticator app,
and only for a demo account: one whose device has the secret derived from its username
(`regie.demo.tweestaps`), so the code it prints was public already. A real user's code stays
in their own app, also when someone runs this against a real database (issue 9).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regie.accounts import tweestaps
from regie.demo.tweestaps import demo_totp_sleutel

logger = logging.getLogger("regie.demo")


class Command(BaseCommand):
    help = "Toont de huidige inlogcode (tweestapsverificatie) van een demo-account. Alleen met REGIE_DEMO=1."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van het demo-account.")

    def handle(self, *args, gebruikersnaam, **options):
        if not settings.DEMO:
            logger.warning("totp_code geweigerd voor %r: REGIE_DEMO staat niet aan.", gebruikersnaam)
            raise CommandError(
                "Dit kan alleen in de demo (REGIE_DEMO=1). Gebruik anders de authenticator-app van de medewerker."
            )
        try:
            user = get_user_model().objects.get(username=gebruikersnaam)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam '{gebruikersnaam}'.") from exc
        apparaten = tweestaps.bevestigde_apparaten(user)
        apparaat = apparaten.filter(key=demo_totp_sleutel(user.username)).first()
        if apparaat is None and apparaten.exists():
            logger.warning("totp_code geweigerd voor %r: geen demo-account.", gebruikersnaam)
            raise CommandError(
                f"'{gebruikersnaam}' is geen demo-account: de code staat alleen in de authenticator-app"
                " van de medewerker zelf. Er is geen code getoond."
            )
        if apparaat is None:
            raise CommandError(
                f"'{gebruikersnaam}' heeft nog geen authenticator-app ingesteld. Log in en stel de app in,"
                " of vul de demo opnieuw met 'manage.py seed_demo'."
            )
        self.stdout.write(tweestaps.code_voor(apparaat))

"""`manage.py create_api_token GEBRUIKERSNAAM [--naam NAAM]`: a new API token for a user.

Prints only the token, so a script can use it: `TOKEN=$(manage.py create_api_token ...)`.
Regie stores only a hash: the token cannot be shown again later; make a new one and revoke
the old one (`revoke_api_token`) instead. The API acts with that user's rights.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regie.accounts.tokens import maak_api_token


class Command(BaseCommand):
    help = "Maakt een nieuw API-token voor een medewerker en toont alleen het token."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van de medewerker.")
        parser.add_argument(
            "--naam",
            default="Gemaakt met create_api_token",
            help="Waar het token voor is (zichtbaar in Regie).",
        )

    def handle(self, *args, gebruikersnaam, naam, **options):
        try:
            user = get_user_model().objects.get(username=gebruikersnaam)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam '{gebruikersnaam}'.") from exc
        if not user.kan_inloggen:
            raise CommandError(f"Medewerker '{gebruikersnaam}' is niet actief en krijgt geen API-token.")
        if len(naam) > 100:
            raise CommandError("Gebruik voor --naam hoogstens 100 tekens.")
        _, sleutel = maak_api_token(user=user, naam=naam)
        self.stdout.write(sleutel)

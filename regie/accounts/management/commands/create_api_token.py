"""`manage.py create_api_token GEBRUIKERSNAAM`: the API token of a user, made when there is none.

Prints only the token, so a script can use it: `TOKEN=$(manage.py create_api_token ...)`.
The API acts with that user's rights: it sees the cases of the user's organisation only.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Toont het API-token van een medewerker en maakt het aan als het er nog niet is."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van de medewerker.")

    def handle(self, *args, gebruikersnaam, **options):
        try:
            user = get_user_model().objects.get(username=gebruikersnaam)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam '{gebruikersnaam}'.") from exc
        if not user.is_active:
            raise CommandError(f"Medewerker '{gebruikersnaam}' is niet actief en krijgt geen API-token.")
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)

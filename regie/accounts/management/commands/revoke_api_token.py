"""`manage.py revoke_api_token GEBRUIKERSNAAM (--prefix BEGIN | --alle)`: revoke API tokens.

A revoked token stops working at once (401) and stays visible, with its date, on the user's
token page. Use --prefix with the beginning of the token (shown on that page), or --alle.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regie.accounts.models import ApiToken
from regie.accounts.tokens import trek_in


class Command(BaseCommand):
    help = "Trekt API-tokens van een medewerker in: één token (--prefix) of alle tokens (--alle)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", help="De gebruikersnaam van de medewerker.")
        keuze = parser.add_mutually_exclusive_group(required=True)
        keuze.add_argument("--prefix", help="Het begin van het token, zoals Regie het toont (regie_…).")
        keuze.add_argument(
            "--alle", action="store_true", help="Trek alle actieve tokens van de medewerker in."
        )

    def handle(self, *args, gebruikersnaam, prefix, alle, **options):
        try:
            user = get_user_model().objects.get(username=gebruikersnaam)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam '{gebruikersnaam}'.") from exc
        actief = ApiToken.objects.filter(user=user, ingetrokken_op__isnull=True)
        if not alle:
            prefix = prefix.rstrip("…").strip()
            if not prefix:
                raise CommandError("Geef bij --prefix het begin van het token op.")
            actief = [t for t in actief if t.prefix.startswith(prefix) or prefix.startswith(t.prefix)]
            if not actief:
                raise CommandError(
                    f"Medewerker '{gebruikersnaam}' heeft geen actief token dat begint met '{prefix}'."
                )
            if len(actief) > 1:
                raise CommandError(
                    f"Meer dan één actief token begint met '{prefix}'. Geef een langer begin op, of gebruik --alle."
                )
        aantal = trek_in(list(actief))
        self.stdout.write(f"{aantal} token(s) van '{gebruikersnaam}' ingetrokken.")

"""How an API client proves who it is.

- `ApiTokenAuthenticatie`: the header `Authorization: Token <token>` with a personal token
  (regie.accounts.tokens). An unknown, revoked or expired token, or one of an inactive user, is
  refused with 401 and a Dutch message. Failed tokens are not counted by django-axes (that is
  for the log-in page): a token is 40 random characters, it cannot be guessed.
- `SessieMetTweeStapsAuthenticatie`: the browser's session (htmx, the schema pages), only once
  the user also did the second log-in step; a session with only a password counts as not
  logged in.
"""

import logging

from django.utils import timezone
from rest_framework import authentication, exceptions

from regie.accounts import tokens

logger = logging.getLogger(__name__)
SOORT = "Token"


class ApiTokenAuthenticatie(authentication.BaseAuthentication):
    keyword = SOORT

    def authenticate(self, request):
        delen = authentication.get_authorization_header(request).split()
        if not delen or delen[0].lower() != self.keyword.lower().encode():
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed(
                "Stuur het token als 'Authorization: Token <token>', met één spatie en zonder andere tekst."
            )
        try:
            sleutel = delen[1].decode()
        except UnicodeError as fout:
            raise exceptions.AuthenticationFailed("Het token bevat tekens die niet kunnen.") from fout
        token = tokens.zoek_token(sleutel)
        if token is None:
            logger.info("API: onbekend token geweigerd (%s)", request.META.get("REMOTE_ADDR"))
            raise exceptions.AuthenticationFailed(
                "Dit token is onbekend. Controleer het token, of maak een nieuw token in Regie."
            )
        if token.is_ingetrokken:
            logger.warning(
                "API: ingetrokken token %s… van %s gebruikt (%s)",
                token.prefix,
                token.user.username,
                request.META.get("REMOTE_ADDR"),
            )
            datum = timezone.localtime(token.ingetrokken_op)
            raise exceptions.AuthenticationFailed(
                f"Dit token is ingetrokken op {datum:%d-%m-%Y} om {datum:%H:%M}. Maak een nieuw token in Regie."
            )
        if token.is_verlopen:
            datum = timezone.localtime(token.verloopt_op)
            raise exceptions.AuthenticationFailed(
                f"Dit token is verlopen op {datum:%d-%m-%Y} om {datum:%H:%M}. Maak een nieuw token in Regie."
            )
        if not token.user.kan_inloggen:
            raise exceptions.AuthenticationFailed("De medewerker van dit token is niet actief.")
        tokens.gebruik_noteren(token)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class SessieMetTweeStapsAuthenticatie(authentication.SessionAuthentication):
    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is None:
            return None
        user = resultaat[0]
        verified = getattr(user, "is_verified", None)
        if verified is None or not verified():
            return None
        return resultaat

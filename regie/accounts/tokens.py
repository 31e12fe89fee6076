"""API tokens: made, found and revoked here, so the command, the page and the API agree.

A key is 40 random URL-safe characters after the fixed marker `regie_`. Only its SHA-256
hash is stored, with the first characters as a visible prefix. The key is shown once. A token
expires REGIE_API_TOKEN_GELDIG_DAGEN days (default 90) after it was made.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from regie.accounts.models import ApiToken, User

MARKER = "regie_"
PREFIX_LENGTE = len(MARKER) + 6
GEBRUIK_BIJWERKEN_NA = timedelta(minutes=1)


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def maak_api_token(*, user: User, naam: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`; returns the token and the key (the only time it is known)."""
    sleutel = MARKER + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user,
        naam=naam.strip(),
        prefix=sleutel[:PREFIX_LENGTE],
        sleutel_hash=sleutel_hash(sleutel),
        verloopt_op=timezone.now() + timedelta(days=settings.API_TOKEN_GELDIG_DAGEN),
    )
    return token, sleutel


def zoek_token(sleutel: str) -> ApiToken | None:
    """The token with this key, revoked, expired or not; None when the key is unknown."""
    if not sleutel:
        return None
    return ApiToken.objects.select_related("user").filter(sleutel_hash=sleutel_hash(sleutel)).first()


def gebruik_noteren(token: ApiToken) -> None:
    """Notes when the token was last used, at most once a minute (no write on every request)."""
    nu = timezone.now()
    if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op >= GEBRUIK_BIJWERKEN_NA:
        ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
        token.laatst_gebruikt_op = nu


@transaction.atomic
def trek_in(tokens) -> int:
    """Revokes the given tokens that are still active; returns how many were revoked."""
    ids = [t.pk for t in tokens if t.ingetrokken_op is None]
    return ApiToken.objects.filter(pk__in=ids, ingetrokken_op__isnull=True).update(
        ingetrokken_op=timezone.now()
    )

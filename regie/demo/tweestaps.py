"""Two-factor log-in for the demo accounts: a confirmed TOTP device with a fixed secret.

DEMO ONLY. The secret is derived from the username, so anyone who knows the username can
compute the codes: fine for the public demo log-ins, never for real users. Real users set up
their own authenticator app at their first log-in. `manage.py totp_code GEBRUIKERSNAAM` (with
REGIE_DEMO=1) prints a demo account's current code.
"""

import hashlib

from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.tweestaps import APPARAATNAAM


def demo_totp_sleutel(username: str) -> str:
    """20 bytes (hex) derived from the username: the same secret on every demo database."""
    return hashlib.sha1(f"regie-demo-totp:{username}".encode()).hexdigest()


def demo_tweestaps_instellen(gebruikers) -> int:
    """Gives each demo user without one a confirmed TOTP device; returns how many were made."""
    gemaakt = 0
    for user in gebruikers:
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            continue
        TOTPDevice.objects.create(
            user=user, name=APPARAATNAAM, key=demo_totp_sleutel(user.username), confirmed=True
        )
        gemaakt += 1
    return gemaakt

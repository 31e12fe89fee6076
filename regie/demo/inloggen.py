"""Demo accounts log in only in the demo (REGIE_DEMO=1), issue 9.

A demo account's password is printed by `seed_demo` and in README, and its log-in codes follow
from its username (`regie.demo.tweestaps`): anyone can log in with it. That is the point of the
demo and a hole anywhere else, for instance when a database that started as a demo is used for
real work. So outside the demo this backend, listed in AUTHENTICATION_BACKENDS before Django's
own, refuses:
- any user with a demo authenticator device (the code is public, whatever the password);
- the demo password in a database that holds the demo (a demo account whose device was reset).
Refusing (PermissionDenied) stops the log-in and counts as a failed attempt for django-axes.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.demo.models import Demomarkering
from regie.demo.tweestaps import demo_totp_sleutel

logger = logging.getLogger("regie.demo")

# The one password of every demo account (README, seed_demo's output). Here, not in the factories:
# this module is loaded on every installation, the factories (factory-boy, Faker) only in the demo.
DEMO_WACHTWOORD = "Regie-demo-2026!"
MELDING = (
    "Dit is een demo-account. Demo-accounts werken alleen in de demo, en deze installatie is geen"
    " demo. U bent niet ingelogd."
)


def is_demo_inlog(username: str, password: str | None) -> bool:
    """Whether these credentials are the demo's: a demo device, or the demo password in a demo database."""
    if TOTPDevice.objects.filter(user__username=username, key=demo_totp_sleutel(username)).exists():
        return True
    return password == DEMO_WACHTWOORD and Demomarkering.objects.exists()


class DemoAccountsAlleenInDeDemo:
    """Only refuses, never logs anyone in: no `get_user`, so Django never keeps it in a session
    (like django-axes' backend)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if settings.DEMO or not username or not is_demo_inlog(username, password):
            return None  # the other backends decide
        logger.warning("Inloggen met demo-account %r geweigerd: REGIE_DEMO staat niet aan.", username)
        if request is not None:
            messages.error(request, MELDING, fail_silently=True)
        raise PermissionDenied(MELDING)

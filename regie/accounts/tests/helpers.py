"""Helpers for the log-in tests: log in through the pages, as a browser does."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.tweestaps import code_voor
from regie.demo.factories import DEMO_WACHTWOORD


def apparaat_van(user) -> TOTPDevice:
    """A confirmed authenticator app for `user`, as after set-up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator-app", confirmed=True
    )


def code(apparaat: TOTPDevice) -> str:
    apparaat.refresh_from_db()
    return code_voor(apparaat)


def wachtwoord_stap(client, user, *, wachtwoord=DEMO_WACHTWOORD, next_url="", **extra):
    data = {"username": user.username, "password": wachtwoord}
    if next_url:
        data["next"] = next_url
    return client.post("/inloggen/", data, **extra)


def helemaal_inloggen(client, user):
    """Password and code, through the pages."""
    apparaat = apparaat_van(user)
    wachtwoord_stap(client, user)
    antwoord = client.post("/inloggen/code/", {"code": code(apparaat)})
    assert antwoord.status_code == 302, antwoord.content
    return antwoord

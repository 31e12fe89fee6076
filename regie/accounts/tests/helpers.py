"""Helpers for the log-in tests: log in through the pages, as a browser does."""

from html.parser import HTMLParser

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


class _Formulier(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.binnen = False
        self.data: dict[str, object] = {}
        self._select = None
        self._textarea = None

    def _zet(self, naam, waarde, meer=False):
        if meer or naam in self.data:
            bestaand = self.data.get(naam, [])
            self.data[naam] = [*([bestaand] if isinstance(bestaand, str) else bestaand), waarde]
        else:
            self.data[naam] = waarde

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.binnen = a.get("id") == self.form_id
        if not self.binnen:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self._zet(a["name"], a.get("value", "on" if a.get("type") == "checkbox" else ""))
        elif tag == "select":
            self._select = (a.get("name"), "multiple" in a)
        elif tag == "option" and self._select and "selected" in a:
            self._zet(self._select[0], a.get("value", ""), meer=self._select[1])
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.binnen = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def formulier_van(antwoord, form_id: str) -> dict:
    """The values a browser would send for the form `form_id` on this page, unchanged."""
    lezer = _Formulier(form_id)
    lezer.feed(antwoord.content.decode())
    return lezer.data

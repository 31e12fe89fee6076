"""Load test with Locust: logged-in consultants and team leads of the shared services clicking
through Regie at the same time, against a production server.

    uv sync --group bench
    export REGIE_DEMO=1 REGIE_DEBUG=0 REGIE_DATABASE_URL=postgres://...   # the national data
    uv run gunicorn regie.wsgi -w 2 -b 127.0.0.1:8300 --timeout 120 &
    uv run locust -f bench/last.py --host http://127.0.0.1:8300 --headless -u 16 -r 4 -t 3m

Every simulated user logs in through the real log-in pages (password, then the TOTP code of its
demo secret: the national data's accounts have the demo password and a demo authenticator), once,
as its own account: a code is accepted once, so two users never share one. The users and their
cases are read from the same database at the start (Django, read only).

Mix (assumption: a consultant's day): the worklist, opening a case and its tabs, the timeline;
a team lead looks at the team view, filters it and at the DUO notices. Measured results:
bench/README.md.
"""

import os
import re
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TABS = ("", "intake/", "pip/", "traject/", "voortgang/", "termijnen/", "tijdlijn/")


def _accounts() -> tuple[list[dict], list[dict]]:
    """Consultants of the shared services with their active cases, and the team leads."""
    import django

    django.setup()
    from regie.accounts.models import Rol, User
    from regie.demo.tweestaps import demo_totp_sleutel

    diensten = User.objects.filter(organisatie__naam__endswith="e.o.").order_by("id")
    consulenten = [
        {
            "username": u.username,
            "sleutel": demo_totp_sleutel(u.username),
            "casussen": [
                str(c) for c in u.dossiers.filter(status="in_uitvoering").values_list("uuid", flat=True)[:60]
            ],
        }
        for u in diensten.filter(rol=Rol.CONSULENT)[:64]
    ]
    teamleiders = [
        {
            "username": u.username,
            "sleutel": demo_totp_sleutel(u.username),
            "gemeenten": [g for g in u.organisatie.gemeenten.values_list("id", flat=True)],
        }
        for u in diensten.filter(rol=Rol.TEAMLEIDER)[:16]
    ]
    return [c for c in consulenten if c["casussen"]], teamleiders


CONSULENTEN, TEAMLEIDERS = _accounts()


def _code(sleutel: str) -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(sleutel)):06d}"


class _Medewerker(HttpUser):
    abstract = True
    wait_time = between(1, 4)  # reading a page before the next click
    voorraad: list[dict] = []

    def on_start(self):
        self.account = self.voorraad.pop()
        from regie.demo.factories import DEMO_WACHTWOORD

        pagina = self.client.get("/inloggen/", name="inloggen")
        self.client.post(
            "/inloggen/",
            {
                "csrfmiddlewaretoken": CSRF.search(pagina.text)[1],
                "username": self.account["username"],
                "password": DEMO_WACHTWOORD,
            },
            name="inloggen",
        )
        pagina = self.client.get("/inloggen/code/", name="inloggen code")
        self.client.post(
            "/inloggen/code/",
            {"csrfmiddlewaretoken": CSRF.search(pagina.text)[1], "code": _code(self.account["sleutel"])},
            name="inloggen code",
        )


class Consulent(_Medewerker):
    weight = 3
    voorraad = CONSULENTEN

    @task(4)
    def werkvoorraad(self):
        self.client.get("/werkvoorraad/", name="werkvoorraad")

    @task(4)
    def dossier(self):
        uuid = self.account["casussen"][self._volgend() % len(self.account["casussen"])]
        for tab in TABS[: 1 + self._volgend() % len(TABS)]:
            self.client.get(f"/inburgeraars/{uuid}/{tab}", name=f"dossier {tab or 'overzicht'}")

    @task(1)
    def duo_meldingen(self):
        self.client.get("/duo-meldingen/", name="duo-meldingen")

    def _volgend(self) -> int:
        self.teller = getattr(self, "teller", 0) + 7
        return self.teller


class Teamleider(_Medewerker):
    weight = 1
    voorraad = TEAMLEIDERS

    @task(3)
    def team(self):
        self.client.get("/werkvoorraad/team/", name="team")

    @task(2)
    def team_gefilterd(self):
        gemeente = self.account["gemeenten"][0]
        self.client.get(
            f"/werkvoorraad/team/?status=in_uitvoering&gemeente={gemeente}&pagina=2", name="team gefilterd"
        )

    @task(1)
    def duo_meldingen(self):
        self.client.get("/duo-meldingen/", name="duo-meldingen")

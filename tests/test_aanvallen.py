"""Attacks on Regie as an attacker would try them (issue 9): each test asserts that nothing changed and that the attempt was logged."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django_otp.oath import TOTP

from regie.accounts.models import Rol, User
from regie.demo.factories import DEMO_WACHTWOORD, InburgeraarFactory, UserFactory
from regie.demo.tweestaps import demo_totp_sleutel

ROOT = Path(__file__).resolve().parents[1]


def inhoud() -> dict:
    """Every row of every table, except the log-in attempts django-axes records (the log) and
    the sessions: what an attack must leave as it was."""
    return {
        model._meta.label: sorted(model._base_manager.values_list(), key=repr)
        for model in apps.get_models()
        if model._meta.app_label != "axes" and model is not Session
    }


def manage(*argumenten) -> tuple[int, str, str]:
    """`manage.py ...` in this process (and its test database): the exit code the command line
    gives (a CommandError's returncode), standard output and the error message."""
    uit = StringIO()
    try:
        call_command(*argumenten, stdout=uit)
    except CommandError as exc:
        return exc.returncode, uit.getvalue(), str(exc)
    return 0, uit.getvalue(), ""


class TestDemoTegenProductie:
    """The demo's tools, accounts and settings against an installation that is not a demo."""

    @pytest.fixture
    def productie(self, dronten):
        """A database in real use: a staff member and one real case (a BSN outside the demo's range)."""
        medewerker = UserFactory(username="j.devries", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
        return InburgeraarFactory(gemeente=dronten, consulent=medewerker)

    @pytest.mark.parametrize("optie", [[], ["--flush"], ["--if-empty"]])
    def test_seed_demo_op_een_database_met_een_echt_dossier(self, productie, settings, caplog, optie):
        settings.DEMO = True  # the attacker even has REGIE_DEMO=1 in the environment
        voor = inhoud()
        code, uit, fout = manage("seed_demo", "--scale", "0.03", *optie)
        assert code != 0 and uit == ""
        assert "Deze database bevat gegevens die de demo niet heeft gemaakt" in fout
        assert "Er is niets veranderd" in fout
        assert inhoud() == voor
        assert "seed_demo geweigerd: de database bevat gegevens die niet van de demo zijn" in caplog.text

    def test_seed_demo_zonder_regie_demo(self, db, settings, caplog):
        settings.DEMO = False
        voor = inhoud()
        code, _, fout = manage("seed_demo", "--scale", "0.03")
        assert code != 0 and "seed_demo werkt alleen in de demo (REGIE_DEMO=1)" in fout
        assert inhoud() == voor and not User.objects.exists()
        assert "seed_demo geweigerd: REGIE_DEMO staat niet aan" in caplog.text

    def test_totp_code_zonder_regie_demo_en_van_een_echte_medewerker(self, productie, settings, caplog):
        from regie.accounts.tests.helpers import apparaat_van

        apparaat_van(productie.consulent)  # the real staff member's own authenticator app
        settings.DEMO = False
        voor = inhoud()
        code, uit, fout = manage("totp_code", "j.devries")
        assert code != 0 and uit == "" and "Dit kan alleen in de demo (REGIE_DEMO=1)" in fout
        settings.DEMO = True  # and with REGIE_DEMO=1 against the real database
        code, uit, fout = manage("totp_code", "j.devries")
        assert code != 0 and uit == "" and "'j.devries' is geen demo-account" in fout
        assert inhoud() == voor
        assert "totp_code geweigerd voor 'j.devries': REGIE_DEMO staat niet aan" in caplog.text
        assert "totp_code geweigerd voor 'j.devries': geen demo-account" in caplog.text

    def test_demo_wachtwoord_en_code_op_een_installatie_zonder_demo(
        self, transactional_db, client, settings, caplog
    ):
        """A database that started as the demo now runs without REGIE_DEMO. The attacker takes the
        password from README and computes the log-in code from the username."""
        settings.DEMO = True
        call_command("seed_demo", "--seed", "1", "--scale", "0.03", stdout=StringIO())
        settings.DEMO = False
        gebruiker = User.objects.get(username="teamleider.dronten")
        voor = inhoud()
        antwoord = client.post("/inloggen/", {"username": gebruiker.username, "password": DEMO_WACHTWOORD})
        assert antwoord.status_code == 200
        assert "Dit is een demo-account. Demo-accounts werken alleen in de demo" in antwoord.content.decode()
        code = f"{TOTP(bytes.fromhex(demo_totp_sleutel(gebruiker.username))).token():06d}"
        antwoord = client.post("/inloggen/code/", {"code": code})
        assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/?")
        assert client.get("/werkvoorraad/").status_code == 302
        assert "_auth_user_id" not in client.session
        assert inhoud() == voor  # no log-in (last_login unchanged), no device used
        assert AccessAttempt.objects.get(username=gebruiker.username).failures_since_start == 1
        assert "Inloggen met demo-account 'teamleider.dronten' geweigerd" in caplog.text

    @pytest.mark.parametrize(
        "modus", [{"REGIE_DEMO": "1"}, {"REGIE_DEBUG": "1", "REGIE_SECRET_KEY": "x" * 50}]
    )
    def test_demo_of_debug_op_een_publiek_adres(self, modus):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("REGIE_", "DJANGO_"))}
        env.update(modus, REGIE_ALLOWED_HOSTS="regie.example.nl", DJANGO_SETTINGS_MODULE="regie.settings")
        uitvoer = subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert uitvoer.returncode != 0 and uitvoer.stdout == ""
        assert "Regie start niet. De demo-, debug- of testmodus staat aan" in uitvoer.stderr
        assert "REGIE_ALLOWED_HOSTS noemt ook regie.example.nl" in uitvoer.stderr

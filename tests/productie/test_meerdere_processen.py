"""Two app processes (gunicorn, as in production) and two task workers on one PostgreSQL
database: every task runs exactly once, and a session made on one app process works on the other.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils.html import escape
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from regie.monitoring.tests.taken import TABEL, noteer
from tests.productie.conftest import database_url

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

AANTAL_TAKEN = 200
WACHTEN = 90  # seconds at most for each step or request: a loaded machine is slow, a hang must still end
WACHTWOORD = "Twee-processen-2026!"
METRICS_TOKEN = "metrics-in-de-test"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht_tot(voorwaarde, wat: str, processen) -> None:
    einde = time.monotonic() + WACHTEN
    while time.monotonic() < einde:
        if voorwaarde():
            return
        for proces in processen:
            assert proces.poll() is None, f"{proces.args} stopte terwijl we wachtten op: {wat}"
        time.sleep(0.2)
    raise AssertionError(f"Niet binnen {WACHTEN} s: {wat}")


def _antwoordt(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture
def uitvoering_tabel():
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {TABEL} (nummer integer NOT NULL, pid integer NOT NULL)")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {TABEL}")


@pytest.fixture
def processen(tmp_path, uitvoering_tabel):
    """Two gunicorn masters (one worker each, on free ports) and two db_workers, all on the test
    database. Stopped with SIGTERM, as an orchestrator does."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regie.settings_test",
        "REGIE_DATABASE_URL": database_url(),
        "REGIE_ALLOWED_HOSTS": "127.0.0.1",
        "REGIE_SECURE_COOKIES": "0",  # plain HTTP between the test and the processes
        "REGIE_METRICS_TOKEN": METRICS_TOKEN,
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    poorten = [_vrije_poort(), _vrije_poort()]
    gestart = []

    def start(naam, argumenten):
        log = (tmp_path / f"{naam}.log").open("w")
        gestart.append(
            subprocess.Popen(argumenten, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        )

    try:
        for nummer, poort in enumerate(poorten, 1):
            start(
                f"app{nummer}",
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
                + ["--bind", f"127.0.0.1:{poort}", "--workers", "1", "regie.wsgi:application"],
            )
        for nummer in (1, 2):
            start(
                f"worker{nummer}",
                [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.1"]
                + ["--no-reload", "--no-startup-delay", "--worker-id", f"worker{nummer}"],
            )
        apps = [f"http://127.0.0.1:{poort}" for poort in poorten]
        _wacht_tot(
            lambda: all(_antwoordt(f"{app}/gezondheid/klaar") for app in apps), "beide apps klaar", gestart
        )
        _wacht_tot(
            lambda: all("Starting worker" in (tmp_path / f"worker{n}.log").read_text() for n in (1, 2)),
            "beide workers gestart",
            gestart,
        )
        yield apps
    finally:
        for proces in gestart:
            proces.send_signal(signal.SIGTERM)
        for proces in gestart:
            try:
                proces.wait(timeout=WACHTEN)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


def test_twee_apps_en_twee_workers_op_een_database(processen, consulent):
    """One test, so the four processes start once (also when pytest-xdist spreads tests)."""
    _elke_taak_draait_precies_een_keer()
    _een_sessie_van_de_ene_app_werkt_op_de_andere(*processen, consulent)
    _metrics_tellen_over_de_gunicorn_processen_heen(processen[0])


def _elke_taak_draait_precies_een_keer():
    with transaction.atomic():  # all at once, so both workers find work waiting
        for nummer in range(AANTAL_TAKEN):
            noteer.enqueue(nummer)

    def alles_klaar():
        return not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists()

    _wacht_tot(alles_klaar, f"{AANTAL_TAKEN} taken afgerond", [])
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nummer, count(*) FROM {TABEL} GROUP BY nummer")  # noqa: S608
        keer = dict(cursor.fetchall())
        cursor.execute(f"SELECT count(DISTINCT pid) FROM {TABEL}")  # noqa: S608
        (aantal_processen,) = cursor.fetchone()
    assert keer == dict.fromkeys(range(AANTAL_TAKEN), 1)
    # Both workers took part: otherwise the test would show nothing about running side by side.
    assert aantal_processen == 2
    assert {w for ids in DBTaskResult.objects.values_list("worker_ids", flat=True) for w in ids} == {
        "worker1",
        "worker2",
    }


def _formulier(opener, url: str, velden: dict) -> str:
    """GET the page, POST the form with its CSRF token; the final address after redirects."""
    pagina = opener.open(url, timeout=WACHTEN).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **velden}).encode()
    return opener.open(url, data=data, timeout=WACHTEN).geturl()


def _een_sessie_van_de_ene_app_werkt_op_de_andere(app1, app2, consulent):
    consulent.set_password(WACHTWOORD)
    consulent.save()
    apparaat = TOTPDevice.objects.create(user=consulent, name="Telefoon", confirmed=True)
    koekjes = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(koekjes))

    na_wachtwoord = _formulier(
        browser, f"{app1}/inloggen/", {"username": consulent.username, "password": WACHTWOORD}
    )
    assert urllib.parse.urlparse(na_wachtwoord).path == "/inloggen/code/"
    code = f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"
    na_code = _formulier(browser, f"{app1}/inloggen/code/", {"code": code})
    assert urllib.parse.urlparse(na_code).path == "/werkvoorraad/"

    # The same cookies on the other process: logged in there too (the session is in the database).
    antwoord = browser.open(f"{app2}/werkvoorraad/", timeout=WACHTEN)
    assert antwoord.status == 200
    assert urllib.parse.urlparse(antwoord.geturl()).path == "/werkvoorraad/"
    assert escape(str(consulent)) in antwoord.read().decode()  # the name in the page header, HTML-escaped

    # Without the session the other process sends one to the log-in page: the cookie did it.
    zonder = urllib.request.urlopen(f"{app2}/werkvoorraad/", timeout=WACHTEN)
    assert urllib.parse.urlparse(zonder.geturl()).path == "/inloggen/"


def _metrics_tellen_over_de_gunicorn_processen_heen(app1):
    """gunicorn's multiprocess directory (deploy/gunicorn.conf.py): a scrape sees the requests."""
    for _ in range(3):
        urllib.request.urlopen(f"{app1}/inloggen/", timeout=WACHTEN)
    verzoek = urllib.request.Request(f"{app1}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    tekst = urllib.request.urlopen(verzoek, timeout=WACHTEN).read().decode()
    gevonden = re.search(r'regie_http_requests_total\{[^}]*view="accounts:login"[^}]*\} (\S+)', tekst)
    assert gevonden and float(gevonden.group(1)) >= 3
    assert "# TYPE regie_taken gauge" in tekst

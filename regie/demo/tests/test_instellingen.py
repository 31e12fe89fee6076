"""Demo, debug and test mode only on one's own computer, and the built-in secret key only in the
demo (issue 9). The settings are imported in a separate process with the environment set, as
Regie starts."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def instellingen(**omgeving) -> tuple[dict | None, str]:
    """(SECRET_KEY and ALLOWED_HOSTS, or None when Regie does not start; the error) with only
    these REGIE_ variables set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REGIE_", "DJANGO_"))}
    env.update(omgeving)
    code = (
        "import json, regie.settings as s; "
        "print(json.dumps({'SECRET_KEY': s.SECRET_KEY, 'ALLOWED_HOSTS': s.ALLOWED_HOSTS}))"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    return (json.loads(uit.stdout) if uit.returncode == 0 else None), uit.stderr


@pytest.mark.parametrize(
    "modus",
    [
        {"REGIE_DEMO": "1"},
        {"REGIE_DEBUG": "1", "REGIE_SECRET_KEY": "een-echte-sleutel"},
        {"REGIE_TESTING": "1", "REGIE_SECRET_KEY": "een-echte-sleutel"},
    ],
)
@pytest.mark.parametrize(
    "hosts", ["regie.example.nl", "localhost,regie.example.nl", "*", "0.0.0.0", "10.0.0.5"]
)
def test_demo_debug_en_testmodus_weigeren_een_adres_buiten_deze_computer(modus, hosts):
    waarden, fout = instellingen(**modus, REGIE_ALLOWED_HOSTS=hosts)
    assert waarden is None
    assert "ImproperlyConfigured: Regie start niet. De demo-, debug- of testmodus staat aan" in fout
    assert "REGIE_ALLOWED_HOSTS noemt ook" in fout and hosts.split(",")[-1] in fout


def test_lokale_adressen_mogen():
    hosts = "localhost,127.0.0.1,::1,[::1],127.0.0.2,.localhost,regie.localhost,testserver"
    waarden, fout = instellingen(REGIE_DEMO="1", REGIE_ALLOWED_HOSTS=hosts)
    assert waarden is not None, fout
    assert waarden["ALLOWED_HOSTS"] == hosts.split(",")


def test_productie_mag_een_publiek_adres():
    waarden, fout = instellingen(REGIE_SECRET_KEY="een-echte-sleutel", REGIE_ALLOWED_HOSTS="regie.example.nl")
    assert waarden == {"SECRET_KEY": "een-echte-sleutel", "ALLOWED_HOSTS": ["regie.example.nl"]}, fout


def test_ingebouwde_sleutel_alleen_in_de_demo():
    waarden, _ = instellingen(REGIE_DEMO="1")
    assert waarden["SECRET_KEY"] == "regie-demo-only-not-secret"
    assert waarden["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]
    for modus in ({"REGIE_DEBUG": "1"}, {"REGIE_TESTING": "1"}, {}):
        waarden, fout = instellingen(**modus)
        assert waarden is None, modus
        assert "Zet REGIE_SECRET_KEY: zonder geheime sleutel start Regie niet." in fout

"""Production installs without the demo group (pyproject: factory-boy and Faker): the app, its
URLs and Django's checks must load without them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ZONDER_DEMO = """
import importlib.abc, sys

class Blokkeer(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("factory", "faker"):
            raise ImportError(name + " hoort bij de demo-groep")

sys.meta_path.insert(0, Blokkeer())
import django
django.setup()
from django.core.management import call_command
from django.urls import get_resolver
get_resolver().url_patterns
import regie.wsgi
call_command("check")
"""


def test_de_app_laadt_zonder_de_demo_afhankelijkheden():
    resultaat = subprocess.run(
        [sys.executable, "-c", ZONDER_DEMO],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "regie.settings_test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr[-2000:]

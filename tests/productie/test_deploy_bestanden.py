"""The deployment files in deploy/ hold together: the compose file runs two apps, two workers and
PostgreSQL from one image, the image runs as a user without rights, the Helm chart probes the
health endpoints that exist, and gunicorn accepts its config."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def test_compose_draait_twee_apps_twee_workers_en_postgresql():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    diensten = compose["services"]
    assert {"db", "migreren", "app-1", "app-2", "worker-1", "worker-2", "proxy"} <= set(diensten)
    regie = [diensten[naam] for naam in ("migreren", "app-1", "app-2", "worker-1", "worker-2")]
    assert len({dienst["image"] for dienst in regie}) == 1
    for naam in ("worker-1", "worker-2"):
        assert diensten[naam]["command"][:3] == ["python", "manage.py", "db_worker"]
    for naam in ("app-1", "app-2", "worker-1", "worker-2"):
        assert diensten[naam]["depends_on"]["migreren"]["condition"] == "service_completed_successfully"
        assert diensten[naam]["read_only"] is True
    for naam in ("app-1", "app-2"):
        assert "/gezondheid/klaar" in " ".join(diensten[naam]["healthcheck"]["test"])
    assert diensten["migreren"]["command"][:3] == ["python", "manage.py", "migrate"]
    assert "/postgres:15" in diensten["db"]["image"]
    upstream = re.findall(r"server (app-\d):8000;", (DEPLOY / "nginx.conf").read_text())
    assert upstream == ["app-1", "app-2"]


def test_image_draait_niet_als_root_en_heeft_de_statische_bestanden():
    containerfile = (DEPLOY / "Containerfile").read_text()
    gebruiker = re.findall(r"^USER (\S+)", containerfile, re.MULTILINE)[-1]
    assert gebruiker.split(":")[0] not in {"0", "root"}
    assert "collectstatic --no-input" in containerfile
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "regie.wsgi:application"]' in containerfile


def test_helm_chart_gebruikt_de_gezondheidsadressen_en_geen_root(client):
    chart = DEPLOY / "helm" / "regie"
    waarden = yaml.safe_load((chart / "values.yaml").read_text())
    assert waarden["securityContext"]["runAsNonRoot"] is True
    assert waarden["securityContext"]["readOnlyRootFilesystem"] is True
    deployment = (chart / "templates" / "deployment.yaml").read_text()
    paden = re.findall(r"path: (/gezondheid/\w+)", deployment)
    assert paden == ["/gezondheid/live", "/gezondheid/klaar"]
    assert client.get(paden[0]).status_code == 200


def test_gunicorn_accepteert_de_config():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "regie.settings_test"}
    uitvoer = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--check-config",
            "-c",
            "deploy/gunicorn.conf.py",
            "regie.wsgi:application",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert uitvoer.returncode == 0, uitvoer.stdout + uitvoer.stderr

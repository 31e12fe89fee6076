"""gunicorn for Regie: `gunicorn -c deploy/gunicorn.conf.py regie.wsgi:application`.

Every value can be set from the environment (docs/productie.md lists them); the defaults fit a
container with one to two CPUs behind a reverse proxy that ends TLS.
"""

import os
import shutil
import tempfile
from pathlib import Path

bind = os.environ.get("REGIE_BIND", "0.0.0.0:8000")
# Sync workers: Regie's views are short and talk to the database; more workers, not threads,
# keep one slow request (a PDF letter) from holding up others.
workers = int(os.environ.get("REGIE_GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("REGIE_GUNICORN_TIMEOUT", "60"))
# On SIGTERM (a rolling update) finish what is running, for at most this long.
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (plus a random part, so not all at once): a slow
# leak never grows without end.
max_requests = 1000
max_requests_jitter = 100
# gunicorn's control socket (for gunicornc) is not used; without it nothing is written to $HOME,
# which is read-only in the image.
control_socket_disable = True
# The heartbeat file of each worker: in memory, not on a container's (slow, maybe read-only) disk.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# The access log on standard output, with the trace id Regie gave the request (X-Request-ID);
# one JSON object per line when REGIE_LOG_FORMAAT=json. No query string and no client headers:
# they may hold personal data.
accesslog = "-"
if os.environ.get("REGIE_LOG_FORMAAT") == "json":
    access_log_format = (
        '{"tijd": "%(t)s", "logger": "gunicorn.access", "methode": "%(m)s", "pad": "%(U)s", '
        '"status": %(s)s, "bytes": "%(B)s", "duur_ms": %(M)s, "trace_id": "%({x-request-id}o)s"}'
    )
else:
    access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms trace=%({x-request-id}o)s'

# /metrics adds up all workers' figures: prometheus-client keeps them in files in this directory.
# It must be set before the app is loaded (here, in the master), and be empty at the start.
_metrics_map = os.environ.setdefault(
    "PROMETHEUS_MULTIPROC_DIR", str(Path(tempfile.gettempdir()) / f"regie-metrics-{os.getpid()}")
)


def on_starting(server):
    shutil.rmtree(_metrics_map, ignore_errors=True)
    Path(_metrics_map).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)

"""A tiny scripted HTTP(S) server for the DUO client's tests: it records every request and answers
with the next scripted answer (status, headers, body). With `ssl_context` it speaks TLS, and can
demand a client certificate (mutual TLS)."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Verzoek:
    methode: str
    pad: str
    headers: dict
    body: object
    client_cert: dict | None = None


@dataclass
class Antwoord:
    status: int = 200
    body: object = None
    headers: dict = field(default_factory=lambda: {"API-Version": "1.0.0"})
    vertraging: float = 0.0


class NepDuo:
    def __init__(self, ssl_context=None):
        self.verzoeken: list[Verzoek] = []
        self.antwoorden: list[Antwoord] = []
        self.standaard = Antwoord()
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _behandel(self):
                lengte = int(self.headers.get("Content-Length") or 0)
                ruw = self.rfile.read(lengte) if lengte else b""
                cert = self.connection.getpeercert() if hasattr(self.connection, "getpeercert") else None
                nep.verzoeken.append(
                    Verzoek(
                        self.command,
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        json.loads(ruw) if ruw else None,
                        cert,
                    )
                )
                antwoord = nep.antwoorden.pop(0) if nep.antwoorden else nep.standaard
                if antwoord.vertraging:
                    time.sleep(antwoord.vertraging)
                inhoud = b"" if antwoord.body is None else json.dumps(antwoord.body).encode()
                self.send_response(antwoord.status)
                for naam, waarde in antwoord.headers.items():
                    self.send_header(naam, waarde)
                if inhoud:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                self.wfile.write(inhoud)

            do_GET = do_POST = do_PUT = do_DELETE = _behandel

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if ssl_context is not None:
            self.server.socket = ssl_context.wrap_socket(self.server.socket, server_side=True)
        self.schema = "https" if ssl_context is not None else "http"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host = "localhost" if self.schema == "https" else "127.0.0.1"
        return f"{self.schema}://{host}:{self.server.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

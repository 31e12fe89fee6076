"""A small threaded WSGI server for the simulator, optionally with TLS that requires a client
certificate (mutual TLS as Digikoppeling asks)."""

from __future__ import annotations

import logging
import re
import socket
import ssl
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

log = logging.getLogger("duo_simulator")


class _Handler(WSGIRequestHandler):
    def get_environ(self):
        environ = super().get_environ()
        if isinstance(self.connection, ssl.SSLSocket):
            certificaat = self.connection.getpeercert() or {}
            for rdn in certificaat.get("subject", ()):
                for sleutel, waarde in rdn:
                    # PKIoverheid: the OIN is the subject's serialNumber
                    if sleutel == "serialNumber" and len(waarde) == 20 and waarde.isdigit():
                        environ["duo_simulator.certificaat_oin"] = waarde
        return environ

    def log_message(self, format, *args):  # noqa: A002 - wsgiref's signature
        # DUO's paths carry the BSN (/personen/{bsn}/...): a log line shows only its last three digits.
        regel = re.sub(r"\b\d{6}(\d{3})\b", r"******\1", format % args)
        log.info("%s %s", self.address_string(), regel)


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    tls: ssl.SSLContext | None = None

    def handle_error(self, request, client_address):
        # a client that gave up (time-out test) is not an error worth a traceback
        log.info("Verbinding met %s afgebroken", client_address)

    def process_request_thread(self, request, client_address):
        # the TLS handshake in the request's own thread, so a slow client blocks no one else
        if self.tls is not None:
            try:
                request.settimeout(30)
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError) as fout:
                log.info("TLS-handshake met %s mislukt: %s", client_address, fout)
                self.shutdown_request(request)
                return
        super().process_request_thread(request, client_address)


def tls_context(cert: str, key: str, ca: str | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    if ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(ca)
    return context


def maak_server(app, host: str = "127.0.0.1", port: int = 8001, tls: ssl.SSLContext | None = None) -> _Server:
    server = make_server(host, port, app, server_class=_Server, handler_class=_Handler)
    server.tls = tls
    return server


def start_in_thread(app, host: str = "127.0.0.1", port: int = 0, tls: ssl.SSLContext | None = None):
    """Start the server on a background thread; returns (server, base URL without /v1)."""
    server = maak_server(app, host, port, tls)
    draad = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="duo-simulator", daemon=True
    )
    draad.start()
    schema = "https" if tls else "http"
    return server, f"{schema}://{host}:{server.server_port}"


def vrije_poort(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]

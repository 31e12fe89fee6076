"""A small threaded WSGI server for the simulator, optionally with TLS that requires a client
certificate (mutual TLS as Digikoppeling asks)."""

from __future__ import annotations

import logging
import re
import socket
import ssl
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer, make_server

log = logging.getLogger("duo_simulator")


class _ServerHandler(ServerHandler):
    http_version = "1.1"

    def cleanup_headers(self):
        super().cleanup_headers()
        verzoek = self.request_handler
        if "Content-Length" not in self.headers:  # the end of the answer is the end of the connection
            verzoek.close_connection = True
        if verzoek.close_connection:
            self.headers["Connection"] = "close"


class _Handler(WSGIRequestHandler):
    # HTTP/1.1 with keep-alive: a client that keeps its connection (Regie's DuoClient, one
    # requests.Session per process) sends its next look-up over the same connection, instead of a new
    # TCP connection and a new server thread per request (wsgiref answers one request, HTTP/1.0).
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle kept-alive connection is closed after this many seconds
    # wsgiref writes the headers and the body in separate sends: on a kept-alive connection Nagle's
    # algorithm would hold the body back until the client's delayed ACK (about 40 ms per request).
    disable_nagle_algorithm = True

    def handle(self):
        self.close_connection = True
        self._een_verzoek()
        while not self.close_connection:
            self._een_verzoek()

    def _een_verzoek(self):
        """wsgiref's WSGIRequestHandler.handle for one request on a possibly kept-alive connection."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except (TimeoutError, OSError):
            self.close_connection = True
            return
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            self.close_connection = True
            return
        if not self.parse_request():  # an error was sent
            self.close_connection = True
            return
        # Keep-alive only for requests without a body (the look-ups): a body the application did not
        # read to the end can then never be taken for the start of the next request.
        if self.headers.get("Content-Length", "0").strip() not in ("", "0") or self.headers.get(
            "Transfer-Encoding"
        ):
            self.close_connection = True
        handler = _ServerHandler(
            self.rfile, self.wfile, self.get_stderr(), self.get_environ(), multithread=True
        )
        handler.request_handler = self  # backpointer for logging
        handler.run(self.server.get_app())
        if self.close_connection:
            return
        self.wfile.flush()

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

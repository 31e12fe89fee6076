"""The simulator's HTTP server: kept-alive connections for look-ups (HTTP/1.1)."""

import http.client
import json
import uuid
from urllib.parse import urlsplit

from regie.demo.organisaties import demo_oin

BSN = "999990019"


def _kop(settings) -> dict:
    return {"bron": demo_oin("0303"), "doel": settings.DUO_OIN, "berichtId": str(uuid.uuid4())}


def test_twee_opvragingen_over_een_verbinding(duo_simulator, settings):
    duo_simulator.persoon_toevoegen(BSN)
    adres = urlsplit(duo_simulator.basis)
    verbinding = http.client.HTTPConnection(adres.hostname, adres.port, timeout=5)
    try:
        for _ in range(2):
            verbinding.request("GET", f"/v1/personen/{BSN}/inburgeringsplicht", headers=_kop(settings))
            antwoord = verbinding.getresponse()
            body = antwoord.read()
            assert antwoord.status == 200, body
            assert antwoord.version == 11
            assert not antwoord.will_close  # the connection stays open for the next request
        sock = verbinding.sock
        verbinding.request("GET", f"/v1/personen/{BSN}/inburgeringsplicht", headers=_kop(settings))
        assert verbinding.getresponse().status == 200
        assert verbinding.sock is sock  # the same TCP connection, not a new one
    finally:
        verbinding.close()


def test_verzoek_met_body_sluit_de_verbinding(duo_simulator, settings):
    adres = urlsplit(duo_simulator.basis)
    verbinding = http.client.HTTPConnection(adres.hostname, adres.port, timeout=5)
    try:
        verbinding.request(
            "POST",
            "/v1/onbekend",
            body=json.dumps({"a": 1}),
            headers={**_kop(settings), "Content-Type": "application/json"},
        )
        antwoord = verbinding.getresponse()
        antwoord.read()
        assert antwoord.status == 404
        assert antwoord.getheader("Connection") == "close"
        assert antwoord.will_close
    finally:
        verbinding.close()

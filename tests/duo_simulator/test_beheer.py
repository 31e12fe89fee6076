"""The simulator's control side: events and notifications, failure injection, persistence,
TLS with client certificates, the command line and the demo mode."""

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO
from pathlib import Path

import pytest
import requests

from duo_simulator import Simulator, Toestand
from duo_simulator.__main__ import argumenten, demo_stap
from duo_simulator.gebeurtenissen import CODES, HANDTEKENING_HEADER, TIJDSTIP_HEADER
from duo_simulator.gegevens import DUO_OIN, gemeente_oin, nieuwe_persoon
from duo_simulator.server import start_in_thread, tls_context, vrije_poort
from regie.duo import specificaties
from regie.duo.inkomend.ontvangst import onderteken

BSN = "999990019"
VANDAAG = date.today()
ROOT = Path(__file__).resolve().parents[2]


def d(dagen: int) -> str:
    return (VANDAAG + timedelta(days=dagen)).isoformat()


def wsgi(sim, methode, pad, body=None, gemeente="0303", **environ_extra):
    """Call the WSGI app directly (no socket)."""
    ruw = b"" if body is None else json.dumps(body).encode()
    environ = {
        "REQUEST_METHOD": methode.upper(),
        "PATH_INFO": pad,
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(ruw)),
        "wsgi.input": BytesIO(ruw),
        "HTTP_BRON": gemeente_oin(gemeente),
        "HTTP_DOEL": DUO_OIN,
        "HTTP_BERICHTID": str(uuid.uuid4()),
        **environ_extra,
    }
    status = {}
    inhoud = b"".join(sim(environ, lambda s, h: status.update(code=int(s.split()[0]), headers=dict(h))))
    return status["code"], (json.loads(inhoud) if inhoud else None)


class Ontvanger:
    """A tiny HTTP server standing in for Regie's notification endpoint."""

    def __init__(self, status=201):
        self.verzoeken = []
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                ontvanger.verzoeken.append({"pad": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/duo/v1/notificaties"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ontvanger():
    o = Ontvanger()
    yield o
    o.stop()


def _persoon_voor(code: str) -> dict:
    """A person in the situation where DUO would register event `code`."""
    velden = {"begindatum": d(-400), "vestigingsdatum": d(-400)}
    pip = {"gemeentecode": "0303", "pip": {"dagtekeningPip": d(-300), "leerroute": "B", "niveau": "B1"}}
    if code not in ("SS101", "SS128", "SS139", "SS120", "SS129", "SS137", "SS131"):
        velden["pips"] = [pip]
    if code in ("SS103", "SS104", "SS130"):
        velden["inburgeringstermijn"] = {"startdatum": d(-299), "einddatum": d(-299 + 1096)}
    if code in ("SS129", "SS130"):
        velden["vrijstellingen"] = [
            {
                "TijdelijkeVrijstelling": {
                    "oordeel": "Toekenning",
                    "reden": "OPL",
                    "startdatum": d(-200),
                    "einddatum": d(165),
                }
            }
        ]
    return nieuwe_persoon(BSN, "0303", **velden)


@pytest.mark.parametrize("code", CODES)
def test_elke_gebeurtenis_geeft_een_geldige_notificatie(duo_simulator, code):
    duo_simulator.personen_toevoegen([_persoon_voor(code)])
    details = {"gemeentecode": "0505"} if code in ("SS120", "SS121") else {}
    resultaat = duo_simulator.gebeurtenis(BSN, code, **details)
    assert specificaties.fouten("Notificatie", "Notificatie", resultaat["notificatie"]) == []
    assert resultaat["notificatie"]["gebeurtenisId"] == code
    assert json.loads(resultaat["body"]) == resultaat["notificatie"]
    kop = resultaat["headers"]
    assert kop["bron"] == DUO_OIN
    assert kop["doel"] == gemeente_oin(details.get("gemeentecode", "0303"))
    uuid.UUID(kop["berichtId"])
    # signed as Regie checks it (its own copy of the scheme), at the moment of the event
    assert abs(int(kop[TIJDSTIP_HEADER]) - time.time()) < 60
    assert kop[HANDTEKENING_HEADER] == onderteken(
        body=resultaat["body"].encode(),
        geheim=duo_simulator.sim.geheim,
        tijdstip=kop[TIJDSTIP_HEADER],
        bericht_id=kop["berichtId"],
        bron=kop["bron"],
        doel=kop["doel"],
    )
    assert duo_simulator.notificaties()[-1]["notificatie"] == resultaat["notificatie"]


def test_ss102_zet_de_termijn_op_drie_jaar_na_de_dagtekening(duo, duo_simulator):
    """Wi 11 lid 1 en 2: drie jaar vanaf de dag na de dagtekening van het eerste PIP."""
    duo_simulator.personen_toevoegen([_persoon_voor("SS102")])
    duo_simulator.gebeurtenis(BSN, "SS102")
    termijn = duo("get", f"/personen/{BSN}/inburgeringstermijn").json()
    dagtekening = VANDAAG - timedelta(days=300)
    assert termijn["startdatum"] == (dagtekening + timedelta(days=1)).isoformat()
    assert (
        termijn["einddatum"]
        == (dagtekening.replace(year=dagtekening.year + 3) + timedelta(days=1)).isoformat()
    )
    with pytest.raises(Exception, match="al gestart"):
        duo_simulator.gebeurtenis(BSN, "SS102")


def test_ss102_zonder_pip_kan_niet_en_verandert_niets(duo_simulator):
    duo_simulator.persoon_toevoegen(BSN)
    with pytest.raises(Exception, match="PIP"):
        duo_simulator.gebeurtenis(BSN, "SS102")
    assert duo_simulator.persoon(BSN)["inburgeringstermijn"] is None
    assert duo_simulator.notificaties() == []


def test_ss106_diploma_beeindigt_de_plicht(duo, duo_simulator):
    duo_simulator.personen_toevoegen([_persoon_voor("SS106")])
    duo_simulator.gebeurtenis(BSN, "SS106")
    plicht = duo("get", f"/personen/{BSN}/inburgeringsplicht").json()
    assert plicht["indicatorInburgeringsplicht"] is False
    assert plicht["redenGeenInburgeringsplicht"] == "Inburgeringsplicht voldaan"
    assert len(duo("get", f"/personen/{BSN}/inburgeringsplicht/historie").json()) == 2
    assert {r["onderdeel"] for r in duo("get", f"/personen/{BSN}/examens/resultaten").json()} == {
        "KNM",
        "LE",
        "LU",
        "SC",
        "SP",
    }


def test_ss199_voegt_een_examenresultaat_toe_en_verlaagt_gratis_pogingen(duo, duo_simulator):
    duo_simulator.personen_toevoegen([_persoon_voor("SS199")])
    duo_simulator.gebeurtenis(BSN, "SS199", onderdeel="SP", resultaat="Gezakt", niveau="B1")
    assert duo("get", f"/personen/{BSN}/examens/resultaten").json()[-1]["onderdeel"] == "SP"
    tegoed = {
        t["onderdeel"]: t["gratisPogingenTegoed"]
        for t in duo("get", f"/personen/{BSN}/examens/gratispogingen").json()
    }
    assert tegoed["SP"] == 2 and tegoed["KNM"] == 3


def test_ss120_verhuizing_maakt_de_nieuwe_gemeente_verantwoordelijk(duo, duo_simulator):
    duo_simulator.personen_toevoegen([_persoon_voor("SS120")])
    duo_simulator.gebeurtenis(BSN, "SS120", gemeentecode="0505")
    assert duo("get", f"/personen/{BSN}/inburgeringsplicht", gemeente="0505").status_code == 200
    assert duo("get", f"/personen/{BSN}/inburgeringsplicht", gemeente="0303").status_code == 403


def test_ss124_wijzigt_de_doelgroep_met_historie(duo, duo_simulator):
    duo_simulator.personen_toevoegen([_persoon_voor("SS124")])
    duo_simulator.gebeurtenis(BSN, "SS124")
    assert duo("get", f"/personen/{BSN}/doelgroep").json()["indeling"] == "Gezinsmigrant en overige migrant"
    historie = duo("get", f"/personen/{BSN}/doelgroep/historie").json()
    assert [h["indeling"] for h in historie] == ["Asielstatushouder", "Gezinsmigrant en overige migrant"]


def test_ss103_verlengt_de_termijn_met_grond(duo, duo_simulator):
    duo_simulator.personen_toevoegen([_persoon_voor("SS103")])
    duo_simulator.gebeurtenis(BSN, "SS103", maanden=6)
    termijn = duo("get", f"/personen/{BSN}/inburgeringstermijn").json()
    assert termijn["verlengingsgrondcode"] == "1"
    assert len(duo("get", f"/personen/{BSN}/inburgeringstermijn/historie").json()) == 2


def test_onbekende_code_verandert_niets_maar_notificeert_wel(duo_simulator):
    duo_simulator.persoon_toevoegen(BSN)
    voor = duo_simulator.persoon(BSN)
    resultaat = duo_simulator.gebeurtenis(BSN, "SS999")
    assert resultaat["notificatie"]["gebeurtenisId"] == "SS999"
    assert duo_simulator.persoon(BSN) == voor


def test_gebeurtenis_via_http_post_de_notificatie_naar_regie(duo_simulator, ontvanger):
    duo_simulator.sim.notificatie_url = ontvanger.url
    try:
        duo_simulator.persoon_toevoegen(BSN, vNummer=1234567890)
        r = requests.post(
            duo_simulator.basis + "/_simulator/gebeurtenissen",
            json={"bsn": BSN, "gebeurtenisId": "SS137"},
            timeout=5,
        )
    finally:
        from duo_simulator.app import STANDAARD_NOTIFICATIE_URL

        duo_simulator.sim.notificatie_url = STANDAARD_NOTIFICATIE_URL
    assert r.status_code == 201, r.text
    assert r.json()["aflevering"]["status"] == 201
    [verzoek] = ontvanger.verzoeken
    assert verzoek["pad"] == "/duo/v1/notificaties"
    body = json.loads(verzoek["body"])
    assert body["bsn"] == BSN and body["vNummer"] == 1234567890 and body["gebeurtenisId"] == "SS137"
    assert specificaties.fouten("Notificatie", "Notificatie", body) == []
    kop = {k.lower(): v for k, v in verzoek["headers"].items()}
    assert kop["bron"] == DUO_OIN and kop["doel"] == gemeente_oin("0303")
    assert kop[HANDTEKENING_HEADER.lower()] == onderteken(
        body=verzoek["body"],
        geheim=duo_simulator.sim.geheim,
        tijdstip=kop[TIJDSTIP_HEADER.lower()],
        bericht_id=kop["berichtid"],
        bron=kop["bron"],
        doel=kop["doel"],
    )
    assert duo_simulator.persoon(BSN)["lbt"]["examennummer"]


def test_onbereikbare_regie_wordt_gemeld(duo_simulator):
    duo_simulator.sim.notificatie_url = f"http://127.0.0.1:{vrije_poort()}/duo/v1/notificaties"
    try:
        duo_simulator.persoon_toevoegen(BSN)
        from duo_simulator.beheer import gebeurtenis

        resultaat = gebeurtenis(duo_simulator.sim, BSN, "SS137")
    finally:
        from duo_simulator.app import STANDAARD_NOTIFICATIE_URL

        duo_simulator.sim.notificatie_url = STANDAARD_NOTIFICATIE_URL
    assert resultaat["aflevering"]["status"] is None
    assert "Niet bereikbaar" in resultaat["aflevering"]["antwoord"]


class TestStoringen:
    @pytest.mark.parametrize("status", [500, 503, 400])
    def test_de_volgende_n_verzoeken_falen(self, duo, duo_simulator, status):
        duo_simulator.persoon_toevoegen(BSN)
        duo_simulator.storing(status, aantal=2)
        for _ in range(2):
            r = duo("get", f"/personen/{BSN}/inburgeringsplicht")
            assert r.status_code == status
            assert r.json()["fouttekst"]
            assert r.headers["API-Version"] == "1.2.2"
        assert duo("get", f"/personen/{BSN}/inburgeringsplicht").status_code == 200

    def test_storing_laat_de_toestand_ongemoeid(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        duo_simulator.storing(500)
        assert (
            duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B"}).status_code
            == 500
        )
        assert duo_simulator.persoon(BSN)["pips"] == []

    def test_timeout(self, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        duo_simulator.storing("timeout", vertraging=0.5)
        kop = {"bron": gemeente_oin("0303"), "doel": DUO_OIN, "berichtId": str(uuid.uuid4())}
        with pytest.raises(requests.exceptions.Timeout):
            requests.get(f"{duo_simulator.url}/personen/{BSN}/PIP", headers=kop, timeout=0.1)

    def test_traag_antwoordt_na_de_vertraging_gewoon(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        duo_simulator.storing("traag", vertraging=0.2)
        begin = time.monotonic()
        assert duo("get", f"/personen/{BSN}/inburgeringsplicht").status_code == 200
        assert time.monotonic() - begin >= 0.2

    def test_via_beheer_endpoint(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        r = requests.post(
            duo_simulator.basis + "/_simulator/storingen", json={"status": 503, "aantal": 1}, timeout=5
        )
        assert r.status_code == 201
        assert len(requests.get(duo_simulator.basis + "/_simulator/storingen", timeout=5).json()) == 1
        assert duo("get", f"/personen/{BSN}/inburgeringsplicht").status_code == 503
        assert (
            requests.post(
                duo_simulator.basis + "/_simulator/storingen", json={"status": 200}, timeout=5
            ).status_code
            == 400
        )


def test_ontvangen_lijst_wat_regie_stuurde(duo, duo_simulator):
    duo_simulator.persoon_toevoegen(BSN)
    duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B"})
    duo("get", f"/personen/{BSN}/PIP")
    [post] = duo_simulator.ontvangen(methode="POST")
    assert post["api"] == "PIP" and post["status"] == 201
    assert post["body"] == {"dagtekeningPip": d(-1), "leerroute": "B"}
    assert post["bron"] == gemeente_oin("0303") and post["doel"] == DUO_OIN
    via_http = requests.get(duo_simulator.basis + "/_simulator/ontvangen?methode=GET", timeout=5).json()
    assert [r["pad"] for r in via_http] == [f"/v1/personen/{BSN}/PIP"]


def test_beheer_personen_via_http(duo_simulator):
    basis = duo_simulator.basis + "/_simulator"
    r = requests.post(
        basis + "/personen", json=[{"bsn": BSN, "gemeentecode": "0505"}, {"bsn": "999990020"}], timeout=5
    )
    assert r.status_code == 201 and r.json() == {"personen": [BSN, "999990020"]}
    assert requests.get(basis + f"/personen/{BSN}", timeout=5).json()["gemeentecode"] == "0505"
    assert len(requests.get(basis + "/personen", timeout=5).json()) == 2
    fout = requests.post(
        basis + "/personen", json={"bsn": BSN, "inburgeringsplicht": {"begindatum": "x"}}, timeout=5
    )
    assert fout.status_code == 400 and "indicatorInburgeringsplicht" in fout.json()["fouttekst"]
    assert requests.put(basis + "/personen", json=[{"bsn": "999990021"}], timeout=5).status_code == 200
    assert [p["bsn"] for p in requests.get(basis + "/personen", timeout=5).json()] == ["999990021"]
    assert requests.delete(basis + "/personen/999990021", timeout=5).status_code == 200
    assert requests.post(basis + "/reset", timeout=5).status_code == 200
    assert requests.get(basis + "/", timeout=5).json()["endpoints"]
    assert requests.get(basis + "/bestaat-niet", timeout=5).status_code == 404


def test_toestand_overleeft_een_herstart(tmp_path):
    bestand = tmp_path / "toestand.json"
    sim = Simulator(Toestand(bestand))
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN, begindatum=d(-60), vestigingsdatum=d(-60))
    sim.toestand.bewaar()
    assert wsgi(sim, "post", f"/v1/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B"})[0] == 201
    status, body = wsgi(
        sim,
        "post",
        "/v1/contactpersonen",
        {"naam": "Jan", "email": "jan@x.nl", "telefoonnummer": "0612345678"},
    )
    assert status == 201
    opnieuw = Simulator(Toestand(bestand))
    assert len(opnieuw.toestand.gegevens["ontvangen"]) == 2
    assert wsgi(opnieuw, "get", f"/v1/personen/{BSN}/PIP")[1]["pip"]["dagtekeningPip"] == d(-1)
    assert opnieuw.toestand.gegevens["volgendContactpersoonId"] == body["id"] + 1


def test_het_commando_bewaart_de_toestand_in_het_bestand(tmp_path):
    """The real command: start, add a person over HTTP, stop with SIGTERM; a new start reads
    the same file (checked in-process: starting the command costs seconds)."""
    bestand = tmp_path / "toestand.json"
    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "duo_simulator", "--port", str(poort), "--state", str(bestand), "--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        uiterlijk = time.monotonic() + 60  # it reads DUO's specs before it listens
        while True:
            try:
                requests.get(f"http://127.0.0.1:{poort}/_simulator/", timeout=0.5)
                break
            except requests.ConnectionError:
                assert proces.poll() is None and time.monotonic() < uiterlijk, "de simulator start niet"
                time.sleep(0.05)
        toestand = {"personen": {BSN: nieuwe_persoon(BSN)}}
        r = requests.put(f"http://127.0.0.1:{poort}/_simulator/toestand", json=toestand, timeout=5)
        assert r.status_code == 200
    finally:
        proces.send_signal(signal.SIGTERM)
        assert proces.wait(timeout=10) == 0, proces.stderr.read().decode()
    assert Toestand(bestand).persoon(BSN)["bsn"] == BSN


class TestTls:
    @pytest.fixture
    def tls(self, tmp_path):
        trustme = pytest.importorskip("trustme")
        ca = trustme.CA()
        server_cert = ca.issue_cert("127.0.0.1", "localhost")
        client_cert = ca.issue_cert("gemeente-dronten.example")
        paden = {}
        for naam, blob in (
            ("ca", ca.cert_pem),
            ("server", server_cert.cert_chain_pems[0]),
            ("server_key", server_cert.private_key_pem),
            ("client", client_cert.cert_chain_pems[0]),
            ("client_key", client_cert.private_key_pem),
        ):
            paden[naam] = str(tmp_path / f"{naam}.pem")
            blob.write_to_path(paden[naam])
        sim = Simulator(Toestand())
        sim.toestand.personen[BSN] = nieuwe_persoon(BSN)
        server, basis = start_in_thread(
            sim, tls=tls_context(paden["server"], paden["server_key"], paden["ca"])
        )
        yield basis, paden
        server.shutdown()
        server.server_close()

    def test_met_clientcertificaat(self, tls):
        basis, paden = tls
        kop = {"bron": gemeente_oin("0303"), "doel": DUO_OIN, "berichtId": str(uuid.uuid4())}
        r = requests.get(
            f"{basis}/v1/personen/{BSN}/doelgroep",
            headers=kop,
            cert=(paden["client"], paden["client_key"]),
            verify=paden["ca"],
            timeout=5,
        )
        assert r.status_code == 200

    def test_zonder_clientcertificaat_geweigerd(self, tls):
        basis, paden = tls
        with pytest.raises(requests.exceptions.RequestException):
            requests.get(f"{basis}/v1/verlengingsgronden", verify=paden["ca"], timeout=5)


def test_oin_in_certificaat_moet_bron_zijn():
    sim = Simulator(Toestand())
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN)
    status, body = wsgi(
        sim, "get", f"/v1/personen/{BSN}/doelgroep", **{"duo_simulator.certificaat_oin": gemeente_oin("0505")}
    )
    assert status == 403 and "certificaat" in body[0]["fouttekst"]
    assert (
        wsgi(
            sim,
            "get",
            f"/v1/personen/{BSN}/doelgroep",
            **{"duo_simulator.certificaat_oin": gemeente_oin("0303")},
        )[0]
        == 200
    )


def test_commandoregel():
    args = argumenten(["--port", "9001", "--state", "x.json", "--demo-interval", "30"])
    assert (args.port, args.state, args.demo_interval) == (9001, "x.json", 30)
    with pytest.raises(SystemExit):
        argumenten(["--tls-cert", "a.pem"])
    with pytest.raises(SystemExit):
        argumenten(["--tls-ca", "ca.pem"])


def test_demo_stap_kiest_een_passende_gebeurtenis(ontvanger):
    sim = Simulator(Toestand(), notificatie_url=ontvanger.url, geheim="g")
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN)
    resultaat = demo_stap(sim, random.Random(1))
    assert resultaat["notificatie"]["gebeurtenisId"] == "SS137"  # no PIP, no LBT yet: registered for the LBT
    assert resultaat["aflevering"]["status"] == 201
    assert demo_stap(sim, random.Random(1))["notificatie"]["gebeurtenisId"] == "SS131"
    sim.toestand.personen[BSN]["inburgeringsplicht"]["indicatorInburgeringsplicht"] = False
    assert demo_stap(sim, random.Random(1)) is None
    assert os.environ.get("REGIE_DUO_NOTIFICATIE_SECRET") is None or True


def test_niet_afgeleverde_notificaties_gaan_opnieuw_met_hetzelfde_berichtid(ontvanger):
    from duo_simulator.beheer import gebeurtenis, opnieuw_afleveren

    sim = Simulator(
        Toestand(), notificatie_url=f"http://127.0.0.1:{vrije_poort()}/duo/v1/notificaties", geheim="g"
    )
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN)
    eerste = gebeurtenis(sim, BSN, "SS137")
    assert eerste["aflevering"]["status"] is None
    bericht_id = eerste["headers"]["berichtId"]
    sim.toestand.gegevens["notificaties"][-1]["headers"][TIJDSTIP_HEADER] = "1000000000"  # long ago
    sim.notificatie_url = ontvanger.url
    [opnieuw] = opnieuw_afleveren(sim)
    assert opnieuw["aflevering"]["status"] == 201 and opnieuw["pogingen"] == 2
    verzoek = ontvanger.verzoeken[0]
    kop = {k.lower(): v for k, v in verzoek["headers"].items()}
    assert kop["berichtid"] == bericht_id
    # signed again now, as Regie checks it: an old signature would be refused as a replay
    assert abs(int(kop[TIJDSTIP_HEADER.lower()]) - time.time()) < 60
    assert kop[HANDTEKENING_HEADER.lower()] == onderteken(
        body=verzoek["body"],
        geheim="g",
        tijdstip=kop[TIJDSTIP_HEADER.lower()],
        bericht_id=bericht_id,
        bron=kop["bron"],
        doel=kop["doel"],
    )
    assert opnieuw_afleveren(sim) == []  # delivered: not again


def test_nieuwe_plicht_voor_onbekend_bsn_registreert_een_nieuwkomer(duo, duo_simulator):
    resultaat = duo_simulator.gebeurtenis(
        "999990031", "SS139", gemeentecode="0505", doelgroep="Asielstatushouder"
    )
    assert resultaat["headers"]["doel"] == gemeente_oin("0505")
    assert duo("get", "/personen/999990031/inburgeringsplicht", gemeente="0505").json()[
        "indicatorInburgeringsplicht"
    ]
    assert duo("get", "/personen/999990031/doelgroep/historie", gemeente="0505").json() == [
        {"indeling": "Asielstatushouder", "begindatum": VANDAAG.isoformat()}
    ]
    with pytest.raises(Exception, match="niet bekend"):
        duo_simulator.gebeurtenis("999990032", "SS102")  # other codes need a known person


def test_demo_kondigt_soms_een_nieuwkomer_aan(ontvanger, monkeypatch):
    import duo_simulator.__main__ as hoofd
    from duo_simulator.gegevens import bsn_geldig

    monkeypatch.setattr(hoofd, "NIEUWKOMER_KANS", 1.0)
    sim = Simulator(Toestand(), notificatie_url=ontvanger.url, geheim="g")
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN, "0171")
    resultaat = demo_stap(sim, random.Random(3))
    nieuw = resultaat["notificatie"]["bsn"]
    assert nieuw != BSN and bsn_geldig(nieuw)
    assert resultaat["notificatie"]["gebeurtenisId"] in ("SS139", "SS101")
    assert sim.toestand.persoon(nieuw)["gemeentecode"] == "0171"


def test_kapot_toestandsbestand_geeft_een_duidelijke_fout(tmp_path):
    bestand = tmp_path / "kapot.json"
    bestand.write_text("{niet af")
    with pytest.raises(ValueError, match="geen geldige JSON"):
        Toestand(bestand)


def test_een_traag_verzoek_van_voor_de_reset_verandert_de_nieuwe_toestand_niet():
    """A request still waiting (injected delay) when the state is reset (next test) neither
    changes nor logs into the new state."""
    sim = Simulator(Toestand())
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN, begindatum=d(-60), vestigingsdatum=d(-60))
    sim.toestand.storing_toevoegen({"status": "traag", "aantal": 1, "vertraging": 0})
    sim.slaap = lambda _: (sim.toestand.reset(), sim.toestand.personen.update({BSN: nieuwe_persoon(BSN)}))
    status, _ = wsgi(sim, "post", f"/v1/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B"})
    assert status == 503
    assert sim.toestand.persoon(BSN)["pips"] == []
    assert sim.toestand.gegevens["ontvangen"] == []


def test_demo_alleen_voor_personen_van_gemeenten_die_regie_bedient(ontvanger):
    sim = Simulator(Toestand(), notificatie_url=ontvanger.url, geheim="g")
    sim.toestand.gegevens["gemeenten"] = {"0303": gemeente_oin("0303")}
    sim.toestand.personen["999990020"] = nieuwe_persoon("999990020", "0363")  # Amsterdam: not Regie's
    assert demo_stap(sim, random.Random(1)) is None
    sim.toestand.personen[BSN] = nieuwe_persoon(BSN, "0303")
    assert demo_stap(sim, random.Random(1))["notificatie"]["bsn"] == BSN

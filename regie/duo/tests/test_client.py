import logging
import ssl
import uuid

import pytest
import trustme

from regie.duo.client import (
    DuoAfwijzing,
    DuoClient,
    DuoConfiguratieFout,
    DuoNietGevonden,
    DuoStoring,
    OngeldigBericht,
    maskeer,
    vul_pad,
)
from regie.duo.tests.nepserver import Antwoord, NepDuo

OIN_GEMEENTE = "00000001001234567000"
OIN_DUO = "00000001800866472000"
BSN = "123456782"


class Gem:
    oin = OIN_GEMEENTE

    def __str__(self):
        return "Testgemeente"


@pytest.fixture
def nep():
    with NepDuo() as server:
        yield server


def _client(nep, **kw):
    return DuoClient(base_url=nep.url, duo_oin=OIN_DUO, timeout=kw.pop("timeout", 2), client_cert="", **kw)


def test_raadpleeg_stuurt_de_headers_van_de_specificatie(nep):
    nep.antwoorden.append(Antwoord(200, {"dagtekeningPip": "2026-03-01"}, {"API-Version": "1.2.0"}))
    gegevens = _client(nep).raadpleeg("PIP", vul_pad("/personen/{bsn}/PIP", bsn=BSN), gemeente=Gem())
    assert gegevens == {"dagtekeningPip": "2026-03-01"}
    (verzoek,) = nep.verzoeken
    assert verzoek.methode == "GET"
    assert verzoek.pad == f"/v1/personen/{BSN}/PIP"
    assert verzoek.headers["bron"] == OIN_GEMEENTE
    assert verzoek.headers["doel"] == OIN_DUO
    assert uuid.UUID(verzoek.headers["berichtid"]).version == 4
    assert verzoek.headers["accept"] == "application/json"


def test_elk_verzoek_heeft_een_nieuw_bericht_id(nep):
    nep.standaard = Antwoord(200, {}, {"API-Version": "1.2.0"})
    client = _client(nep)
    for _ in range(2):
        client.raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert len({v.headers["berichtid"] for v in nep.verzoeken}) == 2
    assert client.laatste_bericht_id == nep.verzoeken[-1].headers["berichtid"]


def test_404_is_niet_gevonden(nep):
    nep.antwoorden.append(Antwoord(404, [{"fouttekst": "Persoon niet gevonden"}], {"API-Version": "1.2.0"}))
    with pytest.raises(DuoNietGevonden) as fout:
        _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert fout.value.status == 404 and fout.value.fouttekst == "Persoon niet gevonden"


def test_stuur_verstuurt_een_geldig_bericht_als_json(nep):
    nep.antwoorden.append(Antwoord(201, None, {"API-Version": "1.2.0"}))
    antwoord = _client(nep).stuur(
        "PIP",
        "post",
        f"/personen/{BSN}/PIP",
        {"dagtekeningPip": "2026-03-01", "leerroute": "B"},
        gemeente=Gem(),
    )
    assert antwoord == {}
    (verzoek,) = nep.verzoeken
    assert verzoek.methode == "POST"
    assert verzoek.body == {"dagtekeningPip": "2026-03-01", "leerroute": "B"}
    assert verzoek.headers["content-type"] == "application/json"


def test_stuur_weigert_een_ongeldig_bericht_zonder_te_versturen(nep):
    with pytest.raises(OngeldigBericht) as fout:
        _client(nep).stuur("PIP", "post", f"/personen/{BSN}/PIP", {"leerroute": "X"}, gemeente=Gem())
    assert "leerroute: moet een van deze waarden zijn: B, O, Z" in fout.value.fouten
    assert nep.verzoeken == []


def test_een_onbekend_pad_wordt_niet_verstuurd(nep):
    with pytest.raises(KeyError):
        _client(nep).stuur("PIP", "put", f"/personen/{BSN}/PIP", {}, gemeente=Gem())
    assert nep.verzoeken == []


@pytest.mark.parametrize(
    "body,verwacht",
    [
        (
            [{"fouttekst": "Dagtekening ligt voor de start"}, {"fouttekst": "Niveau A2 niet toegestaan"}],
            "Dagtekening ligt voor de start; Niveau A2 niet toegestaan",
        ),
        ({"fouttekst": "Eén fout"}, "Eén fout"),
        (None, "DUO gaf geen reden (HTTP 400 Bad Request)"),
    ],
)
def test_400_is_een_afwijzing_met_de_fouttekst_van_duo(nep, body, verwacht):
    nep.antwoorden.append(Antwoord(400, body, {"API-Version": "1.2.0"}))
    with pytest.raises(DuoAfwijzing) as fout:
        _client(nep).stuur(
            "PIP",
            "post",
            f"/personen/{BSN}/PIP",
            {"dagtekeningPip": "2026-03-01", "leerroute": "B"},
            gemeente=Gem(),
        )
    assert fout.value.status == 400
    assert fout.value.fouttekst == verwacht
    assert fout.value.bericht_id == nep.verzoeken[0].headers["berichtid"]


@pytest.mark.parametrize("status", [500, 503])
def test_5xx_is_een_storing(nep, status):
    nep.antwoorden.append(Antwoord(status, None, {}))
    with pytest.raises(DuoStoring) as fout:
        _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert fout.value.status == status


def test_een_timeout_is_een_storing(nep):
    nep.antwoorden.append(Antwoord(200, {}, {"API-Version": "1.2.0"}, vertraging=0.5))
    with pytest.raises(DuoStoring, match="geen antwoord binnen"):
        _client(nep, timeout=0.1).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())


def test_geen_verbinding_is_een_storing_zonder_bsn_in_de_melding(caplog):
    caplog.set_level(logging.DEBUG)
    client = DuoClient(base_url="http://127.0.0.1:9/v1", duo_oin=OIN_DUO, timeout=1, client_cert="")
    with pytest.raises(DuoStoring) as fout:
        client.raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert fout.value.__cause__ is None and fout.value.__suppress_context__
    assert BSN not in str(fout.value)
    assert BSN not in caplog.text


def test_het_logboek_bevat_geen_bsn(nep, caplog):
    caplog.set_level(logging.DEBUG)
    nep.antwoorden.append(Antwoord(200, {}, {"API-Version": "1.2.0"}))
    _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert "/personen/*******82/PIP" in caplog.text
    assert BSN not in caplog.text


def test_een_andere_hoofdversie_van_de_api_wordt_niet_vertrouwd(nep):
    nep.antwoorden.append(Antwoord(200, {}, {"API-Version": "2.0.0"}))
    with pytest.raises(DuoStoring, match="andere versie"):
        _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())


def test_een_andere_kleine_versie_is_goed(nep):
    nep.antwoorden.append(Antwoord(200, {"a": 1}, {"API-Version": "1.9.3"}))
    assert _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem()) == {"a": 1}


def test_zonder_oin_of_adres_wordt_niets_verstuurd(nep):
    class ZonderOin:
        oin = ""

    with pytest.raises(DuoConfiguratieFout):
        _client(nep).raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=ZonderOin())
    with pytest.raises(DuoConfiguratieFout):
        DuoClient(base_url="", client_cert="").raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
    assert nep.verzoeken == []


def test_instellingen_komen_uit_settings(settings):
    settings.DUO_BASE_URL = "https://duo.example/v1/"
    settings.DUO_CLIENT_CERT = "/pad/cert.pem"
    settings.DUO_CLIENT_KEY = "/pad/key.pem"
    settings.DUO_CA_BUNDLE = "/pad/ca.pem"
    settings.DUO_OIN = OIN_DUO
    settings.DUO_TIMEOUT_SECONDS = 7
    client = DuoClient()
    assert client.base_url == "https://duo.example/v1"
    assert client.session.cert == ("/pad/cert.pem", "/pad/key.pem")
    assert client.session.verify == "/pad/ca.pem"
    assert client.timeout == 7


def test_maskeer():
    assert maskeer(f"/personen/{BSN}/PIP en 1234567890") == "/personen/*******82/PIP en 1234567890"


# -- mutual TLS ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    ca = trustme.CA()
    server_cert = ca.issue_cert("localhost")
    client_cert = ca.issue_cert("gemeente-dronten.example", organization_name="Gemeente Dronten")
    map_ = tmp_path_factory.mktemp("pki")
    ca.cert_pem.write_to_path(str(map_ / "ca.pem"))
    client_cert.cert_chain_pems[0].write_to_path(str(map_ / "client.pem"))
    client_cert.private_key_pem.write_to_path(str(map_ / "client.key"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_cert.configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED  # demand a client certificate signed by the CA
    return map_, context


def test_mtls_de_client_toont_zijn_certificaat(pki):
    map_, context = pki
    with NepDuo(ssl_context=context) as server:
        server.antwoorden.append(Antwoord(200, {"ok": True}, {"API-Version": "1.2.0"}))
        client = DuoClient(
            base_url=server.url,
            client_cert=str(map_ / "client.pem"),
            client_key=str(map_ / "client.key"),
            ca_bundle=str(map_ / "ca.pem"),
            duo_oin=OIN_DUO,
            timeout=2,
        )
        assert client.raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem()) == {"ok": True}
        onderwerp = dict(deel[0] for deel in server.verzoeken[0].client_cert["subject"])
        assert onderwerp["organizationName"] == "Gemeente Dronten"


def test_mtls_zonder_clientcertificaat_komt_er_geen_verbinding(pki):
    map_, context = pki
    with NepDuo(ssl_context=context) as server:
        client = DuoClient(
            base_url=server.url, client_cert="", ca_bundle=str(map_ / "ca.pem"), duo_oin=OIN_DUO, timeout=2
        )
        with pytest.raises(DuoStoring):
            client.raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())
        assert server.verzoeken == []


def test_mtls_een_onbekende_server_wordt_niet_vertrouwd(pki):
    map_, context = pki
    with NepDuo(ssl_context=context) as server:
        andere_ca = trustme.CA()
        pad = map_ / "andere-ca.pem"
        andere_ca.cert_pem.write_to_path(str(pad))
        client = DuoClient(
            base_url=server.url,
            client_cert=str(map_ / "client.pem"),
            client_key=str(map_ / "client.key"),
            ca_bundle=str(pad),
            duo_oin=OIN_DUO,
            timeout=2,
        )
        with pytest.raises(DuoStoring, match="certificaat"):
            client.raadpleeg("PIP", f"/personen/{BSN}/PIP", gemeente=Gem())


def test_een_pad_met_een_ongeldig_instellingsnummer_wordt_niet_verstuurd(nep):
    with pytest.raises(OngeldigBericht) as fout:
        _client(nep).stuur(
            "Inburgeringsaanbod",
            "post",
            f"/personen/{BSN}/Inburgeringsaanbod/12AB3",
            {"indicatorAlfabetiseringsonderwijs": "NVT"},
            gemeente=Gem(),
        )
    assert fout.value.fouten == ["instellingsnummer: moet minstens 10 tekens lang zijn"]
    assert nep.verzoeken == []


def test_mtls_met_de_duo_simulator(pki):
    """The simulator in its TLS mode (client certificate required) answers the client over mutual TLS."""
    from duo_simulator import Simulator, Toestand
    from duo_simulator.server import start_in_thread, tls_context

    map_, _ = pki
    ca = trustme.CA()
    ca.issue_cert("localhost").private_key_and_cert_chain_pem.write_to_path(str(map_ / "sim.pem"))
    ca.cert_pem.write_to_path(str(map_ / "sim-ca.pem"))
    # the simulator trusts the municipality's CA (pki's), Regie trusts the simulator's CA
    context = tls_context(str(map_ / "sim.pem"), str(map_ / "sim.pem"), str(map_ / "ca.pem"))
    server, basis = start_in_thread(Simulator(Toestand(), duo_oin=OIN_DUO), host="localhost", tls=context)
    try:
        instellingen = dict(
            base_url=basis + "/v1", ca_bundle=str(map_ / "sim-ca.pem"), duo_oin=OIN_DUO, timeout=5
        )
        client = DuoClient(
            client_cert=str(map_ / "client.pem"), client_key=str(map_ / "client.key"), **instellingen
        )
        gemeente = "0000000199" + "0303" + "000000"  # the demo OIN of Dronten (regie.demo.organisaties)
        antwoord = client.raadpleeg("Inburgeringsaanbod", "/instellingen", gemeente=gemeente)
        assert antwoord and all(len(i["instellingsnummer"]) == 10 for i in antwoord)
        with pytest.raises(DuoStoring):
            DuoClient(client_cert="", **instellingen).raadpleeg(
                "Inburgeringsaanbod", "/instellingen", gemeente=gemeente
            )
    finally:
        server.shutdown()
        server.server_close()

"""The simulator's DUO endpoints: happy paths with spec-valid answers, headers, relevance."""

from datetime import date, timedelta

import pytest

from duo_simulator.app import antwoordfouten
from regie.duo import specificaties

BSN = "999990019"
VANDAAG = date.today()


def d(dagen: int) -> str:
    return (VANDAAG + timedelta(days=dagen)).isoformat()


def _geldig(api, methode, pad, r):
    assert r.headers["API-Version"] == specificaties.versie(api)
    body = r.json() if r.content else None
    assert antwoordfouten(api, methode, pad, r.status_code, body) == []
    return body


@pytest.fixture
def volledig(duo_simulator):
    """A person with something in every part DUO shows."""
    persoon = duo_simulator.nieuwe_persoon(
        BSN,
        begindatum=d(-400),
        vNummer=1234567890,
        lbt={"examennummer": "LBT000123"},
        lbtResultaten=[
            {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "71,50",
                "benodigdeScore": "60,00",
                "datumAfname": d(-350),
            }
        ],
        pips=[{"gemeentecode": "0303", "pip": {"dagtekeningPip": d(-330), "leerroute": "B", "niveau": "B1"}}],
        inburgeringstermijn={"startdatum": d(-329), "einddatum": d(-329 + 3 * 365)},
        examenresultaten=[{"examendatum": d(-20), "resultaat": "Geslaagd", "onderdeel": "KNM"}],
        vrijstellingen=[
            {"GedeeltelijkeVrijstelling": {"reden": "GED", "oordeel": "Toekenning", "examenonderdeel": "LE"}}
        ],
        ontheffingen=[{"GeheleOntheffing": {"oordeel": "Afwijzing", "datumOordeel": d(-30), "grond": "MED"}}],
        uren={"0303": {"ParticipatieAlsTaalles": {"uren": 120}}},
        map={"datumEindgesprekMap": d(-5), "gemeentecode": "0303"},
        pvt={"datumOndertekeningPvt": d(-50), "gemeentecode": "0303"},
    )
    duo_simulator.personen_toevoegen([persoon])
    return persoon


LOOK_UPS = [
    ("Inburgeringsplicht", "/personen/{bsn}/doelgroep"),
    ("Inburgeringsplicht", "/personen/{bsn}/doelgroep/historie"),
    ("Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht"),
    ("Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht/historie"),
    ("Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn"),
    ("Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn/historie"),
    ("Inburgeringstermijn", "/verlengingsgronden"),
    ("Leerbaarheidstoets", "/personen/{bsn}/lbt/examennummer"),
    ("Leerbaarheidstoets", "/personen/{bsn}/lbt/resultaten"),
    ("Examen", "/personen/{bsn}/examens/resultaten"),
    ("Examen", "/personen/{bsn}/examens/gratispogingen"),
    ("Vrijstelling", "/personen/{bsn}/vrijstellingen"),
    ("Ontheffing", "/personen/{bsn}/ontheffingen"),
    ("PIP", "/personen/{bsn}/PIP"),
    ("GevolgdeUren", "/personen/{bsn}/uren"),
    ("MAP-PVT-Zroute", "/personen/{bsn}/map"),
    ("MAP-PVT-Zroute", "/personen/{bsn}/pvt"),
    ("Inburgeringsaanbod", "/instellingen"),
]


def test_elke_operatie_van_de_specs_heeft_een_afhandeling():
    from duo_simulator.api import HANDLERS

    verwacht = {
        (api, methode, pad)
        for api in specificaties.APIS
        if api != "Notificatie"
        for methode, pad, _ in specificaties.operaties(api)
    }
    assert verwacht == set(HANDLERS)


@pytest.mark.parametrize(("api", "pad"), LOOK_UPS)
def test_raadplegen_geeft_een_geldig_antwoord_met_inhoud(duo, volledig, api, pad):
    r = duo("get", pad.format(bsn=BSN))
    assert r.status_code == 200, r.text
    body = _geldig(api, "get", pad, r)
    assert body  # realistic data, not an empty answer


def test_antwoord_bevat_het_berichtid_van_het_verzoek(duo, volledig):
    r = duo("get", f"/personen/{BSN}/PIP", headers={"berichtId": "0b6f9c53-5b2a-4d8e-9a43-8c1f1e3c2a10"})
    assert r.headers["berichtId"] == "0b6f9c53-5b2a-4d8e-9a43-8c1f1e3c2a10"


@pytest.mark.parametrize(
    ("headers", "fout"),
    [
        ({"bron": None}, "bron"),
        ({"bron": "123"}, "bron"),
        ({"doel": None}, "doel"),
        ({"doel": "00000001990303000000"}, "doel"),
        ({"berichtId": None}, "berichtId"),
        ({"berichtId": "geen-uuid"}, "berichtId"),
    ],
)
def test_ontbrekende_of_foute_headers_geven_400_foutmelding(duo, volledig, headers, fout):
    r = duo("get", f"/personen/{BSN}/inburgeringsplicht", headers=headers)
    assert r.status_code == 400
    assert fout in r.json()["fouttekst"]
    assert r.headers["API-Version"] == "1.2.2"


def test_onbekende_bron_krijgt_403(duo, volledig):
    r = duo("get", f"/personen/{BSN}/inburgeringsplicht", headers={"bron": "12345678901234567890"})
    assert r.status_code == 403
    assert "gemeente" in r.json()[0]["fouttekst"]


def test_onbekend_bsn_geeft_404(duo, volledig):
    r = duo("get", "/personen/123456782/inburgeringsplicht")
    assert r.status_code == 404
    assert r.json() == {"fouttekst": "De persoon is niet bekend bij DUO."}


def test_bsn_van_verkeerde_vorm_geeft_400(duo, volledig):
    assert duo("get", "/personen/12345/inburgeringsplicht").status_code == 400


def test_onbekend_pad_en_methode(duo, volledig):
    assert duo("get", "/bestaat/niet").status_code == 404
    assert duo("put", f"/personen/{BSN}/doelgroep").status_code == 405


class TestRelevantie:
    """README "Scope": only persons relevant to the asking municipality."""

    def test_andere_gemeente_krijgt_403(self, duo, volledig):
        r = duo("get", f"/personen/{BSN}/inburgeringsplicht", gemeente="0505")
        assert r.status_code == 403
        assert r.json() == [{"fouttekst": "De persoon is niet relevant voor uw gemeente."}]

    def test_coa_gekoppelde_gemeente_mag_wel_de_woongemeente_niet(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, "0303", coaLocatie=True, coaGemeentecode="0505")
        assert duo("get", f"/personen/{BSN}/doelgroep", gemeente="0505").status_code == 200
        assert duo("get", f"/personen/{BSN}/doelgroep", gemeente="0303").status_code == 403

    def test_gemeente_van_de_actuele_pip_mag(self, duo, duo_simulator):
        pip = {"gemeentecode": "0505", "pip": {"dagtekeningPip": d(-100), "leerroute": "B"}}
        duo_simulator.persoon_toevoegen(BSN, "0303", pips=[pip])
        assert duo("get", f"/personen/{BSN}/PIP", gemeente="0505").status_code == 200

    def test_vorige_pip_gemeente_alleen_binnen_een_maand(self, duo, duo_simulator):
        oud = {"gemeentecode": "0505", "pip": {"dagtekeningPip": d(-200), "leerroute": "B"}}
        nieuw = {
            "gemeentecode": "0303",
            "pip": {"dagtekeningPip": d(-10), "leerroute": "B"},
            "registratiedatum": d(-10),
        }
        duo_simulator.persoon_toevoegen(BSN, "0303", pips=[oud, nieuw])
        assert duo("get", f"/personen/{BSN}/PIP", gemeente="0505").status_code == 200
        nieuw["registratiedatum"] = d(-40)
        duo_simulator.persoon_toevoegen(BSN, "0303", pips=[oud, nieuw])
        assert duo("get", f"/personen/{BSN}/PIP", gemeente="0505").status_code == 403


def test_zonder_termijn_of_pip_404(duo, duo_simulator):
    duo_simulator.persoon_toevoegen(BSN)
    assert duo("get", f"/personen/{BSN}/inburgeringstermijn").status_code == 404
    assert duo("get", f"/personen/{BSN}/PIP").status_code == 404
    r = duo("get", f"/personen/{BSN}/uren")
    assert r.status_code == 200 and r.json() == []

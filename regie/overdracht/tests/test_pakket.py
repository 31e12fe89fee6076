"""The package builder and the published schema (regie/overdracht/schema/)."""

import copy
import json

import pytest

from regie.overdracht.pakket import SECTIES, bouw_pakket
from regie.overdracht.schema import fouten_in, schema, schema_pad
from regie.wet.overdracht import SCHEMA_VERSIES


@pytest.fixture
def pakket(dossier):
    return bouw_pakket(dossier, naar_gemeente_naam="Noordoostpolder", naar_cbs_code="0171")


def test_het_gepubliceerde_schema_keurt_een_gebouwd_pakket_goed(pakket):
    assert fouten_in(pakket) == []
    # What goes over the wire: the package survives a round trip through JSON text.
    assert fouten_in(json.loads(json.dumps(pakket))) == []


def test_elke_sectie_staat_in_het_schema():
    eigenschappen = schema("1")["properties"]
    assert {naam for naam, _ in SECTIES} <= set(eigenschappen)
    assert set(schema("1")["required"]) == set(eigenschappen)


def test_het_schema_is_zelf_een_geldig_json_schema():
    from jsonschema import Draft202012Validator

    for versie in SCHEMA_VERSIES:
        Draft202012Validator.check_schema(json.loads(schema_pad(versie).read_text(encoding="utf-8")))


def test_inhoud_van_het_pakket(pakket, dossier):
    assert pakket["schema_versie"] == "1"
    assert pakket["persoon"]["bsn"] == dossier.bsn
    assert pakket["leerroute"] == {"leerroute": "b1", "bron": "pip"}
    assert pakket["termijn"]["dagtekening_eerste_pip"] == dossier.dagtekening_eerste_eigen_pip.isoformat()
    assert [v["versie"] for v in pakket["pip"]["versies"]] == [1]
    assert pakket["verwijzingen"][0]["aanwezigheid"] == {
        "uren_aangeboden": 12.0,
        "uren_gevolgd": 9.5,
        "uren_ongeoorloofd_afwezig": 2.5,
    }
    assert pakket["waarschuwingen"][0]["aanleiding"] == "ongeoorloofd_afwezig"
    assert pakket["contact"]["gemeente"] == "Dronten"
    assert pakket["naar"] == {"gemeente": "Noordoostpolder", "cbs_code": "0171"}


def test_bijzondere_en_overbodige_gegevens_gaan_niet_mee(pakket, dossier):
    tekst = json.dumps(pakket, ensure_ascii=False)
    assert "Slaapt slecht" not in tekst  # health from the brede intake (AVG art. 9)
    for veld in (dossier.straat, dossier.telefoon, dossier.nationaliteit, dossier.geboorteland):
        assert veld not in tekst
    assert "gezondheid" in {o["onderdeel"] for o in pakket["niet_gedeeld"]}


def test_zonder_pip_blijft_de_leerroute_van_de_vorige_gemeente(inburgeraar):
    inburgeraar.leerroute_vorige_gemeente = "z_route"
    pakket = bouw_pakket(inburgeraar, naar_gemeente_naam="Lelystad")
    assert pakket["leerroute"] == {"leerroute": "z_route", "bron": "vorige_gemeente"}
    assert pakket["intake"] is None and pakket["pip"] == {"huidige_versie": None, "versies": []}
    assert fouten_in(pakket) == []


@pytest.mark.parametrize("versie", ["2", "0", "", None, 1])
def test_een_onbekende_schemaversie_wordt_geweigerd(pakket, versie):
    pakket["schema_versie"] = versie
    fouten = fouten_in(pakket)
    assert len(fouten) == 1 and "schemaversie" in fouten[0]


@pytest.mark.parametrize(
    ("wijzig", "deel"),
    [
        (lambda p: p["persoon"].pop("bsn"), "'bsn' ontbreekt"),
        (lambda p: p["persoon"].update(bsn="12345"), "persoon.bsn"),
        (lambda p: p["termijn"].update(dagtekening_eerste_pip="1-2-2026"), "JJJJ-MM-DD"),
        (lambda p: p["leerroute"].update(leerroute="c1"), "leerroute.leerroute"),
        (lambda p: p.update(boete=1), "kent"),
    ],
)
def test_een_pakket_dat_niet_klopt_krijgt_een_nederlandse_melding(pakket, wijzig, deel):
    kapot = copy.deepcopy(pakket)
    wijzig(kapot)
    fouten = fouten_in(kapot)
    assert fouten and any(deel in f for f in fouten), fouten


def test_geen_json_object():
    assert "geen JSON-object" in fouten_in([1, 2])[0]


def test_opgelegde_boetes_gaan_mee_lopende_niet(dossier, consulent, teamleider):
    """The termijn runs on after the move (Wi 11 lid 3), so a fine that stands counts at the new
    municipality for the repeat and the cap of Wi 23; a fine still in procedure stays behind."""
    import datetime as dt

    from regie.handhaving import boete_services as s
    from regie.handhaving.models import Boetebeleid
    from regie.handhaving.services import waarschuwing_verzonden
    from regie.klok import vandaag
    from regie.overdracht.weergave import leesbaar

    Boetebeleid.objects.create(gemeente=dossier.gemeente, asielstatushouders_beboeten=True)
    waarschuwing = waarschuwing_verzonden(
        waarschuwing=dossier.waarschuwingen.get(),
        door=consulent,
        verzonden_op=vandaag() - dt.timedelta(days=70),
    )

    def voornemen(dagen_geleden):
        return s.voornemen_opstellen(
            inburgeraar=dossier,
            door=consulent,
            waarschuwing=waarschuwing,
            grond="wi23",
            pleegdatum=vandaag() - dt.timedelta(days=dagen_geleden),
            feiten="Niet op les zonder bericht (geheim rapport).",
            rapport_datum=vandaag() - dt.timedelta(days=20),
            zienswijze_uiterlijk=vandaag() - dt.timedelta(days=6),
        )

    opgelegd = voornemen(40)
    s.zienswijze_vastleggen(boete=opgelegd, door=consulent, vorm="geen_reactie", datum=vandaag())
    s.goedkeuren(boete=s.besluiten(boete=opgelegd, door=consulent, opleggen=True), door=teamleider)
    s.bezwaar_registreren(boete=opgelegd, door=consulent, ontvangen_op=vandaag())
    voornemen(30)  # still waiting for the zienswijze

    pakket = bouw_pakket(dossier, naar_gemeente_naam="Noordoostpolder")

    assert fouten_in(pakket) == []
    assert pakket["boetes"] == [
        {
            "grond": "wi23",
            "pleegdatum": (vandaag() - dt.timedelta(days=40)).isoformat(),
            "dagtekening": vandaag().isoformat(),
            "bedrag_centen": 5_000,
            "status": "opgelegd",
            "bezwaar": "lopend",
        }
    ]
    assert "geheim rapport" not in json.dumps(pakket, ensure_ascii=False)
    assert leesbaar(pakket)["boetes"][0]["bedrag"] == "€ 50,00"

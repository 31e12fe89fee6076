"""The demo's persons at the DUO simulator: the same as in Regie, plus deliberate differences."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from duo_simulator import Simulator, Toestand
from duo_simulator.beheer import persoon_fouten
from regie.demo.duo import VERSCHILLEN, duo_toestand
from regie.demo.factories import InburgeraarFactory
from regie.demo.models import Demomarkering
from regie.inburgeraars.models import Doelgroep
from regie.pip.services import pip_vaststellen

VANDAAG = date.today()


def pip(inburgeraar, door, dagen_geleden, **velden):
    inburgeraar.refresh_from_db()
    return pip_vaststellen(
        inburgeraar=inburgeraar,
        door=door,
        leerroute="b1",
        dagtekening=VANDAAG - timedelta(days=dagen_geleden),
        aantal_voortgangsgesprekken=4,
        **velden,
    )


@pytest.fixture
def zaken(dronten, consulent):
    met_pip = InburgeraarFactory(gemeente=dronten, datum_melding_duo=VANDAAG - timedelta(days=200))
    pip(met_pip, consulent, 150)
    pip(met_pip, consulent, 20, reden="Meer uren", versie=None)
    zonder_pip = InburgeraarFactory(gemeente=dronten, doelgroep=Doelgroep.GEZINSMIGRANT)
    return met_pip, zonder_pip


def test_duo_kent_dezelfde_personen_en_pips(zaken):
    met_pip, zonder_pip = zaken
    gegevens = duo_toestand(verschillen=False)
    personen = gegevens["personen"]
    assert set(personen) == {met_pip.bsn, zonder_pip.bsn}
    assert gegevens["gemeenten"]["0303"] == met_pip.gemeente.oin  # the municipalities Regie serves
    for persoon in personen.values():
        assert persoon_fouten(persoon) == []
    duo = personen[met_pip.bsn]
    assert [p["pip"]["dagtekeningPip"] for p in duo["pips"]] == [
        (VANDAAG - timedelta(days=150)).isoformat(),
        (VANDAAG - timedelta(days=20)).isoformat(),
    ]
    assert duo["pips"][-1] == {
        "gemeentecode": "0303",
        "pip": {
            "dagtekeningPip": (VANDAAG - timedelta(days=20)).isoformat(),
            "leerroute": "B",
            "niveau": "B1",
            "indicatorAlfabetiseringsonderwijs": "NVT",
        },
        "registratiedatum": (VANDAAG - timedelta(days=20)).isoformat(),
    }
    # Wi 11 lid 1 en 2: de termijn loopt vanaf de dag na de dagtekening van het eerste PIP
    assert duo["inburgeringstermijn"]["startdatum"] == (VANDAAG - timedelta(days=149)).isoformat()
    assert duo["doelgroep"]["indeling"] == "Asielstatushouder"
    assert personen[zonder_pip.bsn]["doelgroep"]["indeling"] == "Gezinsmigrant en overige migrant"
    assert personen[zonder_pip.bsn]["inburgeringstermijn"] is None


def test_bewuste_verschillen(dronten, consulent):
    for i in range(12):
        zaak = InburgeraarFactory(gemeente=dronten, datum_melding_duo=VANDAAG - timedelta(days=400))
        if i % 2:
            pip(zaak, consulent, 300)
    gegevens = duo_toestand()
    soorten = {v["soort"] for v in gegevens["demoVerschillen"]}
    assert soorten == set(VERSCHILLEN)
    for verschil in gegevens["demoVerschillen"]:
        if verschil["soort"] == "onbekend_bij_duo":
            assert verschil["bsn"] not in gegevens["personen"]
        if verschil["soort"] == "diploma_bij_duo":
            plicht = gegevens["personen"][verschil["bsn"]]["inburgeringsplicht"]
            assert plicht["redenGeenInburgeringsplicht"] == "Inburgeringsplicht voldaan"


def test_commando_alleen_in_de_demo_met_de_demo(zaken, tmp_path, settings):
    """It writes every case's BSN to a file: never from a real database (issue 9)."""
    bestand = tmp_path / "duo.json"
    settings.DEMO = False
    Demomarkering.zetten()
    with pytest.raises(CommandError, match="alleen in de demo"):
        call_command("duo_simulator_vullen", state=str(bestand))
    settings.DEMO = True
    Demomarkering.objects.all().delete()  # the cases of `zaken` are not the demo's
    with pytest.raises(CommandError, match="Er is niets geschreven"):
        call_command("duo_simulator_vullen", state=str(bestand))
    assert not bestand.exists()


def test_commando_schrijft_het_bestand_dat_de_simulator_leest(zaken, tmp_path, settings):
    settings.DEMO = True
    Demomarkering.zetten()
    met_pip, _ = zaken
    bestand = tmp_path / "duo.json"
    call_command("duo_simulator_vullen", state=str(bestand), zonder_verschillen=True)
    sim = Simulator(Toestand(bestand))
    assert sim.toestand.persoon(met_pip.bsn)["pips"][-1]["pip"]["leerroute"] == "B"
    # --als-nodig keeps what the simulator did since, as long as it knows the same persons
    gegevens = json.loads(bestand.read_text())
    gegevens["personen"][met_pip.bsn]["pips"].pop()
    bestand.write_text(json.dumps(gegevens))
    call_command("duo_simulator_vullen", state=str(bestand), als_nodig=True)
    assert len(Toestand(bestand).persoon(met_pip.bsn)["pips"]) == 1
    InburgeraarFactory(gemeente=met_pip.gemeente)  # a new case: the file is written again
    call_command("duo_simulator_vullen", state=str(bestand), als_nodig=True, zonder_verschillen=True)
    assert len(Toestand(bestand).persoon(met_pip.bsn)["pips"]) == 2


def test_regie_leest_de_pip_bij_de_simulator(zaken, duo_simulator):
    import uuid

    import requests

    met_pip, _ = zaken
    duo_simulator.personen_toevoegen(list(duo_toestand(verschillen=False)["personen"].values()))
    r = requests.get(
        f"{duo_simulator.url}/personen/{met_pip.bsn}/PIP",
        headers={
            "bron": met_pip.gemeente.oin,
            "doel": duo_simulator.sim.duo_oin,
            "berichtId": str(uuid.uuid4()),
        },
        timeout=5,
    )
    assert r.status_code == 200
    assert r.json()["pip"]["dagtekeningPip"] == (VANDAAG - timedelta(days=20)).isoformat()


def test_duo_kent_de_demo_aanbieders(zaken, tmp_path, settings):
    """The simulator's GET /instellingen lists the demo providers' instellingsnummers (a known
    instelling is a condition of DUO's Inburgeringsaanbod), also in a state file from before."""
    from duo_simulator.gegevens import INSTELLINGEN
    from regie.duo import specificaties
    from regie.trajecten.demo import instellingen_bij_duo

    demo = {i["instellingsnummer"] for i in instellingen_bij_duo()}
    assert demo and all(len(n) == 10 for n in demo)
    gegevens = duo_toestand(verschillen=False)
    nummers = [i["instellingsnummer"] for i in gegevens["instellingen"]]
    assert demo <= set(nummers) and len(nummers) == len(set(nummers))
    assert {i["instellingsnummer"] for i in INSTELLINGEN} <= set(nummers)  # the simulator's own stay
    for instelling in gegevens["instellingen"]:
        assert specificaties.fouten("Inburgeringsaanbod", "Instelling", instelling) == []
    bestand = tmp_path / "duo.json"
    settings.DEMO = True
    Demomarkering.zetten()
    call_command("duo_simulator_vullen", state=str(bestand), zonder_verschillen=True)
    oud = json.loads(bestand.read_text())
    oud["instellingen"] = [i for i in oud["instellingen"] if i["instellingsnummer"] not in demo]
    bestand.write_text(json.dumps(oud))
    call_command("duo_simulator_vullen", state=str(bestand), als_nodig=True)
    toestand = Toestand(bestand)
    assert demo <= {i["instellingsnummer"] for i in toestand.gegevens["instellingen"]}
    assert toestand.persoon(zaken[0].bsn) == oud["personen"][zaken[0].bsn]  # the rest as it was

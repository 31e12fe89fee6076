"""Reconciliation Regie vs DUO per person (regie.duo.inkomend.afstemming), against the simulator."""

from datetime import timedelta

import pytest
from django.utils.html import escape

from regie.demo.factories import InburgeraarFactory, geldig_bsn, pip_vastgesteld
from regie.duo.inkomend.afstemming import vergelijk
from regie.duo.inkomend.models import Afstemming
from regie.duo.inkomend.selectors import notificaties_van
from regie.inburgeraars.models import Doelgroep
from regie.taken.werk import werk_taken_af

pytestmark = pytest.mark.django_db

BSN = geldig_bsn(730_001)


def _onderdelen(verschillen):
    return {v.onderdeel: v for v in verschillen}


def test_geen_verschillen_als_regie_en_duo_gelijk_zijn(dronten, consulent, duo_simulator):
    inburgeraar = InburgeraarFactory(
        bsn=BSN, gemeente=dronten, consulent=consulent, doelgroep=Doelgroep.ASIELSTATUSHOUDER
    )
    pip = pip_vastgesteld(inburgeraar, consulent)
    route = {"b1": "B", "onderwijsroute": "O", "z_route": "Z"}[pip.leerroute]
    duo_simulator.persoon_toevoegen(
        BSN,
        "0303",
        pips=[
            {
                "gemeentecode": "0303",
                "pip": {"dagtekeningPip": pip.dagtekening.isoformat(), "leerroute": route},
            }
        ],
    )
    duo_simulator.gebeurtenis(BSN, "SS102")  # termijn from the PIP's dagtekening (Wi 11 lid 2)
    assert vergelijk(inburgeraar) == []


def test_verschillen_met_wat_te_doen(dronten, consulent, duo_simulator):
    inburgeraar = InburgeraarFactory(
        bsn=BSN, gemeente=dronten, consulent=consulent, doelgroep=Doelgroep.GEZINSMIGRANT
    )
    pip = pip_vastgesteld(inburgeraar, consulent)
    andere_route = "Z" if pip.leerroute != "z_route" else "B"
    dagtekening = pip.dagtekening - timedelta(days=30)
    duo_simulator.persoon_toevoegen(
        BSN,
        "0303",
        pips=[
            {
                "gemeentecode": "0303",
                "pip": {"dagtekeningPip": dagtekening.isoformat(), "leerroute": andere_route},
            }
        ],
    )
    duo_simulator.gebeurtenis(BSN, "SS102")
    duo_simulator.gebeurtenis(BSN, "SS103")  # extended by DUO
    verschillen = _onderdelen(vergelijk(inburgeraar))
    assert set(verschillen) >= {
        "Doelgroep",
        "Leerroute",
        "Dagtekening PIP",
        "Dagtekening eerste PIP",
        "Einde termijn",
    }
    assert "verlengd" in verschillen["Einde termijn"].actie
    assert verschillen["Doelgroep"].duo == "Asielstatushouder"


def test_plicht_beeindigd_bij_duo_maar_dossier_actief(dronten, consulent, duo_simulator):
    inburgeraar = InburgeraarFactory(bsn=BSN, gemeente=dronten, consulent=consulent)
    duo_simulator.persoon_toevoegen(BSN, "0303")
    duo_simulator.gebeurtenis(BSN, "SS110")
    verschil = _onderdelen(vergelijk(inburgeraar))["Inburgeringsplicht"]
    assert "Vertrek uit Nederland" in verschil.duo


def test_afstemming_voor_het_team_als_taak_en_pagina(client, dronten, consulent, teamleider, duo_simulator):
    inburgeraar = InburgeraarFactory(
        bsn=BSN, gemeente=dronten, consulent=consulent, doelgroep=Doelgroep.GEZINSMIGRANT
    )
    duo_simulator.persoon_toevoegen(BSN, "0303")
    client.force_login(teamleider)
    assert client.post("/duo-meldingen/afstemming/", {"actie": "starten"}).status_code == 302
    werk_taken_af()
    afstemming = Afstemming.objects.get()
    assert afstemming.klaar_op is not None
    (regel,) = afstemming.regels.all()
    assert regel.inburgeraar == inburgeraar and regel.verschillen[0]["onderdeel"] == "Doelgroep"
    inhoud = client.get("/duo-meldingen/afstemming/").content.decode()
    assert escape(inburgeraar.naam) in inhoud and "Doelgroep" in inhoud


def test_duo_onbereikbaar_op_de_dossierpagina(client, inburgeraar, consulent, settings):
    settings.DUO_BASE_URL = ""
    client.force_login(consulent)
    antwoord = client.get(f"/duo-meldingen/afstemming/{inburgeraar.uuid}/")
    assert antwoord.status_code == 200
    assert "DUO gaf geen antwoord" in antwoord.content.decode()


def test_notificaties_van_een_dossier(dronten, inburgeraar, settings):
    from django.utils import timezone

    from regie.duo.inkomend.models import Notificatie

    eigen = Notificatie.objects.create(
        bericht_id="a",
        bron="0" * 20,
        doel=dronten.oin,
        gemeente=dronten,
        gebeurtenis_id="SS102",
        registratie_datum_tijd=timezone.now(),
        inburgeraar=inburgeraar,
    )
    Notificatie.objects.create(
        bericht_id="b",
        bron="0" * 20,
        doel=dronten.oin,
        gemeente=dronten,
        gebeurtenis_id="SS102",
        registratie_datum_tijd=timezone.now(),
    )
    assert list(notificaties_van(inburgeraar)) == [eigen]


def test_verlenging_door_duo_na_verwerking_geen_verschil_meer(dronten, consulent, duo_simulator):
    """Wi 12: DUO extended the termijn (SS103). Until Regie has processed that notice the
    reconciliation shows the difference and says what to do; afterwards DUO's end is Regie's end,
    so there is no difference left."""
    from regie.duo.codes import laatste_dag_termijn
    from regie.inburgeraars.services import termijn_verlengd_door_duo
    from regie.klok import vandaag

    inburgeraar = InburgeraarFactory(
        bsn=BSN, gemeente=dronten, consulent=consulent, doelgroep=Doelgroep.ASIELSTATUSHOUDER
    )
    pip = pip_vastgesteld(inburgeraar, consulent)
    duo_simulator.persoon_toevoegen(
        BSN,
        "0303",
        pips=[
            {"gemeentecode": "0303", "pip": {"dagtekeningPip": pip.dagtekening.isoformat(), "leerroute": "B"}}
        ],
    )
    duo_simulator.gebeurtenis(BSN, "SS102")
    duo_simulator.gebeurtenis(BSN, "SS103")
    verschil = _onderdelen(vergelijk(inburgeraar))["Einde termijn"]
    assert "Regie kent die verlenging nog niet" in verschil.actie

    duo_einde = laatste_dag_termijn(duo_simulator.persoon(BSN)["inburgeringstermijn"])
    termijn_verlengd_door_duo(
        inburgeraar=inburgeraar, door=consulent, laatste_dag=duo_einde, bericht_van=vandaag()
    )
    inburgeraar.refresh_from_db()
    assert "Einde termijn" not in _onderdelen(vergelijk(inburgeraar))


def test_duo_einddatum_is_exclusief():
    """DUO's Inburgeringstermijn.einddatum is "het einde van de periode (exclusief)": the last day
    that counts is the day before, converted in one place."""
    from datetime import date

    from regie.duo.codes import laatste_dag_termijn

    assert laatste_dag_termijn({"startdatum": "2026-01-15", "einddatum": "2029-01-15"}) == date(2029, 1, 14)
    assert laatste_dag_termijn({"einddatum": "2028-03-01"}) == date(2028, 2, 29)
    assert laatste_dag_termijn(None) is None
    assert laatste_dag_termijn({}) is None

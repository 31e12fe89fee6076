"""The chain: a DUO event at the simulator reaches Regie's Notificatie API (signed as Regie
checks it), is processed, and Regie looks the data up at the simulator."""

import pytest

from regie.duo.client import DuoClient, DuoStoring
from regie.duo.inkomend.selectors import notificaties_van
from regie.taken.werk import werk_taken_af


def test_gebeurtenis_bij_duo_komt_aan_en_wordt_verwerkt(duo_simulator, inburgeraar):
    duo_simulator.persoon_toevoegen(inburgeraar.bsn, "0303", vNummer=1234567890)
    resultaat = duo_simulator.gebeurtenis(
        inburgeraar.bsn, "SS199", notificeer=True, onderdeel="KNM", resultaat="Geslaagd"
    )
    assert resultaat["response"].status_code == 201, resultaat["response"].content
    werk_taken_af()
    [notificatie] = notificaties_van(inburgeraar)
    assert notificatie.gebeurtenis_id == "SS199"
    assert notificatie.bericht_id == resultaat["headers"]["berichtId"]
    assert notificatie.status == "verwerkt", notificatie.reden
    # Regie looked the exam results up at the simulator, as the municipality of the person
    [opvraging] = duo_simulator.ontvangen(api="Examen", bsn=inburgeraar.bsn)
    assert opvraging["status"] == 200 and opvraging["bron"] == inburgeraar.gemeente.oin


def test_vervalste_handtekening_wordt_geweigerd(duo_simulator, inburgeraar):
    duo_simulator.persoon_toevoegen(inburgeraar.bsn, "0303")
    resultaat = duo_simulator.gebeurtenis(inburgeraar.bsn, "SS137")
    antwoord = duo_simulator.notificatie_afleveren(resultaat, **{"X-Duo-Signature": "sha256=" + "0" * 64})
    assert antwoord.status_code == 401
    assert duo_simulator.notificatie_afleveren(resultaat).status_code == 201


def test_regie_raadpleegt_de_simulator_over_mutual_tls(duo_simulator_tls, inburgeraar, settings):
    duo_simulator_tls.persoon_toevoegen(inburgeraar.bsn, "0303")
    assert duo_simulator_tls.url.startswith("https://")
    plicht = DuoClient().raadpleeg(
        "Inburgeringsplicht", f"/personen/{inburgeraar.bsn}/inburgeringsplicht", gemeente=inburgeraar.gemeente
    )
    assert plicht["indicatorInburgeringsplicht"] is True
    with pytest.raises(DuoStoring):  # no client certificate: no connection
        DuoClient(client_cert="", client_key="").raadpleeg(
            "Inburgeringsplicht",
            f"/personen/{inburgeraar.bsn}/inburgeringsplicht",
            gemeente=inburgeraar.gemeente,
        )

"""/api/v1/inburgeraars/{uuid}/pips: PIP versions (Wi 15, Bi 5.3), decided through the service."""

import datetime as dt

import pytest

from regie.api.tests.conftest import probleem, reden, stand
from regie.inburgeraars.models import Doelgroep
from regie.inburgeraars.services import inburgeraar_wijzigen
from regie.inburgeraars.status import Status
from regie.klok import vandaag


def pips(inburgeraar) -> str:
    return f"/api/v1/inburgeraars/{inburgeraar.uuid}/pips"


def eerste_pip(**anders) -> dict:
    return {
        "leerroute": "b1",
        "dagtekening": str(vandaag()),
        "aantal_voortgangsgesprekken": 4,
        "participatie_activiteiten": "Vrijwilligerswerk bij de voedselbank",
        **anders,
    }


def test_eerste_pip_vaststellen(api_consulent, inburgeraar):
    antwoord = api_consulent.post(pips(inburgeraar), eerste_pip(versie=inburgeraar.versie), format="json")
    assert antwoord.status_code == 201, antwoord.json()
    body = antwoord.json()
    assert antwoord["Location"] == body["url"] == f"http://testserver{pips(inburgeraar)}/1"
    assert body["versie"] == 1
    assert body["taalniveau"] == "B1"  # DUO PIP API: no level on the B1-route means B1
    assert body["pvt"] is True and body["map"] is True
    assert body["reden"] == "Eerste PIP"
    assert body["vastgesteld_door"] == "consulent.dronten"
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.PIP_VASTGESTELD
    dossier = api_consulent.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}").json()
    assert dossier["huidig_pip"]["versie"] == 1
    assert "inburgeringstermijn" in [t["soort"] for t in dossier["termijnen"]]


def test_onderwijsroute_zonder_map(api_consulent, inburgeraar):
    antwoord = api_consulent.post(
        pips(inburgeraar), eerste_pip(leerroute="onderwijsroute", map=False), format="json"
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["map"] is False


def test_nieuwe_versie_met_reden(api_teamleider, met_pip):
    antwoord = api_teamleider.post(
        pips(met_pip),
        eerste_pip(
            leerroute="z_route", reden="Leerbaarheidstoets wijst op de Z-route", versie=met_pip.versie
        ),
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.json()
    assert antwoord.json()["versie"] == 2
    assert antwoord.json()["taalniveau"] == ""
    lijst = api_teamleider.get(pips(met_pip)).json()
    assert [p["versie"] for p in lijst] == [2, 1]  # newest first
    assert api_teamleider.get(f"{pips(met_pip)}/1").json()["leerroute"] == "b1"  # earlier version stays


def test_onbekende_versie_is_404(api_consulent, met_pip):
    body = probleem(api_consulent.get(f"{pips(met_pip)}/7"), 404)
    assert body["detail"] == "Deze versie van het PIP bestaat niet."


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        # Wet inburgering 2021, art. 8 lid 3: the onderwijsroute has no MAP.
        ({"leerroute": "onderwijsroute", "map": True}, "map", "art. 8 lid 3"),
        # Wet inburgering 2021, art. 17 lid 3: the first PIP on the B1-route aims at B1.
        ({"taalniveau": "A2"}, "taalniveau", "art. 17 lid 3"),
        # Bi 5.3 / DUO: the number of progress talks is recorded for an asielstatushouder.
        ({"aantal_voortgangsgesprekken": None}, "aantal_voortgangsgesprekken", "art. 5.3"),
        # Wi 15: the PIP is a beschikking, not dated in the future.
        ({"dagtekening": "2999-01-01"}, "dagtekening", "niet in de toekomst"),
        ({"dagtekening": "2000-01-01"}, "dagtekening", "DUO PIP API, controle dagtekening"),
        ({"leerroute": "c1"}, "leerroute", "Kies uit: b1, onderwijsroute, z_route"),
        ({"taalniveau": "C2"}, "taalniveau", "Kies uit: A2, B1"),
        ({"dagtekening": "morgen"}, "dagtekening", "JJJJ-MM-DD"),
        ({"uren_nt2_gevolgd": -5}, "uren_nt2_gevolgd", "groter is dan of gelijk is aan 0"),
        ({"onbekend": True}, "onbekend", "bestaat niet"),
    ],
)
def test_pip_met_fout_slaat_niets_op(api_consulent, inburgeraar, anders, veld, tekst):
    voor = stand()
    gegevens = {k: v for k, v in eerste_pip(**anders).items() if v is not None}
    body = probleem(api_consulent.post(pips(inburgeraar), gegevens, format="json"), 400, veld)
    assert tekst in reden(body, veld)
    assert stand() == voor


def test_geschatte_intensiteit_alleen_bij_b1_route_van_asielstatushouder(api_consulent, inburgeraar):
    """DUO PIP API, geschatteIntensiteitB1Route."""
    inburgeraar_wijzigen(
        inburgeraar=inburgeraar, door=inburgeraar.consulent, versie=None, doelgroep=Doelgroep.GEZINSMIGRANT
    )
    voor = stand()
    body = probleem(
        api_consulent.post(pips(inburgeraar), eerste_pip(geschatte_intensiteit_uren=400), format="json"),
        400,
        "geschatte_intensiteit_uren",
    )
    assert "geschatteIntensiteitB1Route" in reden(body, "geschatte_intensiteit_uren")
    assert stand() == voor


def test_tweede_versie_zonder_reden_wordt_geweigerd(api_consulent, met_pip):
    voor = stand()
    body = probleem(api_consulent.post(pips(met_pip), eerste_pip(), format="json"), 400, "reden")
    assert reden(body, "reden") == "Schrijf op waarom het PIP verandert."
    assert stand() == voor


def test_afschalen_naar_a2_vraagt_grond_600_uur_en_inspanning(api_consulent, met_pip):
    """Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5."""
    voor = stand()
    gegevens = eerste_pip(taalniveau="A2", uren_nt2_gevolgd=599, reden="Afschalen")
    body = probleem(
        api_consulent.post(pips(met_pip), gegevens, format="json"),
        400,
        "uren_nt2_gevolgd",
        "inspanning_aangetoond",
        "b1_niet_haalbaar",
    )
    assert "art. 5.5" in reden(body, "uren_nt2_gevolgd")
    assert "(verlengde) termijn" in reden(body, "b1_niet_haalbaar")
    assert stand() == voor
    gegevens.update(uren_nt2_gevolgd=600, inspanning_aangetoond=True, b1_niet_haalbaar=True)
    antwoord = api_consulent.post(pips(met_pip), gegevens, format="json")
    assert antwoord.status_code == 201
    assert antwoord.json()["b1_niet_haalbaar"] is True


def test_pip_zonder_pvt_waarschuwt_en_slaat_pas_op_na_bevestiging(api_consulent, inburgeraar):
    """Wet inburgering 2021, art. 6 lid 1: the PVT belongs to every route. Without it the API
    answers 400 with the warning and the article; with waarschuwingen_gezien the PIP is decided
    and keeps the warning."""
    voor = stand()
    gegevens = {k: v for k, v in eerste_pip(pvt=False).items() if v is not None}
    body = probleem(
        api_consulent.post(pips(inburgeraar), gegevens, format="json"), 400, "waarschuwingen_gezien"
    )
    assert "participatieverklaringstraject" in reden(body, "waarschuwingen_gezien")
    assert "art. 6 lid 1" in reden(body, "waarschuwingen_gezien")
    assert stand() == voor
    antwoord = api_consulent.post(
        pips(inburgeraar), {**gegevens, "waarschuwingen_gezien": True}, format="json"
    )
    assert antwoord.status_code == 201
    assert "participatieverklaringstraject" in antwoord.json()["waarschuwingen"]


def test_verouderde_versie_is_409(api_consulent, met_pip, teamleider):
    gezien = met_pip.versie
    inburgeraar_wijzigen(inburgeraar=met_pip, door=teamleider, versie=gezien, telefoon="0611111111")
    voor = stand()
    gegevens = eerste_pip(leerroute="z_route", reden="Z-route", versie=gezien)
    probleem(api_consulent.post(pips(met_pip), gegevens, format="json"), 409)
    assert stand() == voor


def test_gesloten_dossier_krijgt_geen_pip(api_consulent, inburgeraar):
    inburgeraar.status = Status.VERHUISD
    inburgeraar.save()
    voor = stand()
    body = probleem(api_consulent.post(pips(inburgeraar), eerste_pip(), format="json"), 400, "nonFieldErrors")
    assert "gesloten" in reden(body, "nonFieldErrors")
    assert "gesloten" in body["detail"]
    assert stand() == voor


def test_dagtekening_voor_het_huidige_pip(api_consulent, met_pip):
    gisteren = str(vandaag() - dt.timedelta(days=1))
    body = probleem(
        api_consulent.post(pips(met_pip), eerste_pip(dagtekening=gisteren, reden="x"), format="json"),
        400,
        "dagtekening",
    )
    assert "huidige PIP" in reden(body, "dagtekening")

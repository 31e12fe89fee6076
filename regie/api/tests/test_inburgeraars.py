"""/api/v1/inburgeraars: list, filters, pagination, register, detail, change and search."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta

from regie.accounts.models import Rol
from regie.api.tests.conftest import maak_inburgeraar, probleem, reden, stand
from regie.demo.factories import UserFactory
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.inburgeraars.services import inburgeraar_wijzigen
from regie.inburgeraars.status import Status
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis

LIJST = "/api/v1/inburgeraars"
ZOEKEN = "/api/v1/inburgeraars/zoeken"


def detail(inburgeraar) -> str:
    return f"{LIJST}/{inburgeraar.uuid}"


def geldige_registratie(**anders) -> dict:
    return {
        "bsn": "111222333",
        "voornamen": "Amina",
        "tussenvoegsel": "",
        "geslachtsnaam": "Haddad",
        "geboortedatum": "1990-05-17",
        "geslacht": "vrouw",
        "geboorteland": "Syrië",
        "nationaliteit": "Syrische",
        "doelgroep": "asielstatushouder",
        "gemeente": "0303",
        "kern": "Biddinghuizen",
        "datum_melding_duo": str(vandaag() - dt.timedelta(days=10)),
        "datum_inschrijving_brp": str(vandaag() - dt.timedelta(days=5)),
        **anders,
    }


# --- list -----------------------------------------------------------------------------


def test_lijst_toont_alleen_eigen_organisatie_zonder_bsn(api_consulent, inburgeraar, dordrecht):
    maak_inburgeraar(gemeente=dordrecht)
    antwoord = api_consulent.get(LIJST)
    assert antwoord.status_code == 200
    body = antwoord.json()
    assert body["count"] == 1
    [item] = body["results"]
    assert item["uuid"] == str(inburgeraar.uuid)
    assert item["url"] == f"http://testserver{detail(inburgeraar)}"
    assert item["gemeente"] == "0303"
    assert item["consulent"]["gebruikersnaam"] == "consulent.dronten"
    assert "bsn" not in item
    assert inburgeraar.bsn not in antwoord.content.decode()


def test_lijst_van_andere_organisatie_is_leeg(api_ander, inburgeraar):
    assert api_ander.get(LIJST).json()["count"] == 0


def test_teamleider_ziet_alle_dossiers_van_de_organisatie(api_teamleider, inburgeraar, dronten):
    maak_inburgeraar(gemeente=dronten)
    assert api_teamleider.get(LIJST).json()["count"] == 2


def test_paginering_met_page_en_pagesize(api_consulent, dronten):
    for naam in ("Cohen", "Bakker", "Aydin"):
        maak_inburgeraar(gemeente=dronten, geslachtsnaam=naam)
    eerste = api_consulent.get(LIJST, {"pageSize": 2}).json()
    assert eerste["count"] == 3
    assert [i["geslachtsnaam"] for i in eerste["results"]] == ["Aydin", "Bakker"]
    assert eerste["next"] == "http://testserver/api/v1/inburgeraars?page=2&pageSize=2"
    tweede = api_consulent.get(LIJST, {"pageSize": 2, "page": 2}).json()
    assert [i["geslachtsnaam"] for i in tweede["results"]] == ["Cohen"]
    assert tweede["next"] is None
    probleem(api_consulent.get(LIJST, {"pageSize": 2, "page": 3}), 404)


def test_pagesize_hoogstens_100(api_consulent, dronten):
    for _ in range(3):
        maak_inburgeraar(gemeente=dronten)
    assert len(api_consulent.get(LIJST, {"pageSize": 100}).json()["results"]) == 3
    antwoord = probleem(api_consulent.get(LIJST, {"pageSize": 101}), 400)
    assert antwoord["invalidParams"] == [
        {
            "name": "pageSize",
            "code": "invalid",
            "reason": "Vul voor pageSize een heel getal van 1 tot en met 100 in.",
        }
    ]


@pytest.mark.parametrize("waarde", ["0", "-1", "abc", "2.5", " 5", "+5", "1_0", "", "99999999999"])
def test_ongeldige_pagesize_geeft_400(api_consulent, inburgeraar, waarde):
    antwoord = probleem(api_consulent.get(LIJST, {"pageSize": waarde}), 400)
    assert [p["name"] for p in antwoord["invalidParams"]] == ["pageSize"]


@pytest.mark.parametrize("waarde", ["0", "-1", "last", "x", ""])
def test_ongeldige_page_geeft_400(api_consulent, inburgeraar, waarde):
    antwoord = probleem(api_consulent.get(LIJST, {"page": waarde}), 400)
    assert antwoord["invalidParams"] == [
        {
            "name": "page",
            "code": "invalid",
            "reason": "Vul voor page een heel getal van 1 of hoger in. De eerste pagina is 1.",
        }
    ]
    assert "Er is niets opgeslagen." in antwoord["detail"]


@pytest.fixture
def gevarieerd(dronten, consulent, teamleider):
    """Four Dronten cases that differ in one filterable property each."""
    collega = UserFactory(username="collega.dronten", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    return {
        "basis": maak_inburgeraar(gemeente=dronten, consulent=consulent, geslachtsnaam="Basis"),
        "gezin": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, doelgroep=Doelgroep.GEZINSMIGRANT, geslachtsnaam="Gezin"
        ),
        "collega": maak_inburgeraar(gemeente=dronten, consulent=collega, geslachtsnaam="Collega"),
        "intake": maak_inburgeraar(
            gemeente=dronten,
            consulent=consulent,
            status=Status.BREDE_INTAKE,
            geboortedatum=dt.date(1985, 3, 1),
            geslachtsnaam="Intake",
        ),
    }


@pytest.mark.parametrize(
    ("filters", "verwacht"),
    [
        ({"status": "brede_intake"}, {"Intake"}),
        ({"doelgroep": "gezinsmigrant"}, {"Gezin"}),
        ({"consulent": "collega.dronten"}, {"Collega"}),
        ({"geboortedatum": "1985-03-01"}, {"Intake"}),
        ({"gemeente": "0303"}, {"Basis", "Gezin", "Collega", "Intake"}),
        ({"gemeente": "0505"}, set()),
        ({"status": "aangemeld", "consulent": "consulent.dronten"}, {"Basis", "Gezin"}),
    ],
)
def test_filters(api_consulent, gevarieerd, filters, verwacht):
    body = api_consulent.get(LIJST, filters).json()
    assert {i["geslachtsnaam"] for i in body["results"]} == verwacht


@pytest.mark.parametrize(
    ("filters", "veld"),
    [
        ({"status": "onbekend"}, "status"),
        ({"doelgroep": "toerist"}, "doelgroep"),
        ({"geboortedatum": "1-1"}, "geboortedatum"),
    ],
)
def test_ongeldig_filter_is_400(api_consulent, filters, veld):
    probleem(api_consulent.get(LIJST, filters), 400, veld)


# --- register -------------------------------------------------------------------------


def test_registreren(api_consulent, consulent):
    gegevens = geldige_registratie(kinderen=[{"voornaam": "Sami", "geboortedatum": "2019-02-01"}])
    antwoord = api_consulent.post(LIJST, gegevens, format="json")
    assert antwoord.status_code == 201, antwoord.json()
    body = antwoord.json()
    inburgeraar = Inburgeraar.objects.get(uuid=body["uuid"])
    assert antwoord["Location"] == f"http://testserver{detail(inburgeraar)}"
    assert "111222333" not in antwoord["Location"]
    assert body["bsn"] == "111222333"
    assert body["kern"] == "Biddinghuizen"
    assert body["kinderen"] == [{"voornaam": "Sami", "geboortedatum": "2019-02-01"}]
    assert body["consulent"]["gebruikersnaam"] == consulent.username  # who registers, follows up
    assert body["status"] == "aangemeld"
    assert body["versie"] == 1
    assert [t["soort"] for t in body["termijnen"]] == ["pip_vaststellen"]
    assert inburgeraar.gebeurtenissen.filter(soort="geregistreerd").exists()
    assert api_consulent.get(antwoord["Location"]).status_code == 200


def test_teamleider_registreert_zonder_zichzelf_als_consulent(api_teamleider):
    antwoord = api_teamleider.post(LIJST, geldige_registratie(), format="json")
    assert antwoord.status_code == 201
    assert antwoord.json()["consulent"] is None


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        ({"bsn": "123456789"}, "bsn", "elfproef"),
        ({"bsn": "12345"}, "bsn", "geen geldig BSN"),
        ({"geboortedatum": "2999-01-01"}, "geboortedatum", "niet in de toekomst"),
        ({"datum_melding_duo": "2999-01-01"}, "datum_melding_duo", "niet in de toekomst"),
        ({"datum_inschrijving_brp": "2999-01-01"}, "datum_inschrijving_brp", "niet in de toekomst"),
        ({"datum_melding_duo": "1980-01-01"}, "datum_melding_duo", "niet voor de geboortedatum"),
        ({"gemeente": "9999"}, "gemeente", "Er is geen gemeente met CBS-code 9999"),
        ({"gemeente": "0505", "kern": ""}, "gemeente", "eigen gemeenten"),
        ({"kern": "Emmeloord"}, "kern", "heeft geen kern"),
        (
            {"doelgroep": "toerist"},
            "doelgroep",
            "Kies uit: asielstatushouder, gezinsmigrant, overige_migrant",
        ),
        ({"geboortedatum": "17-05-1990"}, "geboortedatum", "Vul een datum in als JJJJ-MM-DD"),
        ({"voornamen": ""}, "voornamen", "niet leeg"),
        ({"email": "geen-adres"}, "email", "e-mailadres"),
        ({"kinderen": [{"voornaam": "Sami"}]}, "kinderen.0.geboortedatum", "vereist"),
        ({"status": "afgerond"}, "status", "kan hier niet worden gewijzigd"),
        ({"consulent": "iemand"}, "consulent", "kan hier niet worden gewijzigd"),
    ],
)
def test_registreren_met_fout_slaat_niets_op(api_consulent, dronten, anders, veld, tekst):
    voor = stand()
    body = probleem(api_consulent.post(LIJST, geldige_registratie(**anders), format="json"), 400, veld)
    assert tekst.lower() in reden(body, veld).lower()
    assert body["type"] == "http://testserver/api/v1/problemen/ongeldige-invoer"
    assert stand() == voor


def test_registreren_met_verplichte_velden_leeg(api_consulent, organisaties):
    voor = stand()
    body = probleem(api_consulent.post(LIJST, {}, format="json"), 400)
    verplicht = {p["name"] for p in body["invalidParams"] if p["code"] == "required"}
    assert verplicht == {"bsn", "voornamen", "geslachtsnaam", "geboortedatum", "doelgroep", "gemeente"}
    assert reden(body, "bsn") == "Dit veld is vereist."
    assert stand() == voor


def test_dubbel_bsn_wordt_geweigerd(api_consulent, inburgeraar):
    voor = stand()
    body = probleem(
        api_consulent.post(LIJST, geldige_registratie(bsn=inburgeraar.bsn), format="json"), 400, "bsn"
    )
    assert reden(body, "bsn") == "Er staat al een inburgeraar met dit BSN bij uw organisatie."
    assert stand() == voor


def test_bsn_van_andere_organisatie_wordt_gewoon_geregistreerd(api_ander, inburgeraar):
    """The BSN is unique per organisation (issue 9): a newcomer who moved from Dronten to
    Dordrecht is registered there, and the answer is the one for a BSN no one knows."""
    gegevens = geldige_registratie(bsn=inburgeraar.bsn, gemeente="0505", kern="")
    antwoord = api_ander.post(LIJST, gegevens, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["bsn"] == inburgeraar.bsn
    assert Inburgeraar.objects.filter(bsn=inburgeraar.bsn).count() == 2


# --- detail ---------------------------------------------------------------------------


def test_detail_met_bsn_termijnen_en_huidig_pip(api_consulent, met_pip):
    body = api_consulent.get(detail(met_pip)).json()
    assert body["bsn"] == met_pip.bsn
    assert body["status"] == "pip_vastgesteld"
    assert body["versie"] == met_pip.versie
    assert [t["soort"] for t in body["termijnen"]] == [
        "pip_vaststellen",
        "inburgeringstermijn",
        "leerroute_wijzigen",
        "verlenging_aanvragen_vanaf",
    ]
    einde = body["termijnen"][1]
    assert set(einde) == {"soort", "omschrijving", "datum", "grondslag", "toelichting"}
    assert einde["grondslag"] == "Wet inburgering 2021, art. 11 lid 1, 2 en 3"
    # Wi 11 lid 1 en 2: three years from the day after the dagtekening of the first PIP.
    assert einde["datum"] == str(vandaag() + relativedelta(years=3))
    assert body["huidig_pip"]["versie"] == 1
    assert body["huidig_pip"]["leerroute"] == "b1"
    assert body["huidig_pip"]["url"] == f"http://testserver{detail(met_pip)}/pips/1"


def test_detail_zonder_pip(api_teamleider, inburgeraar):
    body = api_teamleider.get(detail(inburgeraar)).json()
    assert body["huidig_pip"] is None
    assert body["consulent"]["gebruikersnaam"] == "consulent.dronten"


def test_detail_van_andere_organisatie_is_404(api_ander, inburgeraar):
    body = probleem(api_ander.get(detail(inburgeraar)), 404)
    assert body["detail"] == "Dit dossier bestaat niet of u heeft er geen toegang toe."


def test_detail_van_onbekende_uuid_is_404(api_consulent, organisaties):
    probleem(api_consulent.get(f"{LIJST}/00000000-0000-0000-0000-000000000000"), 404)


# --- change ---------------------------------------------------------------------------


def test_wijzigen_met_versie(api_consulent, inburgeraar):
    antwoord = api_consulent.patch(
        detail(inburgeraar),
        {"telefoon": "0612345678", "kern": "Swifterbant", "versie": inburgeraar.versie},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.json()
    body = antwoord.json()
    assert body["telefoon"] == "0612345678"
    assert body["kern"] == "Swifterbant"
    assert body["versie"] == inburgeraar.versie + 1
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="gegevens_gewijzigd").count() == 1


def test_wijzigen_zonder_versie_en_kern_leegmaken(api_teamleider, inburgeraar, dronten):
    inburgeraar.kern = dronten.kernen.get(naam="Dronten")
    inburgeraar.save()
    antwoord = api_teamleider.patch(detail(inburgeraar), {"kern": ""}, format="json")
    assert antwoord.status_code == 200
    assert antwoord.json()["kern"] is None


def test_wijzigen_zonder_verandering_verhoogt_versie_niet(api_consulent, inburgeraar):
    body = api_consulent.patch(detail(inburgeraar), {"telefoon": inburgeraar.telefoon}, format="json").json()
    assert body["versie"] == inburgeraar.versie


def test_wijzigen_met_verouderde_versie_is_409(api_consulent, inburgeraar, teamleider):
    gezien = api_consulent.get(detail(inburgeraar)).json()["versie"]
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=teamleider, versie=gezien, woonplaats="Swifterbant")
    voor = stand()
    antwoord = api_consulent.patch(
        detail(inburgeraar), {"telefoon": "0612345678", "versie": gezien}, format="json"
    )
    body = probleem(antwoord, 409)
    assert body["type"].endswith("/problemen/gelijktijdig-gewijzigd")
    assert "Iemand anders heeft dit dossier gewijzigd" in body["detail"]
    assert stand() == voor


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"datum_huisvesting": "2999-01-01"}, "datum_huisvesting"),
        ({"email": "geen-adres"}, "email"),
        ({"kern": "Emmeloord"}, "kern"),
        ({"bsn": "111222333"}, "bsn"),
        ({"geslachtsnaam": "Anders"}, "geslachtsnaam"),
        ({"status": "afgerond"}, "status"),
        ({"versie": 0}, "versie"),
    ],
)
def test_wijzigen_met_fout_slaat_niets_op(api_consulent, inburgeraar, gegevens, veld):
    voor = stand()
    probleem(
        api_consulent.patch(detail(inburgeraar), {"telefoon": "0600000000", **gegevens}, format="json"),
        400,
        veld,
    )
    assert stand() == voor


def test_wijzigen_van_andere_organisatie_is_404(api_ander, inburgeraar):
    voor = stand()
    probleem(api_ander.patch(detail(inburgeraar), {"telefoon": "0600000000"}, format="json"), 404)
    assert stand() == voor


# --- search ---------------------------------------------------------------------------


def test_zoeken_op_bsn_met_post(api_consulent, inburgeraar, dronten):
    maak_inburgeraar(gemeente=dronten)
    body = api_consulent.post(ZOEKEN, {"bsn": inburgeraar.bsn}, format="json").json()
    assert [i["uuid"] for i in body["results"]] == [str(inburgeraar.uuid)]
    assert "bsn" not in body["results"][0]


def test_zoeken_op_naam_en_geboortedatum(api_consulent, dronten):
    gezocht = maak_inburgeraar(
        gemeente=dronten, voornamen="Yusuf", geslachtsnaam="Demir", geboortedatum=dt.date(1980, 1, 2)
    )
    maak_inburgeraar(gemeente=dronten, voornamen="Yusuf", geslachtsnaam="Kaya")
    body = api_consulent.post(ZOEKEN, {"naam": "yusuf dem"}, format="json").json()
    assert [i["uuid"] for i in body["results"]] == [str(gezocht.uuid)]
    body = api_consulent.post(ZOEKEN, {"naam": "Yusuf", "geboortedatum": "1980-01-02"}, format="json").json()
    assert body["count"] == 1


def test_zoeken_vindt_niets_bij_andere_organisatie(api_ander, inburgeraar):
    body = api_ander.post(ZOEKEN, {"bsn": inburgeraar.bsn}, format="json").json()
    assert body["count"] == 0


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [({}, "nonFieldErrors"), ({"bsn": "", "naam": "  "}, "nonFieldErrors"), ({"bsn": "123"}, "bsn")],
)
def test_zoeken_zonder_geldige_zoekvraag_is_400(api_consulent, organisaties, gegevens, veld):
    probleem(api_consulent.post(ZOEKEN, gegevens, format="json"), 400, veld)


def test_zoeken_met_get_kan_niet(api_consulent, inburgeraar):
    """No BSN in a URL: the search only exists as POST."""
    probleem(api_consulent.get(ZOEKEN, {"bsn": inburgeraar.bsn}), 405)


def test_bsn_in_de_url_wordt_geweigerd(api_consulent, inburgeraar):
    body = probleem(api_consulent.get(LIJST, {"bsn": inburgeraar.bsn}), 400, "bsn")
    assert "POST /api/v1/inburgeraars/zoeken" in reden(body, "bsn")


def test_lijst_in_een_vast_aantal_queries(
    api_consulent, dronten, consulent, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(5):
        maak_inburgeraar(gemeente=dronten, consulent=consulent)
    # First use of the token notes its date (then at most once a minute); the processing log
    # stores the persons' uuids once, after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        api_consulent.get(LIJST)
    # + 2: the processing-log entry of this read and its persons (regie.verwerkingslog).
    with django_assert_max_num_queries(3 + 2):  # token + user, count, page
        assert len(api_consulent.get(LIJST).json()["results"]) == 5

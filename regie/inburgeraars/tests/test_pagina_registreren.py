"""Registering a newcomer: every bad input gives a Dutch message next to its field and saves nothing."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from regie.inburgeraars.models import Inburgeraar, Kind
from regie.klok import vandaag
from regie.organisaties.models import Kern
from regie.tijdlijn.models import Gebeurtenis
from regie.werkvoorraad.tests.hulp import maak_inburgeraar, nieuw_bsn

URL = "/inburgeraars/nieuw/"


@pytest.fixture
def geldig(dronten):
    return {
        "bsn": nieuw_bsn(),
        "voornamen": "Amina",
        "tussenvoegsel": "",
        "geslachtsnaam": "Haddad",
        "geboortedatum": "1990-05-17",
        "geslacht": "vrouw",
        "geboorteland": "Syrië",
        "nationaliteit": "Syrische",
        "talen": "Arabisch, Engels",
        "tolk_nodig": "on",
        "doelgroep": "asielstatushouder",
        "gemeente": dronten.pk,
        "kern": Kern.objects.get(gemeente=dronten, naam="Biddinghuizen").pk,
        "straat": "Dorpsstraat",
        "huisnummer": "12",
        "postcode": "8256ab",
        "woonplaats": "Biddinghuizen",
        "telefoon": "0612345678",
        "email": "amina@example.nl",
        "partner": "",
        "datum_melding_duo": str(vandaag() - timedelta(days=20)),
        "datum_koppeling_coa": str(vandaag() - timedelta(days=40)),
        "datum_inschrijving_brp": str(vandaag() - timedelta(days=10)),
        "datum_huisvesting": str(vandaag() - timedelta(days=10)),
        "dagtekening_eerste_pip_elders": "",
        "leerroute_vorige_gemeente": "",
        "kinderen-TOTAL_FORMS": "2",
        "kinderen-INITIAL_FORMS": "0",
        "kinderen-MIN_NUM_FORMS": "0",
        "kinderen-MAX_NUM_FORMS": "20",
        "kinderen-0-voornaam": "Sara",
        "kinderen-0-geboortedatum": "2019-03-01",
        "kinderen-1-voornaam": "",
        "kinderen-1-geboortedatum": "",
    }


def aantallen():
    return (Inburgeraar.objects.count(), Kind.objects.count(), Gebeurtenis.objects.count())


def test_formulier_toont_alleen_eigen_gemeenten_en_kernen(client, consulent):
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert "Biddinghuizen" in html
    assert "Dordrecht" not in html
    assert "Heerjansdam" not in html
    assert 'for="id_bsn"' in html


def test_registreren_en_naar_het_dossier(client, consulent, geldig):
    client.force_login(consulent)
    antwoord = client.post(URL, geldig)
    inburgeraar = Inburgeraar.objects.get(bsn=geldig["bsn"])
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("inburgeraars:dossier", args=[inburgeraar.uuid])
    assert geldig["bsn"] not in antwoord["Location"]
    assert inburgeraar.consulent == consulent
    assert inburgeraar.tolk_nodig is True
    assert inburgeraar.postcode == "8256 AB"
    assert inburgeraar.kern.naam == "Biddinghuizen"
    assert [(k.voornaam, k.geboortedatum) for k in inburgeraar.kinderen.all()] == [("Sara", date(2019, 3, 1))]
    assert inburgeraar.gebeurtenissen.filter(soort="geregistreerd").exists()
    html = client.get(antwoord["Location"]).content.decode()
    assert "Amina Haddad is geregistreerd." in html


def test_bsn_met_spaties_en_punten(client, consulent, geldig):
    bsn = geldig["bsn"]
    geldig["bsn"] = f"{bsn[:4]}.{bsn[4:6]} {bsn[6:]}"
    client.force_login(consulent)
    assert client.post(URL, geldig).status_code == 302
    assert Inburgeraar.objects.filter(bsn=bsn).exists()


def test_teamleider_registreert_zonder_vaste_consulent(client, teamleider, geldig):
    client.force_login(teamleider)
    assert client.post(URL, geldig).status_code == 302
    assert Inburgeraar.objects.get(bsn=geldig["bsn"]).consulent is None


def test_partner_uit_eigen_organisatie(client, consulent, geldig, inburgeraar):
    geldig["partner"] = inburgeraar.pk
    client.force_login(consulent)
    assert client.post(URL, geldig).status_code == 302
    assert Inburgeraar.objects.get(bsn=geldig["bsn"]).partner == inburgeraar


def invoer(html: str, naam: str) -> str:
    """The HTML tag of the form control with this name."""
    gevonden = re.search(rf'<(?:input|select|textarea)[^>]*name="{re.escape(naam)}"[^>]*>', html)
    assert gevonden, naam
    return gevonden[0]


def verwijst_naar_fout(html: str, veld: str) -> bool:
    """The control points to its error message, so a screen reader reads it out."""
    beschreven = re.search(r'aria-describedby="([^"]*)"', invoer(html, veld))
    return (
        bool(beschreven)
        and f"id_{veld}_error" in beschreven[1].split()
        and 'aria-invalid="true"' in invoer(html, veld)
    )


FOUTEN = [
    ("bsn", "123456789", "Dit is geen geldig BSN"),
    ("bsn", "12345", "Dit is geen geldig BSN"),
    ("bsn", "", "Vul het BSN in."),
    ("voornamen", "", "Vul de voornamen in."),
    ("geslachtsnaam", "", "Vul de achternaam in."),
    ("geboortedatum", "", "Vul de geboortedatum in."),
    ("geboortedatum", "31-02-1990", "Voer een geldige datum in."),
    ("geboortedatum", "MORGEN", "De geboortedatum mag niet in de toekomst liggen."),
    ("datum_melding_duo", "MORGEN", "De datum melding DUO mag niet in de toekomst liggen."),
    (
        "datum_inschrijving_brp",
        "1980-01-01",
        "De datum inschrijving BRP mag niet voor de geboortedatum liggen.",
    ),
    ("datum_koppeling_coa", "1980-01-01", "De datum koppeling COA mag niet voor de geboortedatum liggen."),
    ("datum_huisvesting", "MORGEN", "De datum huisvesting mag niet in de toekomst liggen."),
    ("doelgroep", "", "Kies de doelgroep."),
    ("doelgroep", "toerist", "Selecteer een geldige keuze"),
    ("gemeente", "", "Kies de gemeente."),
    ("email", "geen-adres", "Vul een geldig e-mailadres in"),
    ("postcode", "12345", "Vul een postcode in zoals 1234 AB."),
    ("partner", "999999", "Kies de partner uit de lijst."),
]


@pytest.mark.parametrize(("veld", "waarde", "melding"), FOUTEN)
def test_foute_invoer_melding_bij_het_veld_en_niets_opgeslagen(
    client, consulent, geldig, veld, waarde, melding
):
    if waarde == "MORGEN":
        waarde = str(vandaag() + timedelta(days=1))
    geldig[veld] = waarde
    client.force_login(consulent)
    voor = aantallen()
    antwoord = client.post(URL, geldig)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert melding in html
    assert f'id="id_{veld}_error"' in html
    assert verwijst_naar_fout(html, veld)
    assert "Er is nog niets opgeslagen." in html
    assert aantallen() == voor


def test_invoer_blijft_staan_na_een_fout(client, consulent, geldig):
    geldig["bsn"] = "123456789"
    client.force_login(consulent)
    html = client.post(URL, geldig).content.decode()
    assert 'value="Haddad"' in html
    assert 'value="Sara"' in html


def test_dubbel_bsn(client, consulent, geldig, inburgeraar):
    geldig["bsn"] = inburgeraar.bsn
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert "Er staat al een inburgeraar met dit BSN bij uw organisatie." in html
    assert aantallen() == voor


def test_kern_van_andere_gemeente_van_de_organisatie(client, geldig, dordrecht):
    from regie.demo.factories import UserFactory

    gebruiker = UserFactory(organisatie=dordrecht.organisatie)
    geldig["gemeente"] = dordrecht.pk
    geldig["kern"] = Kern.objects.get(naam="Heerjansdam").pk  # Zwijndrecht, same organisation
    client.force_login(gebruiker)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert "Deze kern hoort niet bij de gekozen gemeente." in html
    assert 'id="id_kern_error"' in html
    assert aantallen() == voor


def test_gemeente_of_kern_van_andere_organisatie(client, consulent, geldig, dordrecht):
    geldig["gemeente"] = dordrecht.pk
    geldig["kern"] = Kern.objects.get(naam="Dordrecht").pk
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert "Kies een gemeente uit de lijst." in html
    assert "Kies een kern uit de lijst." in html
    assert aantallen() == voor


def test_partner_van_andere_organisatie(client, consulent, geldig, dordrecht):
    ander = maak_inburgeraar(gemeente=dordrecht)
    geldig["partner"] = ander.pk
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert "Kies de partner uit de lijst." in html
    assert aantallen() == voor


@pytest.mark.parametrize(
    ("voornaam", "geboortedatum", "veld", "melding"),
    [
        ("Sara", "", "geboortedatum", "Vul ook de geboortedatum van het kind in."),
        ("", "2019-03-01", "voornaam", "Vul ook de voornaam van het kind in."),
        ("Sara", "MORGEN", "geboortedatum", "De geboortedatum van het kind mag niet in de toekomst liggen."),
        ("Sara", "gisteren", "geboortedatum", "Voer een geldige datum in."),
    ],
)
def test_foute_kinderen(client, consulent, geldig, voornaam, geboortedatum, veld, melding):
    if geboortedatum == "MORGEN":
        geboortedatum = str(vandaag() + timedelta(days=1))
    geldig["kinderen-0-voornaam"] = voornaam
    geldig["kinderen-0-geboortedatum"] = geboortedatum
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert melding in html
    assert f'id="id_kinderen-0-{veld}_error"' in html
    assert verwijst_naar_fout(html, f"kinderen-0-{veld}")
    assert aantallen() == voor


def test_kind_toevoegen_slaat_niets_op(client, consulent, geldig):
    geldig["kind_toevoegen"] = "1"
    geldig["bsn"] = "fout"  # not checked: this button only adds a row
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert aantallen() == voor
    assert 'name="kinderen-TOTAL_FORMS" value="3"' in html  # Sara plus two empty rows
    assert 'value="Sara"' in html
    assert 'value="Haddad"' in html
    assert 'value="fout"' in html
    assert "Dit is geen geldig BSN" not in html
    assert "checked" in invoer(html, "tolk_nodig")


def test_partner_zoeken_zonder_javascript(client, consulent, geldig, inburgeraar, dordrecht):
    ander = maak_inburgeraar(gemeente=dordrecht, geslachtsnaam=inburgeraar.geslachtsnaam)
    geldig["partner_zoeken"] = "1"
    geldig["partner_zoekterm"] = inburgeraar.geslachtsnaam
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert aantallen() == voor
    assert f'<option value="{inburgeraar.pk}">' in html
    assert f'<option value="{ander.pk}">' not in html  # other organisation
    assert inburgeraar.bsn not in html


def test_partner_zoeken_met_htmx(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        reverse("inburgeraars:partner_opties"),
        {"partner_zoekterm": inburgeraar.voornamen.split()[0]},
        HTTP_HX_REQUEST="true",
    )
    html = antwoord.content.decode()
    assert html.lstrip().startswith("<option")
    assert f'<option value="{inburgeraar.pk}">' in html
    assert 'id="partner-aantal" hx-swap-oob="innerHTML"' in html


def test_partner_opties_alleen_post(client, consulent):
    client.force_login(consulent)
    assert client.get(reverse("inburgeraars:partner_opties"), {"partner_zoekterm": "x"}).status_code == 405


def test_nooit_een_bsn_in_een_adres(client, consulent, geldig):
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert 'method="get"' not in html.split("<main")[1]


def test_fouten_in_persoon_en_kind_tegelijk(client, consulent, geldig):
    geldig["bsn"] = ""
    geldig["kinderen-0-geboortedatum"] = ""
    client.force_login(consulent)
    voor = aantallen()
    html = client.post(URL, geldig).content.decode()
    assert "Vul het BSN in." in html
    assert "Vul ook de geboortedatum van het kind in." in html
    assert aantallen() == voor


def test_partner_opties_bij_wijzigen_zonder_het_dossier_zelf(client, consulent, inburgeraar, dronten):
    ander = maak_inburgeraar(gemeente=dronten, geslachtsnaam=inburgeraar.geslachtsnaam)
    client.force_login(consulent)
    adres = reverse("inburgeraars:partner_opties")
    html = client.post(f"{adres}?voor={inburgeraar.uuid}", {"partner_zoekterm": inburgeraar.geslachtsnaam})
    html = html.content.decode()
    assert f'<option value="{ander.pk}">' in html
    assert f'<option value="{inburgeraar.pk}">' not in html
    assert client.post(f"{adres}?voor=geen-uuid", {"partner_zoekterm": "x"}).status_code == 404


def test_partner_opties_dossier_van_andere_organisatie(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    adres = reverse("inburgeraars:partner_opties")
    assert client.post(f"{adres}?voor={inburgeraar.uuid}", {"partner_zoekterm": "x"}).status_code == 404

"""Search: name and birth date with GET, BSN only with POST (never in an address)."""

from datetime import date

import pytest

from regie.werkvoorraad.tests.hulp import maak_inburgeraar

URL = "/inburgeraars/zoeken/"


@pytest.fixture
def mensen(dronten, dordrecht):
    return {
        "amina": maak_inburgeraar(
            gemeente=dronten, voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1990, 5, 17)
        ),
        "karim": maak_inburgeraar(
            gemeente=dronten, voornamen="Karim", geslachtsnaam="Haddad", geboortedatum=date(1988, 1, 2)
        ),
        "elders": maak_inburgeraar(
            gemeente=dordrecht, voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1990, 5, 17)
        ),
    }


def resultaten(html: str) -> str:
    return html.split('id="kop-resultaten"')[1] if 'id="kop-resultaten"' in html else ""


def test_lege_pagina_zoekt_niet(client, consulent, mensen):
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert resultaten(html) == ""
    assert 'method="post"' in html and 'name="bsn"' in html


def test_op_naam_alleen_eigen_organisatie(client, consulent, mensen):
    client.force_login(consulent)
    html = resultaten(client.get(URL, {"naam": "haddad"}).content.decode())
    assert str(mensen["amina"].uuid) in html
    assert str(mensen["karim"].uuid) in html
    assert str(mensen["elders"].uuid) not in html
    assert "2 inburgeraars gevonden." in html


def test_op_naam_en_geboortedatum(client, consulent, mensen):
    client.force_login(consulent)
    html = resultaten(client.get(URL, {"naam": "Haddad", "geboortedatum": "1988-01-02"}).content.decode())
    assert str(mensen["karim"].uuid) in html
    assert str(mensen["amina"].uuid) not in html


def test_alleen_geboortedatum(client, consulent, mensen):
    client.force_login(consulent)
    html = resultaten(client.get(URL, {"geboortedatum": "1990-05-17"}).content.decode())
    assert "1 inburgeraar gevonden." in html
    assert str(mensen["amina"].uuid) in html


def test_niemand_gevonden(client, consulent, mensen):
    client.force_login(consulent)
    assert "Niemand gevonden." in client.get(URL, {"naam": "Jansen"}).content.decode()


def test_lege_zoekopdracht_geeft_melding(client, consulent, mensen):
    client.force_login(consulent)
    html = client.get(URL, {"naam": "", "geboortedatum": ""}).content.decode()
    assert "Vul een naam of een geboortedatum in." in html
    assert resultaten(html) == ""


def test_foute_geboortedatum(client, consulent, mensen):
    client.force_login(consulent)
    html = client.get(URL, {"geboortedatum": "17-13-1990"}).content.decode()
    assert "Voer een geldige datum in." in html
    assert resultaten(html) == ""


def test_bsn_met_post(client, consulent, mensen):
    client.force_login(consulent)
    antwoord = client.post(URL, {"bsn": mensen["amina"].bsn})
    assert antwoord.status_code == 200
    html = resultaten(antwoord.content.decode())
    assert str(mensen["amina"].uuid) in html
    assert str(mensen["karim"].uuid) not in html
    assert "1 inburgeraar gevonden." in html


def test_bsn_van_andere_organisatie_niet_gevonden(client, consulent, mensen):
    client.force_login(consulent)
    html = client.post(URL, {"bsn": mensen["elders"].bsn}).content.decode()
    assert "Niemand gevonden." in html
    assert str(mensen["elders"].uuid) not in html


def test_bsn_in_het_adres_zoekt_niet_op_bsn(client, consulent, mensen):
    client.force_login(consulent)
    html = client.get(URL, {"bsn": mensen["amina"].bsn}).content.decode()
    assert resultaten(html) == ""
    assert str(mensen["amina"].uuid) not in html
    assert mensen["amina"].bsn not in html


def test_bsn_in_het_naamveld_wordt_geweigerd(client, consulent, mensen):
    client.force_login(consulent)
    html = client.get(URL, {"naam": mensen["amina"].bsn}).content.decode()
    assert "Zoek niet op BSN in dit veld" in html
    assert resultaten(html) == ""
    assert f'value="{mensen["amina"].bsn}"' not in html


@pytest.mark.parametrize(
    ("bsn", "melding"), [("123456789", "Dit is geen geldig BSN"), ("", "Vul het BSN in.")]
)
def test_fout_bsn(client, consulent, mensen, bsn, melding):
    client.force_login(consulent)
    html = client.post(URL, {"bsn": bsn}).content.decode()
    assert melding in html
    assert 'id="id_bsn_error"' in html
    assert resultaten(html) == ""


def test_geen_bsn_in_adressen_van_de_resultaten(client, consulent, mensen):
    client.force_login(consulent)
    html = client.post(URL, {"bsn": mensen["amina"].bsn}).content.decode()
    adressen = " ".join(part.split('"')[0] for part in html.split('href="')[1:])
    assert mensen["amina"].bsn not in adressen
    assert 'action="/inburgeraars/zoeken/"' in html

"""The consultant's worklist: own active cases, urgent first, signals, filter (also via htmx)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from regie.demo.factories import UserFactory
from regie.inburgeraars.services import status_wijzigen
from regie.intake.services import afspraak_plannen
from regie.klok import vandaag
from regie.werkvoorraad.selectors import mijn_werkvoorraad, team_werkvoorraad
from regie.werkvoorraad.tests.hulp import maak_inburgeraar

URL = "/werkvoorraad/"


def dagen_geleden(n):
    return vandaag() - timedelta(days=n)


@pytest.fixture
def dossiers(dronten, consulent, teamleider):
    """Four cases of `consulent` with different urgency, one closed, one of a colleague."""
    return {
        # Bi 5.3 lid 1: 10 weeks after the DUO notice; 80 days ago means the deadline passed.
        "te_laat": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, geslachtsnaam="Telaat", datum_melding_duo=dagen_geleden(80)
        ),
        "bijna": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, geslachtsnaam="Bijna", datum_melding_duo=dagen_geleden(60)
        ),
        "ruim": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, geslachtsnaam="Ruim", datum_melding_duo=dagen_geleden(5)
        ),
        "zonder_datum": maak_inburgeraar(
            gemeente=dronten,
            consulent=consulent,
            geslachtsnaam="Zonderdatum",
            datum_melding_duo=None,
            datum_inschrijving_brp=None,
        ),
        "gesloten": maak_inburgeraar(
            gemeente=dronten, consulent=consulent, geslachtsnaam="Gesloten", status="afgerond"
        ),
        "collega": maak_inburgeraar(
            gemeente=dronten,
            consulent=UserFactory(organisatie=dronten.organisatie),
            geslachtsnaam="Vancollega",
        ),
    }


def test_eigen_actieve_dossiers_urgentste_eerst(client, consulent, dossiers):
    client.force_login(consulent)
    antwoord = client.get(URL)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    volgorde = [html.index(str(dossiers[n].uuid)) for n in ("te_laat", "bijna", "ruim", "zonder_datum")]
    assert volgorde == sorted(volgorde)
    assert str(dossiers["gesloten"].uuid) not in html
    assert str(dossiers["collega"].uuid) not in html
    assert "4 actieve dossiers." in html
    assert "te laat" in html
    assert "PIP vaststellen uiterlijk" in html


def test_geen_n_plus_1(client, consulent, dossiers, dronten, django_assert_max_num_queries):
    client.force_login(consulent)
    client.get(URL)
    for _ in range(10):
        maak_inburgeraar(gemeente=dronten, consulent=consulent, datum_melding_duo=dagen_geleden(3))
    # Session, user, TOTP device, organisation; the filter's municipalities and kernen; the list's
    # counts, page ids and rows (regie.werkvoorraad.selectors.werkvoorraad); + 3: the processing-log
    # entry of this read, its persons and the uuids of persons logged for the first time
    # (regie.verwerkingslog), one INSERT each. On PostgreSQL + 3:
    # the counts run without JIT (regie.lijsten.zonder_jit: SAVEPOINT, SET LOCAL jit, RELEASE).
    extra = 3 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(9 + 3 + extra):
        antwoord = client.get(URL)
    assert "14 actieve dossiers." in antwoord.content.decode()


def test_filter_op_signaal_zonder_javascript(client, consulent, dossiers):
    client.force_login(consulent)
    html = client.get(URL, {"signaal": "pip_termijn_verstreken"}).content.decode()
    assert str(dossiers["te_laat"].uuid) in html
    assert str(dossiers["bijna"].uuid) not in html
    assert "1 van 4 dossiers met dit filter." in html
    assert "<h1" in html  # the whole page


def test_filter_met_htmx_geeft_alleen_de_tabel(client, consulent, dossiers):
    client.force_login(consulent)
    antwoord = client.get(URL, {"signaal": "pip_termijn_bijna"}, HTTP_HX_REQUEST="true")
    html = antwoord.content.decode()
    assert "<h1" not in html
    assert str(dossiers["bijna"].uuid) in html
    assert str(dossiers["te_laat"].uuid) not in html
    assert 'id="werkvoorraad-aantal" hx-swap-oob="innerHTML"' in html
    assert "HX-Request" in antwoord["Vary"]


def test_htmx_geschiedenis_herstellen_geeft_hele_pagina(client, consulent, dossiers):
    client.force_login(consulent)
    html = client.get(
        URL, {"signaal": "pip_termijn_bijna"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    ).content.decode()
    assert "<h1" in html


def test_filter_op_status(client, consulent, dossiers):
    status_wijzigen(inburgeraar=dossiers["ruim"], door=consulent, naar="brede_intake")
    client.force_login(consulent)
    html = client.get(URL, {"status": "brede_intake"}).content.decode()
    assert str(dossiers["ruim"].uuid) in html
    assert str(dossiers["te_laat"].uuid) not in html


def test_onbekend_filter_geeft_melding_en_filtert_niet(client, consulent, dossiers):
    client.force_login(consulent)
    html = client.get(URL, {"signaal": "bestaat_niet", "status": "afgerond"}).content.decode()
    assert "Kies een signaal uit de lijst." in html
    assert "Kies een status uit de lijst." in html
    assert str(dossiers["te_laat"].uuid) in html
    assert str(dossiers["gesloten"].uuid) not in html  # closed cases never show


def test_intakeafspraak_haalt_signaal_weg(client, consulent, dossiers):
    rij = next(
        r for r in mijn_werkvoorraad(consulent, vandaag=vandaag()) if r.inburgeraar == dossiers["ruim"]
    )
    assert "geen_intakeafspraak" in rij.codes
    afspraak_plannen(
        inburgeraar=dossiers["ruim"],
        door=consulent,
        begint_op=timezone.now() + timedelta(days=3),
        locatie="Stadhuis",
    )
    rij = next(
        r for r in mijn_werkvoorraad(consulent, vandaag=vandaag()) if r.inburgeraar == dossiers["ruim"]
    )
    assert "geen_intakeafspraak" not in rij.codes


def test_lege_werkvoorraad(client, teamleider, dossiers):
    client.force_login(teamleider)
    assert "U heeft nu geen actieve dossiers." in client.get(URL).content.decode()


def test_andere_organisatie_ziet_niets(client, consulent_drechtsteden, dossiers):
    client.force_login(consulent_drechtsteden)
    html = client.get(URL).content.decode()
    assert all(str(d.uuid) not in html for d in dossiers.values())
    assert team_werkvoorraad(consulent_drechtsteden, vandaag=vandaag()) == []


def test_geen_bsn_in_de_werkvoorraad(client, consulent, dossiers):
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert dossiers["te_laat"].bsn not in html


def test_alleen_get(client, consulent):
    client.force_login(consulent)
    assert client.post(URL).status_code == 405

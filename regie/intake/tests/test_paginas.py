"""The brede intake pages (Wi 14, Bi 5.2): access, saving, diplomas, appointments, report."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.status import Status
from regie.intake import services
from regie.intake.models import Afspraak, BredeIntake, Diploma
from regie.tijdlijn.models import Gebeurtenis

GISTEREN = timezone.localdate() - dt.timedelta(days=1)
PAGINAS = ["intake:intake", "intake:verslag", "intake:verslag_pdf"]


def url(naam, inburgeraar, *args):
    return reverse(naam, args=[inburgeraar.uuid, *args])


def intake_gegevens(inburgeraar, **extra):
    """A filled-in intake form as the browser posts it (unchecked boxes are absent)."""
    return {
        "versie": inburgeraar.versie,
        "leerbaarheidstoets_datum": "",
        "leerbaarheidstoets_resultaat": "B1-route haalbaar",
        "opleidingsniveau": "mbo",
        "jaren_onderwijs": "12",
        "werkervaring": "Acht jaar kapper in Aleppo",
        "taalniveau_lezen": "A1",
        "taalniveau_luisteren": "A2",
        "taalniveau_spreken": "A1",
        "taalniveau_schrijven": "A0",
        "gezondheid_psychisch": "Slaapt slecht; kan 3 dagdelen per week les volgen.",
        "wensen_en_motivatie": "Wil een eigen kapsalon beginnen.",
        **extra,
    }


@pytest.fixture
def ander(dordrecht):
    """A case of another organisation (Drechtsteden)."""
    return InburgeraarFactory(gemeente=dordrecht)


# --- Access -------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("gebruiker", ["consulent", "teamleider"])
def test_medewerker_van_de_organisatie_ziet_de_pagina(client, request, inburgeraar, naam, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get(url(naam, inburgeraar)).status_code == 200


@pytest.mark.parametrize("naam", PAGINAS)
def test_andere_organisatie_krijgt_404(client, consulent_drechtsteden, inburgeraar, naam):
    client.force_login(consulent_drechtsteden)
    assert client.get(url(naam, inburgeraar)).status_code == 404


@pytest.mark.parametrize("naam", PAGINAS)
def test_anoniem_gaat_naar_inloggen(client, inburgeraar, naam):
    antwoord = client.get(url(naam, inburgeraar))
    assert antwoord.status_code == 302
    assert antwoord.url.startswith(reverse("accounts:login"))


def test_andere_organisatie_kan_niets_opslaan(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    posts = [
        ("intake:intake", intake_gegevens(inburgeraar)),
        ("intake:diploma_toevoegen", {"diploma-naam": "Havo"}),
        (
            "intake:afspraak_plannen",
            {"afspraak-begint_op": "2030-01-10T10:00", "afspraak-locatie": "Stadhuis"},
        ),
    ]
    for naam, gegevens in posts:
        assert client.post(url(naam, inburgeraar), gegevens).status_code == 404
    assert not BredeIntake.objects.exists()
    assert not Afspraak.objects.exists()


# --- Saving the intake --------------------------------------------------------------------


def test_pagina_toont_de_onderdelen_en_markeert_gezondheid(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(url("intake:intake", inburgeraar)).content.decode()
    for legenda in (
        "Leerbaarheidstoets",
        "Opleiding en werk",
        "Taalniveau Nederlands",
        "Gezin en kinderen",
        "Financiële situatie",
        "Wensen en motivatie",
        "Het gesprek",
    ):
        assert f'legend--html-legend">{legenda}' in html
    assert "bijzonder persoonsgegeven" in html
    assert f'name="versie" value="{inburgeraar.versie}"' in html


def test_opslaan_bewaart_de_intake_en_schrijft_de_tijdlijn(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:intake", inburgeraar),
        intake_gegevens(inburgeraar, tolk_gebruikt="on", tolk_taal="Arabisch"),
    )
    assert antwoord.status_code == 302
    intake = BredeIntake.objects.get(inburgeraar=inburgeraar)
    assert intake.werkervaring == "Acht jaar kapper in Aleppo"
    assert intake.tolk_gebruikt and intake.tolk_taal == "Arabisch"
    assert intake.gewijzigd_door == consulent
    gebeurtenis = Gebeurtenis.objects.get(inburgeraar=inburgeraar, soort="brede_intake")
    assert "psychische gezondheid (bijzonder persoonsgegeven)" in gebeurtenis.omschrijving
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.BREDE_INTAKE
    assert "De brede intake is opgeslagen." in client.get(antwoord.url).content.decode()


def test_verouderd_formulier_wordt_geweigerd(client, consulent, teamleider, inburgeraar):
    """A colleague saved in between: the stale form saves nothing and says so."""
    oude_versie = inburgeraar.versie
    services.brede_intake_opslaan(
        inburgeraar=inburgeraar, door=teamleider, versie=oude_versie, werkervaring="Schoonmaker"
    )
    client.force_login(consulent)
    gegevens = intake_gegevens(inburgeraar, versie=oude_versie, werkervaring="Kapper")
    antwoord = client.post(url("intake:intake", inburgeraar), gegevens)
    assert antwoord.status_code == 200
    assert "Iemand anders heeft dit dossier gewijzigd" in antwoord.content.decode()
    assert BredeIntake.objects.get(inburgeraar=inburgeraar).werkervaring == "Schoonmaker"
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="brede_intake").count() == 1


def test_datum_in_de_toekomst_staat_bij_het_veld_en_niets_wordt_opgeslagen(client, consulent, inburgeraar):
    client.force_login(consulent)
    morgen = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    antwoord = client.post(
        url("intake:intake", inburgeraar), intake_gegevens(inburgeraar, leerbaarheidstoets_datum=morgen)
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'id="id_leerbaarheidstoets_datum_error"' in html
    assert "Deze datum mag niet in de toekomst liggen." in html
    assert 'aria-describedby="id_leerbaarheidstoets_datum_helptext id_leerbaarheidstoets_datum_error"' in html
    assert not BredeIntake.objects.filter(inburgeraar=inburgeraar).exists()
    assert not Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="brede_intake").exists()


def test_tolk_zonder_taal_geeft_een_melding(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:intake", inburgeraar), intake_gegevens(inburgeraar, tolk_gebruikt="on")
    )
    assert "Vul in welke taal de tolk sprak." in antwoord.content.decode()
    assert not BredeIntake.objects.filter(inburgeraar=inburgeraar).exists()


# --- Diplomas -----------------------------------------------------------------------------


def test_diploma_toevoegen_met_htmx_vervangt_alleen_de_lijst(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:diploma_toevoegen", inburgeraar),
        {
            "diploma-naam": "Kappersopleiding",
            "diploma-land": "Syrië",
            "diploma-jaar": "2010",
            "versie": inburgeraar.versie,
        },
        HTTP_HX_REQUEST="true",
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert html.lstrip().startswith('<div id="diplomas"')
    assert "Kappersopleiding" in html
    inburgeraar.refresh_from_db()
    # The intake form on the page gets the new case version, so it can still be saved.
    assert f'value="{inburgeraar.versie}" id="id_versie" hx-swap-oob="true"' in html
    diploma = Diploma.objects.get(intake__inburgeraar=inburgeraar)
    assert (diploma.naam, diploma.land, diploma.jaar) == ("Kappersopleiding", "Syrië", 2010)
    assert Gebeurtenis.objects.filter(
        inburgeraar=inburgeraar, omschrijving="Diploma toegevoegd aan de brede intake: Kappersopleiding"
    ).exists()


def test_diploma_toevoegen_zonder_javascript(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(url("intake:diploma_toevoegen", inburgeraar), {"diploma-naam": "Havo"})
    assert antwoord.status_code == 302
    assert antwoord.url.endswith("#diplomas")
    assert "Havo" in client.get(antwoord.url).content.decode()


def test_diploma_zonder_naam_of_met_jaar_in_de_toekomst_wordt_niet_bewaard(client, consulent, inburgeraar):
    client.force_login(consulent)
    zonder_naam = client.post(
        url("intake:diploma_toevoegen", inburgeraar), {"diploma-naam": ""}, HTTP_HX_REQUEST="true"
    )
    assert "Vul de naam van de opleiding of het diploma in." in zonder_naam.content.decode()
    toekomst = client.post(
        url("intake:diploma_toevoegen", inburgeraar),
        {"diploma-naam": "Havo", "diploma-jaar": str(timezone.localdate().year + 1)},
        HTTP_HX_REQUEST="true",
    )
    assert "Het jaar mag niet in de toekomst liggen." in toekomst.content.decode()
    assert 'id="id_diploma-jaar_error"' in toekomst.content.decode()
    assert not Diploma.objects.exists()
    assert 'hx-swap-oob="true"' not in toekomst.content.decode()


def test_diploma_toevoegen_met_verouderde_versie_wordt_geweigerd(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:diploma_toevoegen", inburgeraar),
        {"diploma-naam": "Havo", "versie": inburgeraar.versie + 5},
        HTTP_HX_REQUEST="true",
    )
    assert "Iemand anders heeft dit dossier gewijzigd" in antwoord.content.decode()
    assert not Diploma.objects.exists()


def test_diploma_verwijderen(client, consulent, inburgeraar):
    diploma = services.diploma_toevoegen(inburgeraar=inburgeraar, door=consulent, naam="Havo")
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:diploma_verwijderen", inburgeraar),
        {"diploma": diploma.pk, "versie": inburgeraar.versie},
        HTTP_HX_REQUEST="true",
    )
    assert antwoord.status_code == 200
    assert "Het diploma ‘Havo’ is verwijderd." in antwoord.content.decode()
    assert not Diploma.objects.exists()
    assert Gebeurtenis.objects.filter(omschrijving="Diploma verwijderd uit de brede intake: Havo").exists()


def test_diploma_van_een_ander_dossier_kan_niet_weg(client, consulent, inburgeraar, dronten):
    ander_dossier = InburgeraarFactory(gemeente=dronten)
    diploma = services.diploma_toevoegen(inburgeraar=ander_dossier, door=consulent, naam="Havo")
    client.force_login(consulent)
    antwoord = client.post(url("intake:diploma_verwijderen", inburgeraar), {"diploma": diploma.pk})
    assert antwoord.status_code == 404
    assert Diploma.objects.filter(pk=diploma.pk).exists()


# --- Appointments -------------------------------------------------------------------------


def test_afspraak_plannen(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:afspraak_plannen", inburgeraar),
        {
            "afspraak-begint_op": "2030-01-10T10:00",
            "afspraak-locatie": "Stadhuis, kamer 2",
            "afspraak-uitnodiging_verstuurd_op": GISTEREN.isoformat(),
            "afspraak-tolk": "on",
        },
    )
    assert antwoord.status_code == 302
    afspraak = Afspraak.objects.get(inburgeraar=inburgeraar)
    assert timezone.localtime(afspraak.begint_op).strftime("%d-%m-%Y %H:%M") == "10-01-2030 10:00"
    assert afspraak.tolk and afspraak.uitnodiging_verstuurd_op == GISTEREN
    html = client.get(antwoord.url).content.decode()
    assert "De afspraak op 10-01-2030 10:00 uur is gepland." in html
    assert "Stadhuis, kamer 2" in html
    assert Gebeurtenis.objects.filter(
        inburgeraar=inburgeraar, omschrijving__startswith="Afspraak brede intake gepland op 10-01-2030 10:00"
    ).exists()


def test_uitnodiging_na_de_afspraak_staat_bij_het_veld(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:afspraak_plannen", inburgeraar),
        {
            "afspraak-begint_op": f"{GISTEREN.isoformat()}T10:00",
            "afspraak-locatie": "Stadhuis",
            "afspraak-uitnodiging_verstuurd_op": timezone.localdate().isoformat(),
        },
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'id="id_afspraak-uitnodiging_verstuurd_op_error"' in html
    assert "De uitnodiging moet voor de afspraak verstuurd zijn." in html
    assert not Afspraak.objects.exists()


def test_pagina_legt_uit_dat_niet_verschijnen_tot_een_boete_kan_leiden(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(url("intake:intake", inburgeraar)).content.decode()
    assert "Dan kan de gemeente een boete geven." in html
    assert "Wet inburgering 2021, art. 22" in html


def _afspraak(inburgeraar, consulent):
    return services.afspraak_plannen(
        inburgeraar=inburgeraar,
        door=consulent,
        begint_op=timezone.make_aware(dt.datetime(2030, 1, 10, 10, 0)),
        locatie="Stadhuis",
        uitnodiging_verstuurd_op=GISTEREN,
    )


def test_status_wijzigen_met_htmx_geeft_de_rij_terug(client, consulent, inburgeraar):
    afspraak = _afspraak(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:afspraak_status", inburgeraar, afspraak.pk),
        {f"afspraak-{afspraak.pk}-status": "niet_verschenen", "versie": inburgeraar.versie},
        HTTP_HX_REQUEST="true",
    )
    html = antwoord.content.decode()
    assert html.lstrip().startswith(f'<tr class="utrecht-table__row" id="afspraak-{afspraak.pk}">')
    assert '<option value="niet_verschenen" selected>' in html
    assert "is nu: niet verschenen." in html
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraak.Status.NIET_VERSCHENEN
    inburgeraar.refresh_from_db()
    assert f'value="{inburgeraar.versie}" id="id_versie" hx-swap-oob="true"' in html
    assert Gebeurtenis.objects.filter(omschrijving="Afspraak van 10-01-2030 10:00: niet verschenen").exists()


def test_status_wijzigen_werkt_de_verouderde_intakeversie_niet_bij(client, consulent, inburgeraar):
    """A colleague changed the case meanwhile: the intake form must stay stale, so it cannot overwrite."""
    afspraak = _afspraak(inburgeraar, consulent)
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:afspraak_status", inburgeraar, afspraak.pk),
        {f"afspraak-{afspraak.pk}-status": "gehouden", "versie": 1},
        HTTP_HX_REQUEST="true",
    )
    assert antwoord.status_code == 200
    assert 'hx-swap-oob="true"' not in antwoord.content.decode()
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraak.Status.GEHOUDEN


def test_status_van_afspraak_van_een_ander_dossier_geeft_404(client, consulent, inburgeraar, dronten):
    afspraak = _afspraak(InburgeraarFactory(gemeente=dronten), consulent)
    client.force_login(consulent)
    antwoord = client.post(
        url("intake:afspraak_status", inburgeraar, afspraak.pk),
        {f"afspraak-{afspraak.pk}-status": "gehouden"},
    )
    assert antwoord.status_code == 404
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraak.Status.GEPLAND


# --- Report -------------------------------------------------------------------------------


def test_verslag_toont_de_gegevens_in_gewone_taal(client, consulent, inburgeraar):
    services.brede_intake_opslaan(
        inburgeraar=inburgeraar,
        door=consulent,
        versie=None,
        werkervaring="Acht jaar kapper",
        gezondheid_lichamelijk="Rugklachten",
        opleidingsniveau="mbo",
    )
    services.diploma_toevoegen(inburgeraar=inburgeraar, door=consulent, naam="Kappersdiploma", land="Syrië")
    client.force_login(consulent)
    html = client.get(url("intake:verslag", inburgeraar)).content.decode()
    for tekst in (
        "Verslag van de brede intake",
        "Acht jaar kapper",
        "Rugklachten",
        "Kappersdiploma",
        "Beroepsonderwijs (mbo-niveau)",
        "bijzonder persoonsgegeven",
        "Niet ingevuld",
    ):
        assert tekst in html
    assert inburgeraar.bsn not in html


def test_verslag_als_pdf(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.get(url("intake:verslag_pdf", inburgeraar))
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")
    assert antwoord["Content-Disposition"].startswith("attachment;")
    assert inburgeraar.bsn not in antwoord["Content-Disposition"]
    assert "no-store" in antwoord["Cache-Control"]

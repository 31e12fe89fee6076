"""The Participatie tab per role: read for who reads the case, change only for the own consultant
(and the team lead); bad input shows the message and saves nothing; reads are logged."""

from datetime import timedelta

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.klok import vandaag
from regie.participatie import services
from regie.participatie.models import Activiteit, Situatie
from regie.verwerkingslog.models import Verwerking


def url(naam, inburgeraar, **kw):
    return reverse(f"participatie:{naam}", kwargs={"uuid": inburgeraar.uuid, **kw})


@pytest.fixture
def collega(dronten):
    return UserFactory(organisatie=dronten.organisatie, rol=Rol.CONSULENT)


def activiteit_post(inburgeraar, **anders):
    return {
        "versie": inburgeraar.versie,
        "soort": "vrijwilligerswerk",
        "partner": "Voedselbank Dronten",
        "startdatum": (vandaag() - timedelta(days=30)).isoformat(),
        "einddatum": "",
        "uren_per_week": "4",
        "contractvorm": "",
        "resultaat": "loopt",
        "reden": "",
        "omschrijving": "",
        "aanbieder": "",
    } | anders


def test_tab_toont_activiteiten_meetmomenten_en_logt_het_lezen(client, consulent, inburgeraar):
    services.activiteit_toevoegen(
        inburgeraar=inburgeraar,
        door=consulent,
        soort="betaald_werk",
        partner="Bakkerij De Korenschoof",
        startdatum=vandaag() - timedelta(days=5),
        uren_per_week=20,
        contractvorm="oproep",
    )
    client.force_login(consulent)
    antwoord = client.get(url("participatie", inburgeraar))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'aria-current="page">Participatie<' in html
    assert "Bakkerij De Korenschoof" in html and "Oproepcontract" in html
    assert "Na 36 maanden" in html and "nog geen PIP" in html
    assert "Activiteit toevoegen" in html
    assert Verwerking.objects.filter(onderdeel="participatie", actie="lezen").exists()


def test_collega_leest_maar_wijzigt_niet(client, collega, inburgeraar):
    client.force_login(collega)
    html = client.get(url("participatie", inburgeraar)).content.decode()
    assert "Activiteit toevoegen" not in html
    assert client.get(url("activiteit_toevoegen", inburgeraar)).status_code == 403
    assert (
        client.post(url("activiteit_toevoegen", inburgeraar), activiteit_post(inburgeraar)).status_code == 403
    )
    assert not Activiteit.objects.exists()


def test_teamleider_mag_wijzigen(client, teamleider, inburgeraar):
    client.force_login(teamleider)
    antwoord = client.post(url("activiteit_toevoegen", inburgeraar), activiteit_post(inburgeraar))
    assert antwoord.status_code == 302
    assert Activiteit.objects.get().aangemaakt_door == teamleider


def test_andere_organisatie_ziet_niets(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    assert client.get(url("participatie", inburgeraar)).status_code == 404


def test_toevoegen_en_wijzigen(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(url("activiteit_toevoegen", inburgeraar), activiteit_post(inburgeraar))
    assert antwoord.status_code == 302
    activiteit = Activiteit.objects.get()
    inburgeraar.refresh_from_db()
    assert client.get(url("activiteit_wijzigen", inburgeraar, pk=activiteit.pk)).status_code == 200
    antwoord = client.post(
        url("activiteit_wijzigen", inburgeraar, pk=activiteit.pk),
        activiteit_post(
            inburgeraar, einddatum=vandaag().isoformat(), resultaat="voortijdig_gestopt", reden="Verhuisd"
        ),
    )
    assert antwoord.status_code == 302
    activiteit.refresh_from_db()
    assert activiteit.resultaat == "voortijdig_gestopt" and activiteit.reden == "Verhuisd"


@pytest.mark.parametrize(
    ("anders", "melding"),
    [
        ({"einddatum": (vandaag() - timedelta(days=31)).isoformat()}, "De einddatum ligt voor de startdatum"),
        ({"uren_per_week": "61"}, "van 0 tot en met 60"),
        ({"uren_per_week": "veel"}, "Vul een heel getal in"),
        ({"partner": ""}, "Vul de naam van de werkgever of organisatie in"),
        ({"soort": "betaald_werk"}, "Kies de contractvorm"),
    ],
)
def test_foute_invoer_geeft_een_melding_en_bewaart_niets(client, consulent, inburgeraar, anders, melding):
    client.force_login(consulent)
    antwoord = client.post(url("activiteit_toevoegen", inburgeraar), activiteit_post(inburgeraar, **anders))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Er is niets opgeslagen" in html and melding in html
    assert not Activiteit.objects.exists()


def test_activiteit_van_een_ander_dossier_is_404(client, consulent, inburgeraar, dronten):
    from regie.demo.factories import InburgeraarFactory

    ander = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    vreemd = services.activiteit_toevoegen(
        inburgeraar=ander, door=consulent, soort="stage", partner="X", startdatum=vandaag()
    )
    client.force_login(consulent)
    assert client.get(url("activiteit_wijzigen", inburgeraar, pk=vreemd.pk)).status_code == 404


def situatie_post(inburgeraar, **anders):
    return {
        "versie": inburgeraar.versie,
        "gemeten_op": vandaag().isoformat(),
        "werk": "deeltijd",
        "opleiding": "nee",
        "uitkering": "gedeeltelijk",
        "zelfredzaamheid": "3",
        "toelichting": "",
    } | anders


def test_situatie_bij_intake_vastleggen_en_corrigeren(client, consulent, inburgeraar):
    client.force_login(consulent)
    assert client.get(url("situatie", inburgeraar, moment="intake")).status_code == 200
    assert (
        client.post(url("situatie", inburgeraar, moment="intake"), situatie_post(inburgeraar)).status_code
        == 302
    )
    inburgeraar.refresh_from_db()
    html = client.get(url("situatie", inburgeraar, moment="intake")).content.decode()
    assert "Er is al een situatie vastgelegd" in html
    client.post(
        url("situatie", inburgeraar, moment="intake"), situatie_post(inburgeraar, zelfredzaamheid="4")
    )
    assert Situatie.objects.count() == 2
    assert Situatie.objects.get(actueel=True).zelfredzaamheid == 4


def test_situatie_voor_het_meetmoment_wordt_geweigerd(client, consulent, lang_bezig):
    client.force_login(consulent)
    antwoord = client.post(url("situatie", lang_bezig, moment="36_maanden"), situatie_post(lang_bezig))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Er is niets opgeslagen" in html and "pas vanaf" in html
    assert not Situatie.objects.exists()


def test_onbekend_meetmoment_is_404(client, consulent, inburgeraar):
    client.force_login(consulent)
    assert client.get(url("situatie", inburgeraar, moment="48_maanden")).status_code == 404


def test_uitkomsten_van_aanbieders_en_duo_op_de_tab(client, consulent, inburgeraar):
    from regie.notificaties.models import DuoStand

    DuoStand.objects.create(
        inburgeraar=inburgeraar,
        gegevens={
            "examenresultaten": [{"onderdeel": "KNM", "examendatum": "2026-03-02", "resultaat": "Geslaagd"}]
        },
    )
    client.force_login(consulent)
    html = client.get(url("participatie", inburgeraar)).content.decode()
    assert "Examen Kennis van de Nederlandse maatschappij (KNM): geslaagd" in html
    assert ">DUO<" in html

"""Special personal data (health, AVG art. 9): shown to the case's own consultant and the team
lead; anyone else who may read the case gives a reason first, which goes into the processing
log, and sees the data for that one answer only."""

import pytest
from django.urls import reverse

from regie.api.tests.conftest import client_met_token
from regie.demo.factories import IntakeFactory, UserFactory
from regie.verwerkingslog.models import Actie, Verwerking

GEZONDHEID = "Rugklachten, kan niet lang zitten"
PSYCHISCH = "Slaapt slecht sinds de vlucht"


@pytest.fixture
def intake(inburgeraar):
    return IntakeFactory(
        inburgeraar=inburgeraar, gezondheid_lichamelijk=GEZONDHEID, gezondheid_psychisch=PSYCHISCH
    )


@pytest.fixture
def collega(dronten):
    """A consultant of the same team who is not this case's vaste consulent."""
    return UserFactory(username="collega.bijzonder", organisatie=dronten.organisatie)


def url(naam, inburgeraar):
    return reverse(naam, args=[inburgeraar.uuid])


def inzagen(user):
    return Verwerking.objects.filter(actie=Actie.BIJZONDERE_GEGEVENS, gebruiker=user)


@pytest.mark.parametrize("wie", ["consulent", "teamleider"])
@pytest.mark.parametrize("pagina", ["intake:intake", "intake:verslag"])
def test_vaste_consulent_en_teamleider_zien_de_gegevens_zonder_reden(request, client, intake, wie, pagina):
    client.force_login(request.getfixturevalue(wie))
    html = client.get(url(pagina, intake.inburgeraar)).content.decode()
    assert GEZONDHEID in html and PSYCHISCH in html
    assert "Bijzondere gegevens inzien" not in html


@pytest.mark.parametrize("pagina", ["intake:intake", "intake:verslag"])
def test_collega_ziet_een_melding_en_een_formulier(client, collega, intake, pagina):
    client.force_login(collega)
    antwoord = client.get(url(pagina, intake.inburgeraar))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert GEZONDHEID not in html and PSYCHISCH not in html
    assert "Deze gegevens ziet u niet direct." in html
    assert "Bijzondere gegevens inzien" in html
    assert 'name="reden"' in html
    assert not inzagen(collega).exists()


def test_zonder_reden_geen_gegevens_en_een_melding_bij_het_veld(client, collega, intake):
    client.force_login(collega)
    antwoord = client.post(url("intake:bijzondere_gegevens", intake.inburgeraar), {"reden": "   "})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert GEZONDHEID not in html
    assert "Schrijf op waarom u deze gegevens nodig heeft." in html
    assert 'aria-describedby="id_reden_helptext id_reden_error"' in html
    assert not inzagen(collega).exists()


def test_met_reden_eenmalig_zichtbaar_en_gelogd(client, collega, intake):
    client.force_login(collega)
    antwoord = client.post(
        url("intake:bijzondere_gegevens", intake.inburgeraar),
        {"reden": "Ik vervang de vaste consulent tijdens de vakantie.", "weergave": "intake"},
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert GEZONDHEID in html and PSYCHISCH in html
    regel = inzagen(collega).get()
    assert regel.reden == "Ik vervang de vaste consulent tijdens de vakantie."
    assert list(regel.betrokkenen.values_list("inburgeraar_id", flat=True)) == [intake.inburgeraar_id]
    # No lasting grant: the next visit asks again.
    opnieuw = client.get(url("intake:intake", intake.inburgeraar)).content.decode()
    assert GEZONDHEID not in opnieuw and "Bijzondere gegevens inzien" in opnieuw


def test_met_reden_in_het_verslag(client, collega, intake):
    client.force_login(collega)
    html = client.post(
        url("intake:bijzondere_gegevens", intake.inburgeraar), {"reden": "Bezwaarzaak", "weergave": "verslag"}
    ).content.decode()
    assert "Verslag van de brede intake" in html and GEZONDHEID in html
    assert inzagen(collega).count() == 1


def test_pdf_zonder_en_met_reden(client, collega, intake, monkeypatch):
    from regie.intake import views

    gezien = []

    def pdf_uit_template(template, context):
        gezien.append(context["bijzonder_zichtbaar"])
        return b"%PDF-1.7"

    monkeypatch.setattr(views, "pdf_uit_template", pdf_uit_template)
    client.force_login(collega)
    assert client.get(url("intake:verslag_pdf", intake.inburgeraar))["Content-Type"] == "application/pdf"
    antwoord = client.post(
        url("intake:bijzondere_gegevens", intake.inburgeraar), {"reden": "Bezwaarzaak", "weergave": "pdf"}
    )
    assert antwoord["Content-Type"] == "application/pdf"
    assert gezien == [False, True]
    assert inzagen(collega).count() == 1


def test_pdf_zonder_reden_vermeldt_dat_de_gegevens_ontbreken(collega, intake, rf):
    from django.template.loader import render_to_string

    from regie.intake.views import _verslag_context

    verzoek = rf.get("/")
    verzoek.user = collega
    html = render_to_string(
        "intake/verslag_pdf.html", _verslag_context(verzoek, intake.inburgeraar, weergave="pdf")
    )
    assert GEZONDHEID not in html
    assert "De gegevens over gezondheid staan niet in dit verslag." in html
    assert "<form" not in html


def test_vaste_consulent_hoeft_geen_reden_te_geven(client, consulent, intake):
    client.force_login(consulent)
    antwoord = client.post(url("intake:bijzondere_gegevens", intake.inburgeraar), {})
    assert antwoord.status_code == 302
    assert not inzagen(consulent).exists()


def test_api_geeft_null_voor_wie_de_gegevens_niet_mag_zien(consulent, teamleider, collega, intake):
    adres = f"/api/v1/inburgeraars/{intake.inburgeraar.uuid}/brede-intake"
    for user in (consulent, teamleider):
        body = client_met_token(user).get(adres).json()
        assert body["gezondheid_lichamelijk"] == GEZONDHEID
    body = client_met_token(collega).get(adres).json()
    assert body["gezondheid_lichamelijk"] is None and body["gezondheid_psychisch"] is None
    assert body["werkervaring"] == intake.werkervaring  # the rest of the intake is there

"""The case tab DUO: messages with status and reasons, the retry button, the contact person form,
the hours form, notices received; read-only for a colleague, 404 for another organisation."""

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.duo.uitgaand import berichten
from regie.duo.uitgaand.models import BerichtStatus, DuoContactpersoon, Soort, UitgaandBericht
from regie.verwerkingslog.models import Actie, Verwerking


@pytest.fixture
def afgewezen(inburgeraar, pip):
    bericht = berichten.meld_pip(pip)
    bericht.status = BerichtStatus.AFGEWEZEN
    bericht.fouttekst = "De datum dagtekening ligt voor de start van de inburgeringsplicht."
    bericht.http_status = 403
    bericht.pogingen = 1
    bericht.save()
    return bericht


def test_tab_toont_berichten_met_reden_en_knop(client, consulent, inburgeraar, afgewezen):
    client.force_login(consulent)
    antwoord = client.get(reverse("duo:dossier", args=[inburgeraar.uuid]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'aria-current="page">DUO</a>' in html
    assert "De datum dagtekening ligt voor de start van de inburgeringsplicht." in html
    assert "Afgewezen" in html and "Opnieuw versturen" in html
    assert "Contactpersoon doorgeven" in html
    assert inburgeraar.bsn not in html
    assert Verwerking.objects.filter(actie=Actie.LEZEN, onderdeel="duo").exists()


def test_opnieuw_versturen(client, consulent, inburgeraar, afgewezen):
    client.force_login(consulent)
    antwoord = client.post(reverse("duo:opnieuw", args=[inburgeraar.uuid, afgewezen.uuid]))
    assert antwoord.status_code == 302
    afgewezen.refresh_from_db()
    assert (
        afgewezen.status == BerichtStatus.WACHTRIJ and afgewezen.pogingen == 0 and afgewezen.fouttekst == ""
    )


def test_opnieuw_versturen_van_een_bericht_van_een_ander_dossier_is_404(
    client, consulent, dronten, afgewezen
):
    from regie.demo.factories import InburgeraarFactory

    ander = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    client.force_login(consulent)
    antwoord = client.post(reverse("duo:opnieuw", args=[ander.uuid, afgewezen.uuid]))
    assert antwoord.status_code == 404
    afgewezen.refresh_from_db()
    assert afgewezen.status == BerichtStatus.AFGEWEZEN


def test_collega_leest_maar_verstuurt_niet_opnieuw(client, dronten, inburgeraar, afgewezen):
    collega = UserFactory(organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    client.force_login(collega)
    html = client.get(reverse("duo:dossier", args=[inburgeraar.uuid])).content.decode()
    assert "Afgewezen" in html and "Opnieuw versturen" not in html and "Contactpersoon doorgeven" not in html
    assert client.post(reverse("duo:opnieuw", args=[inburgeraar.uuid, afgewezen.uuid])).status_code == 403


def test_andere_organisatie_404(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    assert client.get(reverse("duo:dossier", args=[inburgeraar.uuid])).status_code == 404


def test_contactpersoon_doorgeven(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(reverse("duo:dossier", args=[inburgeraar.uuid])).content.decode()
    assert f'value="{consulent.email}"' in html  # filled in with the case's consultant
    antwoord = client.post(
        reverse("duo:contactpersoon", args=[inburgeraar.uuid]),
        {
            "contactpersoon-naam": "Norah Timmermans",
            "contactpersoon-email": "n.timmermans@dronten.nl",
            "contactpersoon-telefoonnummer": "0321 388 999",
        },
    )
    assert antwoord.status_code == 302
    (bericht,) = UitgaandBericht.objects.filter(soort=Soort.CONTACTPERSOON)
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert DuoContactpersoon.objects.get().gebruiker == consulent


def test_contactpersoon_met_fouten_slaat_niets_op(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        reverse("duo:contactpersoon", args=[inburgeraar.uuid]),
        {
            "contactpersoon-naam": "",
            "contactpersoon-email": "geen-mail",
            "contactpersoon-telefoonnummer": "bel me",
        },
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Er is niets opgeslagen." in html
    assert "Vul de naam van de contactpersoon in." in html
    assert "Vul een geldig e-mailadres in" in html
    assert not UitgaandBericht.objects.exists()


def test_telefoonnummer_volgens_de_specificatie_van_duo(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(
        reverse("duo:contactpersoon", args=[inburgeraar.uuid]),
        {
            "contactpersoon-naam": "Norah Timmermans",
            "contactpersoon-email": "n.timmermans@dronten.nl",
            "contactpersoon-telefoonnummer": "bel me maar",
        },
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "heeft niet de goede vorm" in html
    assert "De contactpersoon is niet doorgegeven aan DUO." in html
    # The refused message is kept (visible on the tab), nothing was queued.
    assert UitgaandBericht.objects.get().status == BerichtStatus.AFGEWEZEN


def test_uren_brede_intake_doorgeven(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(reverse("duo:uren", args=[inburgeraar.uuid]), {"uren-uren_brede_intake": "40"})
    assert antwoord.status_code == 302
    bericht = UitgaandBericht.objects.get(soort=Soort.UREN_BREDE_INTAKE)
    assert bericht.body == {"uren": 40}


def test_uren_met_een_fout(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(reverse("duo:uren", args=[inburgeraar.uuid]), {"uren-uren_brede_intake": "-3"})
    assert antwoord.status_code == 200
    assert "Vul een aantal uren in van 0 tot en met 9999." in antwoord.content.decode()
    assert not UitgaandBericht.objects.exists()


def test_meldingen_van_duo_staan_op_de_tab(client, consulent, inburgeraar):
    from django.utils import timezone

    from regie.duo.inkomend.models import Notificatie

    Notificatie.objects.create(
        bericht_id="tab-1",
        bron="0" * 20,
        doel=inburgeraar.gemeente.oin,
        gemeente=inburgeraar.gemeente,
        bsn=inburgeraar.bsn,
        gebeurtenis_id="SS102",
        registratie_datum_tijd=timezone.now(),
        inburgeraar=inburgeraar,
        effect="Inburgeringstermijn bijgewerkt",
    )
    client.force_login(consulent)
    html = client.get(reverse("duo:dossier", args=[inburgeraar.uuid])).content.decode()
    assert "SS102" in html and "Inburgeringstermijn bijgewerkt" in html

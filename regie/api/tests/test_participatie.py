"""/api/v1/inburgeraars/{uuid}/participatie and /meetmomenten: per role, bad input refused with the
service's Dutch message (nothing saved), timeline and processing log as on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from regie.aanbieders.factories import AanbiederFactory
from regie.accounts.models import Rol
from regie.api.tests.conftest import client_met_token, probleem, reden
from regie.demo.factories import UserFactory
from regie.klok import vandaag
from regie.participatie.models import Activiteit, Situatie
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Verwerking

pytestmark = pytest.mark.django_db


def lijst(inburgeraar):
    return reverse("api:participatie-list", kwargs={"uuid": inburgeraar.uuid})


def detail(activiteit):
    return reverse(
        "api:participatie-detail", kwargs={"uuid": activiteit.inburgeraar.uuid, "activiteit": activiteit.uuid}
    )


def moment(inburgeraar, naam="intake"):
    return reverse("api:meetmoment-detail", kwargs={"uuid": inburgeraar.uuid, "moment": naam})


def werk(**anders):
    return {
        "soort": "betaald_werk",
        "partner": "Bakkerij De Korenschoof",
        "startdatum": (vandaag() - timedelta(days=60)).isoformat(),
        "uren_per_week": 24,
        "contractvorm": "uitzend",
    } | anders


def test_toevoegen_lezen_en_wijzigen(api_consulent, inburgeraar, taalschool):
    antwoord = api_consulent.post(lijst(inburgeraar), werk(aanbieder=taalschool.pk), format="json")
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert antwoord["Location"] == data["url"]
    assert data["aanbieder_naam"] == taalschool.naam and data["resultaat"] == "loopt"
    assert [a["uuid"] for a in api_consulent.get(lijst(inburgeraar)).json()] == [data["uuid"]]
    activiteit = Activiteit.objects.get()
    antwoord = api_consulent.patch(
        detail(activiteit),
        {"einddatum": vandaag().isoformat(), "resultaat": "afgerond"},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["resultaat"] == "afgerond" and antwoord.json()["uren_per_week"] == 24
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="participatie").count() == 2
    assert Verwerking.objects.filter(onderdeel="participatie", actie="lezen").exists()


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        ({"einddatum": (vandaag() - timedelta(days=61)).isoformat()}, "einddatum", "voor de startdatum"),
        ({"uren_per_week": 61}, "uren_per_week", "0 tot en met 60"),
        ({"soort": "hobby"}, "soort", "Kies uit"),
        ({"contractvorm": ""}, "contractvorm", "contractvorm"),
    ],
)
def test_foute_invoer_is_400_en_bewaart_niets(api_consulent, inburgeraar, anders, veld, tekst):
    body = probleem(api_consulent.post(lijst(inburgeraar), werk(**anders), format="json"), 400, veld)
    assert tekst in reden(body, veld)
    assert not Activiteit.objects.exists()
    assert not Gebeurtenis.objects.filter(soort="participatie").exists()


def test_aanbieder_van_een_andere_organisatie_bestaat_niet_voor_u(api_consulent, inburgeraar, dordrecht):
    vreemd = AanbiederFactory(organisatie=dordrecht.organisatie)
    probleem(
        api_consulent.post(lijst(inburgeraar), werk(aanbieder=vreemd.pk), format="json"), 400, "aanbieder"
    )


def test_collega_leest_maar_wijzigt_niet(inburgeraar, dronten):
    collega = client_met_token(UserFactory(organisatie=dronten.organisatie, rol=Rol.CONSULENT))
    assert collega.get(lijst(inburgeraar)).status_code == 200
    probleem(collega.post(lijst(inburgeraar), werk(), format="json"), 403)
    probleem(collega.put(moment(inburgeraar), {}, format="json"), 403)
    assert not Activiteit.objects.exists()


def test_teamleider_wijzigt_en_andere_organisatie_ziet_niets(api_teamleider, api_ander, inburgeraar):
    assert api_teamleider.post(lijst(inburgeraar), werk(), format="json").status_code == 201
    probleem(api_ander.get(lijst(inburgeraar)), 404)
    probleem(api_ander.get(moment(inburgeraar)), 404)


@pytest.mark.parametrize("rol", [Rol.BELEIDSMEDEWERKER, Rol.FINANCIEEL_MEDEWERKER, Rol.AANBIEDER])
def test_rollen_zonder_dossiers(inburgeraar, dronten, rol):
    client = client_met_token(UserFactory(organisatie=dronten.organisatie, rol=rol))
    probleem(client.get(lijst(inburgeraar)), 403)
    probleem(client.get(moment(inburgeraar)), 403)


def test_onbekende_activiteit_en_meetmoment_zijn_404(api_consulent, inburgeraar):
    probleem(api_consulent.get(moment(inburgeraar, "48_maanden")), 404)
    url = reverse(
        "api:participatie-detail",
        kwargs={"uuid": inburgeraar.uuid, "activiteit": "00000000-0000-0000-0000-000000000000"},
    )
    probleem(api_consulent.get(url), 404)


def situatie(**anders):
    return {
        "gemeten_op": vandaag().isoformat(),
        "werk": "geen",
        "opleiding": True,
        "uitkering": "volledig",
        "zelfredzaamheid": 2,
    } | anders


def test_meetmomenten_lijst_en_vastleggen(api_consulent, inburgeraar):
    standen = api_consulent.get(reverse("api:meetmoment-list", kwargs={"uuid": inburgeraar.uuid})).json()
    assert [s["moment"] for s in standen] == ["intake", "12_maanden", "24_maanden", "36_maanden"]
    assert standen[0]["nog_niet"] == "" and "nog geen PIP" in standen[1]["nog_niet"]
    antwoord = api_consulent.put(moment(inburgeraar), situatie(), format="json")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["situatie"]["zelfredzaamheid"] == 2
    antwoord = api_consulent.put(moment(inburgeraar), situatie(zelfredzaamheid=3), format="json")
    data = antwoord.json()
    assert data["situatie"]["zelfredzaamheid"] == 3 and [e["zelfredzaamheid"] for e in data["eerder"]] == [2]
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="situatie").count() == 2


def test_meetmoment_voor_het_is_verschenen_is_400(api_consulent, lang_bezig):
    body = probleem(
        api_consulent.put(moment(lang_bezig, "36_maanden"), situatie(), format="json"), 400, "gemeten_op"
    )
    assert "pas vanaf" in reden(body, "gemeten_op")
    probleem(
        api_consulent.put(moment(lang_bezig), situatie(zelfredzaamheid=6), format="json"),
        400,
        "zelfredzaamheid",
    )
    assert not Situatie.objects.exists()


def test_oude_versie_is_409(api_consulent, inburgeraar):
    probleem(
        api_consulent.put(moment(inburgeraar), situatie(versie=inburgeraar.versie + 5), format="json"), 409
    )
    assert not Situatie.objects.exists()

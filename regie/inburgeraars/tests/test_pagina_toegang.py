"""Who may open which page: own organisation yes, other organisation 404, anonymous to login."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from regie.inburgeraars.models import Inburgeraar

DOSSIERPAGINAS = [
    "inburgeraars:dossier",
    "inburgeraars:wijzigen",
    "inburgeraars:termijnen",
    "inburgeraars:tijdlijn",
]
LIJSTPAGINAS = ["inburgeraars:registreren", "inburgeraars:zoeken", "werkvoorraad:mijn"]


@pytest.fixture
def gebruikers(consulent, teamleider, consulent_drechtsteden):
    return {"consulent": consulent, "teamleider": teamleider, "ander": consulent_drechtsteden}


@pytest.mark.parametrize("naam", DOSSIERPAGINAS)
@pytest.mark.parametrize(("wie", "verwacht"), [("consulent", 200), ("teamleider", 200), ("ander", 404)])
def test_dossierpaginas(client, gebruikers, inburgeraar, naam, wie, verwacht):
    client.force_login(gebruikers[wie])
    antwoord = client.get(reverse(naam, args=[inburgeraar.uuid]))
    assert antwoord.status_code == verwacht
    if verwacht == 200:
        assert escape(inburgeraar.naam) in antwoord.content.decode()


@pytest.mark.parametrize("naam", DOSSIERPAGINAS)
def test_dossierpaginas_anoniem_naar_inloggen(client, inburgeraar, naam):
    adres = reverse(naam, args=[inburgeraar.uuid])
    antwoord = client.get(adres)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("accounts:login"))


def test_onbekend_dossier_404(client, consulent):
    client.force_login(consulent)
    assert client.get("/inburgeraars/00000000-0000-0000-0000-000000000000/").status_code == 404


@pytest.mark.parametrize("naam", [*LIJSTPAGINAS, "werkvoorraad:team"])
def test_lijstpaginas_anoniem_naar_inloggen(client, db, naam):
    antwoord = client.get(reverse(naam))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("naam", LIJSTPAGINAS)
@pytest.mark.parametrize("wie", ["consulent", "teamleider", "ander"])
def test_lijstpaginas_open_voor_medewerkers(client, gebruikers, inburgeraar, naam, wie):
    client.force_login(gebruikers[wie])
    assert client.get(reverse(naam)).status_code == 200


@pytest.mark.parametrize(
    ("naam", "data"),
    [
        ("inburgeraars:status", {"naar": "beeindigd", "reden": "vertrek", "versie": 1}),
        ("inburgeraars:wijzigen", {"voornamen": "Gewijzigd", "versie": 1}),
        ("werkvoorraad:toewijzen", {"consulent": ""}),
    ],
)
def test_post_naar_dossier_van_andere_organisatie_404(
    client, consulent_drechtsteden, inburgeraar, naam, data
):
    from regie.accounts.models import Rol

    consulent_drechtsteden.rol = Rol.TEAMLEIDER  # even a team lead of another organisation
    consulent_drechtsteden.save()
    client.force_login(consulent_drechtsteden)
    voor = Inburgeraar.objects.values().get(pk=inburgeraar.pk)
    antwoord = client.post(reverse(naam, args=[inburgeraar.uuid]), data)
    assert antwoord.status_code == 404
    assert Inburgeraar.objects.values().get(pk=inburgeraar.pk) == voor


@pytest.mark.parametrize("naam", ["inburgeraars:status", "inburgeraars:wijzigen", "werkvoorraad:toewijzen"])
def test_post_anoniem_naar_inloggen(client, inburgeraar, naam):
    antwoord = client.post(reverse(naam, args=[inburgeraar.uuid]), {})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("accounts:login"))

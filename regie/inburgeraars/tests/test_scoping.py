"""The one place that scopes cases (selectors.inburgeraars_voor / inburgeraar_voor): by
organisation, by the user's municipalities (User.gemeenten) and by role."""

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils.html import escape

from regie.accounts.models import Rol
from regie.accounts.rechten import GeenToegang, Recht
from regie.api.tests.conftest import client_met_token, probleem, stand
from regie.demo.factories import UserFactory, naam_niet_op_de_pagina
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import (
    gemeenten_voor,
    inburgeraar_voor,
    inburgeraars_voor,
    zoek_inburgeraars,
)
from regie.organisaties.models import Gemeente
from regie.werkvoorraad.tests.hulp import maak_inburgeraar


@pytest.fixture
def zwijndrecht(organisaties):
    return Gemeente.objects.get(cbs_code="0642")


@pytest.fixture
def alleen_dordrecht(dordrecht):
    """A consultant of Sociale Dienst Drechtsteden who works for Dordrecht only."""
    user = UserFactory(username="consulent.alleen.dordrecht", organisatie=dordrecht.organisatie)
    user.gemeenten.set([dordrecht])
    return user


@pytest.fixture
def drecht(dordrecht, zwijndrecht, consulent_drechtsteden):
    return {
        "dordrecht": maak_inburgeraar(gemeente=dordrecht, consulent=consulent_drechtsteden),
        "zwijndrecht": maak_inburgeraar(gemeente=zwijndrecht, consulent=consulent_drechtsteden),
    }


def rol(dronten, naam: str, rol_: Rol):
    return UserFactory(username=f"scoping.{naam}", organisatie=dronten.organisatie, rol=rol_)


# --- User.gemeenten ----------------------------------------------------------------------


def test_gemeenten_voor_zonder_en_met_beperking(consulent_drechtsteden, alleen_dordrecht, dordrecht):
    assert gemeenten_voor(consulent_drechtsteden).count() == 4
    assert list(gemeenten_voor(alleen_dordrecht)) == [dordrecht]


def test_beperkt_tot_dordrecht_ziet_geen_zwijndrecht(alleen_dordrecht, consulent_drechtsteden, drecht):
    assert set(inburgeraars_voor(consulent_drechtsteden)) == set(drecht.values())
    assert list(inburgeraars_voor(alleen_dordrecht)) == [drecht["dordrecht"]]
    assert inburgeraar_voor(alleen_dordrecht, drecht["dordrecht"].uuid) == drecht["dordrecht"]
    with pytest.raises(Http404):
        inburgeraar_voor(alleen_dordrecht, drecht["zwijndrecht"].uuid)
    naam = drecht["zwijndrecht"].geslachtsnaam
    assert drecht["zwijndrecht"] not in zoek_inburgeraars(alleen_dordrecht, tekst=naam)


def test_beperkt_tot_dordrecht_op_pagina_en_api(client, alleen_dordrecht, drecht):
    client.force_login(alleen_dordrecht)
    assert client.get(reverse("inburgeraars:dossier", args=[drecht["dordrecht"].uuid])).status_code == 200
    assert client.get(reverse("inburgeraars:dossier", args=[drecht["zwijndrecht"].uuid])).status_code == 404
    api = client_met_token(alleen_dordrecht)
    probleem(api.get(f"/api/v1/inburgeraars/{drecht['zwijndrecht'].uuid}"), 404)
    assert [g["naam"] for g in api.get("/api/v1/gemeenten").json()] == ["Dordrecht"]
    assert api.get("/api/v1/inburgeraars").json()["count"] == 1


def test_beperkt_tot_dordrecht_registreert_niet_in_zwijndrecht(client, alleen_dordrecht, zwijndrecht):
    client.force_login(alleen_dordrecht)
    html = client.get(reverse("inburgeraars:registreren")).content.decode()
    assert "Dordrecht" in html and "Zwijndrecht" not in html
    aantal = Inburgeraar.objects.count()
    # A changed hidden or select value for the municipality is refused with a Dutch message.
    antwoord = client.post(
        reverse("inburgeraars:registreren"),
        {
            "bsn": "111222333",
            "voornamen": "Test",
            "geslachtsnaam": "Persoon",
            "geboortedatum": "1990-01-01",
            "doelgroep": "asielstatushouder",
            "gemeente": zwijndrecht.pk,
            "kinderen-TOTAL_FORMS": "0",
            "kinderen-INITIAL_FORMS": "0",
        },
    )
    assert antwoord.status_code == 200
    assert "Kies een gemeente uit de lijst." in antwoord.content.decode()
    assert Inburgeraar.objects.count() == aantal


def test_toewijzen_aan_wie_niet_voor_de_gemeente_werkt_kan_niet(
    dordrecht, zwijndrecht, alleen_dordrecht, drecht
):
    from django.core.exceptions import ValidationError

    from regie.inburgeraars.services import consulent_toewijzen

    teamleider = UserFactory(username="tl.drecht", organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    with pytest.raises(ValidationError) as fout:
        consulent_toewijzen(inburgeraar=drecht["zwijndrecht"], door=teamleider, consulent=alleen_dordrecht)
    assert "werkt niet voor de gemeente Zwijndrecht" in str(fout.value)
    privacy = UserFactory(username="po.drecht", organisatie=dordrecht.organisatie, rol=Rol.PRIVACY_OFFICER)
    with pytest.raises(ValidationError):
        consulent_toewijzen(inburgeraar=drecht["dordrecht"], door=teamleider, consulent=privacy)


# --- Roles -------------------------------------------------------------------------------


def test_consulent_leest_het_dossier_van_een_collega_maar_wijzigt_het_niet(client, dronten, inburgeraar):
    collega = UserFactory(username="scoping.collega", organisatie=dronten.organisatie)
    assert inburgeraar_voor(collega, inburgeraar.uuid) == inburgeraar
    with pytest.raises(GeenToegang):
        inburgeraar_voor(collega, inburgeraar.uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)

    client.force_login(collega)
    pagina = client.get(reverse("inburgeraars:dossier", args=[inburgeraar.uuid]))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "U kunt dit dossier lezen, maar niet wijzigen." in html
    assert reverse("inburgeraars:wijzigen", args=[inburgeraar.uuid]) not in html
    assert reverse("inburgeraars:status", args=[inburgeraar.uuid]) not in html

    voor = stand()
    antwoord = client.post(reverse("inburgeraars:wijzigen", args=[inburgeraar.uuid]), {"telefoon": "0612"})
    assert antwoord.status_code == 403
    assert "u bent niet de vaste consulent" in antwoord.content.decode()
    api = client_met_token(collega)
    probleem(api.patch(f"/api/v1/inburgeraars/{inburgeraar.uuid}", {"telefoon": "0612"}, format="json"), 403)
    assert api.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}").status_code == 200
    assert stand() == voor


@pytest.mark.parametrize(
    "rol_",
    [
        Rol.BELEIDSMEDEWERKER,
        Rol.FINANCIEEL_MEDEWERKER,
        Rol.AANBIEDER,
        Rol.FUNCTIONEEL_BEHEERDER,
        Rol.PRIVACY_OFFICER,
    ],
)
def test_rollen_zonder_dossierrecht_krijgen_403_en_zien_niets(client, dronten, inburgeraar, rol_):
    naam_niet_op_de_pagina(inburgeraar)
    user = rol(dronten, rol_.value, rol_)
    assert not inburgeraars_voor(user).exists()
    with pytest.raises(GeenToegang):
        inburgeraar_voor(user, inburgeraar.uuid)
    client.force_login(user)
    for naam in ("inburgeraars:dossier", "intake:intake", "intake:verslag_pdf", "pip:pip"):
        antwoord = client.get(reverse(naam, args=[inburgeraar.uuid]))
        assert antwoord.status_code == 403, naam
        assert escape(inburgeraar.geslachtsnaam) not in antwoord.content.decode()
    assert client.get(reverse("inburgeraars:zoeken")).status_code == 403
    api = client_met_token(user)
    body = probleem(api.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}"), 403)
    assert "Dat recht heeft uw rol" in body["detail"]
    probleem(api.get("/api/v1/inburgeraars"), 403)
    probleem(api.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}/brede-intake"), 403)


def test_403_voor_de_rol_komt_voor_het_opzoeken(dronten):
    # No existence leak: a role without the right gets 403 for an existing case and for a
    # made-up id alike.
    beleid = rol(dronten, "beleid", Rol.BELEIDSMEDEWERKER)
    with pytest.raises(GeenToegang):
        inburgeraar_voor(beleid, "00000000-0000-0000-0000-000000000000")


def test_aanbieder_ziet_voorlopig_geen_enkel_dossier(dronten, inburgeraar):
    aanbieder = rol(dronten, "aanbieder", Rol.AANBIEDER)
    assert not inburgeraars_voor(aanbieder).exists()
    assert not zoek_inburgeraars(aanbieder, tekst=inburgeraar.geslachtsnaam).exists()


def test_rollen_zonder_werkvoorraad_krijgen_een_startpagina(client, dronten, inburgeraar):
    naam_niet_op_de_pagina(inburgeraar)
    beleid = rol(dronten, "beleid", Rol.BELEIDSMEDEWERKER)
    client.force_login(beleid)
    antwoord = client.get(reverse("werkvoorraad:mijn"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "U heeft daarom geen werkvoorraad." in html
    assert "Beleidscijfers" in html
    assert escape(inburgeraar.geslachtsnaam) not in html
    assert reverse("inburgeraars:zoeken") not in html  # the menu shows only what the role may use


def test_teamleider_wijzigt_elk_dossier_van_de_organisatie(dronten, inburgeraar, teamleider):
    assert inburgeraar_voor(teamleider, inburgeraar.uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN) == inburgeraar
    assert inburgeraar_voor(teamleider, inburgeraar.uuid, recht=Recht.CONSULENT_TOEWIJZEN) == inburgeraar


def test_andere_organisatie_404_ook_met_het_recht(consulent_drechtsteden, inburgeraar):
    with pytest.raises(Http404):
        inburgeraar_voor(consulent_drechtsteden, inburgeraar.uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)

"""The rights per role (regie/accounts/rechten.py), the generated docs/rollen.md and the
beheeromgeving (/beheer/)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape

from regie.accounts.management.commands.rollentabel import OPNIEUW, rollentabel
from regie.accounts.models import Rol
from regie.accounts.rechten import (
    BESCHRIJVINGEN,
    NAMEN,
    ROL_RECHTEN,
    RUIMER,
    GeenToegang,
    Recht,
    heeft_recht,
    mag,
    mag_beheren,
    rollen_met,
    vereist_recht,
)
from regie.demo.factories import InburgeraarFactory, UserFactory, naam_niet_op_de_pagina
from regie.organisaties.models import Gemeente

DOSSIERRECHTEN = {
    Recht.DOSSIERS_LEZEN_EIGEN,
    Recht.DOSSIERS_LEZEN_TEAM,
    Recht.DOSSIERS_REGISTREREN,
    Recht.DOSSIERS_WIJZIGEN_EIGEN,
    Recht.DOSSIERS_WIJZIGEN_ALLE,
    Recht.CONSULENT_TOEWIJZEN,
    Recht.BIJZONDERE_GEGEVENS_EIGEN,
    Recht.BIJZONDERE_GEGEVENS_ALLE,
    Recht.TEAMCIJFERS,
}


def test_elke_rol_staat_in_de_tabel_en_elk_recht_is_beschreven():
    assert set(ROL_RECHTEN) == set(Rol)
    for recht in Recht:
        assert NAMEN[recht] and BESCHRIJVINGEN[recht].endswith((".", ".)"))


def test_een_ruimer_recht_omvat_het_eigen_recht():
    for rol, rechten in ROL_RECHTEN.items():
        for eigen, ruimer in RUIMER.items():
            assert ruimer not in rechten or eigen in rechten, (rol, ruimer)


def test_wie_wijzigt_ziet_ook_de_bijzondere_gegevens():
    # The intake form holds the health fields: whoever saves it must see what is in them,
    # or saving would wipe them.
    for rol, rechten in ROL_RECHTEN.items():
        if Recht.DOSSIERS_WIJZIGEN_EIGEN in rechten:
            assert Recht.BIJZONDERE_GEGEVENS_EIGEN in rechten, rol
        if Recht.DOSSIERS_WIJZIGEN_ALLE in rechten:
            assert Recht.BIJZONDERE_GEGEVENS_ALLE in rechten, rol


def test_de_rollen_uit_het_issue():
    consulent, teamleider = ROL_RECHTEN[Rol.CONSULENT], ROL_RECHTEN[Rol.TEAMLEIDER]
    # consulent: full access to own cases, read access to the team's
    assert {Recht.DOSSIERS_WIJZIGEN_EIGEN, Recht.DOSSIERS_LEZEN_TEAM} <= consulent
    assert not {Recht.DOSSIERS_WIJZIGEN_ALLE, Recht.CONSULENT_TOEWIJZEN, Recht.TEAMCIJFERS} & consulent
    # teamleider: all cases of the organisation, assignment, team figures
    assert {Recht.DOSSIERS_WIJZIGEN_ALLE, Recht.CONSULENT_TOEWIJZEN, Recht.TEAMCIJFERS} <= teamleider
    # beleidsmedewerker: aggregated figures only, never a person's data; targets and council reports
    assert ROL_RECHTEN[Rol.BELEIDSMEDEWERKER] == {
        Recht.BELEIDSCIJFERS,
        Recht.STREEFWAARDEN,
        Recht.RAADSRAPPORTAGE,
    }
    # financieel medewerker: money matters (also the ontzorging payment runs), no intake or health details
    assert ROL_RECHTEN[Rol.FINANCIEEL_MEDEWERKER] == {Recht.GELDZAKEN, Recht.ONTZORGING_BETALEN}
    # aanbieder: only the referrals of the own provider
    assert ROL_RECHTEN[Rol.AANBIEDER] == {Recht.VERWIJZINGEN_EIGEN_AANBIEDER}
    # functioneel beheerder: users, municipalities, settings, the housing quota, targets and the background
    # tasks; no case content
    assert ROL_RECHTEN[Rol.FUNCTIONEEL_BEHEERDER] == {
        Recht.BEHEER,
        Recht.TAAKSTELLING,
        Recht.ACHTERGRONDTAKEN,
        Recht.STREEFWAARDEN,
    }
    # privacy officer: the processing log, no case editing
    assert ROL_RECHTEN[Rol.PRIVACY_OFFICER] == {Recht.VERWERKINGSLOG_INZIEN}
    # special data without a reason: only the own consultant and the team lead
    assert rollen_met(Recht.BIJZONDERE_GEGEVENS_EIGEN) == [Rol.CONSULENT, Rol.TEAMLEIDER]
    assert rollen_met(Recht.BIJZONDERE_GEGEVENS_ALLE) == [Rol.TEAMLEIDER]
    for rol in set(Rol) - {Rol.CONSULENT, Rol.TEAMLEIDER}:
        assert not ROL_RECHTEN[rol] & DOSSIERRECHTEN, rol


@pytest.mark.django_db
def test_heeft_recht_alleen_voor_actieve_ingelogde_gebruikers():
    from django.contrib.auth.models import AnonymousUser

    teamleider = UserFactory(username="rechten.tl", rol=Rol.TEAMLEIDER)
    assert heeft_recht(teamleider, Recht.CONSULENT_TOEWIJZEN)
    assert not heeft_recht(AnonymousUser(), Recht.DOSSIERS_LEZEN_EIGEN)
    teamleider.is_active = False
    assert not heeft_recht(teamleider, Recht.CONSULENT_TOEWIJZEN)


@pytest.mark.django_db
def test_een_superuser_heeft_geen_dossierrechten_buiten_zijn_rol():
    superuser = UserFactory(username="rechten.su", rol=Rol.PRIVACY_OFFICER, is_superuser=True)
    assert not heeft_recht(superuser, Recht.DOSSIERS_LEZEN_EIGEN)
    assert mag_beheren(superuser)


@pytest.mark.django_db
def test_mag_eigen_tegenover_alle(organisaties):
    from regie.organisaties.models import Gemeente

    dronten = Gemeente.objects.get(cbs_code="0303")
    consulent = UserFactory(username="rechten.c", organisatie=dronten.organisatie)
    collega = UserFactory(username="rechten.k", organisatie=dronten.organisatie)
    teamleider = UserFactory(username="rechten.t", organisatie=dronten.organisatie, rol=Rol.TEAMLEIDER)
    eigen = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn="100000009")
    niemand = InburgeraarFactory(gemeente=dronten, consulent=None, bsn="100000022")
    assert mag(consulent, Recht.DOSSIERS_WIJZIGEN_EIGEN, eigen)
    assert not mag(collega, Recht.DOSSIERS_WIJZIGEN_EIGEN, eigen)
    assert mag(collega, Recht.DOSSIERS_LEZEN_EIGEN, eigen)  # reading the team's case
    assert not mag(collega, Recht.BIJZONDERE_GEGEVENS_EIGEN, eigen)
    assert not mag(consulent, Recht.DOSSIERS_WIJZIGEN_EIGEN, niemand)  # unassigned: the team lead
    assert mag(teamleider, Recht.DOSSIERS_WIJZIGEN_EIGEN, niemand)
    assert mag(teamleider, Recht.BIJZONDERE_GEGEVENS_EIGEN, eigen)


@pytest.mark.django_db
def test_vereist_recht_stuurt_naar_inloggen_en_weigert_met_een_uitleg():
    from django.contrib.auth.models import AnonymousUser

    from regie.verwerkingslog.models import Actie, Verwerking

    @vereist_recht(Recht.TEAMCIJFERS)
    def view(request):
        return HttpResponse("ok")

    verzoek = RequestFactory().get("/team/")
    verzoek.user = AnonymousUser()
    antwoord = view(verzoek)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("accounts:login"))

    verzoek.user = UserFactory(username="rechten.beleid", rol=Rol.BELEIDSMEDEWERKER)
    with pytest.raises(GeenToegang) as fout:
        view(verzoek)
    assert "het hoort bij: teamleider" in str(fout.value)
    assert Verwerking.objects.filter(actie=Actie.GEWEIGERD, gebruiker=verzoek.user).count() == 1

    verzoek.user = UserFactory(username="rechten.tl2", rol=Rol.TEAMLEIDER)
    assert view(verzoek).status_code == 200


def test_docs_rollen_md_is_bijgewerkt():
    bestand = Path(settings.BASE_DIR) / "docs" / "rollen.md"
    assert bestand.exists(), f"docs/rollen.md ontbreekt. Maak het met: {OPNIEUW}"
    assert bestand.read_text(encoding="utf-8") == rollentabel(), (
        f"docs/rollen.md wijkt af van ROL_RECHTEN in regie/accounts/rechten.py. Maak het opnieuw met: {OPNIEUW}"
    )


def test_rollentabel_commando_schrijft_de_tabel(capsys):
    call_command("rollentabel")
    uit = capsys.readouterr().out
    assert uit == rollentabel()
    assert "| Consulent toewijzen | – | ✔ | – | – | – | – | – |" in uit


# --- The beheeromgeving ------------------------------------------------------------------


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


def test_beheeromgeving_alleen_voor_beheerder_en_superuser(client, consulent, beheerder):
    client.force_login(consulent)
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 403
    assert "het hoort bij: functioneel beheerder" in antwoord.content.decode()
    client.force_login(beheerder)
    assert client.get("/beheer/").status_code == 200
    superuser = UserFactory(username="beheer.su", rol=Rol.CONSULENT, is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get("/beheer/").status_code == 200


def test_beheerder_ziet_alleen_de_eigen_organisatie(client, beheerder, consulent, consulent_drechtsteden):
    client.force_login(beheerder)
    html = client.get("/beheer/accounts/user/").content.decode()
    assert consulent.username in html
    assert consulent_drechtsteden.username not in html
    # another organisation's user: as if it did not exist
    assert client.get(f"/beheer/accounts/user/{consulent_drechtsteden.pk}/change/").status_code == 302


def test_beheerder_kan_niemand_superuser_maken(client, beheerder, consulent):
    client.force_login(beheerder)
    html = client.get(f"/beheer/accounts/user/{consulent.pk}/change/").content.decode()
    assert 'name="rol"' in html
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html


def test_beheeromgeving_toont_geen_dossiers(client, beheerder, inburgeraar):
    from django.contrib import admin

    from regie.inburgeraars.models import Inburgeraar, Kind
    from regie.intake.models import Afspraak, BredeIntake, Diploma
    from regie.pip.models import Pip

    naam_niet_op_de_pagina(inburgeraar)
    for model in (Inburgeraar, Kind, BredeIntake, Diploma, Afspraak, Pip):
        assert not admin.site.is_registered(model), model
    client.force_login(beheerder)
    assert escape(inburgeraar.geslachtsnaam) not in client.get("/beheer/").content.decode()


def test_beheerder_beperkt_een_gebruiker_tot_gemeenten_van_de_eigen_organisatie(client, dronten, consulent):
    beheerder_drecht = UserFactory(
        username="beheer.drecht",
        organisatie=Gemeente.objects.get(cbs_code="0505").organisatie,
        rol=Rol.FUNCTIONEEL_BEHEERDER,
    )
    client.force_login(beheerder_drecht)
    gebruiker = UserFactory(username="drecht.medewerker", organisatie=beheerder_drecht.organisatie)
    html = client.get(f"/beheer/accounts/user/{gebruiker.pk}/change/").content.decode()
    assert 'name="gemeenten"' in html
    assert "Zwijndrecht" in html and "Dronten" not in html

"""The processing log misses nothing (issue 9): an answer that shows personal data is logged
whatever its status code; a refused attempt on another organisation's case is in that
organisation's log too; a privacy officer limited to some municipalities sees only their
entries; an access-request export needs a reason, which is logged."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.duo.inkomend.models import Afstemming
from regie.organisaties.models import Gemeente
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking
from regie.verwerkingslog.tests.conftest import laatste_id, nieuw_sinds, personen

ZOEKEN = reverse("verwerkingslog:zoeken")


def inzage_url(inburgeraar_id, formaat="json"):
    return reverse("verwerkingslog:inzageverzoek", args=[inburgeraar_id, formaat])


def regels_op_pagina(antwoord) -> list[Verwerking]:
    return [verwerking for verwerking, _, _ in antwoord.context["rijen"]]


# --- Whatever the status code --------------------------------------------------------------------


def test_een_foutpagina_met_een_lijst_van_dossiers_wordt_gelogd(client, teamleider, dossier):
    """A 400 that re-renders the reconciliation list (a form error) still showed those persons."""
    Afstemming.objects.create(
        organisatie=teamleider.organisatie, gestart_door=teamleider, klaar_op=timezone.now()
    ).regels.create(inburgeraar=dossier.hoofd, verschillen=[{"onderdeel": "x"}])
    client.force_login(teamleider)
    vanaf = laatste_id()
    antwoord = client.post(reverse("notificaties:afstemming"), {"actie": "iets anders"})
    assert antwoord.status_code == 400
    assert dossier.hoofd.geslachtsnaam in antwoord.content.decode()
    (regel,) = [v for v in nieuw_sinds(vanaf) if v.actie == Actie.LEZEN]
    assert personen(regel) == {dossier.hoofd.pk}


def test_een_weigering_toont_geen_gegevens_en_is_geen_leesregel(client, privacy_officer, dossier):
    client.force_login(privacy_officer)
    vanaf = laatste_id()
    assert client.get(reverse("inburgeraars:dossier", args=[dossier.hoofd.uuid])).status_code == 403
    assert [v.actie for v in nieuw_sinds(vanaf)] == [Actie.GEWEIGERD]


# --- A refused attempt on another organisation's case --------------------------------------------


def test_poging_op_een_dossier_van_een_andere_organisatie_staat_ook_in_hun_log(
    client, consulent_drechtsteden, privacy_officer, privacy_officer_drechtsteden, dossier
):
    client.force_login(consulent_drechtsteden)
    vanaf = laatste_id()
    assert client.get(reverse("inburgeraars:dossier", args=[dossier.hoofd.uuid])).status_code == 404
    assert client.get(reverse("api:inburgeraar-detail", args=[dossier.hoofd.uuid])).status_code == 404

    # Dronten's privacy officer (the case's organisation) finds both attempts, also by person.
    client.force_login(privacy_officer)
    gevonden = [
        v for v in regels_op_pagina(client.get(ZOEKEN, {"persoon": dossier.hoofd.pk})) if v.id > vanaf
    ]
    assert len(gevonden) == 2
    for regel in gevonden:
        assert (regel.actie, regel.resultaat) == (Actie.GEWEIGERD, Resultaat.GEWEIGERD)
        assert regel.gebruiker == consulent_drechtsteden
        assert regel.namens_organisatie_id == consulent_drechtsteden.organisatie_id
        assert client.get(reverse("verwerkingslog:detail", args=[regel.uuid])).status_code == 200
    inzage = json.loads(
        client.post(inzage_url(dossier.hoofd.pk), {"reden": "Verzoek van betrokkene"}).content
    )
    assert sum(v["resultaat"] == "geweigerd" for v in inzage["verwerkingen"]) == 2

    # Drechtsteden's privacy officer sees the attempts of its own user, without the person:
    # nothing tells them that Dronten has this case.
    client.force_login(privacy_officer_drechtsteden)
    eigen = [
        v
        for v in regels_op_pagina(client.get(ZOEKEN, {"gebruiker": consulent_drechtsteden.username}))
        if v.id > vanaf
    ]
    assert len(eigen) == 2 and all(personen(v) == set() for v in eigen)
    assert all(v.object_id == str(dossier.hoofd.uuid) for v in eigen)
    assert not {v.id for v in eigen} & {v.id for v in gevonden}


# --- A privacy officer limited to some municipalities --------------------------------------------


@pytest.fixture
def drechtsteden(organisaties):
    zwijndrecht = Gemeente.objects.get(naam="Zwijndrecht")
    dordrecht = Gemeente.objects.get(cbs_code="0505")
    consulent = UserFactory(username="consulent.drecht", organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    in_dordrecht = InburgeraarFactory(gemeente=dordrecht, consulent=consulent, bsn=geldig_bsn(8101))
    in_zwijndrecht = InburgeraarFactory(gemeente=zwijndrecht, consulent=consulent, bsn=geldig_bsn(8102))
    privacy = UserFactory(
        username="privacy.dordrecht", organisatie=dordrecht.organisatie, rol=Rol.PRIVACY_OFFICER
    )
    privacy.gemeenten.set([dordrecht])
    return consulent, in_dordrecht, in_zwijndrecht, privacy


def test_privacy_officer_van_een_paar_gemeenten_ziet_alleen_die(client, drechtsteden):
    consulent, in_dordrecht, in_zwijndrecht, privacy = drechtsteden
    client.force_login(consulent)
    for persoon in (in_dordrecht, in_zwijndrecht):
        assert client.get(reverse("inburgeraars:dossier", args=[persoon.uuid])).status_code == 200

    client.force_login(privacy)
    alles = regels_op_pagina(client.get(ZOEKEN))
    gezien = set().union(*(personen(v) for v in alles))
    assert in_dordrecht.pk in gezien and in_zwijndrecht.pk not in gezien
    assert regels_op_pagina(client.get(ZOEKEN, {"persoon": in_zwijndrecht.pk})) == []
    assert client.get(ZOEKEN, {"persoon": in_zwijndrecht.pk}).context["persoon"] is None
    zwijndrecht_regel = Verwerking.objects.filter(betrokkenen__inburgeraar_id=in_zwijndrecht.pk).first()
    assert client.get(reverse("verwerkingslog:detail", args=[zwijndrecht_regel.uuid])).status_code == 404
    assert client.post(inzage_url(in_zwijndrecht.pk), {"reden": "Verzoek"}).status_code == 404
    assert client.post(ZOEKEN, {"bsn": in_zwijndrecht.bsn}).status_code == 200  # not found: a message
    assert client.post(inzage_url(in_dordrecht.pk), {"reden": "Verzoek"}).status_code == 200


# --- The reason for an access-request export -----------------------------------------------------


def test_inzageverzoek_vraagt_een_reden_en_die_komt_in_het_log(client, privacy_officer, dossier):
    client.force_login(privacy_officer)
    vanaf = laatste_id()
    antwoord = client.post(inzage_url(dossier.hoofd.pk), {"reden": "  "})
    assert antwoord.status_code == 400
    assert "Schrijf op waarom u dit overzicht maakt" in antwoord.content.decode()
    assert not [v for v in nieuw_sinds(vanaf) if v.onderdeel == "inzageverzoek"]

    antwoord = client.post(inzage_url(dossier.hoofd.pk), {"reden": "Brief van betrokkene van 3 maart"})
    assert antwoord.status_code == 200
    assert json.loads(antwoord.content)["inzageverzoek"]["reden"] == "Brief van betrokkene van 3 maart"
    (regel,) = [v for v in nieuw_sinds(vanaf) if v.onderdeel == "inzageverzoek"]
    assert "Brief van betrokkene van 3 maart" in regel.reden

"""The case tab "Traject", the capacity page and the contracts overview."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils.html import escape

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten.factories import verwezen
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.verwerkingslog.models import Verwerking


def test_tab_zonder_pip(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.get(reverse("trajecten:traject", args=[inburgeraar.uuid]))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Er is nog geen PIP" in inhoud
    assert 'aria-current="page"' in inhoud and ">Traject</a>" in inhoud


def test_verwijzen_via_de_pagina(client, consulent, inburgeraar, pip, contract):
    ContractFactory(aanbieder=contract.aanbieder, perceel=Perceel.Z_ROUTE)  # not in the PIP: not offered
    client.force_login(consulent)
    adres = reverse("trajecten:traject", args=[inburgeraar.uuid])
    inhoud = client.get(adres).content.decode()
    assert "Taalschool Flevoland (2 van 2 plaatsen vrij)" in inhoud
    assert "Z-route" not in inhoud.split("Verwijzen</h3>")[1].split("</form>")[0]
    antwoord = client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]),
        {"contract": contract.pk, "toelichting": "Alleen ochtenden", "versie": inburgeraar.versie},
    )
    assert antwoord.status_code == 302
    verwijzing = Verwijzing.objects.get()
    assert verwijzing.toelichting == "Alleen ochtenden"
    inhoud = client.get(adres).content.decode()
    assert "De verwijzing naar Taalschool Flevoland is verzonden." in inhoud
    assert "Verzonden" in inhoud and "0 dagen tot nu" in inhoud


def test_verwijzen_fout_slaat_niets_op(client, consulent, inburgeraar, pip, contract):
    client.force_login(consulent)
    voor = Gebeurtenis.objects.count()
    antwoord = client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]), {"versie": inburgeraar.versie}
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Er is niets opgeslagen." in inhoud
    assert "Kies een onderdeel en een aanbieder." in inhoud
    assert (
        'aria-describedby="id_contract_helptext id_contract_error"' in inhoud or "id_contract_error" in inhoud
    )
    # A contract of another component or organisation is not a choice.
    antwoord = client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]),
        {"contract": 999999, "versie": inburgeraar.versie},
    )
    assert "Kies een onderdeel en een aanbieder uit de lijst." in antwoord.content.decode()
    assert not Verwijzing.objects.exists() and Gebeurtenis.objects.count() == voor


def test_verouderde_versie_op_de_pagina(client, consulent, inburgeraar, pip, contract):
    client.force_login(consulent)
    antwoord = client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]),
        {"contract": contract.pk, "versie": inburgeraar.versie - 1},
    )
    assert "Iemand anders heeft dit dossier gewijzigd" in antwoord.content.decode()
    assert not Verwijzing.objects.exists()


def test_wachtlijst_zichtbaar(client, consulent, inburgeraar, pip, taalschool):
    vol = ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=0)
    client.force_login(consulent)
    inhoud = client.get(reverse("trajecten:traject", args=[inburgeraar.uuid])).content.decode()
    assert "vol, 0 op de wachtlijst: u komt op de wachtlijst" in inhoud
    client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]),
        {"contract": vol.pk, "versie": inburgeraar.versie},
    )
    inhoud = client.get(reverse("trajecten:traject", args=[inburgeraar.uuid])).content.decode()
    assert "de inburgeraar staat op de wachtlijst" in inhoud
    assert "Wachtlijst</span>" in inhoud


def test_intrekken(client, consulent, inburgeraar, pip, contract):
    verwijzing = verwezen(inburgeraar, consulent, contract=contract)
    inburgeraar.refresh_from_db()
    client.force_login(consulent)
    adres = reverse("trajecten:intrekken", args=[inburgeraar.uuid, verwijzing.uuid])
    prefix = f"intrekken-{verwijzing.uuid.hex[:8]}"
    antwoord = client.post(adres, {f"{prefix}-versie": inburgeraar.versie, f"{prefix}-reden": ""})
    assert antwoord.status_code == 200
    assert "Schrijf op waarom u de verwijzing intrekt." in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.VERZONDEN
    antwoord = client.post(adres, {f"{prefix}-versie": inburgeraar.versie, f"{prefix}-reden": "Verhuisd"})
    assert antwoord.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.INGETROKKEN


def test_collega_leest_maar_verwijst_niet(client, dronten, inburgeraar, pip, contract):
    collega = UserFactory(username="collega", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    client.force_login(collega)
    inhoud = client.get(reverse("trajecten:traject", args=[inburgeraar.uuid])).content.decode()
    assert "u bent niet de vaste consulent" in inhoud
    antwoord = client.post(
        reverse("trajecten:verwijzen", args=[inburgeraar.uuid]), {"contract": contract.pk, "versie": 1}
    )
    assert antwoord.status_code == 403
    assert not Verwijzing.objects.exists()


def test_andere_organisatie_404(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    assert client.get(reverse("trajecten:traject", args=[inburgeraar.uuid])).status_code == 404


def test_capaciteit_voor_teamleider(client, teamleider, consulent, inburgeraar, pip, contract):
    verwezen(inburgeraar, consulent, contract=contract, verzonden_op=vandaag() - timedelta(days=20))
    client.force_login(teamleider)
    vanaf = Verwerking.objects.order_by("-id").values_list("id", flat=True).first()
    antwoord = client.get(reverse("trajecten:capaciteit"))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Taalschool Flevoland" in inhoud
    assert escape(inburgeraar.naam) in inhoud.split("zonder antwoord na 2 weken")[1]
    lezen = Verwerking.objects.filter(id__gt=vanaf, actie="lezen").get()
    assert lezen.onderdeel == "traject"


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.AANBIEDER, Rol.BELEIDSMEDEWERKER])
def test_capaciteit_alleen_teamleider(client, dronten, rol):
    gebruiker = UserFactory(username=f"x{rol}", organisatie=dronten.organisatie, rol=rol)
    client.force_login(gebruiker)
    assert client.get(reverse("trajecten:capaciteit")).status_code == 403


def test_contracten_overzicht(client, dronten, contract, dordrecht):
    from regie.aanbieders.factories import AanbiederFactory

    ContractFactory(aanbieder=AanbiederFactory(organisatie=dordrecht.organisatie, naam="Taalhuis Dordrecht"))
    beleid = UserFactory(username="beleid", organisatie=dronten.organisatie, rol=Rol.BELEIDSMEDEWERKER)
    client.force_login(beleid)
    inhoud = client.get(reverse("trajecten:contracten")).content.decode()
    assert "Taalschool Flevoland" in inhoud and "Aanbesteding" in inhoud and "9.500,00" in inhoud
    assert "Taalhuis Dordrecht" not in inhoud
    assert ">Contracten</a>" in inhoud


def test_gemeente_legt_start_en_einde_vast(client, consulent, inburgeraar, pip, contract):
    from regie.trajecten import services

    verwijzing = verwezen(
        inburgeraar, consulent, contract=contract, verzonden_op=vandaag() - timedelta(days=9)
    )
    services.accepteren(verwijzing=verwijzing, startdatum=vandaag(), door=consulent)
    client.force_login(consulent)
    adres = reverse("trajecten:traject", args=[inburgeraar.uuid])
    inhoud = client.get(adres).content.decode()
    assert "Start vastleggen: B1-route bij Taalschool Flevoland" in inhoud
    prefix = f"starten-{verwijzing.uuid.hex[:8]}"
    starten = reverse("trajecten:starten", args=[inburgeraar.uuid, verwijzing.uuid])
    antwoord = client.post(starten, {f"{prefix}-startdatum": str(vandaag() + timedelta(days=3))})
    assert antwoord.status_code == 200
    assert "Het traject kan pas starten als de dag gekomen is." in antwoord.content.decode()
    antwoord = client.post(starten, {f"{prefix}-startdatum": str(vandaag())})
    assert antwoord.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.GESTART and verwijzing.wachttijd == 9
    prefix = f"afsluiten-{verwijzing.uuid.hex[:8]}"
    afsluiten = reverse("trajecten:afsluiten", args=[inburgeraar.uuid, verwijzing.uuid])
    antwoord = client.post(
        afsluiten, {f"{prefix}-einddatum": str(vandaag()), f"{prefix}-uitkomst": "afgebroken"}
    )
    assert "Schrijf op waarom het traject is afgebroken." in antwoord.content.decode()
    antwoord = client.post(
        afsluiten,
        {
            f"{prefix}-einddatum": str(vandaag()),
            f"{prefix}-uitkomst": "afgebroken",
            f"{prefix}-toelichting": "Werk",
        },
    )
    assert antwoord.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.AFGEBROKEN and verwijzing.toelichting_einde == "Werk"

"""The demo's moves (regie.overdracht.demo), on the demo installation: Dronten hands a case over to
Noordoostpolder in Regie, a package waits in Noordoostpolder's inbox, and a Drechtsteden case moved
from Dordrecht to Zwijndrecht. The pages show it to the right organisation only."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from regie.accounts.models import User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import Status
from regie.klok import vandaag
from regie.overdracht.demo import overdracht_demo
from regie.overdracht.models import Overdracht
from regie.overdracht.models import Status as OverdrachtStatus
from regie.overdracht.schema import fouten_in
from regie.tijdlijn.models import Soort


@pytest.fixture(scope="module")
def demo_eenmalig(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEMO=True):
        call_command("seed_demo", "--seed", "4", "--scale", "0.15", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_eenmalig, db, settings):
    settings.DEMO = True


def test_de_demo_heeft_de_drie_soorten_verhuizingen(demo):
    wachtend = Overdracht.objects.get(status=OverdrachtStatus.VERZONDEN)
    overgenomen = Overdracht.objects.get(status=OverdrachtStatus.GEACCEPTEERD)
    for overdracht in (wachtend, overgenomen):
        assert (
            overdracht.van_gemeente.naam == "Dronten" and overdracht.naar_gemeente.naam == "Noordoostpolder"
        )
        assert fouten_in(overdracht.pakket) == []
    assert overgenomen.inburgeraar.status == Status.VERHUISD
    assert overgenomen.nieuw_dossier.gemeente.naam == "Noordoostpolder"
    assert overgenomen.nieuw_dossier.ontvangen_pakketten.exists()
    assert overgenomen.nieuw_dossier.leerroute_vorige_gemeente
    assert overgenomen.nieuw_dossier.gebeurtenissen.filter(soort=Soort.OVERDRACHT).exists()
    binnen = Inburgeraar.objects.get(
        gebeurtenissen__soort=Soort.OVERDRACHT, gebeurtenissen__omschrijving__contains="binnen"
    )
    assert binnen.gemeente.naam == "Zwijndrecht"
    assert overdracht_demo(vandaag=vandaag()) == {}  # a second time: nothing new
    assert Overdracht.objects.count() == 2


def test_verhuizing_dronten_noordoostpolder_in_regie_via_de_paginas(demo, client):
    overdracht = Overdracht.objects.get(status=OverdrachtStatus.VERZONDEN)
    oud = overdracht.inburgeraar
    consulent_nop = User.objects.get(username="consulent.noordoostpolder")
    consulent_dronten = oud.consulent

    client.force_login(consulent_dronten)
    assert client.get(reverse("overdracht:inbox")).context["totaal"] == 0  # nothing addressed to Dronten
    client.force_login(consulent_nop)
    assert escape(oud.geslachtsnaam) in client.get(reverse("overdracht:inbox")).text
    assert client.get(reverse("inburgeraars:dossier", kwargs={"uuid": oud.uuid})).status_code == 404
    antwoord = client.post(
        reverse("overdracht:inbox_pakket", kwargs={"uuid": overdracht.uuid}), {"overnemen": "ja"}
    )
    assert antwoord.status_code == 302
    nieuw = Inburgeraar.objects.get(organisatie=consulent_nop.organisatie, bsn=oud.bsn)
    oud.refresh_from_db()
    assert oud.status == Status.VERHUISD and nieuw.gemeente.naam == "Noordoostpolder"
    assert nieuw.leerroute_vorige_gemeente == oud.pips.order_by("-versie").first().leerroute
    client.force_login(consulent_dronten)
    assert client.get(reverse("inburgeraars:dossier", kwargs={"uuid": nieuw.uuid})).status_code == 404
    assert (
        "Noordoostpolder heeft het overdrachtspakket overgenomen"
        in client.get(reverse("inburgeraars:tijdlijn", kwargs={"uuid": oud.uuid})).text
    )

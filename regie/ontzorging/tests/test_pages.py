"""The pages: what they show, that reading and writing go to the processing log, that the lists
are paginated with a query count that does not grow, and bad input on a page."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from regie.demo.factories import InburgeraarFactory
from regie.ontzorging import betaalruns
from regie.ontzorging.models import Betaling, VasteLast
from regie.ontzorging.tests.conftest import geldig_iban, last
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking

pytestmark = pytest.mark.django_db
MAART = date(2027, 3, 1)


def _aantal_queries(client, adres):
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(adres).status_code == 200
    return len(vastgelegd)


def test_dossiertab_toont_periode_en_lasten_en_logt_lezen(client, consulent, vaste_lasten, statushouder):
    client.force_login(consulent)
    tekst = client.get(reverse("ontzorging_dossier:ontzorging", args=[statushouder.uuid])).content.decode()
    assert "30 juni 2027" in tekst and "Woonstichting De Meerpaal" in tekst and "€ 645,50" in tekst
    log = Verwerking.objects.filter(onderdeel="ontzorging", actie=Actie.LEZEN).latest("pk")
    assert list(log.betrokkenen.values_list("inburgeraar_id", flat=True)) == [statushouder.pk]


def test_dossiertab_na_verhuizing_zegt_dat_de_ontzorging_gestopt_is(
    client, consulent, vaste_lasten, statushouder
):
    from regie.inburgeraars.models import Inburgeraar

    Inburgeraar.objects.filter(pk=statushouder.pk).update(status="verhuisd")
    client.force_login(consulent)
    tekst = client.get(reverse("ontzorging_dossier:ontzorging", args=[statushouder.uuid])).content.decode()
    assert "Gestopt: het dossier is gesloten (verhuisd)" in tekst
    assert ">Loopt<" not in tekst


def test_dossiertab_zonder_ontzorging_biedt_vastleggen(client, consulent, inburgeraar):
    client.force_login(consulent)
    tekst = client.get(reverse("ontzorging_dossier:ontzorging", args=[inburgeraar.uuid])).content.decode()
    assert "Ontzorging vastleggen" in tekst


def test_formulier_ongeldig_iban_nederlandse_melding_niets_opgeslagen(
    client, consulent, ontzorging, statushouder
):
    client.force_login(consulent)
    statushouder.refresh_from_db()
    antwoord = client.post(
        reverse("ontzorging_dossier:vaste_last_toevoegen", args=[statushouder.uuid]),
        {
            "versie": statushouder.versie,
            "soort": "huur",
            "begunstigde": "",
            "iban": "NL12 3456",
            "bedrag": "645,50",
            "van": "2027-01",
            "kenmerk": "Contract 1",
        },
    )
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (
        "Er is nog niets opgeslagen" in tekst
        and "geen geldig IBAN" in tekst
        and "naam van de begunstigde" in tekst
    )
    assert not VasteLast.objects.exists()
    assert Verwerking.objects.filter(resultaat=Resultaat.GEWEIGERD, onderdeel="ontzorging").exists()


def test_formulier_vaste_last_toevoegen(client, consulent, ontzorging, statushouder):
    client.force_login(consulent)
    statushouder.refresh_from_db()
    antwoord = client.post(
        reverse("ontzorging_dossier:vaste_last_toevoegen", args=[statushouder.uuid]),
        {
            "versie": statushouder.versie,
            "soort": "water",
            "begunstigde": "Vitens",
            "iban": "NL36 INGB 0007 6543 21",
            "bedrag": "24,75",
            "van": "2027-01",
            "kenmerk": "Klantnummer 12345",
        },
    )
    assert antwoord.status_code == 302
    assert VasteLast.objects.get().bedrag == 2475


def test_brief_einde_ontzorging_pdf_gelogd(client, consulent, vaste_lasten, statushouder):
    client.force_login(consulent)
    antwoord = client.get(reverse("ontzorging_dossier:brief", args=[statushouder.uuid]))
    assert antwoord["Content-Type"] == "application/pdf" and antwoord.content.startswith(b"%PDF")
    assert Verwerking.objects.filter(actie=Actie.EXPORTEREN, onderdeel="ontzorging").exists()
    vaste_lasten[0].ontzorging.refresh_from_db()
    assert vaste_lasten[0].ontzorging.brief_op is not None


def test_dossiertab_vast_aantal_queries(client, consulent, ontzorging, statushouder):
    client.force_login(consulent)
    adres = reverse("ontzorging_dossier:ontzorging", args=[statushouder.uuid])
    last(ontzorging, consulent)
    _aantal_queries(client, adres)
    weinig = _aantal_queries(client, adres)
    for n in range(11):
        last(
            ontzorging,
            consulent,
            begunstigde=f"Verhuurder {n}",
            iban=geldig_iban(n),
            kenmerk=f"K{n}",
        )
    assert _aantal_queries(client, adres) == weinig
    assert "Pagina 1 van 2" in client.get(adres).content.decode()


def _run(dronten, financieel):
    return betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)


def test_runpagina_toont_geen_namen_en_logt_de_huishoudens(
    client, dronten, vaste_lasten, rekening, financieel, statushouder
):
    run = _run(dronten, financieel)
    client.force_login(financieel)
    tekst = client.get(reverse("ontzorging:run", args=["0303", run.uuid])).content.decode()
    assert "Woonstichting De Meerpaal" in tekst and "€ 908,00" in tekst
    assert escape(statushouder.geslachtsnaam) not in tekst and statushouder.bsn not in tekst
    log = Verwerking.objects.filter(onderdeel=betaalruns.ONDERDEEL, actie=Actie.LEZEN).latest("pk")
    assert list(log.betrokkenen.values_list("inburgeraar_id", flat=True)) == [statushouder.pk]


def test_goedkeuren_door_voorbereider_op_de_pagina(client, dronten, vaste_lasten, rekening, financieel):
    run = _run(dronten, financieel)
    client.force_login(financieel)
    antwoord = client.post(reverse("ontzorging:goedkeuren", args=["0303", run.uuid]), {"bevestig": "ja"})
    assert antwoord.status_code == 400
    assert "vier ogen" in antwoord.content.decode()
    run.refresh_from_db()
    assert run.status == "voorbereid"
    # The page shown again names the households: read, and the refusal with its reason.
    assert Verwerking.objects.filter(onderdeel=betaalruns.ONDERDEEL, actie=Actie.LEZEN).exists()
    assert "vier ogen" in Verwerking.objects.filter(resultaat=Resultaat.GEWEIGERD).latest("pk").reden


def test_goedkeuren_en_downloaden(client, dronten, vaste_lasten, rekening, financieel, financieel2):
    from regie.ontzorging import sepa

    run = _run(dronten, financieel)
    client.force_login(financieel2)
    assert client.post(reverse("ontzorging:goedkeuren", args=["0303", run.uuid]), {}).status_code == 400
    antwoord = client.post(reverse("ontzorging:goedkeuren", args=["0303", run.uuid]), {"bevestig": "ja"})
    assert antwoord.status_code == 302
    bestand = client.get(reverse("ontzorging:bestand", args=["0303", run.uuid]))
    assert bestand["Content-Type"] == "application/xml"
    assert sepa.schemafouten(bestand.content) == []
    assert Verwerking.objects.filter(
        onderdeel=betaalruns.ONDERDEEL, actie=Actie.EXPORTEREN, kanaal="export"
    ).exists()


def test_runlijst_vast_aantal_queries(client, dronten, consulent, rekening, financieel, financieel2, vandaag):
    client.force_login(financieel)
    adres = reverse("ontzorging:runs", args=["0303"])
    weinig = None
    for maand in range(1, 4):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
        from regie.ontzorging import services

        o = services.ontzorging_vastleggen(
            inburgeraar=persoon, door=consulent, vergunning="asiel", eerste_bijstand=date(2027, maand, 5)
        )
        last(o, consulent)
        run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, maand, 1))
        betaalruns.run_goedkeuren(run=run, door=financieel2)
        if weinig is None:  # one run on the list, then three
            _aantal_queries(client, adres)
            weinig = _aantal_queries(client, adres)
    assert _aantal_queries(client, adres) == weinig


def test_runpagina_vast_aantal_queries(client, dronten, consulent, rekening, financieel, vandaag):
    from regie.ontzorging import services

    def huishouden(n):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
        o = services.ontzorging_vastleggen(
            inburgeraar=persoon, door=consulent, vergunning="asiel", eerste_bijstand=date(2027, 2, 5)
        )
        last(o, consulent, kenmerk=f"K{n}")

    huishouden(0)
    run = _run(dronten, financieel)
    client.force_login(financieel)
    adres = reverse("ontzorging:run", args=["0303", run.uuid])
    _aantal_queries(client, adres)
    weinig = _aantal_queries(client, adres)
    betaalruns.run_verwijderen(run=run, door=financieel)
    for n in range(1, 30):
        huishouden(n)
    run = _run(dronten, financieel)
    adres = reverse("ontzorging:run", args=["0303", run.uuid])
    assert Betaling.objects.filter(run=run).count() == 30
    _aantal_queries(client, adres)
    assert _aantal_queries(client, adres) == weinig


def test_dossiertab_leest_het_betaalbestand_niet(
    client, dronten, consulent, vaste_lasten, rekening, financieel, financieel2, statushouder
):
    """The tab shows each payment's run status; the run's bank file (tens of kB) is never read."""
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 3, 1))
    betaalruns.run_goedkeuren(run=run, door=financieel2)
    client.force_login(consulent)
    with CaptureQueriesContext(connection) as vastgelegd:
        tekst = client.get(
            reverse("ontzorging_dossier:ontzorging", args=[statushouder.uuid])
        ).content.decode()
    assert "Goedgekeurd, betaalbestand gemaakt" in tekst
    assert not [q["sql"] for q in vastgelegd if '"bestand"' in q["sql"]]

"""The Geldzaken pages: who sees them, entering a budget and an invoice (and refusing bad input
with nothing saved), the invoice list without case content, and the downloads."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory, naam_niet_op_de_pagina
from regie.financien.models import Budget, Categorie, Factuur
from regie.financien.tests.gegevens import PEILDATUM, maak_factuur
from regie.klok import vandaag
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.verwerkingslog.models import Actie, Verwerking

JAAR = 2026


@pytest.fixture
def financieel(dronten):
    return UserFactory(
        username="financieel.dronten", organisatie=dronten.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER
    )


@pytest.fixture
def ingelogd(client, financieel):
    client.force_login(financieel)
    return client


def _url(naam, **kwargs):
    return reverse(f"financien:{naam}", kwargs=kwargs)


def _lopende_b1(gemeente):
    return Verwijzing.objects.get(inburgeraar__gemeente=gemeente, status=S.GESTART, onderdeel="b1_route")


def _factuurgegevens(ref, **anders):
    gisteren = vandaag() - timedelta(days=1)
    return {
        "soort": "factuur",
        "verwijzing": str(ref.uuid),
        "factuurnummer": "TS-2026-0099",
        "factuurdatum": gisteren.isoformat(),
        "periode_van": gisteren.replace(day=1).isoformat(),
        "periode_tot": gisteren.isoformat(),
        "bedrag": "1.250,50",
        "crediteert_nummer": "",
        **anders,
    }


# --- Who sees what -------------------------------------------------------------------------


def test_overzicht_voor_de_financieel_medewerker(ingelogd, geld):
    antwoord = ingelogd.get(_url("overzicht", cbs_code="0303", jaar=JAAR))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Budget en besteding Dronten 2026" in tekst
    assert "€ 20.000,00" in tekst  # the B1 budget
    assert "<svg" in tekst and "<table" in tekst
    assert "Zo rekent Regie" in tekst


def test_andere_gemeente_geeft_404(ingelogd, geld):
    for url in (
        _url("overzicht", cbs_code="0642", jaar=JAAR),
        _url("budget", cbs_code="0642", jaar=JAAR),
        _url("sisa_xlsx", cbs_code="0642", jaar=JAAR),
        _url("facturen", cbs_code="0642"),
        _url("factuur_registreren", cbs_code="0642"),
    ):
        assert ingelogd.get(url).status_code == 404, url


def test_jaar_buiten_bereik_geeft_404(ingelogd, geld):
    assert ingelogd.get(_url("overzicht", cbs_code="0303", jaar=2019)).status_code == 404


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.TEAMLEIDER, Rol.BELEIDSMEDEWERKER, Rol.AANBIEDER])
def test_andere_rollen_zien_geen_geldzaken(client, dronten, geld, rol):
    client.force_login(UserFactory(organisatie=dronten.organisatie, rol=rol))
    assert client.get(_url("overzicht", cbs_code="0303", jaar=JAAR)).status_code == 403
    assert client.get(_url("facturen", cbs_code="0303")).status_code == 403


def test_startpagina_en_menu(ingelogd, geld):
    tekst = ingelogd.get(_url("start")).content.decode()
    assert _url("overzicht", cbs_code="0303", jaar=vandaag().year) in tekst
    assert "Zwijndrecht" not in tekst
    assert 'href="/geldzaken/"' in ingelogd.get("/werkvoorraad/").content.decode()


# --- Budget --------------------------------------------------------------------------------


def test_budget_vastleggen_in_centen(ingelogd, geld):
    antwoord = ingelogd.post(
        _url("budget", cbs_code="0303", jaar=2027),
        {"b1_route": "125.000,50", "map": "1234.5", "toelichting": "Beschikking 2027"},
    )
    assert antwoord.status_code == 302
    bedragen = dict(Budget.objects.filter(gemeente=geld, jaar=2027).values_list("categorie", "bedrag"))
    assert bedragen == {"b1_route": 12_500_050, "map": 123_450}


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ({"b1_route": "veel"}, "is geen bedrag"),
        ({"b1_route": "-100"}, "zonder minteken"),
        ({"b1_route": "10,123"}, "twee cijfers achter de komma"),
        ({}, "Vul minstens één bedrag in"),
    ],
)
def test_budget_onzin_wordt_geweigerd(ingelogd, geld, invoer, melding):
    voor = list(Budget.objects.values_list("pk", "bedrag"))
    antwoord = ingelogd.post(_url("budget", cbs_code="0303", jaar=JAAR), {"toelichting": "", **invoer})
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert "Er is nog niets opgeslagen" in antwoord.content.decode()
    assert list(Budget.objects.values_list("pk", "bedrag")) == voor


# --- Invoices ------------------------------------------------------------------------------


def test_factuur_registreren(ingelogd, geld, financieel):
    verwijzing = _lopende_b1(geld)
    antwoord = ingelogd.post(_url("factuur_registreren", cbs_code="0303"), _factuurgegevens(verwijzing))
    assert antwoord.status_code == 302
    factuur = Factuur.objects.get(factuurnummer="TS-2026-0099")
    assert (factuur.bedrag, factuur.categorie, factuur.aanbieder_id, factuur.gemeente) == (
        125_050,
        "b1_route",
        verwijzing.contract.aanbieder_id,
        geld,
    )
    log = Verwerking.objects.filter(onderdeel="factuur", actie=Actie.AANMAKEN).get()
    assert log.object_id == str(factuur.uuid)
    assert list(log.betrokkenen.values_list("inburgeraar_id", flat=True)) == [verwijzing.inburgeraar_id]


def _geweigerd(client, gegevens, melding):
    voor = Factuur.objects.count()
    logs = Verwerking.objects.filter(onderdeel="factuur").count()
    antwoord = client.post(_url("factuur_registreren", cbs_code="0303"), gegevens)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Er is nog niets opgeslagen" in tekst
    assert melding in tekst, tekst
    assert Factuur.objects.count() == voor
    assert Verwerking.objects.filter(onderdeel="factuur").count() == logs


def test_dubbel_factuurnummer_geweigerd(ingelogd, geld):
    _geweigerd(
        ingelogd,
        _factuurgegevens(_lopende_b1(geld), factuurnummer="F1"),
        "heeft al een factuur met nummer F1",
    )


def test_factuur_voor_verwijzing_van_andere_organisatie_geweigerd(ingelogd, geld):
    ander = Verwijzing.objects.exclude(inburgeraar__gemeente=geld).get()
    _geweigerd(ingelogd, _factuurgegevens(ander), "verwijzing van een andere gemeente of organisatie")


def test_factuur_voor_geweigerde_verwijzing_geweigerd(ingelogd, geld):
    geweigerd = Verwijzing.objects.get(inburgeraar__gemeente=geld, status=S.GEWEIGERD)
    _geweigerd(ingelogd, _factuurgegevens(geweigerd), "Deze verwijzing is geweigerd")


@pytest.mark.parametrize(
    ("anders", "melding"),
    [
        ({"verwijzing": "geen-uuid"}, "Er is geen verwijzing met dit kenmerk"),
        ({"bedrag": "0"}, "groter dan nul"),
        ({"bedrag": "twaalf"}, "is geen bedrag"),
        (
            {"factuurdatum": (date.today() + timedelta(days=30)).isoformat()},
            "De factuurdatum ligt na vandaag",
        ),
        ({"periode_van": "2025-12-01", "periode_tot": "2026-01-31"}, "over de jaarwisseling"),
        ({"periode_van": "2026-03-01", "periode_tot": "2026-02-01"}, "voor het begin"),
        ({"factuurnummer": "  "}, "Vul het factuurnummer in"),
        ({"soort": "creditfactuur", "crediteert_nummer": ""}, "Vul het nummer in van de factuur"),
        ({"soort": "creditfactuur", "crediteert_nummer": "F9"}, "Er is geen factuur F9"),
        # F1 was € 3.600 and € 600 is credited already: € 3.000,01 more is too much.
        (
            {"soort": "creditfactuur", "crediteert_nummer": "F1", "bedrag": "3000,01"},
            "nog hoogstens € 3.000,00",
        ),
    ],
)
def test_onjuiste_factuur_geweigerd(ingelogd, geld, anders, melding):
    _geweigerd(ingelogd, _factuurgegevens(_lopende_b1(geld), **anders), melding)


def test_creditfactuur_negatief_opgeslagen(ingelogd, geld):
    gegevens = _factuurgegevens(
        _lopende_b1(geld), soort="creditfactuur", crediteert_nummer="F1", factuurnummer="C2", bedrag="3000,00"
    )
    assert ingelogd.post(_url("factuur_registreren", cbs_code="0303"), gegevens).status_code == 302
    credit = Factuur.objects.get(factuurnummer="C2")
    assert credit.bedrag == -300_000 and credit.crediteert.factuurnummer == "F1"


def test_factuurlijst_zonder_dossierinhoud_en_gelogd(ingelogd, geld):
    verwijzing = _lopende_b1(geld)
    persoon = verwijzing.inburgeraar
    naam_niet_op_de_pagina(persoon)
    antwoord = ingelogd.get(_url("facturen", cbs_code="0303"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert str(verwijzing.uuid) in tekst and "F1" in tekst
    assert persoon.bsn not in tekst and escape(persoon.geslachtsnaam) not in tekst
    log = Verwerking.objects.filter(onderdeel="factuur", actie=Actie.LEZEN).get()
    assert list(log.betrokkenen.values_list("inburgeraar_id", flat=True)) == [persoon.pk]


def test_factuurlijst_gepagineerd_met_vast_aantal_queries(ingelogd, geld):
    verwijzing = _lopende_b1(geld)

    def aantal_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as vastgelegd:
            assert ingelogd.get(_url("facturen", cbs_code="0303")).status_code == 200
        return len(vastgelegd)

    aantal_queries()  # the first request of a session does some housekeeping
    weinig = aantal_queries()
    for n in range(40):
        maak_factuur(verwijzing, f"EXTRA-{n}", 1_000, date(2026, 1, 1), date(2026, 1, 31))
    assert aantal_queries() == weinig
    tweede = ingelogd.get(_url("facturen", cbs_code="0303") + "?pagina=2").content.decode()
    assert "Pagina 2 van 2" in tweede


# --- Downloads -----------------------------------------------------------------------------


def test_besteding_als_csv(ingelogd, geld, monkeypatch):
    monkeypatch.setattr("regie.financien.selectors.vandaag", lambda: PEILDATUM)
    antwoord = ingelogd.get(_url("besteding_csv", cbs_code="0303", jaar=JAAR))
    assert antwoord["Content-Type"].startswith("text/csv")
    assert 'filename="besteding-0303-2026.csv"' in antwoord["Content-Disposition"]
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][0] == "Categorie"
    b1 = next(r for r in rijen if r[0] == "B1-route")
    # budget, committed, spent, forecast and budget minus forecast (test_selectors.py)
    assert b1[1:] == ["20000,00", "9000,00", "3000,00", "4312,50", "15687,50"]
    assert any(r[0] == "Totaal SPUK" for r in rijen)


def test_sisa_als_xlsx(ingelogd, geld):
    antwoord = ingelogd.get(_url("sisa_xlsx", cbs_code="0303", jaar=JAAR))
    assert antwoord["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    assert "SiSa" in blad["A1"].value and "Dronten" in blad["A1"].value
    rijen = {r[0]: r[1:] for r in blad.iter_rows(min_row=4, values_only=True)}
    assert rijen["B1-route"] == (20000, 3000, 17000, 1)
    assert rijen["Tolken"] == (0, 450, -450, 1)
    assert rijen["Totaal SPUK"][1] == 3450
    assert blad.cell(row=4, column=2).number_format == "#,##0.00"


def test_sisa_pagina(ingelogd, geld):
    tekst = ingelogd.get(_url("sisa", cbs_code="0303", jaar=JAAR)).content.decode()
    assert "SiSa-overzicht Dronten 2026" in tekst and "€ 17.000,00" in tekst


def test_categorie_van_regiemiddelen_niet_in_sisa(ingelogd, geld):
    antwoord = ingelogd.get(_url("sisa_csv", cbs_code="0303", jaar=JAAR))
    assert Categorie.UITVOERING.label not in antwoord.content.decode("utf-8-sig")

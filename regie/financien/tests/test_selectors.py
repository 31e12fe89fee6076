"""Budget, commitments, spend, forecast and the SiSa summary on a small hand-built municipality;
every expected figure is worked out by hand in the comments (cents)."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel, PrijsPer
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, pip_vastgesteld
from regie.financien import selectors
from regie.financien.models import Budget, Categorie, Factuur, Soort
from regie.organisaties.models import Gemeente
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.wet.spuk import SPUK_ONDERDELEN

PEILDATUM = date(2026, 10, 15)  # 3 months left: October, November, December


def _verwijzing(inburgeraar, pip, contract, status, verzonden, beantwoord=None):
    return Verwijzing.objects.create(
        inburgeraar=inburgeraar,
        pip=pip,
        onderdeel=contract.perceel,
        contract=contract,
        status=status,
        verzonden_op=verzonden,
        beantwoord_op=beantwoord,
    )


def _factuur(verwijzing, nummer, bedrag, van, tot, **extra):
    return Factuur.objects.create(
        verwijzing=verwijzing,
        aanbieder=verwijzing.contract.aanbieder,
        gemeente=verwijzing.inburgeraar.gemeente,
        categorie=verwijzing.onderdeel,
        factuurnummer=nummer,
        factuurdatum=tot,
        periode_van=van,
        periode_tot=tot,
        bedrag=bedrag,
        **extra,
    )


@pytest.fixture
def geld(dronten, consulent, taalschool):
    organisatie = dronten.organisatie
    b1 = ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, prijs=Decimal("9000.00"))
    vwn = AanbiederFactory(organisatie=organisatie, naam="Vluchtelingenwerk")
    pvt = ContractFactory(aanbieder=vwn, perceel=Perceel.PVT, prijs=Decimal("600.00"))
    tolken = AanbiederFactory(organisatie=organisatie, naam="Tolkenpool")
    tolk = ContractFactory(
        aanbieder=tolken, perceel=Perceel.TOLK, prijs=Decimal("50.00"), prijs_per=PrijsPer.UUR
    )
    inburgeraar = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    pip = pip_vastgesteld(
        inburgeraar, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True
    )
    r1 = _verwijzing(inburgeraar, pip, b1, S.GESTART, date(2026, 2, 1), date(2026, 2, 10))
    r2 = _verwijzing(inburgeraar, pip, b1, S.AFGEROND, date(2025, 3, 1), date(2025, 3, 5))
    _verwijzing(inburgeraar, pip, pvt, S.GEACCEPTEERD, date(2026, 9, 1), date(2026, 9, 3))
    _verwijzing(inburgeraar, pip, b1, S.GEWEIGERD, date(2026, 5, 1), date(2026, 5, 3))
    r5 = _verwijzing(inburgeraar, pip, tolk, S.AFGEROND, date(2026, 4, 1), date(2026, 4, 2))
    f1 = _factuur(r1, "F1", 360_000, date(2026, 3, 1), date(2026, 5, 31))
    _factuur(r1, "C1", -60_000, date(2026, 3, 1), date(2026, 5, 31), soort=Soort.CREDITFACTUUR, crediteert=f1)
    _factuur(r2, "F3", 200_000, date(2025, 11, 1), date(2025, 12, 31))
    _factuur(r5, "F4", 45_000, date(2026, 4, 1), date(2026, 4, 30))
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.B1_ROUTE, bedrag=2_000_000)
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.PVT, bedrag=100_000)
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.UITVOERING, bedrag=500_000)

    # Another municipality's referral and invoice count for that municipality only.
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    school_drecht = AanbiederFactory(organisatie=zwijndrecht.organisatie, naam="Taalschool Drechtsteden")
    b1_drecht = ContractFactory(aanbieder=school_drecht, perceel=Perceel.B1_ROUTE, prijs=Decimal("10000.00"))
    ander = InburgeraarFactory(gemeente=zwijndrecht)
    pip_ander = pip_vastgesteld(
        ander, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True
    )
    r_drecht = _verwijzing(ander, pip_ander, b1_drecht, S.GESTART, date(2026, 1, 5), date(2026, 1, 6))
    _factuur(r_drecht, "F1", 500_000, date(2026, 1, 1), date(2026, 6, 30))
    return dronten


def _per_categorie(regels):
    return {r.categorie: r for r in regels}


def test_begroting_verplichting_besteding_en_prognose(geld):
    regels = _per_categorie(selectors.besteding_per_categorie(geld, 2026, peildatum=PEILDATUM))
    assert list(regels) == [*SPUK_ONDERDELEN, "uitvoering"]
    b1 = regels["b1_route"]
    # Committed: only r1 was accepted in 2026 (r2 in 2025, r4 refused): € 9.000.
    # Spent: F1 € 3.600 minus credit € 600 = € 3.000 (F3 is 2025).
    # Forecast: 3.000 + running r1 9.000/24 × 3 = 1.125 (€ 6.000 still open) + inflow r1 only
    # (r4 refused, r2 too long ago): 1/12 × 375 × (3+2+1) = 187,50 → € 4.312,50.
    assert (b1.budget, b1.verplicht, b1.besteed, b1.prognose) == (2_000_000, 900_000, 300_000, 431_250)
    assert b1.verschil == 2_000_000 - 431_250
    pvt = regels["pvt"]
    # Committed € 600; running r3: 600/2 × 3 = 900, but only € 600 open → 600; inflow 1/12 × 300 × 5 = 125.
    assert (pvt.budget, pvt.verplicht, pvt.besteed, pvt.prognose) == (100_000, 60_000, 0, 72_500)
    tolk = regels["tolk"]
    # Per hour: € 50 × 10 hours = € 500 committed; spent € 450; inflow 1/12 × 500 × 3 = 125.
    assert (tolk.budget, tolk.verplicht, tolk.besteed, tolk.prognose) == (None, 50_000, 45_000, 57_500)
    map_ = regels["map"]
    assert (map_.verplicht, map_.besteed, map_.prognose) == (0, 0, 0)
    uitvoering = regels["uitvoering"]
    assert (uitvoering.budget, uitvoering.verplicht, uitvoering.besteed, uitvoering.prognose) == (
        500_000,
        None,
        None,
        None,
    )
    totaal = selectors.totaal_spuk(list(regels.values()))
    assert (totaal.budget, totaal.verplicht, totaal.besteed, totaal.prognose) == (
        2_100_000,
        1_010_000,
        345_000,
        431_250 + 72_500 + 57_500,
    )


def test_voorbij_jaar_prognose_is_besteding_en_toekomstig_jaar_zonder_prognose(geld):
    vorig = _per_categorie(selectors.besteding_per_categorie(geld, 2025, peildatum=PEILDATUM))
    assert (vorig["b1_route"].verplicht, vorig["b1_route"].besteed, vorig["b1_route"].prognose) == (
        900_000,
        200_000,
        200_000,
    )
    volgend = _per_categorie(selectors.besteding_per_categorie(geld, 2027, peildatum=PEILDATUM))
    assert volgend["b1_route"].prognose is None


def test_sisa_overzicht(geld):
    sisa = _per_categorie(selectors.sisa_overzicht(geld, 2026))
    assert list(sisa) == list(SPUK_ONDERDELEN)
    # B1: budget € 20.000, spent € 3.000 on one referral (invoice and its credit), € 17.000 left.
    assert (sisa["b1_route"].budget, sisa["b1_route"].besteed, sisa["b1_route"].trajecten) == (
        2_000_000,
        300_000,
        1,
    )
    assert sisa["b1_route"].verschil == 1_700_000
    assert (sisa["tolk"].budget, sisa["tolk"].besteed, sisa["tolk"].verschil) == (0, 45_000, -45_000)


def test_andere_gemeente_telt_apart(geld):
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    b1 = _per_categorie(selectors.besteding_per_categorie(zwijndrecht, 2026, peildatum=PEILDATUM))["b1_route"]
    assert (b1.verplicht, b1.besteed) == (1_000_000, 500_000)


def test_de_aantallen_komen_uit_een_vast_aantal_queries(geld, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        selectors.besteding_per_categorie(geld, 2026, peildatum=PEILDATUM)


def test_gemeente_voor_alleen_eigen_gemeenten_met_het_recht(geld, dordrecht):
    financieel = UserFactory(organisatie=geld.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER)
    assert selectors.gemeente_voor(financieel, "0303") == geld
    with pytest.raises(Http404):
        selectors.gemeente_voor(financieel, "0642")
    consulent = UserFactory(organisatie=geld.organisatie, rol=Rol.CONSULENT)
    with pytest.raises(Http404):
        selectors.gemeente_voor(consulent, "0303")
    beperkt = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.FINANCIEEL_MEDEWERKER)
    beperkt.gemeenten.set([dordrecht])
    assert list(selectors.gemeenten_voor_geldzaken(beperkt)) == [dordrecht]


def test_categorieen_zijn_de_onderdelen_van_een_verwijzing():
    assert [c.value for c in Categorie][:-1] == list(SPUK_ONDERDELEN)
    assert set(SPUK_ONDERDELEN) == {p.value for p in Perceel}

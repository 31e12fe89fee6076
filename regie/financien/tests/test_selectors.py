"""Budget, commitments, spend, forecast and the SiSa summary on a small hand-built municipality;
every expected figure is worked out by hand in the comments (cents)."""

import pytest
from django.http import Http404

from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.financien import selectors
from regie.financien.models import Categorie
from regie.financien.tests.gegevens import PEILDATUM
from regie.organisaties.models import Gemeente
from regie.wet.spuk import SPUK_ONDERDELEN


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

"""Boundaries of every amount and period of the fine table (regie.wet.boetes), with the article
each comes from: Wi 22 (EUR 250 fixed), Wi 23 (EUR 50, doubling within 12 months, at most EUR 800,
EUR 2,400 per termijn), Wi 27, Awb 5:46 (moderation), Awb 5:53 (EUR 340), Awb 6:7 (six weeks)."""

from datetime import date

import pytest

from regie.wet.artikelen import ARTIKELEN
from regie.wet.boetes import (
    BOETEREGELS,
    BoeteGeweigerd,
    Grond,
    bereken,
    euro,
    herhalingen,
    rapport_en_zienswijze_verplicht,
    toets_maximum,
)

PLEEG = date(2026, 6, 15)


def test_elke_regel_noemt_een_bekend_artikel():
    for naam, regel in BOETEREGELS.items():
        wet, _, nummer = regel.artikel.partition(" ")
        assert (wet, nummer) in ARTIKELEN, naam
        assert regel.gecontroleerd.split(":")[0] in {"wettekst", "secundair", "niet geverifieerd"}, naam


def test_wi22_vast_bedrag_250():
    """Wi 22: EUR 250, whatever happened before."""
    uitkomst = bereken(grond=Grond.BREDE_INTAKE_PIP, pleegdatum=PLEEG, eerdere_pleegdata=[date(2026, 5, 1)])
    assert uitkomst.bedrag == 25_000
    assert "Wi 22" in uitkomst.uitleg[0]


def test_wi23_eerste_keer_50():
    """Wi 23: EUR 50 the first time."""
    assert bereken(grond=Grond.PIP_NIET_NAKOMEN, pleegdatum=PLEEG).bedrag == 5_000


@pytest.mark.parametrize(
    ("eerder", "bedrag"), [(1, 10_000), (2, 20_000), (3, 40_000), (4, 80_000), (5, 80_000)]
)
def test_wi23_verdubbelt_tot_hoogstens_800(eerder, bedrag):
    """Wi 23: doubled for every repeat within 12 months, never above EUR 800."""
    eerdere = [date(2026, 1, d) for d in range(1, eerder + 1)]
    assert bereken(grond=Grond.PIP_NIET_NAKOMEN, pleegdatum=PLEEG, eerdere_pleegdata=eerdere).bedrag == bedrag


def test_herhaling_precies_twaalf_maanden():
    """Wi 23 repeat window: an earlier fine exactly 12 months before counts, a day earlier not."""
    assert herhalingen([date(2025, 6, 15)], PLEEG) == 1
    assert herhalingen([date(2025, 6, 14)], PLEEG) == 0
    assert herhalingen([PLEEG], PLEEG) == 0  # the same conduct is no repeat
    assert herhalingen([date(2024, 2, 29)], date(2025, 2, 28)) == 1  # leap day: the last day of February


def test_cap_per_termijn_precies_2400():
    """Wi 23: EUR 2,400 per termijn; exactly at the cap is allowed, a cent more is not."""
    assert (
        bereken(grond=Grond.BREDE_INTAKE_PIP, pleegdatum=PLEEG, al_opgelegd_in_termijn=215_000).bedrag
        == 25_000
    )
    with pytest.raises(BoeteGeweigerd, match="€ 2.400,00"):
        bereken(grond=Grond.BREDE_INTAKE_PIP, pleegdatum=PLEEG, al_opgelegd_in_termijn=215_001)


def test_cap_telt_de_vorige_gemeente_mee():
    """Wi 23 cap per termijn, Wi 11 and Wi 15 lid 4: the termijn runs on after a move, so the
    previous municipality's fines count; exactly at the cap is allowed, a cent more is not."""
    assert (
        bereken(
            grond=Grond.BREDE_INTAKE_PIP,
            pleegdatum=PLEEG,
            al_opgelegd_in_termijn=65_000,
            bij_vorige_gemeente=150_000,
        ).bedrag
        == 25_000
    )
    with pytest.raises(BoeteGeweigerd, match=r"al € 2.150,01 .* waarvan € 1.500,01 door de vorige gemeente"):
        bereken(
            grond=Grond.BREDE_INTAKE_PIP,
            pleegdatum=PLEEG,
            al_opgelegd_in_termijn=65_000,
            bij_vorige_gemeente=150_001,
        )


def test_maximum_per_boete():
    """Wi 22: never above EUR 250; Wi 23: never above EUR 800; never EUR 0."""
    toets_maximum(Grond.BREDE_INTAKE_PIP, 25_000)
    with pytest.raises(BoeteGeweigerd, match="Wi 22"):
        toets_maximum(Grond.BREDE_INTAKE_PIP, 25_001)
    toets_maximum(Grond.PIP_NIET_NAKOMEN, 80_000)
    with pytest.raises(BoeteGeweigerd, match="Wi 23"):
        toets_maximum(Grond.PIP_NIET_NAKOMEN, 80_001)
    with pytest.raises(BoeteGeweigerd):
        toets_maximum(Grond.PIP_NIET_NAKOMEN, 0)


@pytest.mark.parametrize(("matiging", "bedrag"), [(100, 25_000), (75, 18_750), (50, 12_500), (25, 6_250)])
def test_matiging_met_reden(matiging, bedrag):
    """Awb 5:46 lid 3: the fixed Wi 22 amount lowered for special circumstances."""
    uitkomst = bereken(
        grond=Grond.BREDE_INTAKE_PIP, pleegdatum=PLEEG, matiging=matiging, matiging_reden="weinig geld"
    )
    assert uitkomst.bedrag == bedrag


def test_matiging_zonder_reden_of_met_ander_percentage_geweigerd():
    """Awb 5:46: a lower fine needs its reason; only the steps of the table."""
    with pytest.raises(BoeteGeweigerd, match="waarom"):
        bereken(grond=Grond.PIP_NIET_NAKOMEN, pleegdatum=PLEEG, matiging=50, matiging_reden=" ")
    with pytest.raises(BoeteGeweigerd, match="procent"):
        bereken(grond=Grond.PIP_NIET_NAKOMEN, pleegdatum=PLEEG, matiging=60, matiging_reden="x")


def test_wi27_geen_boete_naast_verlaagde_bijstand():
    with pytest.raises(BoeteGeweigerd, match="Wi 27"):
        bereken(grond=Grond.PIP_NIET_NAKOMEN, pleegdatum=PLEEG, bijstand_verlaagd=True)


def test_awb_553_grens_340():
    """Awb 5:53: above EUR 340 that can be imposed; Wi 23 (EUR 800) yes, Wi 22 (EUR 250) not."""
    assert BOETEREGELS["awb_553_grens"].waarde == 34_000
    assert rapport_en_zienswijze_verplicht(Grond.PIP_NIET_NAKOMEN)
    assert not rapport_en_zienswijze_verplicht(Grond.BREDE_INTAKE_PIP)


def test_euro():
    assert euro(240_000) == "€ 2.400,00"
    assert euro(6_250) == "€ 62,50"

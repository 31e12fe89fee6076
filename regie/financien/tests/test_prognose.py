"""The forecast's arithmetic (regie.financien.prognose), each expected figure worked out by hand."""

from datetime import date

from regie.financien import prognose as p


def test_maanden_resterend_telt_de_lopende_maand_mee():
    assert p.maanden_resterend(date(2026, 1, 1)) == 12
    assert p.maanden_resterend(date(2026, 10, 15)) == 3
    assert p.maanden_resterend(date(2026, 12, 31)) == 1


def test_lopend_is_prijs_gedeeld_door_looptijd_maal_resterende_maanden():
    # 2 trajectories of € 9.600: € 400 a month each over 24 months; 3 months left: 2 × 400 × 3 = € 2.400.
    groep = p.Lopend(aantal=2, prijs=960_000, gefactureerd=0)
    assert p.lopend_bedrag([groep], looptijd=24, maanden=3) == 240_000


def test_lopend_nooit_meer_dan_nog_te_factureren():
    # € 600 over 2 months is € 300 a month; 6 months left would be € 1.800, but € 500 was invoiced:
    # only € 100 can still come.
    groep = p.Lopend(aantal=1, prijs=60_000, gefactureerd=50_000)
    assert p.lopend_bedrag([groep], looptijd=2, maanden=6) == 10_000


def test_lopend_afgerond_op_hele_centen():
    # € 100 over 3 months: 33,333... cents a month... × 1 month = 3.333,33 cents → 3.333.
    assert p.lopend_bedrag([p.Lopend(aantal=1, prijs=10_000)], looptijd=3, maanden=1) == 3_333


def test_instroom_verdeeld_over_de_resterende_maanden():
    # 12 referrals in the last year: 1 a month. 3 months left: they run 3 + 2 + 1 = 6 months this
    # year, at € 9.000 / 24 = € 375 a month: € 2.250.
    assert p.instroom_bedrag(verwezen_12_maanden=12, prijs=900_000, looptijd=24, maanden=3) == 225_000


def test_instroom_begrensd_door_de_looptijd():
    # PVT: 2 months. 3 months left: min(3,2) + min(2,2) + min(1,2) = 5 months at € 300, with 6 a year
    # (0,5 a month): 0,5 × 300 × 5 = € 750.
    assert p.instroom_bedrag(verwezen_12_maanden=6, prijs=60_000, looptijd=2, maanden=3) == 75_000


def test_prognose_is_besteed_plus_lopend_plus_instroom():
    uitkomst = p.prognose(
        besteed=300_000,
        lopend=[p.Lopend(aantal=1, prijs=900_000, gefactureerd=300_000)],
        verwezen_12_maanden=1,
        prijs_nieuw=900_000,
        looptijd=24,
        maanden=3,
    )
    # lopend 9.000 / 24 × 3 = 1.125; instroom 1/12 × 375 × 6 = 187,50.
    assert (uitkomst.besteed, uitkomst.lopend, uitkomst.instroom) == (300_000, 112_500, 18_750)
    assert uitkomst.totaal == 431_250


def test_zonder_contract_geen_instroom():
    assert p.instroom_bedrag(verwezen_12_maanden=10, prijs=0, looptijd=4, maanden=12) == 0

"""The demo plan (pure Python, no database): proportions, determinism and time.

Proportions follow the domain reference, "Numbers to make demo data realistic" (national
figures): ~60 % asylum; asylum ~60 % men, family migrants ~68 % women; Syria about half of
the asylum group; asylum routes ~60 % B1 / ~25 % onderwijsroute / 15-30 % Z-route; PIPs
often later than the 10 weeks of Bi 5.3 lid 1; 40-60 active cases per consultant.
"""

from collections import Counter
from datetime import date, datetime, time

import pytest
from stdnum.nl import bsn

from regie.demo.generator import OMVANG, TZ, plan_demo
from regie.inburgeraars.status import ACTIEF, Status
from regie.wet.leerroute import Doelgroep

VANDAAG = date(2026, 6, 15)


@pytest.fixture(scope="module")
def plan():
    return plan_demo(seed=11, scale=1.0, vandaag=VANDAAG)


def aandeel(delen, geheel) -> float:
    return len(delen) / len(geheel)


def test_omvang_per_organisatie(plan):
    per_organisatie = Counter(c.organisatie for c in plan.casussen)
    for organisatie, omvang in OMVANG.items():
        assert 0.9 * omvang <= per_organisatie[organisatie] <= 1.1 * omvang
    drechtsteden = Counter(
        c.cbs_code for c in plan.casussen if c.organisatie == "Sociale Dienst Drechtsteden"
    )
    # split by number of residents: Dordrecht largest, then Zwijndrecht
    assert drechtsteden["0505"] > drechtsteden["0642"] > drechtsteden["0531"] > 0
    assert drechtsteden["0590"] > 0


def test_doelgroep_geslacht_en_herkomst(plan):
    casussen = plan.casussen
    asiel = [c for c in casussen if c.doelgroep == Doelgroep.ASIELSTATUSHOUDER]
    gezin = [c for c in casussen if c.doelgroep == Doelgroep.GEZINSMIGRANT]
    assert 0.52 <= aandeel(asiel, casussen) <= 0.68
    assert gezin and any(c.doelgroep == Doelgroep.OVERIGE_MIGRANT for c in casussen)
    assert 0.52 <= aandeel([c for c in asiel if c.persoon["geslacht"] == "man"], asiel) <= 0.68
    assert 0.58 <= aandeel([c for c in gezin if c.persoon["geslacht"] == "vrouw"], gezin) <= 0.78
    landen = Counter(c.persoon["geboorteland"] for c in asiel)
    assert 0.38 <= landen["Syrië"] / len(asiel) <= 0.6
    assert landen.most_common(1)[0][0] == "Syrië"
    assert {"Eritrea", "Turkije", "Afghanistan", "Jemen"} <= set(landen)


def test_herkomst_bepaalt_nationaliteit_en_taal(plan):
    for casus in plan.casussen:
        p = casus.persoon
        if p["geboorteland"] == "Syrië":
            assert p["nationaliteit"] == "Syrische" and (
                "Arabisch" in p["talen"] or "Koerdisch" in p["talen"]
            )
        if p["geboorteland"] == "Eritrea":
            assert p["nationaliteit"] == "Eritrese" and p["talen"].startswith("Tigr")
        if p["geboorteland"] == "Afghanistan":
            assert "Dari" in p["talen"] or "Pashto" in p["talen"]


def test_leerroutes_van_de_asielgroep(plan):
    asiel = [c for c in plan.casussen if c.doelgroep == Doelgroep.ASIELSTATUSHOUDER and c.pips]
    routes = Counter(c.pips[0].gegevens["leerroute"] for c in asiel)
    assert 0.42 <= routes["b1"] / len(asiel) <= 0.65
    assert 0.12 <= routes["onderwijsroute"] / len(asiel) <= 0.32
    assert 0.15 <= routes["z_route"] / len(asiel) <= 0.36
    # the onderwijsroute is for young people (roughly up to 28)
    for casus in asiel:
        if casus.pips[0].gegevens["leerroute"] == "onderwijsroute":
            leeftijd = (casus.persoon["datum_melding_duo"] - casus.persoon["geboortedatum"]).days / 365.25
            assert leeftijd < 29


def test_veel_pips_te_laat(plan):
    """Bi 5.3 lid 1: 10 weeks; nationally PIPs took about twice as long."""
    te_laat = [c.pip_te_laat for c in plan.casussen if c.pip_te_laat is not None]
    assert 0.45 <= sum(te_laat) / len(te_laat) <= 0.8
    assert not all(te_laat)


def test_elke_status_en_reden(plan):
    statussen = Counter(c.status for c in plan.casussen)
    assert set(statussen) == set(Status)
    assert statussen[Status.IN_UITVOERING] == max(statussen.values())
    redenen = {(c.status, c.einde_reden) for c in plan.casussen}
    assert {(Status.AFGEROND, "diploma"), (Status.AFGEROND, "z_route_voltooid")} <= redenen
    assert {(Status.BEEINDIGD, "vertrek")} <= redenen
    assert all(c.einde_reden for c in plan.casussen if c.status in (Status.AFGEROND, Status.BEEINDIGD))


def test_tweede_pip_versies_partners_en_kinderen(plan):
    tweede = [c for c in plan.casussen if len(c.pips) > 1]
    assert len(tweede) >= 0.05 * len(plan.casussen)
    wissels = {(c.pips[0].gegevens["leerroute"], c.pips[1].gegevens["leerroute"]) for c in tweede}
    assert ("onderwijsroute", "b1") in wissels
    assert any(c.pips[1].gegevens["taalniveau"] == "A2" for c in tweede)  # afschalen, Bi 5.5
    per_nummer = {c.nummer: c for c in plan.casussen}
    partners = [c for c in plan.casussen if c.partner_van is not None]
    assert partners
    for partner in partners:
        hoofd = per_nummer[partner.partner_van]
        assert partner.persoon["geslacht"] != hoofd.persoon["geslacht"]
        assert partner.consulent == hoofd.consulent  # one fixed consultant per household
    assert any(c.kinderen for c in plan.casussen)


def test_caseload_per_consulent(plan):
    actief = Counter(c.consulent for c in plan.casussen if c.status in ACTIEF and c.consulent)
    consulenten = [g for g in plan.gebruikers if g.rol == "consulent"]
    teamleiders = [g for g in plan.gebruikers if g.rol == "teamleider"]
    assert len(teamleiders) == 3
    assert all(sum(1 for c in consulenten if c.organisatie == o) >= 2 for o in OMVANG)
    assert max(actief.values()) <= 60
    groot = [actief[g.username] for g in consulenten if g.organisatie != "Gemeente Noordoostpolder"]
    assert min(groot) >= 40
    assert any(c.consulent is None for c in plan.casussen)  # a few new cases wait in the team's pool


def test_niets_gebeurt_vandaag_of_later(plan):
    middernacht = datetime.combine(VANDAAG, time(0), tzinfo=TZ)
    for casus in plan.casussen:
        assert casus.geregistreerd_op < middernacht
        assert casus.persoon["datum_melding_duo"] < VANDAAG
        assert all(stap.op < middernacht for stap in casus.stappen)
        assert [s.op for s in casus.stappen] == sorted(s.op for s in casus.stappen)
        assert casus.persoon["datum_melding_duo"] >= date(2022, 1, 1)
    # planned intake appointments may lie in the future
    assert any(
        s.soort == "afspraak" and s.gegevens["begint_op"] >= middernacht
        for c in plan.casussen
        for s in c.stappen
    )


def test_bsns_geldig_en_uniek(plan):
    bsns = [c.persoon["bsn"] for c in plan.casussen]
    assert len(set(bsns)) == len(bsns)
    assert all(bsn.is_valid(b) and b.startswith("9999") for b in bsns)


def test_zelfde_seed_zelfde_plan():
    een = plan_demo(seed=5, scale=0.1, vandaag=VANDAAG)
    twee = plan_demo(seed=5, scale=0.1, vandaag=VANDAAG)
    ander = plan_demo(seed=6, scale=0.1, vandaag=VANDAAG)

    def kern(plan):
        return [
            (c.persoon["bsn"], c.persoon["voornamen"], c.persoon["geslachtsnaam"], c.status)
            for c in plan.casussen
        ]

    assert kern(een) == kern(twee)
    assert [g.username for g in een.gebruikers] == [g.username for g in twee.gebruikers]
    assert kern(een) != kern(ander)


def test_kleine_schaal_heeft_toch_elke_status():
    plan = plan_demo(seed=3, scale=0.05, vandaag=VANDAAG)
    assert {c.status for c in plan.casussen} == set(Status)

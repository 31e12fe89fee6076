"""The "plicht voldaan" check (regie.wet.plicht): which components each leerroute requires
(Wi 6 lid 1), which are done and which missing, and the other ways the obligation ends
(vrijstelling Wi 4, ontheffing Wi 5, no longer obligated Wi 3). Z-route hours: Bi 3.14."""

from hypothesis import given, settings
from hypothesis import strategies as st

from regie.wet.leerroute import Doelgroep, Leerroute, Taalniveau
from regie.wet.plicht import (
    NIVEAUS,
    TAALVAARDIGHEDEN,
    EindeReden,
    Onderdeel,
    Stand,
    niveau_voldoet,
    plicht_voldaan,
    vereiste_onderdelen,
    z_route_voltooid,
)

B1, OW, Z = Leerroute.B1, Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE
ALLE_EXAMENS_B1 = {**dict.fromkeys(TAALVAARDIGHEDEN, "B1"), Onderdeel.KNM: "B1"}


def onderdelen(route, niveau=None) -> list[Onderdeel]:
    return [eis.onderdeel for eis in vereiste_onderdelen(route, niveau)]


def ontbrekend(check) -> set[Onderdeel]:
    return {o.onderdeel for o in check.ontbrekend}


# --- Which components each route requires (Wi 6 lid 1) -------------------------------------


def test_wi_6_lid_1_b1_route_pvt_map_vier_taalexamens_en_knm():
    assert onderdelen(B1) == [Onderdeel.PVT, Onderdeel.MAP, *TAALVAARDIGHEDEN, Onderdeel.KNM]
    assert {eis.niveau for eis in vereiste_onderdelen(B1) if eis.onderdeel in TAALVAARDIGHEDEN} == {"B1"}


def test_wi_17_lid_3_na_afschalen_taalexamens_op_a2():
    eisen = vereiste_onderdelen(B1, Taalniveau.A2)
    assert {eis.niveau for eis in eisen if eis.onderdeel in TAALVAARDIGHEDEN} == {"A2"}
    assert "Wi 17 lid 3" in eisen[2].grondslag
    assert eisen[2].omschrijving == "Examen lezen op niveau A2"


def test_wi_6_lid_1_onderwijsroute_pvt_en_route_zonder_map():
    """Wi 6 lid 1 with Wi 8 lid 3: the onderwijsroute has no MAP; the PVT still applies."""
    assert onderdelen(OW) == [Onderdeel.PVT, Onderdeel.ONDERWIJSROUTE]


def test_wi_6_lid_1_z_route_pvt_map_en_route_zonder_taalexamens():
    assert onderdelen(Z) == [Onderdeel.PVT, Onderdeel.MAP, Onderdeel.Z_ROUTE]


def test_elke_eis_noemt_zijn_artikel():
    for route in Leerroute:
        for eis in vereiste_onderdelen(route):
            assert "Wi " in eis.grondslag, eis


# --- Done and missing --------------------------------------------------------------------


def test_wi_6_lid_1_b1_route_alles_behaald_is_voldaan():
    check = plicht_voldaan(B1, "B1", Stand(pvt=True, map=True, examens=ALLE_EXAMENS_B1))
    assert check.voldaan and check.afgesloten
    assert not check.ontbrekend
    assert {o.hoe for o in check.gedaan} == {"afgerond", "behaald"}


def test_wi_6_lid_1_b1_route_zonder_map_niet_voldaan():
    check = plicht_voldaan(B1, "B1", Stand(pvt=True, examens=ALLE_EXAMENS_B1))
    assert not check.voldaan
    assert ontbrekend(check) == {Onderdeel.MAP}


def test_wi_6_lid_1_niets_gedaan_alles_ontbreekt():
    check = plicht_voldaan(B1, None, Stand())
    assert ontbrekend(check) == set(onderdelen(B1))
    assert not check.afgesloten


def test_wi_6_lid_1_examen_op_a2_telt_niet_voor_taaldoel_b1():
    examens = {**ALLE_EXAMENS_B1, Onderdeel.SPREKEN: "A2"}
    check = plicht_voldaan(B1, "B1", Stand(pvt=True, map=True, examens=examens))
    assert ontbrekend(check) == {Onderdeel.SPREKEN}


def test_wi_17_lid_3_na_afschalen_telt_examen_op_a2():
    examens = dict.fromkeys([*TAALVAARDIGHEDEN, Onderdeel.KNM], "A2")
    assert plicht_voldaan(B1, Taalniveau.A2, Stand(pvt=True, map=True, examens=examens)).voldaan


def test_wi_6_lid_1_hoger_niveau_telt_ook():
    examens = {**ALLE_EXAMENS_B1, Onderdeel.LEZEN: "B2"}
    assert plicht_voldaan(B1, "B1", Stand(pvt=True, map=True, examens=examens)).voldaan


def test_wi_6_lid_1_onderwijsroute_afgerond_met_pvt_is_voldaan_zonder_map():
    assert plicht_voldaan(OW, "B1", Stand(pvt=True, onderwijsroute_afgerond=True)).voldaan
    assert ontbrekend(plicht_voldaan(OW, "B1", Stand(onderwijsroute_afgerond=True))) == {Onderdeel.PVT}


def test_wi_6_lid_1_z_route_afgerond_met_pvt_en_map_is_voldaan():
    assert plicht_voldaan(Z, None, Stand(pvt=True, map=True, z_route_afgerond=True)).voldaan
    assert ontbrekend(plicht_voldaan(Z, None, Stand(pvt=True, z_route_afgerond=True))) == {Onderdeel.MAP}


def test_wi_6_lid_1_taalexamens_tellen_niet_voor_de_z_route():
    check = plicht_voldaan(Z, None, Stand(pvt=True, map=True, examens=ALLE_EXAMENS_B1))
    assert ontbrekend(check) == {Onderdeel.Z_ROUTE}


def test_zonder_leerroute_geen_onderdelen_en_niet_voldaan():
    check = plicht_voldaan(None, None, Stand(pvt=True, map=True))
    assert check.onderdelen == () and not check.voldaan and not check.afgesloten


# --- Partial exemption and dispensation (Wi 4, Wi 5) --------------------------------------


def test_wi_5_gedeeltelijke_ontheffing_telt_voor_dat_examenonderdeel():
    examens = {k: v for k, v in ALLE_EXAMENS_B1.items() if k != Onderdeel.SCHRIJVEN}
    stand = Stand(
        pvt=True, map=True, examens=examens, gedeeltelijke_ontheffingen=frozenset({Onderdeel.SCHRIJVEN})
    )
    check = plicht_voldaan(B1, "B1", stand)
    assert check.voldaan
    assert next(o for o in check.onderdelen if o.onderdeel == Onderdeel.SCHRIJVEN).hoe == "ontheffing"


def test_wi_4_gedeeltelijke_vrijstelling_telt_op_haar_niveau():
    examens = {k: v for k, v in ALLE_EXAMENS_B1.items() if k != Onderdeel.LEZEN}
    op_b1 = Stand(pvt=True, map=True, examens=examens, gedeeltelijke_vrijstellingen={Onderdeel.LEZEN: "B1"})
    op_a2 = Stand(pvt=True, map=True, examens=examens, gedeeltelijke_vrijstellingen={Onderdeel.LEZEN: "A2"})
    assert plicht_voldaan(B1, "B1", op_b1).voldaan
    assert ontbrekend(plicht_voldaan(B1, "B1", op_a2)) == {Onderdeel.LEZEN}
    assert plicht_voldaan(B1, "A2", op_a2).voldaan


# --- Other ways the obligation ends -------------------------------------------------------


def test_wi_4_gehele_vrijstelling_beeindigt_de_plicht():
    check = plicht_voldaan(B1, "B1", Stand(gehele_vrijstelling=True))
    assert check.einde == EindeReden.VRIJSTELLING and "Wi 4" in check.einde_grondslag
    assert check.afgesloten and not check.voldaan  # ended, not met: the components stay missing


def test_wi_5_gehele_ontheffing_beeindigt_de_plicht():
    check = plicht_voldaan(Z, None, Stand(gehele_ontheffing=True))
    assert check.einde == EindeReden.ONTHEFFING and "Wi 5" in check.einde_grondslag
    assert check.afgesloten


def test_wi_3_niet_meer_plichtig_beeindigt_de_plicht_ook_zonder_pip():
    check = plicht_voldaan(None, None, Stand(niet_meer_plichtig=True))
    assert check.einde == EindeReden.NIET_MEER_PLICHTIG and check.afgesloten


# --- Levels and the Z-route's hours --------------------------------------------------------


def test_wi_17_lid_3_niveau_voldoet():
    assert niveau_voldoet("B1", "B1") and niveau_voldoet("b2", "B1") and niveau_voldoet("B1", "A2")
    assert not niveau_voldoet("A2", "B1") and not niveau_voldoet(None, "A2") and not niveau_voldoet("X", "A2")


def test_bi_3_14_z_route_asielstatushouder_800_plus_800_en_eindgesprek():
    a = Doelgroep.ASIELSTATUSHOUDER
    assert z_route_voltooid(doelgroep=a, uren_taal_knm=800, uren_participatie=800, eindgesprek=True)
    assert not z_route_voltooid(doelgroep=a, uren_taal_knm=799, uren_participatie=800, eindgesprek=True)
    assert not z_route_voltooid(doelgroep=a, uren_taal_knm=800, uren_participatie=799, eindgesprek=True)
    assert not z_route_voltooid(doelgroep=a, uren_taal_knm=900, uren_participatie=900, eindgesprek=False)


def test_bi_3_14_z_route_gezinsmigrant_zonder_participatie_uren():
    assert z_route_voltooid(
        doelgroep=Doelgroep.GEZINSMIGRANT, uren_taal_knm=800, uren_participatie=0, eindgesprek=True
    )


def test_bi_3_14_gedeeltelijke_ontheffing_verlaagt_participatie_uren():
    a = Doelgroep.ASIELSTATUSHOUDER
    assert z_route_voltooid(
        doelgroep=a, uren_taal_knm=800, uren_participatie=0, eindgesprek=True, max_uren_participatie=0
    )
    assert not z_route_voltooid(
        doelgroep=a, uren_taal_knm=800, uren_participatie=299, eindgesprek=True, max_uren_participatie=300
    )


# --- Properties over every combination (hypothesis) ----------------------------------------

niveaus = st.sampled_from(NIVEAUS)
standen = st.builds(
    Stand,
    pvt=st.booleans(),
    map=st.booleans(),
    examens=st.dictionaries(st.sampled_from([*TAALVAARDIGHEDEN, Onderdeel.KNM]), niveaus),
    onderwijsroute_afgerond=st.booleans(),
    z_route_afgerond=st.booleans(),
    gedeeltelijke_vrijstellingen=st.dictionaries(
        st.sampled_from(TAALVAARDIGHEDEN), st.sampled_from(["A2", "B1"])
    ),
    gedeeltelijke_ontheffingen=st.frozensets(st.sampled_from([*TAALVAARDIGHEDEN, Onderdeel.KNM])),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(Leerroute)), st.sampled_from([None, "A2", "B1"]), standen)
def test_wi_6_lid_1_gedaan_en_ontbrekend_verdelen_de_vereiste_onderdelen(route, niveau, stand):
    """Every required component is either done or missing; met exactly when none is missing;
    without pvt the obligation is never met (Wi 6 lid 1: the PVT is in every route)."""
    if route != Leerroute.B1:
        niveau = None if route == Leerroute.Z_ROUTE else niveau
    check = plicht_voldaan(route, niveau, stand)
    assert len(check.gedaan) + len(check.ontbrekend) == len(vereiste_onderdelen(route, niveau))
    assert check.voldaan == (not check.ontbrekend)
    if not stand.pvt:
        assert not check.voldaan


@settings(max_examples=200, deadline=None)
@given(standen, st.sampled_from(list(Onderdeel)))
def test_wi_6_lid_1_meer_gedaan_maakt_nooit_minder_voldaan(stand, extra):
    """Adding a done component never turns a met obligation into an unmet one (monotone)."""
    meer = Stand(
        pvt=stand.pvt or extra == Onderdeel.PVT,
        map=stand.map or extra == Onderdeel.MAP,
        examens={**stand.examens, **({extra: "C2"} if extra in (*TAALVAARDIGHEDEN, Onderdeel.KNM) else {})},
        onderwijsroute_afgerond=stand.onderwijsroute_afgerond or extra == Onderdeel.ONDERWIJSROUTE,
        z_route_afgerond=stand.z_route_afgerond or extra == Onderdeel.Z_ROUTE,
        gedeeltelijke_vrijstellingen=stand.gedeeltelijke_vrijstellingen,
        gedeeltelijke_ontheffingen=stand.gedeeltelijke_ontheffingen,
    )
    for route in Leerroute:
        voor = plicht_voldaan(route, None, stand)
        na = plicht_voldaan(route, None, meer)
        assert len(na.ontbrekend) <= len(voor.ontbrekend)
        assert not voor.voldaan or na.voldaan

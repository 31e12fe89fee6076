"""PIP rules (regie.wet.leerroute.toets_pip), each tested both ways: just broken and just
allowed. Sources: Wi 6, 11, 15, 17; Bi 5.3-5.5; DUO PIP API "Het aanleveren van een PIP"."""

from dataclasses import replace
from datetime import date

import pytest

from regie.wet.leerroute import (
    AFSCHALEN_MIN_UREN_NT2,
    GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE,
    Doelgroep,
    EerderPip,
    Leerroute,
    PipVoorstel,
    Situatie,
    Taalniveau,
    standaard_taalniveau,
    toets_pip,
    waarschuwingen_pip,
)
from regie.wet.plicht import GRONDSLAG_MAP

VANDAAG = date(2026, 6, 1)
MELDING = date(2024, 6, 3)
BRP = date(2024, 6, 10)
EERSTE_PIP = date(2024, 8, 31)  # Bi 5.4: route changes until 28 February 2026
LAATSTE_DAG_WIJZIGEN = date(2026, 2, 28)

B1 = Leerroute.B1
OW = Leerroute.ONDERWIJSROUTE
Z = Leerroute.Z_ROUTE


def voorstel(leerroute=B1, taalniveau=None, dagtekening=date(2024, 8, 31), **kwargs) -> PipVoorstel:
    kwargs.setdefault("aantal_voortgangsgesprekken", 4)
    return PipVoorstel(leerroute=leerroute, taalniveau=taalniveau, dagtekening=dagtekening, **kwargs)


def situatie(eerder=None, doelgroep=Doelgroep.ASIELSTATUSHOUDER, **kwargs) -> Situatie:
    if eerder is not None:
        kwargs.setdefault("dagtekening_eerste_pip", EERSTE_PIP)
    return Situatie(
        doelgroep=doelgroep,
        begin_inburgeringsplicht=kwargs.pop("begin_inburgeringsplicht", MELDING),
        datum_inschrijving_brp=kwargs.pop("datum_inschrijving_brp", BRP),
        vandaag=kwargs.pop("vandaag", VANDAAG),
        eerder_pip=eerder,
        **kwargs,
    )


def eerder(
    leerroute=B1, taalniveau=Taalniveau.B1, dagtekening=EERSTE_PIP, andere_gemeente=False
) -> EerderPip:
    return EerderPip(leerroute, taalniveau, dagtekening, andere_gemeente)


def velden(overtredingen) -> list[str]:
    return [o.veld for o in overtredingen]


def test_geldig_eerste_pip_heeft_geen_overtredingen():
    assert toets_pip(voorstel(), situatie()) == []


# --- Taaldoel (DUO PIP API, controle niveau; Wi 17 lid 3; Bi 5.5) ---------------------------


def test_onderwijsroute_met_a2_geweigerd():
    """DUO PIP API: "Niveau A2 mag niet in combinatie met de onderwijsroute" (afschalen is
    only possible in the B1-route, Wi 17 lid 3)."""
    fouten = toets_pip(voorstel(OW, Taalniveau.A2, map=False), situatie())
    assert velden(fouten) == ["taalniveau"]
    assert "onderwijsroute" in fouten[0].melding
    assert "art. 17 lid 3" in fouten[0].grondslag


@pytest.mark.parametrize("niveau", [Taalniveau.B1, None])
def test_onderwijsroute_met_b1_of_leeg_toegestaan(niveau):
    assert toets_pip(voorstel(OW, niveau), situatie()) == []


def test_onderwijsroute_a2_ook_met_uren_en_inspanning_geweigerd():
    """Wi 17 lid 3: afschalen is not possible in the onderwijsroute, whatever the hours."""
    fouten = toets_pip(
        voorstel(
            OW, Taalniveau.A2, dagtekening=date(2025, 1, 6), uren_nt2_gevolgd=800, inspanning_aangetoond=True
        ),
        situatie(eerder(OW)),
    )
    assert velden(fouten) == ["taalniveau"]


def test_z_route_met_b1_geweigerd():
    """DUO PIP API: "Niveau B1 mag niet in combinatie met de Z-route"."""
    fouten = toets_pip(voorstel(Z, Taalniveau.B1), situatie())
    assert velden(fouten) == ["taalniveau"]
    assert "Z-route" in fouten[0].melding


def test_z_route_zonder_niveau_toegestaan():
    assert toets_pip(voorstel(Z, None), situatie()) == []


def test_b1_route_met_a2_op_eerste_pip_geweigerd():
    """DUO PIP API: A2 with the B1-route is refused "als dit de eerste PIP is die wordt
    aangeleverd voor de persoon ongeacht welke gemeente"; also with 600 hours."""
    fouten = toets_pip(
        voorstel(B1, Taalniveau.A2, uren_nt2_gevolgd=600, inspanning_aangetoond=True), situatie()
    )
    assert velden(fouten) == ["taalniveau"]
    assert "eerste PIP" in fouten[0].melding


def test_b1_route_met_b1_op_eerste_pip_toegestaan():
    assert toets_pip(voorstel(B1, Taalniveau.B1), situatie()) == []


def test_b1_route_met_a2_na_pip_in_andere_gemeente_is_niet_het_eerste_pip():
    """DUO PIP API ("ongeacht welke gemeente") with Wi 11 lid 3: when only the dagtekening of
    the previous municipality's first PIP is known, the new PIP is not the first one, so the
    afschalen conditions of Wi 17 lid 3 / Bi 5.5 apply instead of a flat refusal."""
    s = situatie(dagtekening_eerste_pip=date(2024, 9, 2))
    toegestaan = voorstel(
        B1,
        Taalniveau.A2,
        date(2025, 3, 3),
        uren_nt2_gevolgd=600,
        inspanning_aangetoond=True,
        b1_niet_haalbaar=True,
    )
    assert toets_pip(toegestaan, s) == []
    assert velden(toets_pip(replace(toegestaan, uren_nt2_gevolgd=10), s)) == ["uren_nt2_gevolgd"]


@pytest.mark.parametrize(
    ("uren", "inspanning", "niet_haalbaar", "fouten"),
    [
        (AFSCHALEN_MIN_UREN_NT2 - 1, True, True, ["uren_nt2_gevolgd"]),
        (AFSCHALEN_MIN_UREN_NT2, True, True, []),
        (AFSCHALEN_MIN_UREN_NT2 + 250, True, True, []),
        (AFSCHALEN_MIN_UREN_NT2, False, True, ["inspanning_aangetoond"]),
        (AFSCHALEN_MIN_UREN_NT2, True, False, ["b1_niet_haalbaar"]),
        (None, False, False, ["uren_nt2_gevolgd", "inspanning_aangetoond", "b1_niet_haalbaar"]),
        (0, True, True, ["uren_nt2_gevolgd"]),
    ],
)
def test_afschalen_b1_naar_a2_vraagt_grond_600_uur_en_inspanning(uren, inspanning, niet_haalbaar, fouten):
    """Wi 17 lid 3 and Bi 5.5: afschalen within the B1-route to A2 needs the ground "B1 niet
    haalbaar binnen de (verlengde) termijn", at least 600 lesson hours at a language school (599
    refused, 600 allowed) and sufficient effort."""
    resultaat = toets_pip(
        voorstel(
            B1,
            Taalniveau.A2,
            date(2025, 9, 1),
            uren_nt2_gevolgd=uren,
            inspanning_aangetoond=inspanning,
            b1_niet_haalbaar=niet_haalbaar,
        ),
        situatie(eerder(B1, Taalniveau.B1)),
    )
    assert velden(resultaat) == fouten
    assert all("Besluit inburgering 2021, art. 5.5" in o.grondslag for o in resultaat)


def test_afschalen_melding_noemt_ingevulde_uren():
    """Bi 5.5: the message tells how many hours were filled in."""
    [fout] = toets_pip(
        voorstel(
            B1,
            Taalniveau.A2,
            date(2025, 9, 1),
            uren_nt2_gevolgd=599,
            inspanning_aangetoond=True,
            b1_niet_haalbaar=True,
        ),
        situatie(eerder()),
    )
    assert "600 uur" in fout.melding and "599 uur" in fout.melding


def test_afschalen_heeft_geen_tijdgrens():
    """Wi 17 lid 3: afschalen has no time limit, unlike a route change (Bi 5.4)."""
    na_anderhalf_jaar = voorstel(
        B1,
        Taalniveau.A2,
        date(2026, 5, 1),
        uren_nt2_gevolgd=700,
        inspanning_aangetoond=True,
        b1_niet_haalbaar=True,
    )
    assert toets_pip(na_anderhalf_jaar, situatie(eerder())) == []


def test_al_afgeschaald_blijft_a2_zonder_nieuwe_toets():
    """Wi 17 lid 3: a PIP that keeps the A2 goal of the current PIP needs no new check."""
    assert toets_pip(voorstel(B1, Taalniveau.A2, date(2025, 9, 1)), situatie(eerder(B1, Taalniveau.A2))) == []


@pytest.mark.parametrize("route", [OW, Z])
def test_naar_b1_route_met_a2_vanuit_andere_route_vraagt_afschaalvoorwaarden(route):
    """Bi 5.4 with Wi 17 lid 3: switching to the B1-route directly at A2 is afschalen and
    needs the 600 hours and effort."""
    s = situatie(eerder(route, None))
    assert velden(toets_pip(voorstel(B1, Taalniveau.A2, date(2025, 1, 6)), s)) == [
        "uren_nt2_gevolgd",
        "inspanning_aangetoond",
        "b1_niet_haalbaar",
    ]


def test_opschalen_a2_naar_b1_toegestaan():
    assert toets_pip(voorstel(B1, Taalniveau.B1, date(2026, 5, 1)), situatie(eerder(B1, Taalniveau.A2))) == []


# --- Dagtekening (DUO PIP API, controle dagtekening; Wi 15: a beschikking) -------------------


def test_dagtekening_voor_start_plicht_geweigerd_en_op_de_dag_toegestaan():
    """DUO: "De datum dagtekening mag niet voor de start van de inburgeringsplicht liggen"."""
    s = situatie(datum_inschrijving_brp=None)
    fouten = toets_pip(voorstel(dagtekening=date(2024, 6, 2)), s)
    assert velden(fouten) == ["dagtekening"]
    assert "start van de inburgeringsplicht" in fouten[0].melding
    assert toets_pip(voorstel(dagtekening=MELDING), s) == []


def test_dagtekening_voor_brp_geweigerd_en_op_de_dag_toegestaan():
    """DUO: "niet voor de vestiging van de inburgeraar bij de gemeente"."""
    fouten = toets_pip(voorstel(dagtekening=date(2024, 6, 9)), situatie())
    assert velden(fouten) == ["dagtekening"]
    assert "BRP" in fouten[0].melding
    assert toets_pip(voorstel(dagtekening=BRP), situatie()) == []


def test_dagtekening_voor_huidig_pip_geweigerd_en_op_de_dag_toegestaan():
    """DUO: a changed PIP not before the dagtekening of the current PIP."""
    s = situatie(eerder(dagtekening=date(2025, 3, 3)))
    fouten = toets_pip(voorstel(dagtekening=date(2025, 3, 2)), s)
    assert velden(fouten) == ["dagtekening"]
    assert "huidige PIP" in fouten[0].melding
    assert toets_pip(voorstel(dagtekening=date(2025, 3, 3)), s) == []


def test_dagtekening_voor_eerste_pip_geweigerd():
    """DUO: a changed PIP not before the dagtekening of the initial PIP (also elsewhere)."""
    s = situatie(dagtekening_eerste_pip=date(2024, 9, 2))
    fouten = toets_pip(voorstel(dagtekening=date(2024, 9, 1)), s)
    assert velden(fouten) == ["dagtekening"]
    assert "eerste PIP" in fouten[0].melding
    assert toets_pip(voorstel(dagtekening=date(2024, 9, 2)), s) == []


def test_dagtekening_in_de_toekomst_geweigerd_vandaag_toegestaan():
    """Wi 15: the PIP is a beschikking; its dagtekening cannot lie in the future."""
    fouten = toets_pip(voorstel(dagtekening=date(2026, 6, 2)), situatie())
    assert velden(fouten) == ["dagtekening"]
    assert "toekomst" in fouten[0].melding
    assert toets_pip(voorstel(dagtekening=VANDAAG), situatie()) == []


def test_dagtekening_zonder_bekende_datums_toegestaan():
    s = situatie(begin_inburgeringsplicht=None, datum_inschrijving_brp=None)
    assert toets_pip(voorstel(dagtekening=date(2020, 1, 1)), s) == []


# --- Leerroute wijzigen (Bi 5.4) ------------------------------------------------------------


@pytest.mark.parametrize(("van", "naar"), [(B1, Z), (Z, B1), (B1, OW), (Z, OW), (OW, Z)])
def test_bi_5_4_wijzigen_op_laatste_dag_van_anderhalf_jaar_toegestaan(van, naar):
    """Bi 5.4: first PIP dated 31 August 2024 -> the route may change up to and including
    28 February 2026."""
    v = voorstel(naar, None, LAATSTE_DAG_WIJZIGEN, map=naar != OW)
    assert toets_pip(v, situatie(eerder(van, None))) == []


@pytest.mark.parametrize(("van", "naar"), [(B1, Z), (Z, B1), (B1, OW), (Z, OW), (OW, Z)])
def test_bi_5_4_wijzigen_dag_erna_geweigerd(van, naar):
    """Bi 5.4: on 1 March 2026, the day after the 1.5 years, the route can no longer change
    (except from the onderwijsroute to the B1-route)."""
    v = voorstel(naar, None, date(2026, 3, 1), map=naar != OW)
    fouten = toets_pip(v, situatie(eerder(van, None)))
    assert velden(fouten) == ["leerroute"]
    assert "28 februari 2026" in fouten[0].melding
    assert fouten[0].grondslag == "Besluit inburgering 2021, art. 5.4"


def test_bi_5_4_onderwijsroute_naar_b1_ook_na_anderhalf_jaar():
    """Bi 5.4: from the onderwijsroute to the B1-route is allowed at any time."""
    v = voorstel(B1, None, date(2026, 5, 29))
    assert toets_pip(v, situatie(eerder(OW, Taalniveau.B1))) == []


def test_bi_5_4_zelfde_route_na_anderhalf_jaar_toegestaan():
    """Bi 5.4 limits a change of route only; a new PIP with the same route is fine."""
    assert toets_pip(voorstel(Z, None, date(2026, 5, 29)), situatie(eerder(Z, None))) == []


def test_bi_5_4_grens_telt_vanaf_eerste_pip_ook_bij_latere_versie():
    """Wi 11 lid 3 with Bi 5.4: the 1.5 years run from the first PIP, not from the current one."""
    s = situatie(eerder(B1, Taalniveau.B1, dagtekening=date(2025, 10, 1)))
    assert velden(toets_pip(voorstel(Z, None, date(2026, 3, 1)), s)) == ["leerroute"]


# --- Wi 15 lid 4: after a move the leerroute stays -----------------------------------------


def test_wi_15_lid_4_na_verhuizing_andere_route_geweigerd():
    """Wi 15 lid 4 (Bi 5.3): the new municipality keeps the previous municipality's route,
    even well within the 1.5 years."""
    s = situatie(
        eerder(B1, None, date(2025, 1, 6), andere_gemeente=True), dagtekening_eerste_pip=date(2025, 1, 6)
    )
    fouten = toets_pip(voorstel(Z, None, date(2025, 4, 1)), s)
    assert velden(fouten) == ["leerroute"]
    assert "B1-route" in fouten[0].melding
    assert "art. 15 lid 4" in fouten[0].grondslag


def test_wi_15_lid_4_na_verhuizing_zelfde_route_toegestaan():
    s = situatie(
        eerder(Z, None, date(2025, 1, 6), andere_gemeente=True), dagtekening_eerste_pip=date(2025, 1, 6)
    )
    assert toets_pip(voorstel(Z, None, date(2025, 4, 1)), s) == []


def test_wi_15_lid_4_ook_als_dagtekening_vorige_gemeente_onbekend():
    """Wi 15 lid 4: the rule also holds when only the previous route is known."""
    s = situatie(eerder(OW, None, None, andere_gemeente=True), dagtekening_eerste_pip=None)
    assert velden(toets_pip(voorstel(B1, None, date(2025, 4, 1)), s)) == ["leerroute"]
    assert toets_pip(voorstel(OW, None, date(2025, 4, 1), map=False), s) == []


# --- Onderdelen ---------------------------------------------------------------------------


def test_map_bij_onderwijsroute_geweigerd():
    """Wi 6 lid 1 with Wi 8 lid 3: the MAP is part of the B1-route and Z-route, not of the
    onderwijsroute; the exception is cited with one article everywhere."""
    fouten = toets_pip(voorstel(OW, None, map=True), situatie())
    assert velden(fouten) == ["map"]
    assert fouten[0].grondslag == GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE == "Wet inburgering 2021, art. 8 lid 3"
    assert GRONDSLAG_GEEN_MAP_IN_ONDERWIJSROUTE in GRONDSLAG_MAP


@pytest.mark.parametrize("route", [B1, Z])
def test_map_bij_b1_en_z_route_toegestaan(route):
    assert toets_pip(voorstel(route, None, map=True), situatie()) == []


def test_geschatte_intensiteit_bij_b1_asielstatushouder_toegestaan():
    """DUO PIP API: geschatteIntensiteitB1Route only with the B1-route and asylum migrants."""
    assert toets_pip(voorstel(B1, None, geschatte_intensiteit_uren=900), situatie()) == []


@pytest.mark.parametrize(
    ("route", "doelgroep"),
    [
        (B1, Doelgroep.GEZINSMIGRANT),
        (B1, Doelgroep.OVERIGE_MIGRANT),
        (Z, Doelgroep.ASIELSTATUSHOUDER),
        (OW, Doelgroep.ASIELSTATUSHOUDER),
    ],
)
def test_geschatte_intensiteit_anders_geweigerd(route, doelgroep):
    """DUO PIP API: "Geschatte intensiteit B1 route mag alleen aangeleverd worden bij de
    B1-route en bij asielmigranten"."""
    fouten = toets_pip(voorstel(route, None, geschatte_intensiteit_uren=900), situatie(doelgroep=doelgroep))
    assert velden(fouten) == ["geschatte_intensiteit_uren"]


@pytest.mark.parametrize("aantal", [None, 0])
def test_asielstatushouder_zonder_voortgangsgesprekken_geweigerd(aantal):
    """Wi 15, Bi 5.3: the PIP of an asielstatushouder names the number of progress talks."""
    fouten = toets_pip(voorstel(aantal_voortgangsgesprekken=aantal), situatie())
    assert velden(fouten) == ["aantal_voortgangsgesprekken"]


def test_asielstatushouder_met_een_voortgangsgesprek_toegestaan():
    assert toets_pip(voorstel(aantal_voortgangsgesprekken=1), situatie()) == []


@pytest.mark.parametrize("doelgroep", [Doelgroep.GEZINSMIGRANT, Doelgroep.OVERIGE_MIGRANT])
def test_voortgangsgesprekken_niet_verplicht_voor_andere_doelgroepen(doelgroep):
    assert toets_pip(voorstel(aantal_voortgangsgesprekken=None), situatie(doelgroep=doelgroep)) == []


# --- Standaard taalniveau (DUO PIP API) ------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "niveau", "verwacht"),
    [
        (B1, None, Taalniveau.B1),
        (OW, None, Taalniveau.B1),
        (Z, None, None),
        (B1, Taalniveau.A2, Taalniveau.A2),
        (Z, Taalniveau.A2, Taalniveau.A2),
    ],
)
def test_standaard_taalniveau(route, niveau, verwacht):
    """DUO PIP API: "Als het Niveau niet wordt aangeleverd ... dan wordt Niveau B1
    vastgesteld als er sprake is van de B1-route of onderwijsroute"."""
    assert standaard_taalniveau(route, niveau) == verwacht


def test_elke_overtreding_noemt_een_grondslag():
    fouten = toets_pip(
        voorstel(
            OW,
            Taalniveau.A2,
            date(2020, 1, 1),
            map=True,
            geschatte_intensiteit_uren=5,
            aantal_voortgangsgesprekken=None,
        ),
        situatie(),
    )
    assert set(velden(fouten)) == {
        "dagtekening",
        "taalniveau",
        "map",
        "geschatte_intensiteit_uren",
        "aantal_voortgangsgesprekken",
    }
    assert all(o.grondslag and o.melding for o in fouten)


def test_leerroute_labels():
    assert [r.label for r in Leerroute] == ["B1-route", "Onderwijsroute", "Z-route"]


# --- Waarschuwingen: what the law asks but the consultant may leave out for a reason ----------


@pytest.mark.parametrize(
    ("route", "onderdelen", "doelgroep", "verwacht"),
    [
        (
            B1,
            {"pvt": True, "map": True, "maatschappelijke_begeleiding": True},
            Doelgroep.ASIELSTATUSHOUDER,
            [],
        ),
        (
            B1,
            {"pvt": False, "map": True, "maatschappelijke_begeleiding": True},
            Doelgroep.ASIELSTATUSHOUDER,
            ["pvt"],
        ),
        (
            Z,
            {"pvt": True, "map": False, "maatschappelijke_begeleiding": True},
            Doelgroep.ASIELSTATUSHOUDER,
            ["map"],
        ),
        (B1, {"pvt": True, "map": False}, Doelgroep.GEZINSMIGRANT, ["map"]),
        # Wi 8 lid 3: no MAP in the onderwijsroute, so no warning for it; the PVT still counts.
        (OW, {"pvt": False, "map": False}, Doelgroep.GEZINSMIGRANT, ["pvt"]),
        (
            B1,
            {"pvt": True, "map": True, "maatschappelijke_begeleiding": False},
            Doelgroep.ASIELSTATUSHOUDER,
            ["maatschappelijke_begeleiding"],
        ),
        (B1, {"pvt": True, "map": True, "maatschappelijke_begeleiding": False}, Doelgroep.GEZINSMIGRANT, []),
    ],
)
def test_waarschuwingen_pvt_map_en_begeleiding(route, onderdelen, doelgroep, verwacht):
    """Wi 6 lid 1 (PVT onder a, MAP onder b; not in the onderwijsroute, Wi 8 lid 3) and Wi 13 lid 1
    (maatschappelijke begeleiding for an asielstatushouder): a warning with the article, never a
    refusal."""
    gevonden = waarschuwingen_pip(voorstel(route, None, **onderdelen), situatie(doelgroep=doelgroep))
    assert velden(gevonden) == verwacht
    assert all(w.melding and "Wet inburgering 2021, art." in w.grondslag for w in gevonden)
    assert toets_pip(voorstel(route, None, **onderdelen), situatie(doelgroep=doelgroep)) == []

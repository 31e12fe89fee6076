"""The provisional definition swi-v1: codes, "mandatory when" and the record (pure Python)."""

from datetime import date

from regie.cbs import swi_v1 as swi
from regie.cbs.kwartaal import Kwartaal

K3 = Kwartaal(2026, 3)


def persoon(**velden) -> swi.Persoon:
    basis = dict(
        id=1,
        uuid="u",
        bsn="999990019",
        geboortedatum=date(1990, 1, 2),
        geslacht="vrouw",
        doelgroep="asielstatushouder",
        gemeentecode="0303",
        koppeldatum=date(2026, 8, 1),
        datum_koppeling_coa=date(2026, 8, 1),
    )
    return swi.Persoon(**{**basis, **velden})


def namen(items) -> set[str]:
    return {item.element for item in items}


def test_aangemeld_asiel_heeft_alles_wat_dan_verplicht_is():
    p = persoon()
    assert swi.ontbrekend(p, K3) == []
    r = swi.record(p, K3)
    assert r["doelgroep"] == "A" and r["geslacht"] == "V" and r["eersteLevering"] == "J"
    assert r["statusEindeKwartaal"] == "1"
    assert "leerroute" not in r and "pvt" not in r


def test_eerste_levering_alleen_in_het_kwartaal_van_koppeling():
    p = persoon(koppeldatum=date(2026, 6, 30))
    assert swi.record(p, K3)["eersteLevering"] == "N"
    assert swi.record(p, Kwartaal(2026, 2))["eersteLevering"] == "J"


def test_coa_koppeling_alleen_verplicht_bij_asielstatushouders():
    asiel = persoon(datum_koppeling_coa=None)
    gezin = persoon(doelgroep="gezinsmigrant", datum_koppeling_coa=None)
    assert namen(swi.ontbrekend(asiel, K3)) == {"datumKoppelingCoa"}
    assert swi.ontbrekend(gezin, K3) == []
    assert swi.record(gezin, K3)["doelgroep"] == "G"


def test_met_pip_zijn_intake_en_leerroute_verplicht():
    p = persoon(eerste_pip=date(2026, 9, 1), leerroute="b1", pvt=True, map=True)
    assert namen(swi.ontbrekend(p, K3)) == {
        "datumStartBredeIntake",
        "datumBredeIntakeAfgerond",
        "opleidingsniveau",
        "leerbaarheidstoets",
    }
    compleet = persoon(
        eerste_pip=date(2026, 9, 1),
        leerroute="b1",
        pvt=True,
        map=True,
        maatschappelijke_begeleiding=True,
        intake_start=date(2026, 8, 10),
        intake_afgerond=date(2026, 8, 20),
        opleidingsniveau="mbo",
        leerbaarheidstoets="B1-route haalbaar",
    )
    assert swi.ontbrekend(compleet, K3) == []
    r = swi.record(compleet, K3)
    assert (r["leerroute"], r["pvt"], r["map"], r["maatschappelijkeBegeleiding"]) == ("B1", "1", "1", "1")
    assert (r["opleidingsniveau"], r["leerbaarheidstoets"], r["statusEindeKwartaal"]) == ("3", "H", "3")


def test_onderwijsroute_geen_map_en_geen_leerbaarheidstoets():
    p = persoon(
        doelgroep="gezinsmigrant",
        eerste_pip=date(2026, 9, 1),
        leerroute="onderwijsroute",
        pvt=True,
        intake_start=date(2026, 8, 10),
        intake_afgerond=date(2026, 8, 20),
        opleidingsniveau="hbo",
    )
    assert swi.ontbrekend(p, K3) == []
    r = swi.record(p, K3)
    assert r["leerroute"] == "OND" and r["map"] == "0"
    assert "maatschappelijkeBegeleiding" not in r  # only for asielstatushouders


def test_gestarte_leerroute_vraagt_het_instellingsnummer():
    gestart = swi.Onderdeel(gestart=date(2026, 9, 10), instellingsnummer="")
    p = persoon(
        eerste_pip=date(2026, 9, 1),
        leerroute="z_route",
        intake_start=date(2026, 8, 10),
        intake_afgerond=date(2026, 8, 20),
        opleidingsniveau="geen",
        leerbaarheidstoets="B1-route niet haalbaar",
        maatschappelijke_begeleiding=True,
        onderdelen={"z_route": gestart, "pvt": swi.Onderdeel(afgerond=date(2026, 9, 20))},
        pvt=True,
    )
    assert namen(swi.ontbrekend(p, K3)) == {"aanbiederLeerroute"}
    gestart.instellingsnummer = "12AB"
    r = swi.record(p, K3)
    assert (r["statusEindeKwartaal"], r["datumStartLeerroute"], r["aanbiederLeerroute"]) == (
        "4",
        "2026-09-10",
        "12AB",
    )
    assert r["pvt"] == "3"  # completed
    assert r["map"] == "0"  # not in the PIP


def test_einde_met_reden_behalve_bij_verhuizing():
    afgerond = persoon(einddatum=date(2026, 9, 30), eindstatus="afgerond", einde_reden="")
    assert namen(swi.ontbrekend(afgerond, K3)) == {"redenEinde"}
    verhuisd = persoon(einddatum=date(2026, 9, 30), eindstatus="verhuisd")
    assert swi.ontbrekend(verhuisd, K3) == []
    assert swi.record(verhuisd, K3)["statusEindeKwartaal"] == "6"
    later = persoon(einddatum=date(2026, 10, 1), eindstatus="afgerond", einde_reden="diploma")
    assert "datumEinde" not in swi.record(later, K3)  # ended after the quarter: still running then
    assert swi.record(later, Kwartaal(2026, 4))["redenEinde"] == "01"


def test_taalniveau_is_het_laagste_van_de_vier_vaardigheden():
    p = persoon(examens={"lezen": "B1", "luisteren": "B1", "spreken": "A2", "schrijven": "B2"})
    assert swi.taalniveau(p) == "A2"
    assert swi.taalniveau(persoon(examens={"lezen": "B1"})) is None


def test_elk_item_staat_in_het_schema():
    schema = swi.SCHEMA.read_text()
    for item in swi.ITEMS:
        assert f'name="{item.element}"' in schema, item.element


def test_docs_noemen_elk_item():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "cbs-levering.md").read_text()
    for item in swi.ITEMS:
        assert f"| `{item.element}` |" in docs, item.element

"""Deliveries to the simulator and DUO's conditions on them (README of the specs, "Voorwaarden")."""

from datetime import date, timedelta

import pytest

from duo_simulator.app import antwoordfouten

BSN = "999990019"
VANDAAG = date.today()


def d(dagen: int) -> str:
    return (VANDAAG + timedelta(days=dagen)).isoformat()


def fouten(r) -> list[str]:
    assert r.status_code == 403, (r.status_code, r.text)
    return [m["fouttekst"] for m in r.json()]


@pytest.fixture
def persoon(duo_simulator):
    """Obligation since 60 days ago, settled 30 days ago, asylum group, no PIP yet."""
    return duo_simulator.persoon_toevoegen(BSN, begindatum=d(-60), vestigingsdatum=d(-30))


def pip_rec(dagtekening, leerroute="B", gemeente="0303", **rest):
    return {"gemeentecode": gemeente, "pip": {"dagtekeningPip": dagtekening, "leerroute": leerroute, **rest}}


class TestPipAanleveren:
    def test_geregistreerd_met_standaardniveau_b1(self, duo, persoon, duo_simulator):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "O"})
        assert r.status_code == 201 and r.content == b""
        assert duo_simulator.persoon(BSN)["pips"][-1]["pip"] == {
            "dagtekeningPip": d(-1),
            "leerroute": "O",
            "niveau": "B1",
        }
        assert duo("get", f"/personen/{BSN}/PIP").json() == {
            "gemeentecode": "0303",
            "pip": {"dagtekeningPip": d(-1), "leerroute": "O", "niveau": "B1"},
        }

    def test_z_route_krijgt_geen_standaardniveau(self, duo, persoon, duo_simulator):
        assert (
            duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "Z"}).status_code
            == 201
        )
        assert "niveau" not in duo_simulator.persoon(BSN)["pips"][-1]["pip"]

    def test_schemafout_geeft_400_met_foutmelding(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": "gisteren", "leerroute": "X"})
        assert r.status_code == 400
        tekst = r.json()["fouttekst"]
        assert "specificatie" in tekst and len(tekst) <= 200

    def test_geen_json_geeft_400(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", ruw=b"{kapot", headers={"Content-Type": "application/json"})
        assert r.status_code == 400 and "JSON" in r.json()["fouttekst"]

    def test_dagtekening_voor_start_inburgeringsplicht(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-61), "leerroute": "B"})
        assert any("start van de inburgeringsplicht" in f for f in fouten(r))

    def test_dagtekening_voor_vestiging_bij_gemeente(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-45), "leerroute": "B"})
        assert fouten(r) == [
            f"De datum dagtekening ligt voor de vestiging bij de gemeente ({(VANDAAG - timedelta(days=30)):%d-%m-%Y})."
        ]

    def test_dagtekening_voor_initiele_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(
            BSN, begindatum=d(-300), vestigingsdatum=d(-300), pips=[pip_rec(d(-100)), pip_rec(d(-20))]
        )
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-150), "leerroute": "B"})
        assert any("initiële PIP" in f for f in fouten(r))

    def test_dagtekening_voor_actuele_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(
            BSN, begindatum=d(-300), vestigingsdatum=d(-300), pips=[pip_rec(d(-100)), pip_rec(d(-20))]
        )
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-50), "leerroute": "B"})
        assert any("actuele PIP" in f for f in fouten(r))
        assert (
            duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-20), "leerroute": "B"}).status_code
            == 201
        )

    def test_a2_niet_met_onderwijsroute(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "O", "niveau": "A2"})
        assert fouten(r) == ["Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd."]

    def test_b1_niet_met_z_route(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "Z", "niveau": "B1"})
        assert fouten(r) == ["Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd."]

    def test_a2_met_b1_route_niet_bij_eerste_pip_wel_daarna(self, duo, persoon):
        eerste = {"dagtekeningPip": d(-1), "leerroute": "B", "niveau": "A2"}
        assert "eerste PIP" in fouten(duo("post", f"/personen/{BSN}/PIP", eerste))[0]
        assert (
            duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-2), "leerroute": "B"}).status_code
            == 201
        )
        assert duo("post", f"/personen/{BSN}/PIP", eerste).status_code == 201

    def test_eerste_pip_geldt_ongeacht_welke_gemeente(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(
            BSN, begindatum=d(-300), vestigingsdatum=d(-30), pips=[pip_rec(d(-200), gemeente="0505")]
        )
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B", "niveau": "A2"})
        assert r.status_code == 201

    def test_intensiteit_alleen_bij_b1_route(self, duo, persoon):
        r = duo(
            "post",
            f"/personen/{BSN}/PIP",
            {"dagtekeningPip": d(-1), "leerroute": "Z", "geschatteIntensiteitB1Route": 12},
        )
        assert any("alleen bij de B1-route" in f for f in fouten(r))

    def test_intensiteit_alleen_bij_asielmigranten(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, begindatum=d(-60), doelgroep="Gezinsmigrant en overige migrant")
        r = duo(
            "post",
            f"/personen/{BSN}/PIP",
            {"dagtekeningPip": d(-1), "leerroute": "B", "geschatteIntensiteitB1Route": 12},
        )
        assert fouten(r) == [
            "De geschatte intensiteit B1-route mag alleen bij asielmigranten worden aangeleverd."
        ]
        persoon = duo_simulator.persoon_toevoegen("999990020", begindatum=d(-60))
        assert persoon["doelgroep"]["indeling"] == "Asielstatushouder"
        r = duo(
            "post",
            "/personen/999990020/PIP",
            {"dagtekeningPip": d(-1), "leerroute": "B", "geschatteIntensiteitB1Route": 12},
        )
        assert r.status_code == 201

    def test_andere_gemeente_mag_geen_pip_aanleveren(self, duo, persoon):
        r = duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "B"}, gemeente="0505")
        assert r.status_code == 403

    def test_afgewezen_pip_verandert_niets(self, duo, persoon, duo_simulator):
        duo("post", f"/personen/{BSN}/PIP", {"dagtekeningPip": d(-1), "leerroute": "O", "niveau": "A2"})
        assert duo_simulator.persoon(BSN)["pips"] == []


class TestPipVerwijderen:
    def test_verwijderen_voor_de_termijn(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        assert duo("delete", f"/personen/{BSN}/PIP").status_code == 200
        assert duo("get", f"/personen/{BSN}/PIP").status_code == 404
        assert duo("delete", f"/personen/{BSN}/PIP").status_code == 404

    def test_niet_meer_als_de_termijn_is_vastgesteld(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        duo_simulator.gebeurtenis(BSN, "SS102")
        assert "inburgeringstermijn is al vastgesteld" in fouten(duo("delete", f"/personen/{BSN}/PIP"))[0]

    def test_niet_als_er_cursusuren_zijn(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(
            BSN,
            pips=[pip_rec(d(-10))],
            inburgeringsaanbod={"1000012345": {"indicatorAlfabetiseringsonderwijs": "NVT"}},
            uren={"0303": {"ParticipatieAlsTaalles": {"uren": 8}}},
        )
        assert "cursusdeelnameuren" in fouten(duo("delete", f"/personen/{BSN}/PIP"))[0]


class TestMapPvt:
    @pytest.fixture
    def met_termijn(self, duo_simulator):
        return duo_simulator.persoon_toevoegen(
            BSN,
            begindatum=d(-800),
            vestigingsdatum=d(-800),
            pips=[pip_rec(d(-700))],
            inburgeringstermijn={"startdatum": d(-699), "einddatum": d(-699 + 1096)},
        )

    @pytest.mark.parametrize(
        ("soort", "veld"), [("map", "datumEindgesprekMap"), ("pvt", "datumOndertekeningPvt")]
    )
    def test_registreren_raadplegen_intrekken(self, duo, met_termijn, soort, veld):
        assert duo("put", f"/personen/{BSN}/{soort}", {veld: d(-3)}).status_code == 200
        r = duo("get", f"/personen/{BSN}/{soort}")
        assert r.json() == {veld: d(-3)}
        assert antwoordfouten("MAP-PVT-Zroute", "get", f"/personen/{{bsn}}/{soort}", 200, r.json()) == []
        assert duo("put", f"/personen/{BSN}/{soort}", {}).status_code == 200
        assert duo("get", f"/personen/{BSN}/{soort}").status_code == 404

    def test_niet_in_de_toekomst(self, duo, met_termijn):
        assert any(
            "toekomst" in f for f in fouten(duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(3)}))
        )

    def test_niet_voor_start_termijn(self, duo, met_termijn):
        r = duo("put", f"/personen/{BSN}/pvt", {"datumOndertekeningPvt": d(-750)})
        assert any("startdatum van de inburgeringstermijn" in f for f in fouten(r))

    def test_gemeente_zonder_actuele_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), gemeente="0505")])
        r = duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-1)})
        assert any("geen actuele PIP" in f for f in fouten(r))

    def test_verwijtbaar_niet_voor_einde_termijn(self, duo, met_termijn):
        r = duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-1), "verwijtbaar": "Ja"})
        assert any("voor het einde van de termijn" in f for f in fouten(r))

    def test_na_overschrijding_is_verwijtbaar_verplicht(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(
            BSN,
            begindatum=d(-1300),
            vestigingsdatum=d(-1300),
            pips=[pip_rec(d(-1200))],
            inburgeringstermijn={"startdatum": d(-1199), "einddatum": d(-100)},
        )
        assert any(
            "ontbreekt" in f
            for f in fouten(duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-1)}))
        )
        assert (
            duo(
                "put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-1), "verwijtbaar": "Ja"}
            ).status_code
            == 200
        )
        # 'Nee' only when the end of the termijn lies within two months
        r = duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-1), "verwijtbaar": "Nee"})
        assert any("twee maanden" in f for f in fouten(r))
        assert (
            duo(
                "put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-90), "verwijtbaar": "Nee"}
            ).status_code
            == 200
        )

    def test_wijziging_alleen_door_de_gemeente_die_leverde(self, duo, met_termijn, duo_simulator):
        persoon = duo_simulator.persoon(BSN)
        persoon["map"] = {"datumEindgesprekMap": d(-5), "gemeentecode": "0505"}
        duo_simulator.personen_toevoegen([persoon])
        r = duo("put", f"/personen/{BSN}/map", {"datumEindgesprekMap": d(-4)})
        assert any("eerder door uw gemeente" in f for f in fouten(r))

    def test_na_afronding_z_route(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), leerroute="Z")])
        assert duo("put", f"/personen/{BSN}/zroute", {"datumAfrondingZroute": d(-1)}).status_code == 200
        assert any(
            "via de Z-route" in f
            for f in fouten(duo("put", f"/personen/{BSN}/pvt", {"datumOndertekeningPvt": d(-2)}))
        )
        assert any("ingetrokken" in f for f in fouten(duo("put", f"/personen/{BSN}/pvt", {})))

    def test_z_route_alleen_bij_z_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), leerroute="B")])
        assert any(
            "Z-route" in f
            for f in fouten(duo("put", f"/personen/{BSN}/zroute", {"datumAfrondingZroute": d(-1)}))
        )


class TestGevolgdeUren:
    def test_alle_drie_soorten(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), leerroute="Z")])
        for pad, uren in (
            ("bredeintake/taallesknm", 20),
            ("participatietaalles", 310),
            ("participatieactiviteiten", 95),
        ):
            assert duo("put", f"/personen/{BSN}/uren/{pad}", {"uren": uren}).status_code == 200
        r = duo("get", f"/personen/{BSN}/uren")
        assert r.json() == [
            {
                "gemeentecode": "0303",
                "TaallesEnKnmBredeIntake": {"uren": 20},
                "ParticipatieAlsTaalles": {"uren": 310},
                "ParticipatieactiviteitenBredeIntake": {"uren": 95},
            }
        ]
        assert antwoordfouten("GevolgdeUren", "get", "/personen/{bsn}/uren", 200, r.json()) == []

    def test_negatieve_uren_400(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        assert duo("put", f"/personen/{BSN}/uren/participatietaalles", {"uren": -1}).status_code == 400

    def test_participatieactiviteiten_alleen_z_route(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), leerroute="B")])
        assert fouten(duo("put", f"/personen/{BSN}/uren/participatieactiviteiten", {"uren": 5}))


class TestInburgeringsaanbod:
    AANBOD = {"indicatorAlfabetiseringsonderwijs": "NVT", "datumInburgeringsaanbod": d(-5)}

    def test_registreren_en_verwijderen(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        assert duo("post", f"/personen/{BSN}/Inburgeringsaanbod/1000012345", self.AANBOD).status_code == 201
        assert "1000012345" in duo_simulator.persoon(BSN)["inburgeringsaanbod"]
        assert duo("delete", f"/personen/{BSN}/Inburgeringsaanbod/1000012345").status_code == 204
        assert duo("delete", f"/personen/{BSN}/Inburgeringsaanbod/1000012345").status_code == 404

    def test_alleen_asielmigrant_met_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, doelgroep="Gezinsmigrant en overige migrant")
        f = fouten(duo("post", f"/personen/{BSN}/Inburgeringsaanbod/1000012345", self.AANBOD))
        assert any("asielmigrant" in t for t in f) and any("geen PIP" in t for t in f)

    def test_instelling_zonder_keurmerk_of_onbekend(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        assert any(
            "Blik op Werk" in t
            for t in fouten(duo("post", f"/personen/{BSN}/Inburgeringsaanbod/1000067890", self.AANBOD))
        )
        assert any(
            "niet bekend" in t
            for t in fouten(duo("post", f"/personen/{BSN}/Inburgeringsaanbod/9999999999", self.AANBOD))
        )

    def test_onderwijsroute_vraagt_taalschakelinstelling(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10), leerroute="O")])
        assert any(
            "Taalschakel" in t
            for t in fouten(duo("post", f"/personen/{BSN}/Inburgeringsaanbod/1000012345", self.AANBOD))
        )
        assert duo("post", f"/personen/{BSN}/Inburgeringsaanbod/1000023456", self.AANBOD).status_code == 201

    def test_niet_voor_dagtekening_pip(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, pips=[pip_rec(d(-10))])
        r = duo(
            "post",
            f"/personen/{BSN}/Inburgeringsaanbod/1000012345",
            {**self.AANBOD, "datumInburgeringsaanbod": d(-20)},
        )
        assert any("dagtekening van de actuele PIP" in t for t in fouten(r))


class TestContactpersoon:
    GEGEVENS = {"naam": "Anna de Vries", "email": "a.devries@dronten.nl", "telefoonnummer": "0321 388 999"}

    def test_registreren_wijzigen_koppelen_ontkoppelen_verwijderen(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        r = duo("post", "/contactpersonen", self.GEGEVENS)
        assert r.status_code == 201
        assert antwoordfouten("Contactpersoon", "post", "/contactpersonen", 201, r.json()) == []
        nummer = r.json()["id"]
        assert (
            duo("put", f"/contactpersonen/{nummer}", {**self.GEGEVENS, "naam": "Anna Jansen"}).status_code
            == 200
        )
        assert duo("post", f"/contactpersonen/{nummer}/personen/{BSN}").status_code == 201
        assert duo_simulator.persoon(BSN)["contactpersoon"] == nummer
        assert duo("delete", f"/contactpersonen/{nummer}/personen/{BSN}").status_code == 200
        assert duo("delete", f"/contactpersonen/{nummer}/personen/{BSN}").status_code == 404
        assert duo("post", f"/contactpersonen/{nummer}/personen/{BSN}").status_code == 201
        assert duo("delete", f"/contactpersonen/{nummer}").status_code == 200
        assert duo_simulator.persoon(BSN)["contactpersoon"] is None  # README: links go with it
        assert duo("put", f"/contactpersonen/{nummer}", self.GEGEVENS).status_code == 404

    def test_koppelen_overschrijft(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        een = duo("post", "/contactpersonen", self.GEGEVENS).json()["id"]
        twee = duo("post", "/contactpersonen", {**self.GEGEVENS, "naam": "Piet Bakker"}).json()["id"]
        duo("post", f"/contactpersonen/{een}/personen/{BSN}")
        duo("post", f"/contactpersonen/{twee}/personen/{BSN}")
        assert duo_simulator.persoon(BSN)["contactpersoon"] == twee

    def test_contactpersoon_van_andere_gemeente_is_onbekend(self, duo, duo_simulator):
        nummer = duo("post", "/contactpersonen", self.GEGEVENS, gemeente="0505").json()["id"]
        assert duo("put", f"/contactpersonen/{nummer}", self.GEGEVENS).status_code == 404

    def test_ongeldige_gegevens_400(self, duo, duo_simulator):
        assert duo("post", "/contactpersonen", {"naam": "X"}).status_code == 400
        assert duo("put", "/contactpersonen/0", self.GEGEVENS).status_code == 400


class TestLeerbaarheidstoets:
    def test_overslaan_trekt_examennummer_in(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN, lbt={"examennummer": "LBT1"})
        assert duo("delete", f"/personen/{BSN}/lbt/examennummer").status_code == 200
        assert duo("get", f"/personen/{BSN}/lbt/examennummer").status_code == 404

    def test_niet_na_afname(self, duo, duo_simulator):
        duo_simulator.persoon_toevoegen(BSN)
        duo_simulator.gebeurtenis(BSN, "SS131")
        assert fouten(duo("delete", f"/personen/{BSN}/lbt/examennummer"))

import pytest

from regie.duo import specificaties


@pytest.mark.parametrize("api", specificaties.APIS)
def test_elke_api_heeft_een_versie_en_operaties(api):
    assert specificaties.versie(api).count(".") == 2
    assert specificaties.operaties(api)


def test_een_goede_pip_heeft_geen_fouten():
    assert specificaties.fouten("PIP", "PIP", {"dagtekeningPip": "2026-03-01", "leerroute": "B"}) == []


def test_fouten_zijn_nederlands_en_noemen_het_veld():
    meldingen = specificaties.fouten(
        "PIP", "PIP", {"dagtekeningPip": "1-3-2026", "leerroute": "X", "geschatteIntensiteitB1Route": 0}
    )
    assert "dagtekeningPip: moet een datum zijn (JJJJ-MM-DD)" in meldingen
    assert "leerroute: moet een van deze waarden zijn: B, O, Z" in meldingen
    assert "geschatteIntensiteitB1Route: moet minstens 1 zijn" in meldingen


def test_een_notificatie_zonder_tijdstip_ontbreekt_een_veld():
    assert specificaties.fouten("Notificatie", "Notificatie", {"gebeurtenisId": "SS101"}) == [
        "bericht: het veld registratieDatumTijd ontbreekt"
    ]


def test_verzoekschema_van_een_operatie():
    assert specificaties.verzoekschema("MAP-PVT-Zroute", "put", "/personen/{bsn}/map") == "ResultaatMap"
    assert specificaties.verzoekschema("PIP", "get", "/personen/{bsn}/PIP") is None


def test_unicode_klassen_in_patronen_werken_in_python():
    # Contactpersoon.naam uses \p{L} and \p{Pd} (ECMA/Java); Python's re has no \p{..}.
    goed = {"naam": "Anna de Vries-Öztürk", "email": "a.devries@dronten.nl", "telefoonnummer": "0321 388 999"}
    assert specificaties.fouten("Contactpersoon", "Contactpersoongegevens", goed) == []
    fout = dict(goed, telefoonnummer="bel maar")
    assert specificaties.fouten("Contactpersoon", "Contactpersoongegevens", fout)[0].startswith(
        "telefoonnummer: heeft niet de goede vorm"
    )


def test_parameterfouten_van_het_pad():
    pad = "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"
    assert (
        specificaties.parameterfouten(
            "Inburgeringsaanbod", "post", pad, {"bsn": "123456782", "instellingsnummer": "1000012345"}
        )
        == []
    )
    assert specificaties.parameterfouten(
        "Inburgeringsaanbod", "post", pad, {"bsn": "12345", "instellingsnummer": "12AB3"}
    ) == [
        "bsn: moet minstens 9 tekens lang zijn",
        "bsn: heeft niet de goede vorm (\\d{9})",
        "instellingsnummer: moet minstens 10 tekens lang zijn",
    ]


def test_een_getal_in_het_pad_telt_als_getal():
    pad = "/contactpersonen/{id}/personen/{bsn}"
    assert (
        specificaties.parameterfouten("Contactpersoon", "post", pad, {"id": "12", "bsn": "123456782"}) == []
    )
    assert specificaties.parameterfouten("Contactpersoon", "post", pad, {"id": "0", "bsn": "123456782"}) == [
        "id: moet minstens 1 zijn"
    ]

"""The reports API: idempotent PUT per week, corrections with history, Dutch invalidParams, the
CSV upload with ?proefdraai=true, and who may read or write."""

from datetime import timedelta

import pytest

from regie.api.tests.conftest import client_met_token, probleem
from regie.voortgang.csv_invoer import week_tekst
from regie.voortgang.models import Weekrapportage

V1 = "/api/v1"
UREN = {"uren_aangeboden": "12", "uren_gevolgd": "9.5", "uren_afwezig_ziek": "2.5"}


@pytest.fixture
def api_docent(medewerker_taalschool):
    return client_met_token(medewerker_taalschool)


def test_put_per_week_is_idempotent_en_een_correctie_houdt_historie(api_docent, verwijzing, vorige_week):
    adres = f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{week_tekst(vorige_week)}"
    eerste = api_docent.put(adres, UREN, format="json")
    assert eerste.status_code == 201, eerste.content
    assert eerste["API-Version"] == "1.0.0"
    assert eerste.json()["wijziging"] == "nieuw" and eerste.json()["uren_gevolgd"] == 9.5
    nog_eens = api_docent.put(
        f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{vorige_week}", UREN, format="json"
    )
    assert nog_eens.status_code == 200 and nog_eens.json()["wijziging"] == "ongewijzigd"
    assert Weekrapportage.objects.count() == 1
    correctie = api_docent.put(
        adres, {**UREN, "uren_gevolgd": "8", "uren_afwezig_ongeoorloofd": "1.5"}, format="json"
    )
    assert correctie.json()["wijziging"] == "correctie"
    detail = api_docent.get(adres).json()
    assert (
        detail["uren_gevolgd"] == 8
        and len(detail["historie"]) == 1
        and detail["historie"][0]["actueel"] is False
    )
    lijst = api_docent.get(f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages").json()
    assert len(lijst) == 1


def test_fouten_als_problem_json_met_nederlandse_redenen(api_docent, verwijzing, vorige_week):
    adres = f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{week_tekst(vorige_week)}"
    body = probleem(api_docent.put(adres, {**UREN, "uren_gevolgd": "14"}, format="json"), 400)
    assert body["invalidParams"][0]["name"] == "uren_gevolgd"
    assert "meer uren gevolgd" in body["invalidParams"][0]["reason"]
    body = probleem(api_docent.put(adres, {**UREN, "bsn": "1"}, format="json"), 400)
    assert body["invalidParams"][0]["name"] == "bsn"
    dinsdag = vorige_week + timedelta(days=1)
    probleem(
        api_docent.put(f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{dinsdag}", UREN, format="json"),
        400,
    )
    toekomst = week_tekst(vorige_week + timedelta(weeks=3))
    body = probleem(
        api_docent.put(
            f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{toekomst}", UREN, format="json"
        ),
        400,
    )
    assert "toekomst" in body["invalidParams"][0]["reason"]
    assert not Weekrapportage.objects.exists()


def test_wie_mag_wat(
    verwijzing,
    vorige_week,
    medewerker_taalschool,
    medewerker_andere_aanbieder,
    consulent,
    consulent_drechtsteden,
):
    adres = f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages"
    week = f"{adres}/{week_tekst(vorige_week)}"
    assert client_met_token(medewerker_taalschool).put(week, UREN, format="json").status_code == 201
    # The municipality reads, never writes; another provider and another organisation get 404.
    assert client_met_token(consulent).get(adres).status_code == 200
    probleem(client_met_token(consulent).put(week, UREN, format="json"), 403)
    probleem(client_met_token(medewerker_andere_aanbieder).get(adres), 404)
    probleem(client_met_token(medewerker_andere_aanbieder).put(week, UREN, format="json"), 404)
    probleem(client_met_token(consulent_drechtsteden).get(adres), 404)
    probleem(
        client_met_token(consulent).post(f"{V1}/weekrapportages/upload", b"", content_type="text/csv"), 403
    )


def test_voortgang_examens_resultaten_eindrapport(api_docent, verwijzing):
    basis = f"{V1}/verwijzingen/{verwijzing.uuid}"
    dag = str(verwijzing.startdatum + timedelta(days=7))
    meting = {"datum": dag, "onderdeel": "spreken", "niveau": "A2"}
    assert api_docent.post(f"{basis}/voortgang", meting, format="json").status_code == 201
    assert api_docent.post(f"{basis}/voortgang", meting, format="json").json()["wijziging"] == "ongewijzigd"
    body = probleem(
        api_docent.post(
            f"{basis}/examens", {"datum": dag, "onderdeel": "lezen", "uitslag": "goed"}, format="json"
        ),
        400,
    )
    assert "Kies uit" in body["invalidParams"][0]["reason"]
    assert (
        api_docent.post(
            f"{basis}/examens", {"datum": dag, "onderdeel": "knm", "uitslag": "behaald"}, format="json"
        ).status_code
        == 201
    )
    assert (
        api_docent.post(
            f"{basis}/resultaten", {"soort": "map", "afgerond_op": dag}, format="json"
        ).status_code
        == 201
    )
    probleem(api_docent.get(f"{basis}/eindrapport"), 404)
    assert (
        api_docent.put(
            f"{basis}/eindrapport", {"datum": dag, "samenvatting": "Goed"}, format="json"
        ).status_code
        == 201
    )
    assert api_docent.get(f"{basis}/eindrapport").json()["samenvatting"] == "Goed"
    assert len(api_docent.get(f"{basis}/examens").json()) == 1


def test_csv_upload_met_proefdraai(api_docent, verwijzing, vorige_week):
    kop = "bsn;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd\n"
    goed = f"{verwijzing.inburgeraar.bsn};{vorige_week:%d-%m-%Y};12;10;2;0;0\n"
    fout = f"{verwijzing.inburgeraar.bsn};{vorige_week - timedelta(weeks=1):%d-%m-%Y};12;10;0;0;0\n"
    adres = f"{V1}/weekrapportages/upload"
    proef = api_docent.post(
        f"{adres}?proefdraai=true", (kop + goed + fout).encode("cp1252"), content_type="text/csv"
    )
    assert proef.status_code == 200
    assert [r["status"] for r in proef.json()["regels"]] == ["nieuw", "fout"]
    assert not Weekrapportage.objects.exists()
    body = probleem(api_docent.post(adres, (kop + goed + fout).encode(), content_type="text/csv"), 400)
    assert body["invalidParams"][0]["name"] == "regel 3"
    assert not Weekrapportage.objects.exists()
    antwoord = api_docent.post(adres, (kop + goed).encode(), content_type="text/csv")
    assert antwoord.json()["opgeslagen"] == 1
    assert Weekrapportage.objects.get().bron == "api"
    probleem(api_docent.post(adres, {"a": 1}, format="json"), 415)


def test_csv_upload_groter_dan_2_mb_wordt_geweigerd_zoals_op_de_pagina(api_docent, verwijzing, vorige_week):
    """The 2 MB limit (REGIE_MAX_UPLOAD_MB) was the form's only (issue 9): the API refuses a larger
    body with 413 before reading it; the page refuses it at the field (regie/beveiliging tests)."""
    regel = f"{verwijzing.inburgeraar.bsn};{vorige_week:%d-%m-%Y};12;10;0;0;0\n"
    kop = "bsn;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd\n"
    groot = (kop + regel + "#" * (2 * 1024 * 1024)).encode()
    adres = f"{V1}/weekrapportages/upload"
    for pad in (f"{adres}?proefdraai=true", adres):
        body = probleem(api_docent.post(pad, groot, content_type="text/csv"), 413)
        assert "groter dan 2 MB" in body["detail"]
    assert not Weekrapportage.objects.exists()


def test_te_lange_opmerking_zelfde_melding_als_op_de_pagina(api_docent, verwijzing, vorige_week):
    adres = f"{V1}/verwijzingen/{verwijzing.uuid}/weekrapportages/{week_tekst(vorige_week)}"
    body = probleem(api_docent.put(adres, {**UREN, "opmerking": "x" * 2001}, format="json"), 400, "opmerking")
    assert body["invalidParams"][0]["reason"] == (
        "Zorg dat deze waarde niet meer dan 2000 tekens bevat (het zijn er nu 2001)."
    )
    assert not Weekrapportage.objects.exists()

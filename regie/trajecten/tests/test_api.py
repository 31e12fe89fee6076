"""/api/v1/verwijzingen per role: the municipality refers and withdraws, the provider sees only
its own referrals and accepts or refuses; bad input is a 400 problem+json and changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.klok import vandaag
from regie.trajecten.factories import verwezen
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.verwerkingslog.models import Verwerking

LIJST = "/api/v1/verwijzingen"


def _post(client, adres, data):
    return client.post(adres, data, content_type="application/json")


@pytest.fixture
def verwijzing(inburgeraar, consulent, pip, contract):
    gemaakt = verwezen(inburgeraar, consulent, contract=contract, verzonden_op=vandaag() - timedelta(days=2))
    inburgeraar.refresh_from_db()
    return gemaakt


def test_gemeente_maakt_een_verwijzing(client, consulent, inburgeraar, pip, contract):
    client.force_login(consulent)
    antwoord = _post(
        client,
        LIJST,
        {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "b1_route", "contract": contract.pk},
    )
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert antwoord["Location"] == data["url"]
    assert data["status"] == "verzonden" and data["wachtlijst"] is False
    assert data["aanbieder"]["naam"] == "Taalschool Flevoland"
    assert data["inburgeraar"]["uuid"] == str(inburgeraar.uuid)
    assert "bsn" not in data["inburgeraar"]
    assert antwoord["API-Version"]


def test_verwijzen_fouten_in_het_nederlands(client, consulent, inburgeraar, pip, contract, taalschool):
    from regie.aanbieders.factories import ContractFactory

    client.force_login(consulent)
    antwoord = _post(
        client,
        LIJST,
        {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "zwemles", "contract": contract.pk, "bsn": "1"},
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in antwoord.json()["invalidParams"]} == {"bsn"}
    antwoord = _post(
        client, LIJST, {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "zwemles", "contract": contract.pk}
    )
    assert antwoord.json()["invalidParams"][0]["name"] == "onderdeel"
    assert "Kies uit" in antwoord.json()["invalidParams"][0]["reason"]
    # The service's rule: no referral for a component the PIP does not hold (Wi 15, Bi 5.3).
    ContractFactory(aanbieder=taalschool, perceel="z_route")
    z = taalschool.contracten.get(perceel="z_route")
    antwoord = _post(
        client, LIJST, {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "z_route", "contract": z.pk}
    )
    assert antwoord.status_code == 400
    reden = antwoord.json()["invalidParams"][0]["reason"]
    assert "staat niet in het PIP" in reden
    assert not Verwijzing.objects.exists()


def test_contract_van_andere_organisatie_bestaat_niet(client, consulent, inburgeraar, pip, dordrecht):
    from regie.aanbieders.factories import ContractFactory

    vreemd = ContractFactory(aanbieder__organisatie=dordrecht.organisatie)
    client.force_login(consulent)
    antwoord = _post(
        client, LIJST, {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "b1_route", "contract": vreemd.pk}
    )
    assert antwoord.status_code == 400
    assert "geen contract met dit id" in antwoord.json()["invalidParams"][0]["reason"]


def test_andere_organisatie_404(client, consulent_drechtsteden, verwijzing, inburgeraar, contract):
    client.force_login(consulent_drechtsteden)
    assert client.get(f"{LIJST}/{verwijzing.uuid}").status_code == 404
    assert client.get(LIJST).json()["results"] == []
    antwoord = _post(
        client,
        LIJST,
        {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "b1_route", "contract": contract.pk},
    )
    assert antwoord.status_code == 404


def test_aanbieder_ziet_alleen_eigen(client, verwijzing, medewerker_taalschool, medewerker_andere_aanbieder):
    client.force_login(medewerker_taalschool)
    vanaf = Verwerking.objects.order_by("-id").values_list("id", flat=True).first()
    lijst = client.get(LIJST).json()["results"]
    assert [v["uuid"] for v in lijst] == [str(verwijzing.uuid)]
    regel = Verwerking.objects.filter(id__gt=vanaf, actie="lezen").get()
    assert regel.onderdeel == "traject"
    assert client.get(f"{LIJST}/{verwijzing.uuid}").status_code == 200
    client.force_login(medewerker_andere_aanbieder)
    assert client.get(LIJST).json()["results"] == []
    assert client.get(f"{LIJST}/{verwijzing.uuid}").status_code == 404
    assert (
        _post(client, f"{LIJST}/{verwijzing.uuid}/accepteren", {"startdatum": "2030-01-01"}).status_code
        == 404
    )


def test_aanbieder_accepteert_en_start(client, verwijzing, medewerker_taalschool):
    client.force_login(medewerker_taalschool)
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/accepteren", {"startdatum": str(vandaag())})
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["status"] == "geaccepteerd"
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/starten", {"startdatum": str(vandaag())})
    assert antwoord.json()["status"] == "gestart" and antwoord.json()["wachttijd"] == 2
    antwoord = _post(
        client,
        f"{LIJST}/{verwijzing.uuid}/afsluiten",
        {"einddatum": str(vandaag()), "uitkomst": "afgebroken"},
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"][0]["name"] == "toelichting"
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.GESTART


def test_aanbieder_weigert_met_reden(client, verwijzing, medewerker_taalschool):
    client.force_login(medewerker_taalschool)
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/weigeren", {})
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"][0]["name"] == "reden"
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/weigeren", {"reden": "Geen avondklas"})
    assert antwoord.json()["status"] == "geweigerd" and antwoord.json()["reden_weigering"] == "Geen avondklas"
    # Twice: the status no longer allows it.
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/weigeren", {"reden": "Nogmaals"})
    assert antwoord.status_code == 400
    assert "Alleen een verzonden verwijzing" in antwoord.json()["invalidParams"][0]["reason"]


def test_aanbieder_mag_niet_verwijzen_of_intrekken(
    client, verwijzing, medewerker_taalschool, inburgeraar, contract
):
    client.force_login(medewerker_taalschool)
    antwoord = _post(
        client,
        LIJST,
        {"inburgeraar": str(inburgeraar.uuid), "onderdeel": "b1_route", "contract": contract.pk},
    )
    assert antwoord.status_code == 403
    assert _post(client, f"{LIJST}/{verwijzing.uuid}/intrekken", {"reden": "x"}).status_code == 403
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.VERZONDEN


def test_gemeente_accepteert_niet_maar_trekt_in(client, verwijzing, consulent, inburgeraar):
    client.force_login(consulent)
    assert (
        _post(client, f"{LIJST}/{verwijzing.uuid}/accepteren", {"startdatum": "2030-01-01"}).status_code
        == 403
    )
    antwoord = _post(client, f"{LIJST}/{verwijzing.uuid}/intrekken", {"reden": "Verhuisd", "versie": 1})
    assert antwoord.status_code == 409
    antwoord = _post(
        client, f"{LIJST}/{verwijzing.uuid}/intrekken", {"reden": "Verhuisd", "versie": inburgeraar.versie}
    )
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "ingetrokken"


def test_collega_leest_maar_wijzigt_niet(client, verwijzing, dronten, medewerker_taalschool):
    collega = UserFactory(username="collega", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    client.force_login(collega)
    assert client.get(f"{LIJST}/{verwijzing.uuid}").status_code == 200
    assert _post(client, f"{LIJST}/{verwijzing.uuid}/intrekken", {"reden": "x"}).status_code == 403


@pytest.mark.parametrize("rol", [Rol.BELEIDSMEDEWERKER, Rol.FINANCIEEL_MEDEWERKER, Rol.PRIVACY_OFFICER])
def test_andere_rollen_403(client, dronten, verwijzing, rol):
    client.force_login(UserFactory(username=f"r.{rol}", organisatie=dronten.organisatie, rol=rol))
    assert client.get(LIJST).status_code == 403
    assert client.get(f"{LIJST}/{verwijzing.uuid}").status_code == 403


def test_filters(client, consulent, verwijzing):
    client.force_login(consulent)
    assert len(client.get(LIJST, {"status": "verzonden"}).json()["results"]) == 1
    assert client.get(LIJST, {"status": "gestart"}).json()["results"] == []
    assert (
        len(
            client.get(LIJST, {"onderdeel": "b1_route", "inburgeraar": verwijzing.inburgeraar.uuid}).json()[
                "results"
            ]
        )
        == 1
    )
    assert client.get(LIJST, {"status": "onzin"}).status_code == 400


def test_adres_in_de_api(verwijzing):
    assert reverse("api:verwijzing-detail", kwargs={"uuid": verwijzing.uuid}) == f"{LIJST}/{verwijzing.uuid}"


def test_filter_op_verzenddatum_heet_in_camel_case(client, consulent, verwijzing):
    """API Design Rules: query keys in lowerCamelCase. The old snake_case name is refused with
    400, not ignored: ignored, it would silently return every referral."""
    client.force_login(consulent)
    dag = verwijzing.verzonden_op
    na, voor = (dag + timedelta(days=1)).isoformat(), (dag - timedelta(days=1)).isoformat()
    assert len(client.get(LIJST, {"verzondenVanaf": dag.isoformat()}).json()["results"]) == 1
    assert client.get(LIJST, {"verzondenVanaf": na}).json()["results"] == []
    assert client.get(LIJST, {"verzondenTot": voor}).json()["results"] == []
    assert len(client.get(LIJST, {"verzondenTot": dag.isoformat()}).json()["results"]) == 1
    oud = client.get(LIJST, {"verzonden_vanaf": na})
    assert oud.status_code == 400
    [fout] = oud.json()["invalidParams"]
    assert fout["name"] == "verzonden_vanaf"
    assert "verzondenVanaf" in fout["reason"]


@pytest.mark.parametrize("waarde", ["-3.9e+265", "9223372036854775808", "1.5", "0"])
def test_aanbieder_filter_buiten_bereik_is_400_geen_serverfout(client, consulent, waarde):
    """Found by schemathesis: a huge number went to the database as an id and gave a 500."""
    client.force_login(consulent)
    antwoord = client.get(LIJST, {"aanbieder": waarde})
    assert antwoord.status_code == 400
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["aanbieder"]

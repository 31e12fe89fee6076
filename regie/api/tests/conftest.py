"""Fixtures for the API tests: clients that log in with an API token, as a real client does."""

import itertools

import pytest
from rest_framework.test import APIClient
from stdnum.nl import bsn as stdnum_bsn

from regie.accounts.tokens import maak_api_token
from regie.demo.factories import InburgeraarFactory
from regie.klok import vandaag
from regie.pip.services import pip_vaststellen

_bsn_teller = itertools.count()


def uniek_bsn() -> str:
    """A valid BSN no other test data uses (far from the factory's sequence)."""
    kandidaat = 200_000_000 + next(_bsn_teller) * 100
    while not stdnum_bsn.is_valid(str(kandidaat)):
        kandidaat += 1
    return str(kandidaat)


def maak_inburgeraar(**velden):
    """A case from the demo factory, with a BSN that is certainly unique in this test."""
    return InburgeraarFactory(bsn=uniek_bsn(), **velden)


def client_met_token(user) -> APIClient:
    client = APIClient()
    _, sleutel = maak_api_token(user=user, naam="Test")
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return client


@pytest.fixture
def api_consulent(consulent):
    return client_met_token(consulent)


@pytest.fixture
def api_teamleider(teamleider):
    return client_met_token(teamleider)


@pytest.fixture
def api_ander(consulent_drechtsteden):
    """A consultant of another organisation (Drechtsteden): sees nothing of Dronten."""
    return client_met_token(consulent_drechtsteden)


@pytest.fixture
def anoniem():
    return APIClient()


@pytest.fixture
def met_pip(inburgeraar, consulent):
    """The Dronten case with a first PIP (B1-route), decided through the service."""
    pip_vaststellen(
        inburgeraar=inburgeraar,
        door=consulent,
        leerroute="b1",
        dagtekening=vandaag(),
        aantal_voortgangsgesprekken=4,
    )
    inburgeraar.refresh_from_db()
    return inburgeraar


PROBLEEMVELDEN = {"type", "title", "status", "detail", "instance"}


def probleem(response, status: int, *velden: str) -> dict:
    """Checks an answer is problem+json with `status` (RFC 9457) and, for a 400, that
    invalidParams names each of `velden` with a Dutch reason. Returns the body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert set(body) >= PROBLEEMVELDEN, body
    assert body["status"] == status
    assert body["type"].startswith("http://testserver/api/v1/problemen/")
    assert body["instance"].startswith("http://testserver/api")
    assert body["title"] and body["detail"]
    if status == 400:
        namen = {p["name"] for p in body["invalidParams"]}
        assert set(velden) <= namen, body["invalidParams"]
        for param in body["invalidParams"]:
            assert set(param) == {"name", "code", "reason"}
            assert param["reason"] and param["code"]
    return body


def reden(body: dict, veld: str) -> str:
    """All reasons for one field, joined, to check their wording."""
    return " | ".join(p["reason"] for p in body["invalidParams"] if p["name"] == veld)


def stand() -> tuple:
    """What a refused request must leave untouched: every case's versie and status, and the
    number of cases, timeline entries, PIPs, intakes, appointments and children."""
    from regie.inburgeraars.models import Inburgeraar, Kind
    from regie.intake.models import Afspraak, BredeIntake
    from regie.pip.models import Pip
    from regie.tijdlijn.models import Gebeurtenis

    return (
        sorted(Inburgeraar.objects.values_list("pk", "versie", "status", "telefoon")),
        Gebeurtenis.objects.count(),
        Pip.objects.count(),
        BredeIntake.objects.count(),
        Afspraak.objects.count(),
        Kind.objects.count(),
    )


@pytest.fixture
def lang_bezig(dronten, consulent):
    """A case whose termijn started about two years ago (regie/participatie/tests/conftest.py)."""
    from regie.participatie.tests.conftest import lang_bezig_maken

    return lang_bezig_maken(dronten, consulent)

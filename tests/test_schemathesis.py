"""schemathesis against the API, in process (WSGI), with the committed openapi.yaml as contract.

Per operation it runs the examples, coverage and fuzzing phases (schemathesis' pytest
integration), then the stateful phase: chains of calls that follow the links schemathesis infers
(a 201's Location, an `uuid` in a list). Every request carries the API token of a consultant of
Dronten with a case, a PIP and a started referral, so valid uuids reach real data; generated
invalid values test the refusals. Each answer must be no server error, have a documented status
code and content type, and match its schema (problem+json included).

The number of examples is bounded and generation is deterministic, so the run is the same every
time and fits in CI; REGIE_SCHEMATHESIS_VOORBEELDEN raises it for a longer local run.
"""

import os
import uuid
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.accounts.tokens import maak_api_token
from regie.demo.factories import InburgeraarFactory, geldig_bsn, pip_vastgesteld
from regie.trajecten.tests.conftest import gestart
from regie.wsgi import application

pytestmark = pytest.mark.schemathesis

VOORBEELDEN = int(os.environ.get("REGIE_SCHEMATHESIS_VOORBEELDEN", "8"))
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        # No generated token or session cookie: each request carries the real token, and the
        # check ignored_auth sends it again without one (and with a wrong one) to see a 401.
        "generation": {
            "max-examples": VOORBEELDEN,
            "deterministic": True,
            "database": "none",
            "with-security-parameters": False,
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {
                "enabled": True,
                "max-steps": 6,
                "generation": {"with-security-parameters": False},
            },
        },
        "checks": {
            "not_a_server_error": {"enabled": True},
            "status_code_conformance": {"enabled": True},
            "content_type_conformance": {"enabled": True},
            "response_schema_conformance": {"enabled": True},
            "response_headers_conformance": {"enabled": True},
            # Not these two: the schema cannot say what the services check (a BSN's elfproef, a
            # date before today), so valid-looking data is rightly refused; and an empty filter
            # is ignored, as django-filter does.
            "positive_data_acceptance": {"enabled": False},
            "negative_data_rejection": {"enabled": False},
        },
    }
)
schema = schemathesis.openapi.from_path(
    Path(__file__).resolve().parent.parent / "openapi.yaml", config=CONFIG
)
schema.app = application


TOKEN = {}


@schema.auth(refresh_interval=None)  # a new token per test: never reuse the previous test's
class TokenVanDeConsulent:
    # Through schemathesis' auth, so it knows the header is the real credential (check ignored_auth).
    def get(self, case, context):
        return TOKEN.get("sleutel", "")  # also asked while pytest collects, before any test

    def set(self, case, sleutel, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Token {sleutel}"}


@pytest.fixture
def zonder_verbinding_sluiten():
    # Django closes the database connection after each request when it is not in autocommit;
    # in a test that is always (the test's transaction), and on PostgreSQL the next query then
    # fails. Django's own test client switches this off the same way.
    for signaal in (request_started, request_finished):
        signaal.disconnect(close_old_connections)
    yield
    for signaal in (request_started, request_finished):
        signaal.connect(close_old_connections)


@pytest.fixture
def gegevens(zonder_verbinding_sluiten, db, settings, dronten, consulent, taalschool, medewerker_taalschool):
    """A case with a PIP and a started referral, and the consultant's API token. Returns the
    uuids that valid generated ones are replaced with, per start of the path."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis' WSGI client
    inburgeraar = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(7001))
    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    contract = ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, capaciteit=20)
    verwijzing = gestart(inburgeraar, consulent, contract, medewerker_taalschool)
    _, TOKEN["sleutel"] = maak_api_token(user=consulent, naam="schemathesis")
    return {"/inburgeraars": str(inburgeraar.uuid), "/verwijzingen": str(verwijzing.uuid)}


def echte_uuid(case, gegevens):
    # A generated uuid is almost never a real one: then every call ends in 404. A valid uuid is
    # replaced by the seeded case's or referral's; an invalid value stays, to test the refusal.
    waarde = (case.path_parameters or {}).get("uuid")
    try:
        uuid.UUID(str(waarde))
    except ValueError:
        return
    for begin, echt in gegevens.items():
        if case.path.startswith(begin):
            case.path_parameters["uuid"] = echt


@schema.parametrize()
@hypothesis_settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api_volgt_openapi_yaml(case, gegevens):
    echte_uuid(case, gegevens)
    case.call_and_validate()


def test_api_volgt_openapi_yaml_in_reeksen(gegevens):
    machine = schema.as_state_machine()
    stappen = []

    class Reeks(machine):
        def get_call_kwargs(self, case):
            stappen.append(case.operation.label)
            return {}

    Reeks.run(
        settings=hypothesis_settings(
            max_examples=VOORBEELDEN, deadline=None, suppress_health_check=list(HealthCheck)
        )
    )
    # Links were found (a 201's Location to its resource), so the chains did more than one call.
    assert len(stappen) > VOORBEELDEN, stappen

"""The committed openapi.yaml matches the code, and the schema keeps the API Design Rules."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

OPENAPI = Path(settings.BASE_DIR) / "openapi.yaml"
OPNIEUW = "REGIE_DEMO=1 uv run python manage.py spectacular --file openapi.yaml --validate"


@pytest.fixture(scope="module")
def schema() -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        return SchemaGenerator().get_schema(request=None, public=True)


def test_openapi_yaml_is_bijgewerkt(schema):
    validate_schema(schema)
    nieuw = OpenApiYamlRenderer().render(schema, renderer_context={}).decode()
    assert OPENAPI.exists(), f"openapi.yaml is missing. Generate it with: {OPNIEUW}"
    assert OPENAPI.read_text(encoding="utf-8") == nieuw, (
        f"openapi.yaml differs from the API in the code. Regenerate it with: {OPNIEUW}"
    )


def operaties(schema):
    for pad, item in schema["paths"].items():
        for methode, operatie in item.items():
            yield pad, methode, operatie


def test_geen_bsn_in_een_url(schema):
    """No BSN in any path or query parameter: search by BSN is a POST."""
    for pad, _methode, operatie in operaties(schema):
        assert "bsn" not in pad.lower()
        for parameter in operatie.get("parameters", []):
            assert parameter["name"].lower() != "bsn", pad


def test_geen_slash_aan_het_eind_en_versie_in_de_server_url(schema):
    """The paths are relative to the server URL, which holds the major version (/core/uri-version)."""
    assert schema["servers"] == [{"url": "/api/v1", "description": "Deze installatie van Regie."}]
    for pad in schema["paths"]:
        assert pad.startswith("/")
        assert not pad.startswith("/api")
        assert not pad.endswith("/")


def test_elk_antwoord_heeft_api_version_en_fouten_zijn_problem_json(schema):
    componenten = schema["components"]["responses"]
    for pad, methode, operatie in operaties(schema):
        assert operatie.get("summary"), f"{methode} {pad} has no summary"
        for code, antwoord in operatie["responses"].items():
            if "$ref" in antwoord:
                antwoord = componenten[antwoord["$ref"].rsplit("/", 1)[1]]
                assert list(antwoord["content"]) == ["application/problem+json"]
            assert antwoord["headers"]["API-Version"] == {"$ref": "#/components/headers/API-Version"}, (
                f"{methode} {pad} {code}"
            )
        if not pad.startswith("/problemen"):
            assert operatie["responses"]["401"] == {"$ref": "#/components/responses/NietIngelogd"}
        if "{" in pad:
            assert "404" in operatie["responses"]
        # API Design Rules (invalid-input): every operation can answer 400.
        assert operatie["responses"]["400"] == {"$ref": "#/components/responses/OngeldigeInvoer"}


def test_409_bij_elke_wijziging_met_versie(schema):
    paden = schema["paths"]
    assert "409" in paden["/inburgeraars/{uuid}"]["patch"]["responses"]
    assert "409" in paden["/inburgeraars/{uuid}/pips"]["post"]["responses"]
    assert "409" in paden["/inburgeraars/{uuid}/brede-intake"]["put"]["responses"]
    assert "409" in paden["/inburgeraars/{uuid}/brede-intake"]["patch"]["responses"]


def test_ongeldige_invoer_beschrijft_invalid_params():
    schema = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    velden = schema["components"]["schemas"]["OngeldigeInvoer"]["properties"]
    assert {"type", "title", "status", "detail", "instance", "invalidParams"} <= set(velden)
    parameter = schema["components"]["schemas"]["OngeldigeParameter"]["properties"]
    assert set(parameter) == {"name", "code", "reason"}

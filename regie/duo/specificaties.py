"""DUO's own interface specifications (regie/duo/specs/, an unchanged copy of
duonl/gemeente-m2m-inburgering) as the one source for what a message to or from DUO may hold.

The DUO client validates every outgoing body here before it leaves, the simulator validates
what it receives with the same schemas, and the notification receiver checks DUO's notices.
No Django imports: the simulator runs without Django.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from functools import cache
from pathlib import Path

import yaml
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator

MAP = Path(__file__).parent / "specs"

# The folder names under specs/, one per DUO API.
APIS = (
    "Contactpersoon",
    "Examen",
    "GevolgdeUren",
    "Inburgeringsaanbod",
    "Inburgeringsplicht",
    "Inburgeringstermijn",
    "Leerbaarheidstoets",
    "MAP-PVT-Zroute",
    "Notificatie",
    "Ontheffing",
    "PIP",
    "Vrijstelling",
)


@cache
def specificatie(api: str) -> dict:
    if api not in APIS:
        raise KeyError(f"Onbekende DUO-API: {api}")
    with open(MAP / api / "openapi.yml", encoding="utf-8") as bestand:
        # The C loader when PyYAML has it: the specs are large and load at start-up.
        return yaml.load(bestand, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def versie(api: str) -> str:
    """The full version of an API (its `API-Version` header), e.g. '1.2.0'."""
    return str(specificatie(api)["info"]["version"])


def _los_verwijzingen_op(knoop, schemas: dict, bezig: frozenset = frozenset()):
    """Inline `#/components/schemas/X` references, so the validator needs no registry."""
    if isinstance(knoop, dict):
        ref = knoop.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            naam = ref.rsplit("/", 1)[1]
            if naam in bezig:  # the specs have no recursion; stop rather than loop
                return {}
            return _los_verwijzingen_op(schemas[naam], schemas, bezig | {naam})
        return {sleutel: _los_verwijzingen_op(waarde, schemas, bezig) for sleutel, waarde in knoop.items()}
    if isinstance(knoop, list):
        return [_los_verwijzingen_op(waarde, schemas, bezig) for waarde in knoop]
    return knoop


@cache
def _unicode_klasse(categorie: str) -> str:
    """The characters of a Unicode category (prefix: 'L' = every letter, 'Pd' = dashes) as ranges for
    inside a Python character class; Python's `re` has no \\p{..}."""
    reeksen, begin, vorige = [], None, None
    for teken in range(0x10000):  # the Basic Multilingual Plane: every script a name is written in
        if unicodedata.category(chr(teken)).startswith(categorie):
            if begin is None:
                begin = teken
            vorige = teken
        elif begin is not None:
            reeksen.append((begin, vorige))
            begin = None
    if begin is not None:
        reeksen.append((begin, vorige))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in reeksen
    )


def _python_patroon(patroon: str) -> str:
    """DUO's patterns are ECMA/Java regexes; turn \\p{L} and \\p{Pd} (inside a character class, as
    in Contactpersoon's naam) into ranges Python's `re` understands."""
    return re.sub(r"\\p\{(\w+)\}", lambda m: _unicode_klasse(m.group(1)), patroon)


def _vertaal_patronen(knoop):
    if isinstance(knoop, dict):
        return {
            sleutel: _python_patroon(waarde)
            if sleutel == "pattern" and isinstance(waarde, str)
            else _vertaal_patronen(waarde)
            for sleutel, waarde in knoop.items()
        }
    if isinstance(knoop, list):
        return [_vertaal_patronen(waarde) for waarde in knoop]
    return knoop


@cache
def _schema(api: str, naam: str) -> dict:
    schemas = specificatie(api)["components"]["schemas"]
    if naam not in schemas:
        raise KeyError(f"De {api} API kent geen schema {naam}")
    return _vertaal_patronen(_los_verwijzingen_op(copy.deepcopy(schemas[naam]), schemas))


@cache
def _validator(api: str, naam: str) -> OAS30Validator:
    return OAS30Validator(_schema(api, naam), format_checker=FormatChecker())


def fouten(api: str, schema: str, gegevens) -> list[str]:
    """Every way `gegevens` breaks the schema `schema` of `api`, in Dutch; empty when valid."""
    meldingen = []
    for fout in sorted(_validator(api, schema).iter_errors(gegevens), key=lambda f: list(f.absolute_path)):
        pad = ".".join(str(deel) for deel in fout.absolute_path) or "bericht"
        meldingen.append(f"{pad}: {_nederlands(fout)}")
    return meldingen


def _nederlands(fout) -> str:
    soort, waarde = fout.validator, fout.validator_value
    if soort == "required":
        ontbreekt = fout.message.split("'")[1] if "'" in fout.message else fout.message
        return f"het veld {ontbreekt} ontbreekt"
    if soort == "type":
        return f"moet van het type {waarde} zijn"
    if soort == "enum":
        return "moet een van deze waarden zijn: " + ", ".join(str(w) for w in waarde)
    if soort == "maxLength":
        return f"mag hoogstens {waarde} tekens lang zijn"
    if soort == "minLength":
        return f"moet minstens {waarde} tekens lang zijn"
    if soort == "maximum":
        return f"mag hoogstens {waarde} zijn"
    if soort == "minimum":
        return f"moet minstens {waarde} zijn"
    if soort == "pattern":
        # A translated \\p{..} class is thousands of characters: then no pattern in the message.
        return f"heeft niet de goede vorm ({waarde})" if len(waarde) <= 120 else "heeft niet de goede vorm"
    if soort == "format":
        return {"date": "moet een datum zijn (JJJJ-MM-DD)", "date-time": "moet een datum en tijd zijn"}.get(
            waarde, f"heeft niet het formaat {waarde}"
        )
    if soort == "additionalProperties":
        return "bevat velden die de specificatie niet kent"
    return fout.message


def operaties(api: str) -> list[tuple[str, str, dict]]:
    """(method, path, operation) for every endpoint of an API, e.g. ('put', '/personen/{bsn}/map', {...})."""
    resultaat = []
    for pad, methoden in specificatie(api)["paths"].items():
        for methode, operatie in methoden.items():
            if methode in {"get", "post", "put", "delete", "patch"}:
                resultaat.append((methode, pad, operatie))
    return resultaat


def verzoekschema(api: str, methode: str, pad: str) -> str | None:
    """The name of the request body's schema of one operation, or None when it takes no body."""
    operatie = specificatie(api)["paths"][pad][methode]
    inhoud = operatie.get("requestBody", {}).get("content", {}).get("application/json", {})
    ref = inhoud.get("schema", {}).get("$ref")
    return ref.rsplit("/", 1)[1] if ref else None


def _parameter(api: str, parameter: dict) -> dict:
    ref = parameter.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
        return specificatie(api)["components"]["parameters"][ref.rsplit("/", 1)[1]]
    return parameter


def parameterfouten(api: str, methode: str, pad: str, waarden: dict) -> list[str]:
    """Every way the path parameters `waarden` ({'bsn': ..., 'instellingsnummer': ...}) of one operation
    break the spec (length, pattern), in Dutch; empty when valid."""
    operatie = specificatie(api)["paths"][pad][methode]
    meldingen = []
    for parameter in operatie.get("parameters", []):
        parameter = _parameter(api, parameter)
        if parameter.get("in") != "path" or parameter["name"] not in waarden:
            continue
        schema = _vertaal_patronen(parameter.get("schema", {}))
        waarde = waarden[parameter["name"]]
        if schema.get("type") == "integer" and isinstance(waarde, str) and waarde.isdigit():
            waarde = int(waarde)  # a path holds text; the spec means the number it spells
        for fout in OAS30Validator(schema, format_checker=FormatChecker()).iter_errors(waarde):
            meldingen.append(f"{parameter['name']}: {_nederlands(fout)}")
    return meldingen

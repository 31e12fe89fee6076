"""The published JSON Schema of the hand-over package, one file per version
(regie/overdracht/schema/overdrachtspakket-<versie>.schema.json, served at /overdrachten/schema/<versie>.json),
and the check of a package against it with Dutch messages."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from regie.wet.overdracht import SCHEMA_VERSIES, schema_versie_bekend

MAP = Path(__file__).resolve().parent / "schema"
MAX_MELDINGEN = 10


def schema_pad(versie: str) -> Path:
    return MAP / f"overdrachtspakket-{versie}.schema.json"


@cache
def schema(versie: str) -> dict:
    if versie not in SCHEMA_VERSIES:
        raise KeyError(versie)
    return json.loads(schema_pad(versie).read_text(encoding="utf-8"))


@cache
def _validator(versie: str) -> Draft202012Validator:
    return Draft202012Validator(schema(versie), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plek(fout) -> str:
    pad = ".".join(str(deel) for deel in fout.absolute_path)
    return pad or "het pakket"


def _melding(fout) -> str:
    plek = _plek(fout)
    if fout.validator == "required":
        ontbreekt = fout.message.split("'")[1] if "'" in fout.message else ""
        return f"{plek}: het onderdeel '{ontbreekt}' ontbreekt."
    if fout.validator == "additionalProperties":
        return f"{plek}: bevat een onderdeel dat het schema niet kent."
    if fout.validator == "format" and fout.validator_value == "date":
        return f"{plek}: is geen datum als JJJJ-MM-DD."
    if fout.validator in ("enum", "const"):
        return f"{plek}: deze waarde kent het schema niet."
    if fout.validator == "type":
        return f"{plek}: heeft de verkeerde soort waarde."
    return f"{plek}: klopt niet met het schema ({fout.validator})."


def fouten_in(pakket) -> list[str]:
    """What is wrong with a package, in Dutch: the first MAX_MELDINGEN problems; empty when it is
    valid. An unknown schema version is refused before the schema is read."""
    if not isinstance(pakket, dict):
        return ["Het bestand is geen overdrachtspakket: het is geen JSON-object."]
    versie = pakket.get("schema_versie")
    if not schema_versie_bekend(versie):
        bekend = ", ".join(sorted(SCHEMA_VERSIES))
        return [
            f"Regie kent schemaversie {versie!r} van het overdrachtspakket niet. Regie leest versie {bekend}."
            " Vraag de vorige gemeente om een pakket in een versie die Regie kent."
        ]
    fouten = sorted(_validator(versie).iter_errors(pakket), key=lambda f: list(f.absolute_path))
    return [_melding(f) for f in fouten[:MAX_MELDINGEN]]


def lees_json(inhoud: bytes | str) -> tuple[dict | None, list[str]]:
    """A package from the bytes of an upload or a body: (package, []) or (None, [Dutch reason])."""
    try:
        if isinstance(inhoud, bytes):
            inhoud = inhoud.decode("utf-8-sig")
        return json.loads(inhoud), []
    except (UnicodeDecodeError, ValueError):
        return None, ["Het bestand is geen geldige JSON. Kies het JSON-bestand van het overdrachtspakket."]

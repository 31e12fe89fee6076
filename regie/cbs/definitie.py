"""The definition Regie delivers to CBS with: one module (items, codes, "mandatory when", writing
the file) and its XSD. Moving to CBS's own definition changes the import below, nothing else."""

from functools import cache

from lxml import etree

from regie.cbs import swi_v1 as DEFINITIE  # noqa: N812 - the module is used as the definition

__all__ = ["DEFINITIE", "schema_fouten"]


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DEFINITIE.SCHEMA)))


def schema_fouten(inhoud: bytes) -> list[str]:
    """What in the file does not agree with the definition's XSD (empty: the file is valid)."""
    try:
        document = etree.fromstring(inhoud)
    except etree.XMLSyntaxError as exc:
        return [f"Het bestand is geen geldige XML: {exc}"]
    schema = _schema()
    if schema.validate(document):
        return []
    return [f"Regel {fout.line}: {fout.message}" for fout in schema.error_log]

"""The SEPA credit-transfer file (pain.001.001.03) of a payment run, made with sepaxml and checked
against the ISO 20022 schema sepaxml ships (the official pain.001.001.03.xsd), with lxml.

pain.001.001.03 is the version Dutch banks take for credit transfers from a business account
(the Betaalvereniging's implementation guidelines); the BIC is optional within the SEPA area."""

from datetime import date
from functools import cache
from importlib import resources

from lxml import etree
from sepaxml import SepaTransfer

SCHEMA = "pain.001.001.03"
NAAMRUIMTE = f"urn:iso:std:iso:20022:tech:xsd:{SCHEMA}"


@cache
def _xsd() -> etree.XMLSchema:
    pad = resources.files("sepaxml") / "schemas" / f"{SCHEMA}.xsd"
    with resources.as_file(pad) as bestand:
        return etree.XMLSchema(etree.parse(str(bestand)))


def schemafouten(inhoud: bytes) -> list[str]:
    """The schema's objections to a file; an empty list when it is valid pain.001.001.03."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        document = etree.fromstring(inhoud, parser)
    except etree.XMLSyntaxError as fout:
        return [f"Geen XML: {fout}"]
    schema = _xsd()
    if schema.validate(document):
        return []
    return [f"regel {fout.line}: {fout.message}" for fout in schema.error_log]


def overboekingen(*, naam: str, iban: str, bic: str, uitvoerdatum: date, betalingen) -> tuple[bytes, str]:
    """The file and its message id (MsgId). `betalingen`: objects with begunstigde, iban, bic,
    bedrag (cents), omschrijving and end_to_end. sepaxml's own check (xmlschema) is skipped:
    the caller checks with `schemafouten`, one schema check with one library."""
    config = {"name": naam, "IBAN": iban, "batch": True, "currency": "EUR"}
    if bic:
        config["BIC"] = bic
    bestand = SepaTransfer(config, schema=SCHEMA, clean=True)
    for b in betalingen:
        betaling = {
            "name": b.begunstigde,
            "IBAN": b.iban,
            "amount": int(b.bedrag),
            "execution_date": uitvoerdatum,
            "description": b.omschrijving,
            "endtoend_id": b.end_to_end,
        }
        if b.bic:
            betaling["BIC"] = b.bic
        bestand.add_payment(betaling)
    return bestand.export(validate=False), bestand.msg_id

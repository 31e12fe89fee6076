"""Amounts of money as people write and read them: whole cents inside Regie, Dutch notation
outside (€ 1.234,56). Never float."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError

_DUIZENDTALLEN = re.compile(r"^\d{1,3}(\.\d{3})+$")
_BEDRAG = re.compile(r"^\d{1,13}(\.\d{1,2})?$")
_TE_VEEL_DECIMALEN = re.compile(r"^\d+\.\d{3,}$")


def euro(centen: int | None) -> str:
    """€ 1.234,56; an empty text for None."""
    if centen is None:
        return ""
    teken = "-" if centen < 0 else ""
    euros, rest = divmod(abs(centen), 100)
    return f"{teken}€ {euros:,}".replace(",", ".") + f",{rest:02d}"


def euro_kaal(centen: int) -> str:
    """1234,56: for a CSV file a spreadsheet reads as a number (no sign, no thousands)."""
    teken = "-" if centen < 0 else ""
    euros, rest = divmod(abs(centen), 100)
    return f"{teken}{euros},{rest:02d}"


def naar_centen(tekst: str) -> int:
    """Read an amount as people type it: 1234, 1234,5, 1.234,56, € 1.234 or 1234.56. A dot
    followed by exactly three digits is a thousands separator (Dutch), otherwise a decimal point."""
    schoon = (tekst or "").replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not schoon:
        raise ValidationError("Vul een bedrag in, bijvoorbeeld 1.250,00.")
    if schoon.startswith("-"):
        raise ValidationError("Vul een bedrag zonder minteken in.")
    if "," in schoon:
        schoon = schoon.replace(".", "").replace(",", ".")
    elif _DUIZENDTALLEN.match(schoon):
        schoon = schoon.replace(".", "")
    if _TE_VEEL_DECIMALEN.match(schoon):
        raise ValidationError("Een bedrag heeft hoogstens twee cijfers achter de komma.")
    if not _BEDRAG.match(schoon):
        raise ValidationError(f"‘{tekst}’ is geen bedrag. Schrijf het bijvoorbeeld als 1.250,00.")
    return int(Decimal(schoon) * 100)

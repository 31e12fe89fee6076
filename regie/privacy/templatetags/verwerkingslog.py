from datetime import datetime

from django import template

from regie.privacy.inzage import rol_naam

register = template.Library()
register.filter(rol_naam)


@register.filter
def soort(waarde) -> str:
    """For the access-request PDF: 'keuze', 'groep', 'lijst' or 'waarde'."""
    if isinstance(waarde, dict):
        return "keuze" if set(waarde) == {"waarde", "betekenis"} else "groep"
    if isinstance(waarde, list):
        return "lijst"
    return "waarde"


@register.filter
def leesbaar(waarde) -> str:
    if waarde is None or waarde == "":
        return "(leeg)"
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    return str(waarde)


@register.filter
def datumtijd(iso: str) -> str:
    """An ISO moment from the access-request data as 26-08-2022 11:20:00."""
    try:
        return f"{datetime.fromisoformat(iso):%d-%m-%Y %H:%M:%S}"
    except (TypeError, ValueError):
        return iso

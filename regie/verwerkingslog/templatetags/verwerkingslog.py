from django import template

register = template.Library()


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

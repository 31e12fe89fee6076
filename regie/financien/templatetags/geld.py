from django import template

from regie.financien.bedragen import euro as _euro

register = template.Library()


@register.filter
def euro(centen):
    """Cents as € 1.234,56; a dash when there is no figure."""
    return "–" if centen is None else _euro(centen)

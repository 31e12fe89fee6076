from django import template

from regie.coa.selectors import koppelingen_van

register = template.Library()


@register.simple_tag
def coa_koppelingen(inburgeraar):
    """The COA koppelingen of a case, for the small section on the case overview."""
    return list(koppelingen_van(inburgeraar))

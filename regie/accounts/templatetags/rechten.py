"""Rights in templates: show a link or button only to whom may use it.

{% load rechten %}
{% if user|heeft_recht:"dossiers_registreren" %}...{% endif %}
{% if user|mag_beheren %}...{% endif %}
"""

from django import template

from regie.accounts import rechten

register = template.Library()


@register.filter
def heeft_recht(user, recht: str) -> bool:
    return rechten.heeft_recht(user, rechten.Recht(recht))


@register.filter
def mag_beheren(user) -> bool:
    return rechten.mag_beheren(user)

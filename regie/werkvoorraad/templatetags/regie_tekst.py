"""Small text filters for Regie's pages: days left, ages, masked BSN, dates.

The date filters give what Django's `date` filter gives for these formats in Dutch ("j F Y",
"d-m-Y"), without its locale look-ups: a team page formats some 150 dates (issue 10)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django import template

from regie.klok import vandaag
from regie.wet.termijnen import datum_tekst as _datum_tekst

register = template.Library()


@register.filter
def dagen_tekst(dagen: int | None) -> str:
    """-3 -> '3 dagen geleden', 0 -> 'vandaag', 1 -> 'nog 1 dag'."""
    if dagen is None:
        return ""
    if dagen == 0:
        return "vandaag"
    aantal = f"{abs(dagen)} dag" + ("" if abs(dagen) == 1 else "en")
    return f"nog {aantal}" if dagen > 0 else f"{aantal} geleden"


@register.filter
def dagen_tot(datum: date | None) -> int | None:
    return None if datum is None else (datum - vandaag()).days


@register.filter
def leeftijd(geboortedatum: date | None) -> str:
    if geboortedatum is None:
        return ""
    verschil = relativedelta(vandaag(), geboortedatum)
    if verschil.years >= 1:
        return f"{verschil.years} jaar"
    maanden = max(verschil.months, 0)
    return f"{maanden} maand" + ("" if maanden == 1 else "en")


@register.filter
def bsn_einde(bsn: str) -> str:
    """The last three digits: enough to check you have the right person."""
    return (bsn or "")[-3:]


@register.filter
def bij(woordenboek: dict, sleutel):
    return (woordenboek or {}).get(sleutel)


@register.filter
def ernst_klasse(ernst) -> str:
    return {"urgent": "urgent", "let_op": "let-op"}.get(str(ernst), "info")


@register.filter
def datum_lang(dag: date | None) -> str:
    """'7 december 2026', as |date:"j F Y"."""
    return "" if dag is None else _datum_tekst(dag)


@register.filter
def datum_kort(dag: date | None) -> str:
    """'07-12-2026', as |date:"d-m-Y"."""
    return "" if dag is None else f"{dag.day:02d}-{dag.month:02d}-{dag.year}"

"""The page filters that replace Django's `date` filter on the lists give exactly its output."""

from datetime import date, timedelta

from django.template import Context, Template
from django.utils import translation

from regie.werkvoorraad.templatetags.regie_tekst import datum_kort, datum_lang


def test_datumfilters_geven_wat_het_date_filter_geeft():
    sjabloon = Template('{{ d|date:"j F Y" }}|{{ d|date:"d-m-Y" }}|{{ d|date:"Y-m-d" }}')
    dagen = [date(1950, 1, 1) + timedelta(days=n * 37) for n in range(900)] + [date(2026, 12, 7), None]
    with translation.override("nl"):
        for dag in dagen:
            iso = dag.isoformat() if dag else ""
            assert sjabloon.render(Context({"d": dag})) == f"{datum_lang(dag)}|{datum_kort(dag)}|{iso}"

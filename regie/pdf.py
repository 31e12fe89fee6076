"""PDF documents made with WeasyPrint from a Django template (PIP decision, intake report).

WeasyPrint fetches nothing from outside: the stylesheet is read from the static files and
every URL in a document is refused, so text typed into a case can never make the server
fetch a resource.
"""

from functools import cache
from pathlib import Path

import weasyprint
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

STIJLBLAD = "css/pdf.css"


@cache
def _stijlblad() -> weasyprint.CSS:
    return weasyprint.CSS(string=Path(finders.find(STIJLBLAD)).read_text(encoding="utf-8"))


def pdf_uit_template(template_name: str, context: dict, *, css_template: str = "") -> bytes:
    """`css_template`: an extra stylesheet rendered with the same context (a municipality's house
    style), passed to WeasyPrint beside the common one: no <style> element in a template."""
    html = render_to_string(template_name, context)
    document = weasyprint.HTML(string=html, url_fetcher=weasyprint.URLFetcher(allowed_protocols=()))
    stijlbladen = [_stijlblad()]
    if css_template:
        stijlbladen.append(weasyprint.CSS(string=render_to_string(css_template, context)))
    return document.write_pdf(stylesheets=stijlbladen)


def pdf_antwoord(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    """A PDF as a download. It holds personal data: BeveiligingsHeadersMiddleware keeps it out of
    every cache (Cache-Control: no-store)."""
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=bestandsnaam)
    return response

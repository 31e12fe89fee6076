"""The hand-over package as a letter in plain Dutch, for the person and the new municipality."""

from django.utils.text import slugify

from regie.overdracht.models import Overdracht
from regie.overdracht.weergave import leesbaar
from regie.pdf import pdf_uit_template

TEMPLATE = "overdracht/pakket_pdf.html"


def pakket_pdf(overdracht: Overdracht) -> bytes:
    return pdf_uit_template(TEMPLATE, {"overdracht": overdracht, "pakket": leesbaar(overdracht.pakket)})


def bestandsnaam(overdracht: Overdracht, extensie: str) -> str:
    """Never the BSN in a file name."""
    persoon = overdracht.pakket["persoon"]
    naam = slugify(f"{persoon['voornamen']} {persoon['geslachtsnaam']}")
    return f"overdracht-{naam}-{overdracht.gemaakt_op:%Y%m%d}.{extensie}"

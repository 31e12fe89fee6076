"""The PIP as a beschikking (Wi 15, Bi 5.3): a letter in plain Dutch to the newcomer, as PDF."""

from django.template.loader import render_to_string
from django.utils.text import slugify

from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import termijnen_voor
from regie.pdf import pdf_uit_template
from regie.pip.models import Pip
from regie.wet.bezwaar import BEZWAARTERMIJN_WEKEN, bezwaartermijn_einde
from regie.wet.termijnen import Soort

TEMPLATE = "pip/beschikking.html"


def beschikking_context(inburgeraar: Inburgeraar, pip: Pip) -> dict:
    vorige = inburgeraar.pips.filter(versie__lt=pip.versie).order_by("-versie").first()
    return {
        "inburgeraar": inburgeraar,
        "pip": pip,
        "vorige": vorige,
        # The letter names the deadlines that follow from the PIP; the deadline for deciding
        # the PIP itself is the municipality's, not the newcomer's.
        "termijnen": [t for t in termijnen_voor(inburgeraar) if t.soort != Soort.PIP_VASTSTELLEN],
        "bezwaar_weken": BEZWAARTERMIJN_WEKEN,
        "bezwaar_tot": bezwaartermijn_einde(pip.dagtekening),
    }


def beschikking_html(inburgeraar: Inburgeraar, pip: Pip) -> str:
    return render_to_string(TEMPLATE, beschikking_context(inburgeraar, pip))


def beschikking_pdf(inburgeraar: Inburgeraar, pip: Pip) -> bytes:
    return pdf_uit_template(TEMPLATE, beschikking_context(inburgeraar, pip))


def bestandsnaam(inburgeraar: Inburgeraar, pip: Pip) -> str:
    """Name of the download: never the BSN."""
    return f"pip-besluit-{slugify(inburgeraar.naam)}-versie-{pip.versie}.pdf"

"""The fine as a beschikking: a letter in plain Dutch with the legal basis, the amount and how it
was computed, how to pay and the bezwaar clause (Awb 6:7), as PDF."""

from django.template.loader import render_to_string
from django.utils.text import slugify

from regie.handhaving.boete_services import beleid_van
from regie.handhaving.models import Boete
from regie.pdf import pdf_uit_template
from regie.wet import boetes as wet
from regie.wet.bezwaar import BEZWAARTERMIJN_WEKEN, bezwaartermijn_einde

TEMPLATE = "handhaving/beschikking.html"


def beschikking_context(boete: Boete) -> dict:
    grond = wet.Grond(boete.grond)
    return {
        "boete": boete,
        "inburgeraar": boete.inburgeraar,
        "grond_naam": wet.GROND_NAMEN[grond],
        "artikel": "22" if grond == wet.Grond.BREDE_INTAKE_PIP else "23",
        "bezwaar_tot": bezwaartermijn_einde(boete.dagtekening),
        "bezwaar_weken": BEZWAARTERMIJN_WEKEN,
        "betaal_weken": wet.BOETEREGELS["betaaltermijn_weken"].waarde,
        "beleid": beleid_van(boete.inburgeraar),
    }


def beschikking_html(boete: Boete) -> str:
    return render_to_string(TEMPLATE, beschikking_context(boete))


def beschikking_pdf(boete: Boete) -> bytes:
    return pdf_uit_template(TEMPLATE, beschikking_context(boete))


def bestandsnaam(boete: Boete) -> str:
    """Name of the download: never the BSN."""
    return f"boetebesluit-{slugify(boete.inburgeraar.naam)}-{boete.dagtekening:%Y-%m-%d}.pdf"

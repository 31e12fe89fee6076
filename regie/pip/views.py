"""Pages of the PIP (Wi 15, Bi 5.3): the current plan, every version, deciding a new version
and the decision letter as PDF. The rules live in regie.wet.leerroute; `pip_vaststellen`
applies them and the form shows each message next to its field."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import inburgeraar_voor, termijnen_voor
from regie.intake.selectors import brede_intake_van
from regie.pdf import pdf_antwoord
from regie.pip import pdf as pip_pdf
from regie.pip.forms import PipForm
from regie.pip.selectors import pip_versie, pip_versies
from regie.pip.services import huidig_pip, pip_vaststellen
from regie.verwerkingslog.log import logt_document, logt_lezen
from regie.wet.leerroute import AFSCHALEN_MIN_UREN_NT2


def _termijnen(inburgeraar) -> dict:
    return {termijn.soort.value: termijn for termijn in termijnen_voor(inburgeraar)}


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("pip")
def pip(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    versies = list(pip_versies(inburgeraar))
    return render(
        request,
        "pip/pip.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "pip",
            "huidige": versies[0] if versies else None,
            "versies": versies,
            "termijnen": _termijnen(inburgeraar),
            "mag_wijzigen": mag(request.user, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar),
        },
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("pip")
def versie(request, uuid, versie):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    gekozen = pip_versie(inburgeraar, versie)
    huidige = huidig_pip(inburgeraar)
    return render(
        request,
        "pip/versie.html",
        {"inburgeraar": inburgeraar, "tab": "pip", "pip": gekozen, "huidige": huidige},
    )


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("pip")
def vaststellen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    huidige = huidig_pip(inburgeraar)
    if request.method == "POST":
        form = PipForm(request.POST, huidige=huidige)
        if form.is_valid():
            try:
                nieuw = pip_vaststellen(
                    inburgeraar=inburgeraar, door=request.user, **form.service_argumenten()
                )
            except ValidationError as fout:
                form.fouten_van_service(fout)
            except GelijktijdigGewijzigd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(
                    request,
                    f"PIP versie {nieuw.versie} is vastgesteld. U kunt het besluit nu downloaden en versturen.",
                )
                return redirect("pip:pip", uuid=inburgeraar.uuid)
    else:
        intake = brede_intake_van(inburgeraar)
        form = PipForm(
            initial=PipForm.beginwaarden(inburgeraar, huidige, vve=intake.vve if intake else ""),
            huidige=huidige,
        )
    return render(
        request,
        "pip/vaststellen.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "pip",
            "form": form,
            "huidige": huidige,
            "termijnen": _termijnen(inburgeraar),
            "afschalen_min_uren": AFSCHALEN_MIN_UREN_NT2,
        },
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_document("PIP-beschikking", onderdeel="pip")
def pdf(request, uuid, versie):
    """The decision as PDF; only reachable for cases of the user's own organisation."""
    inburgeraar = inburgeraar_voor(request.user, uuid)
    gekozen = pip_versie(inburgeraar, versie)
    return pdf_antwoord(
        pip_pdf.beschikking_pdf(inburgeraar, gekozen), pip_pdf.bestandsnaam(inburgeraar, gekozen)
    )

"""The case tab "Voortgang": progress talks, the Wi 6 check (what is done, what is missing),
attendance, and the steps from there: plan a talk, record its outcome, adapt the PIP, start a
warning. Views are thin: the case comes from `inburgeraar_voor`, changes go through services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.handhaving.forms import VerzondenForm
from regie.handhaving.selectors import waarschuwingen_van
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.klok import vandaag
from regie.pip.services import huidig_pip
from regie.verwerkingslog.log import logt_lezen
from regie.voortgangsgesprekken import selectors, services
from regie.voortgangsgesprekken.forms import PlannenForm, VastleggenForm
from regie.voortgangsgesprekken.models import Aanleiding, Uitkomst, Voortgangsgesprek
from regie.werkvoorraad.signalen import SIGNAAL_AANLEIDINGEN

WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN


def _plannen_form(request, inburgeraar) -> PlannenForm:
    """The empty plan form; from a signal's link (?signaal=<code>) the aanleiding is filled in."""
    initial = {"versie": inburgeraar.versie, "gepland_op": vandaag()}
    tekst = SIGNAAL_AANLEIDINGEN.get(request.GET.get("signaal", ""))
    if tekst:
        initial |= {"aanleiding": Aanleiding.SIGNAAL, "aanleiding_toelichting": tekst}
    return PlannenForm(initial=initial)


def _pagina(request, inburgeraar, *, plannen_form=None, status=200):
    pip = huidig_pip(inburgeraar)
    return render(
        request,
        "voortgangsgesprekken/voortgang.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "voortgang",
            "pip": pip,
            "gesprekken": list(selectors.gesprekken_van(inburgeraar)),
            "plicht": selectors.plichtcheck_voor(inburgeraar),
            "aanwezigheid": selectors.aanwezigheid_voor(inburgeraar, vandaag=vandaag()),
            "waarschuwingen": [
                (w, VerzondenForm(prefix=f"waarschuwing-{w.pk}", initial={"verzonden_op": vandaag()}))
                for w in waarschuwingen_van(inburgeraar)
            ],
            "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
            "plannen_form": plannen_form or _plannen_form(request, inburgeraar),
            "signaal": request.GET.get("signaal", ""),
        },
        status=status,
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("voortgang")
def voortgang(request, uuid):
    return _pagina(request, inburgeraar_voor(request.user, uuid))


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("voortgang")
def plannen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = PlannenForm(request.POST)
    if form.is_valid():
        try:
            gesprek = services.plannen(
                inburgeraar=inburgeraar,
                door=request.user,
                gepland_op=form.cleaned_data["gepland_op"],
                met_wie=form.cleaned_data["met_wie"],
                aanleiding=form.cleaned_data["aanleiding"],
                aanleiding_toelichting=form.cleaned_data["aanleiding_toelichting"],
                versie=form.cleaned_data["versie"],
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, f"Het voortgangsgesprek is gepland op {gesprek.gepland_op:%d-%m-%Y}.")
            return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)
    return _pagina(request, inburgeraar, plannen_form=form)


@vereist_recht(WIJZIGEN)
@require_POST
def plannen_uit_pip(request, uuid):
    """A button without fields but the case's versie; the answer is a redirect to the tab (it
    shows no personal data itself, so it writes no read entry)."""
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    versie = request.POST.get("versie", "")
    if not versie.isdigit():
        messages.error(request, "Het formulier mist gegevens. Open de pagina opnieuw.")
        return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)
    try:
        gesprekken = services.plannen_uit_pip(inburgeraar=inburgeraar, door=request.user, versie=int(versie))
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    except GelijktijdigGewijzigd as fout:
        messages.error(request, str(fout))
    else:
        if gesprekken:
            messages.success(request, f"Er zijn {len(gesprekken)} voortgangsgesprekken gepland.")
        else:
            messages.info(request, "Alle voortgangsgesprekken uit het PIP zijn al gepland.")
    return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("voortgang")
def vastleggen(request, uuid, pk):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    gesprek = get_object_or_404(Voortgangsgesprek, pk=pk, inburgeraar=inburgeraar)
    if request.method == "POST":
        form = VastleggenForm(request.POST)
        if form.is_valid():
            try:
                services.vastleggen(gesprek=gesprek, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                form.fouten_van_service(fout)
            except GelijktijdigGewijzigd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, "Het gesprek is vastgelegd.")
                if gesprek.uitkomst == Uitkomst.PIP_AANPASSEN:
                    messages.info(
                        request, "U koos 'PIP aanpassen'. Stel nu een nieuwe versie van het PIP vast."
                    )
                    return redirect("pip:vaststellen", uuid=inburgeraar.uuid)
                if gesprek.uitkomst == Uitkomst.WAARSCHUWING:
                    messages.info(request, "U koos 'Waarschuwing'. Stel nu de schriftelijke waarschuwing op.")
                    return redirect("handhaving:waarschuwing", uuid=inburgeraar.uuid)
                return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)
    else:
        form = VastleggenForm(
            initial={
                "versie": inburgeraar.versie,
                "gevoerd_op": gesprek.gevoerd_op or min(gesprek.gepland_op, vandaag()),
                "met_wie": gesprek.met_wie,
                "uitkomst": gesprek.uitkomst,
                "notities": gesprek.notities,
            }
        )
    return render(
        request,
        "voortgangsgesprekken/vastleggen.html",
        {"inburgeraar": inburgeraar, "tab": "voortgang", "gesprek": gesprek, "form": form},
    )

"""Handhaving pages: for now only the written warning, started from the Voortgang tab."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts.rechten import Recht, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.handhaving import services
from regie.handhaving.forms import VerzondenForm, WaarschuwingForm
from regie.handhaving.models import Aanleiding, Waarschuwing
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.klok import vandaag
from regie.verwerkingslog.log import logt_lezen
from regie.werkvoorraad.signalen import SIGNAAL_AANLEIDINGEN, Code
from regie.wet.boetes import BOETEREGELS, euro

WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN

# A warning started from a signal: which aanleiding fits it.
AANLEIDING_VAN_SIGNAAL = {Code.ONGEOORLOOFD_AFWEZIG: Aanleiding.ONGEOORLOOFD_AFWEZIG}


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("waarschuwing")
def waarschuwing(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    if request.method == "POST":
        form = WaarschuwingForm(request.POST)
        if form.is_valid():
            try:
                services.waarschuwing_opstellen(
                    inburgeraar=inburgeraar, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                form.fouten_van_service(fout)
            except GelijktijdigGewijzigd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(
                    request,
                    "De waarschuwing is opgesteld als concept. Verstuur de brief en zet daarna de waarschuwing op"
                    " 'verzonden'.",
                )
                return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)
    else:
        signaal = request.GET.get("signaal", "")
        form = WaarschuwingForm(
            initial={
                "versie": inburgeraar.versie,
                "datum": vandaag(),
                "aanleiding": AANLEIDING_VAN_SIGNAAL.get(signaal, ""),
                "aanleiding_toelichting": SIGNAAL_AANLEIDINGEN.get(signaal, ""),
            }
        )
    return render(
        request,
        "handhaving/waarschuwing.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "voortgang",
            "form": form,
            "grens_awb_553": euro(BOETEREGELS["awb_553_grens"].waarde),
        },
    )


@vereist_recht(WIJZIGEN)
@require_POST
def verzonden(request, uuid, pk):
    """Record the date the warning letter was sent; answers with a redirect to the Voortgang tab
    (no personal data in the answer itself, so no read entry)."""
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    gekozen = get_object_or_404(Waarschuwing, pk=pk, inburgeraar=inburgeraar)
    form = VerzondenForm(request.POST, prefix=f"waarschuwing-{gekozen.pk}")
    if not form.is_valid():
        for fouten in form.errors.values():
            for tekst in fouten:
                messages.error(request, tekst)
        return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)
    try:
        services.waarschuwing_verzonden(
            waarschuwing=gekozen, door=request.user, verzonden_op=form.cleaned_data["verzonden_op"]
        )
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, "De waarschuwing staat op 'verzonden'.")
    return redirect("voortgangsgesprekken:voortgang", uuid=inburgeraar.uuid)

"""The case tab "Participatie": what the newcomer does besides the course, the situation at the
measuring moments and everything else Regie knows about outcomes. Views are thin: the case comes
from `inburgeraar_voor`, changes go through the services, the rules are theirs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.klok import vandaag
from regie.participatie import selectors, services
from regie.participatie.forms import ActiviteitForm, SituatieForm
from regie.verwerkingslog.log import logt_lezen
from regie.wet.meetmomenten import Meetmoment

WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("participatie")
def participatie(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return render(
        request,
        "participatie/participatie.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "participatie",
            "uitkomsten": selectors.uitkomsten_voor(inburgeraar, vandaag=vandaag()),
            "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
        },
    )


def _opslaan(request, form, opslaan) -> bool:
    """Call the service when the form is valid; its refusals go next to the fields."""
    if not form.is_valid():
        return False
    try:
        opslaan()
    except ValidationError as fout:
        form.fouten_van_service(fout)
    except GelijktijdigGewijzigd as fout:
        form.add_error(None, str(fout))
    else:
        return True
    return False


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("participatie")
def activiteit_toevoegen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    if request.method == "POST":
        form = ActiviteitForm(request.POST, organisatie=inburgeraar.organisatie)
        if _opslaan(
            request,
            form,
            lambda: services.activiteit_toevoegen(
                inburgeraar=inburgeraar,
                door=request.user,
                versie=form.cleaned_data["versie"],
                **form.gegevens(),
            ),
        ):
            messages.success(request, "De activiteit is toegevoegd.")
            return redirect("participatie:participatie", uuid=inburgeraar.uuid)
    else:
        form = ActiviteitForm(
            initial={"versie": inburgeraar.versie, "startdatum": vandaag()},
            organisatie=inburgeraar.organisatie,
        )
    return render(
        request,
        "participatie/activiteit.html",
        {"inburgeraar": inburgeraar, "tab": "participatie", "form": form, "activiteit": None},
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("participatie")
def activiteit_wijzigen(request, uuid, pk):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    activiteit = selectors.activiteit_van(inburgeraar, pk=pk)
    if activiteit is None:
        raise Http404("Deze activiteit bestaat niet.")
    if request.method == "POST":
        form = ActiviteitForm(request.POST, organisatie=inburgeraar.organisatie)
        if _opslaan(
            request,
            form,
            lambda: services.activiteit_wijzigen(
                activiteit=activiteit,
                door=request.user,
                versie=form.cleaned_data["versie"],
                **form.gegevens(),
            ),
        ):
            messages.success(request, "De activiteit is bijgewerkt.")
            return redirect("participatie:participatie", uuid=inburgeraar.uuid)
    else:
        form = ActiviteitForm(
            initial={"versie": inburgeraar.versie}
            | {veld: getattr(activiteit, veld) for veld in services.ACTIVITEIT_VELDEN},
            organisatie=inburgeraar.organisatie,
        )
    return render(
        request,
        "participatie/activiteit.html",
        {"inburgeraar": inburgeraar, "tab": "participatie", "form": form, "activiteit": activiteit},
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("participatie")
def situatie(request, uuid, moment):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    if moment not in {m.value for m in Meetmoment}:
        raise Http404("Dit meetmoment bestaat niet.")
    stand = next(s for s in selectors.meetmomenten_van(inburgeraar, vandaag=vandaag()) if s.moment == moment)
    if request.method == "POST":
        form = SituatieForm(request.POST)
        if _opslaan(
            request,
            form,
            lambda: services.situatie_vastleggen(
                inburgeraar=inburgeraar,
                door=request.user,
                moment=moment,
                versie=form.cleaned_data["versie"],
                **form.gegevens(),
            ),
        ):
            messages.success(request, f"De situatie '{stand.label.lower()}' is vastgelegd.")
            return redirect("participatie:participatie", uuid=inburgeraar.uuid)
    else:
        huidig = stand.situatie
        initial = {"versie": inburgeraar.versie, "gemeten_op": vandaag()}
        if huidig is not None:
            initial |= {
                "gemeten_op": huidig.gemeten_op,
                "werk": huidig.werk,
                "opleiding": "ja" if huidig.opleiding else "nee",
                "uitkering": huidig.uitkering,
                "zelfredzaamheid": huidig.zelfredzaamheid,
                "toelichting": huidig.toelichting,
            }
        form = SituatieForm(initial=initial)
    return render(
        request,
        "participatie/situatie.html",
        {"inburgeraar": inburgeraar, "tab": "participatie", "form": form, "stand": stand},
    )

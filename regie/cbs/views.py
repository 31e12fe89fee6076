"""The CBS page: choose a berichtgever and quarter, see the validation report, make the file, and
the history of deliveries with each file to download."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from regie.accounts.rechten import Recht, vereist_recht
from regie.cbs import selectors, services
from regie.cbs.controle import controleren
from regie.cbs.definitie import DEFINITIE
from regie.cbs.forms import KeuzeForm
from regie.cbs.kwartaal import laatste_afgesloten
from regie.klok import vandaag
from regie.verwerkingslog.log import betreft, logt_lezen

ONDERDEEL = "cbs"
HERSTEL = {
    "dossier": "inburgeraars:dossier",
    "intake": "intake:intake",
    "pip": "pip:pip",
    "traject": "trajecten:traject",
}
# The report lists persons with missing items; beyond this many the first ones are shown.
MAX_MELDINGEN = 500
PER_PAGINA = 25


def _formulier(request, data=None):
    berichtgevers = selectors.berichtgevers_voor(request.user)
    initial = {
        "berichtgever": berichtgevers[0].sleutel if berichtgevers else "",
        "kwartaal": str(laatste_afgesloten(vandaag())),
    }
    return KeuzeForm(data, berichtgevers=berichtgevers, initial=initial)


def _geschiedenis(request):
    return Paginator(selectors.leveringen_voor(request.user), PER_PAGINA).get_page(request.GET.get("pagina"))


@vereist_recht(Recht.CBS_LEVEREN)
@require_GET
def overzicht(request):
    return render(
        request,
        "cbs/overzicht.html",
        {"form": _formulier(request), "pagina": _geschiedenis(request), "definitie": DEFINITIE},
    )


def _keuze(request, data):
    """The chosen berichtgever and quarter, or the form with its Dutch messages. A municipality the
    user does not work for is a 404 (as if it did not exist)."""
    form = _formulier(request, data)
    sleutel = data.get("berichtgever", "")
    if sleutel and sleutel not in dict(form.fields["berichtgever"].choices):
        selectors.berichtgever_voor(request.user, sleutel)  # raises the 404
    if not form.is_valid():
        return form, None, None
    return (
        form,
        selectors.berichtgever_voor(request.user, form.cleaned_data["berichtgever"]),
        form.cleaned_data["kwartaal"],
    )


def _met_fout(request, form, status=400):
    return render(
        request,
        "cbs/overzicht.html",
        {"form": form, "pagina": _geschiedenis(request), "definitie": DEFINITIE},
        status=status,
    )


def _controle_pagina(request, form, berichtgever, kwartaal, *, fout: str = "", status: int = 200):
    controle = controleren(berichtgever, kwartaal)
    getoond = controle.meldingen[:MAX_MELDINGEN]
    betreft(request, [(m.persoon.id, m.persoon.uuid) for m in getoond])
    regels = [
        {
            "persoon": m.persoon,
            "items": [
                {
                    "naam": item.naam,
                    "wanneer": item.wanneer,
                    "url": reverse(HERSTEL[item.herstel], args=[m.persoon.uuid]),
                }
                for item in m.items
            ],
            "dossier": reverse("inburgeraars:dossier", args=[m.persoon.uuid]),
        }
        for m in getoond
    ]
    eerdere = (
        selectors.eerdere_leveringen(berichtgever, kwartaal)
        .select_related("gemaakt_door")
        .order_by("-gemaakt_op")
    )
    return render(
        request,
        "cbs/controle.html",
        {
            "form": form,
            "berichtgever": berichtgever,
            "kwartaal": kwartaal,
            "controle": controle,
            "regels": regels,
            "meer": len(controle.meldingen) - len(getoond),
            "eerdere": list(eerdere),
            "definitie": DEFINITIE,
            "fout": fout,
        },
        status=status,
    )


@vereist_recht(Recht.CBS_LEVEREN)
@require_GET
@logt_lezen(ONDERDEEL)
def controle(request):
    """The validation report for the chosen berichtgever and quarter, and the button to deliver."""
    form, berichtgever, kwartaal = _keuze(request, request.GET)
    if berichtgever is None:
        return _met_fout(request, form)
    return _controle_pagina(request, form, berichtgever, kwartaal)


@vereist_recht(Recht.CBS_LEVEREN)
@require_POST
@logt_lezen(ONDERDEEL)
def leveren(request):
    form, berichtgever, kwartaal = _keuze(request, request.POST)
    if berichtgever is None:
        return _met_fout(request, form)
    try:
        levering = services.levering_maken(
            door=request.user,
            berichtgever=berichtgever,
            kwartaal=kwartaal,
            onvolledig_weglaten=request.POST.get("onvolledig_weglaten") == "ja",
        )
    except ValidationError as exc:
        return _controle_pagina(
            request, form, berichtgever, kwartaal, fout=" ".join(exc.messages), status=400
        )
    soort = "De correctie" if levering.correctie else "Het bestand"
    messages.success(
        request,
        f"{soort} voor {levering.berichtgever} over het {kwartaal.label} is gemaakt: {levering.aantal_records}"
        f" personen. Download het hieronder en lever het uiterlijk {kwartaal.uiterste_leverdatum:%d-%m-%Y} in het"
        " dataportaal van het CBS.",
    )
    return redirect(f"{reverse('cbs:overzicht')}#levering-{levering.uuid}")


@vereist_recht(Recht.CBS_LEVEREN)
@require_GET
def download(request, uuid):
    levering = selectors.levering_voor(request.user, uuid)
    services.levering_gedownload(door=request.user, levering=levering)
    antwoord = HttpResponse(bytes(levering.bestand), content_type="application/xml; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{levering.bestandsnaam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord

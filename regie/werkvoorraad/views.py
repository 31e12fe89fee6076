"""The consultant's worklist and the team lead's overview of the whole organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from regie.accounts.rechten import (
    BESCHRIJVINGEN,
    NAMEN,
    Recht,
    heeft_recht,
    mag_beheren,
    rechten_van,
    vereist_recht,
)
from regie.fouten import GelijktijdigGewijzigd
from regie.htmx import is_htmx, vary_htmx
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.inburgeraars.services import consulent_toewijzen
from regie.klok import vandaag
from regie.verwerkingslog.log import betreft, logt_lezen
from regie.werkvoorraad import selectors
from regie.werkvoorraad.forms import FilterForm, TeamFilterForm, ToewijzenForm
from regie.werkvoorraad.signalen import Code

FILTERVELDEN = ("signaal", "status", "consulent", "gemeente", "kern", "sorteer", "pagina")


def _lijst(request, form, filterdata: QueryDict, *, team: bool) -> dict:
    """The page of the list that `filterdata` asks for, with what the templates need."""
    waarden = form.waarden()
    lijst = selectors.werkvoorraad(
        request.user,
        team=team,
        vandaag=vandaag(),
        filters=waarden,
        sorteer=waarden.get("sorteer", ""),
        pagina=filterdata.get("pagina") or 1,
    )
    zonder_pagina = filterdata.copy()
    zonder_pagina.pop("pagina", None)
    zonder_signaal = zonder_pagina.copy()
    zonder_signaal.pop("signaal", None)
    return {
        "form": form,
        "lijst": lijst,
        "rijen": lijst.rijen,
        "pagina": lijst.pagina,
        "totaal": lijst.totaal,
        "aantal": lijst.aantal,
        "gefilterd": form.gefilterd(),
        "zoekadres": zonder_pagina.urlencode(),
        "zoekadres_zonder_signaal": zonder_signaal.urlencode(),
        "paginanummers": list(
            lijst.pagina.paginator.get_elided_page_range(lijst.pagina.number, on_each_side=2)
        ),
        "ellips": Paginator.ELLIPSIS,
        "signaaltellingen": [(code, code.label, lijst.per_signaal[str(code)]) for code in Code],
    }


@login_required
@require_GET
@logt_lezen("werkvoorraad")
def mijn(request):
    if not heeft_recht(request.user, Recht.DOSSIERS_LEZEN_EIGEN):
        return _zonder_werkvoorraad(request)
    form = FilterForm(request.GET or None, user=request.user)
    context = _lijst(request, form, request.GET, team=False)
    betreft(request, [rij.inburgeraar for rij in context["rijen"]])
    if is_htmx(request):
        return vary_htmx(render(request, "werkvoorraad/_mijn_resultaat.html", context))
    return vary_htmx(render(request, "werkvoorraad/mijn.html", context))


def _zonder_werkvoorraad(request):
    """The start page of a role that works without cases: what this role may do in Regie."""
    rechten = [(NAMEN[r], BESCHRIJVINGEN[r]) for r in Recht if r in rechten_van(request.user)]
    return render(
        request,
        "werkvoorraad/zonder_werkvoorraad.html",
        {"rechten": rechten, "mag_beheren": mag_beheren(request.user)},
    )


def _team_context(request, filterdata: QueryDict, *, fouten: dict | None = None) -> dict:
    collega = list(selectors.medewerkers(request.user))
    form = TeamFilterForm(filterdata or None, user=request.user, collega=collega)
    context = _lijst(request, form, filterdata, team=True)
    per_medewerker, zonder = selectors.caseload(request.user, vandaag=vandaag(), collega=collega)
    return {
        **context,
        "caseload": per_medewerker,
        "zonder_consulent": zonder,
        "medewerkers": collega,
        "fouten": fouten or {},
        "terug": filterdata.urlencode(),
    }


@vereist_recht(Recht.TEAMCIJFERS)
@require_GET
@logt_lezen("team")
def team(request):
    context = _team_context(request, request.GET)
    betreft(request, [rij.inburgeraar for rij in context["rijen"]])
    if is_htmx(request):
        return vary_htmx(render(request, "werkvoorraad/_team_resultaat.html", context))
    return vary_htmx(render(request, "werkvoorraad/team.html", context))


def _terug_naar_team(terug: str) -> str:
    """The team page with the filter the user had; only the known filter fields pass."""
    oud = QueryDict(terug)
    query = QueryDict(mutable=True)
    for naam in FILTERVELDEN:
        if oud.get(naam):
            query[naam] = oud[naam]
    adres = reverse("werkvoorraad:team")
    return f"{adres}?{query.urlencode()}" if query else adres


@vereist_recht(Recht.CONSULENT_TOEWIJZEN)
@require_POST
@logt_lezen("team")
def toewijzen(request, uuid):
    """Give a case another vaste consulent. With htmx only the row (and the caseload) change."""
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.CONSULENT_TOEWIJZEN)
    form = ToewijzenForm(request.POST, user=request.user)
    melding = ""
    if form.is_valid():
        try:
            consulent_toewijzen(
                inburgeraar=inburgeraar,
                door=request.user,
                consulent=form.cleaned_data["consulent"],
                reden=form.cleaned_data["reden"].strip(),
            )
        except ValidationError as exc:
            for fouten in exc.message_dict.values():
                for fout in fouten:
                    form.add_error(None, fout)
        except GelijktijdigGewijzigd as exc:
            form.add_error(None, str(exc))
        else:
            melding = (
                f"Het dossier van {inburgeraar.naam} is toegewezen aan {form.cleaned_data['consulent']}."
            )

    if is_htmx(request):
        collega = list(selectors.medewerkers(request.user))
        per_medewerker, zonder = selectors.caseload(request.user, vandaag=vandaag(), collega=collega)
        rij = selectors.team_rij(request.user, uuid, vandaag())
        context = {
            "rij": rij,
            "medewerkers": collega,
            "fouten": {rij.inburgeraar.uuid: form.meldingen()} if form.errors else {},
            "melding": melding,
            "caseload": per_medewerker,
            "zonder_consulent": zonder,
            "terug": request.POST.get("terug", ""),
        }
        return render(request, "werkvoorraad/_team_toegewezen.html", context)

    if form.errors:
        filterdata = QueryDict(request.POST.get("terug", ""))
        context = _team_context(request, filterdata, fouten={inburgeraar.uuid: form.meldingen()})
        betreft(request, [rij.inburgeraar for rij in context["rijen"]])
        return render(request, "werkvoorraad/team.html", context)
    messages.success(request, melding)
    return redirect(_terug_naar_team(request.POST.get("terug", "")))

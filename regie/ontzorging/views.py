"""Betaalruns ontzorging (financieel medewerker): per municipality what a month's run would pay,
the runs with their totals, preparing, approving by a colleague (four eyes), the pain.001 file,
paid, and a returned payment.

A municipality the user does not work for answers 404. A run shows of each payment the payee,
IBAN, amount, reference and the case number of the household, never a name or BSN; the pages
name the households they show to the processing log, the file's download too."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, vereist_recht
from regie.klok import vandaag
from regie.ontzorging import betaalruns, selectors
from regie.ontzorging.forms import BetaalrekeningForm, RunForm, TeruggekomenForm
from regie.ontzorging.models import Betaling, Runstatus
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.log import betreft, logt_lezen
from regie.verwerkingslog.models import Kanaal
from regie.wet.perioden import plus_maanden

RECHT = Recht.ONTZORGING_BETALEN
ONDERDEEL = betaalruns.ONDERDEEL
PER_PAGINA = 25


@vereist_recht(RECHT)
@require_GET
def start(request):
    return render(
        request, "ontzorging/start.html", {"gemeenten": selectors.gemeenten_voor_betalen(request.user)}
    )


@vereist_recht(RECHT)
@require_http_methods(["GET", "POST"])
def runs(request, cbs_code):
    """The runs of a municipality (newest first), what this and next month's run would pay, and
    the form to prepare one."""
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    deze_maand = vandaag().replace(day=1)
    form = RunForm(request.POST or None, initial={"maand": deze_maand})
    if request.method == "POST" and form.is_valid():
        try:
            run = betaalruns.run_voorbereiden(
                gemeente=gemeente, door=request.user, maand=form.cleaned_data["maand"]
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            messages.success(
                request,
                "De betaalrun is voorbereid. Vraag een collega om de betalingen te controleren en goed te keuren.",
            )
            return redirect("ontzorging:run", cbs_code=gemeente.cbs_code, run=run.uuid)
    return render(
        request,
        "ontzorging/runs.html",
        {
            "gemeente": gemeente,
            "form": form,
            "rekening": selectors.betaalrekening_van(gemeente),
            "vooruit": [
                (maand, selectors.vooruitblik(gemeente, maand))
                for maand in (deze_maand, plus_maanden(deze_maand, 1))
            ],
            "pagina": Paginator(selectors.runs_van(gemeente), PER_PAGINA).get_page(request.GET.get("pagina")),
        },
    )


@vereist_recht(RECHT)
@require_http_methods(["GET", "POST"])
def rekening(request, cbs_code):
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    huidig = selectors.betaalrekening_van(gemeente)
    begin = (
        {"naam": huidig.naam, "iban": huidig.iban, "bic": huidig.bic}
        if huidig
        else {"naam": f"Gemeente {gemeente.naam}"}
    )
    form = BetaalrekeningForm(request.POST or None, initial=begin)
    if request.method == "POST" and form.is_valid():
        try:
            betaalruns.betaalrekening_vastleggen(gemeente=gemeente, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            messages.success(request, "De betaalrekening is opgeslagen.")
            return redirect("ontzorging:runs", cbs_code=gemeente.cbs_code)
    return render(request, "ontzorging/rekening.html", {"gemeente": gemeente, "form": form})


def _run_pagina(request, gemeente, run, *, status=200, fout=""):
    pagina = Paginator(selectors.betalingen_van(run), PER_PAGINA).get_page(request.GET.get("pagina"))
    betreft(request, [(b.inburgeraar_id, b.inburgeraar.uuid, b.inburgeraar.gemeente_id) for b in pagina])
    return render(
        request,
        "ontzorging/run.html",
        {
            "gemeente": gemeente,
            "run": run,
            "pagina": pagina,
            "totalen": selectors.totalen_van(run),
            "zelf_voorbereid": run.voorbereid_door_id == request.user.pk,
            "fout": fout,
        },
        status=status,
    )


@vereist_recht(RECHT)
@require_GET
@logt_lezen(ONDERDEEL)
def run(request, cbs_code, run):
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    return _run_pagina(request, gemeente, selectors.run_van(gemeente, run))


def _run_actie(request, cbs_code, run, *, bevestiging: str, service, gelukt: str, naar_lijst: bool = False):
    """A confirmed action on a run (approve, remove, paid): without the confirmation box or when the
    service refuses, the run page again with the reason (400); otherwise the message and on."""
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    gekozen = selectors.run_van(gemeente, run)
    if request.POST.get("bevestig") != "ja":
        return _run_pagina(request, gemeente, gekozen, status=400, fout=bevestiging)
    try:
        service(run=gekozen, door=request.user)
    except ValidationError as fout:
        return _run_pagina(request, gemeente, gekozen, status=400, fout=" ".join(fout.messages))
    messages.success(request, gelukt)
    if naar_lijst:
        return redirect("ontzorging:runs", cbs_code=gemeente.cbs_code)
    return redirect("ontzorging:run", cbs_code=gemeente.cbs_code, run=gekozen.uuid)


@vereist_recht(RECHT)
@require_POST
@logt_lezen(ONDERDEEL)
def goedkeuren(request, cbs_code, run):
    return _run_actie(
        request,
        cbs_code,
        run,
        bevestiging="Vink aan dat u de betalingen heeft gecontroleerd.",
        service=betaalruns.run_goedkeuren,
        gelukt="De betaalrun is goedgekeurd. Download het betaalbestand en lever het aan bij de bank.",
    )


@vereist_recht(RECHT)
@require_POST
@logt_lezen(ONDERDEEL)
def verwijderen(request, cbs_code, run):
    return _run_actie(
        request,
        cbs_code,
        run,
        bevestiging="Bevestig dat u de run wilt verwijderen.",
        service=betaalruns.run_verwijderen,
        gelukt="De voorbereide run is verwijderd. De betalingen komen in een nieuwe run.",
        naar_lijst=True,
    )


@vereist_recht(RECHT)
@require_POST
@logt_lezen(ONDERDEEL)
def betaald(request, cbs_code, run):
    return _run_actie(
        request,
        cbs_code,
        run,
        bevestiging="Bevestig dat de bank de betalingen heeft gedaan.",
        service=betaalruns.run_betaald,
        gelukt="De run staat op betaald.",
    )


@vereist_recht(RECHT)
@require_GET
def bestand(request, cbs_code, run):
    """The pain.001 file of an approved run, for the bank; its download is logged as an export
    for the households it pays."""
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    gekozen = selectors.run_van(gemeente, run)
    if gekozen.status == Runstatus.VOORBEREID:
        raise Http404("Deze run is nog niet goedgekeurd: er is nog geen betaalbestand.")
    inhoud = bytes(gekozen.bestand)  # deferred by run_van: read only here
    verwerkingslog.document_gemaakt(
        request=request,
        inburgeraar=betaalruns.huishoudens(gekozen),
        soort="Betaalbestand ontzorging (pain.001)",
        onderdeel=ONDERDEEL,
        kanaal=Kanaal.EXPORT,
    )
    antwoord = HttpResponse(inhoud, content_type="application/xml")
    antwoord["Content-Disposition"] = content_disposition_header(
        as_attachment=True,
        filename=f"ontzorging-{gemeente.cbs_code}-{gekozen.maand:%Y-%m}-{gekozen.bericht_id}.xml",
    )
    return antwoord


@vereist_recht(RECHT)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def teruggekomen(request, cbs_code, run, betaling):
    gemeente = selectors.gemeente_voor(request.user, cbs_code)
    gekozen = selectors.run_van(gemeente, run)
    try:
        b = (
            gekozen.betalingen.select_related("inburgeraar", "run__gemeente")
            .defer("run__bestand")
            .get(pk=betaling)
        )
    except Betaling.DoesNotExist as exc:
        raise Http404("Deze betaling bestaat niet.") from exc
    betreft(request, b.inburgeraar)
    form = TeruggekomenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            betaalruns.betaling_teruggekomen(betaling=b, door=request.user, reden=form.cleaned_data["reden"])
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            messages.success(
                request, "De betaling staat op teruggekomen. Die gaat mee in de volgende betaalrun."
            )
            return redirect("ontzorging:run", cbs_code=gemeente.cbs_code, run=gekozen.uuid)
    return render(
        request,
        "ontzorging/teruggekomen.html",
        {"gemeente": gemeente, "run": gekozen, "betaling": b, "form": form},
    )

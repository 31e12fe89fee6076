"""Geldzaken (financieel medewerker): per municipality and year the budget against commitments,
spend and forecast, the SiSa summary, the exports, and the providers' invoices.

A municipality the user does not work for answers 404 (`gemeente_voor`). The invoice pages show
of a referral only its provider, component and reference (the referral's uuid), never a name,
BSN or case content; they name the persons behind the invoices shown to the processing log.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, vereist_recht
from regie.financien import export, selectors, services
from regie.financien.bedragen import euro
from regie.financien.forms import BudgetForm, FactuurForm
from regie.financien.prognose import LOOPTIJD, UREN_PER_TOLKVERWIJZING
from regie.financien.selectors import gemeente_voor
from regie.klok import vandaag
from regie.verwerkingslog.log import betreft, logt_lezen

PER_PAGINA = 25
EERSTE_JAAR = 2022  # the Wet inburgering 2021 took effect on 1 January 2022
ONDERDEEL = services.ONDERDEEL


def _jaar(jaar: int) -> int:
    if not EERSTE_JAAR <= jaar <= vandaag().year + 5:
        raise Http404("Voor dit jaar zijn er geen geldzaken.")
    return jaar


@vereist_recht(Recht.GELDZAKEN)
@require_GET
def start(request):
    """The municipalities the user works for, each with its years."""
    huidig = vandaag().year
    return render(
        request,
        "financien/start.html",
        {
            "gemeenten": selectors.gemeenten_voor_geldzaken(request.user),
            "jaren": list(range(huidig + 1, EERSTE_JAAR - 1, -1)),
            "huidig": huidig,
        },
    )


def _staven(regel) -> list[dict]:
    """The bar chart of one category: each figure as a share of the largest of the four."""
    waarden = [
        ("Budget", regel.budget, "budget"),
        ("Verplicht", regel.verplicht, "verplicht"),
        ("Besteed", regel.besteed, "besteed"),
        ("Prognose", regel.prognose, "prognose"),
    ]
    grootste = max((w for _, w, _ in waarden if w), default=0)
    staven = []
    for naam, w, soort in waarden:
        if w is None or not grootste:
            continue
        tienden = 1000 * max(w, 0) // grootste  # an SVG width: a dot, whatever the locale
        staven.append(
            {"naam": naam, "bedrag": euro(w), "soort": soort, "procent": f"{tienden // 10}.{tienden % 10}"}
        )
    return staven


@vereist_recht(Recht.GELDZAKEN)
@require_GET
def overzicht(request, cbs_code, jaar):
    gemeente = gemeente_voor(request.user, cbs_code)
    jaar = _jaar(jaar)
    peildatum = vandaag()
    regels = selectors.besteding_per_categorie(gemeente, jaar, peildatum=peildatum)
    return render(
        request,
        "financien/overzicht.html",
        {
            "gemeente": gemeente,
            "jaar": jaar,
            "peildatum": peildatum,
            "regels": [(r, _staven(r)) for r in regels if r.spuk],
            "totaal": selectors.totaal_spuk(regels),
            "regiemiddelen": next(r for r in regels if not r.spuk),
            "vorig": jaar - 1 if jaar > EERSTE_JAAR else None,
            "volgend": jaar + 1 if jaar < peildatum.year + 5 else None,
            "lopend_jaar": jaar == peildatum.year,
            "looptijd": LOOPTIJD,
            "uren_tolk": UREN_PER_TOLKVERWIJZING,
        },
    )


@vereist_recht(Recht.GELDZAKEN)
@require_http_methods(["GET", "POST"])
def budget(request, cbs_code, jaar):
    gemeente = gemeente_voor(request.user, cbs_code)
    jaar = _jaar(jaar)
    form = BudgetForm(request.POST or None, huidig=selectors.budgetten(gemeente, jaar))
    if request.method == "POST" and form.is_valid():
        try:
            services.budgetten_vastleggen(
                door=request.user,
                gemeente=gemeente,
                jaar=jaar,
                bedragen=form.bedragen,
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as exc:
            form.fouten_van_service(exc)
        else:
            messages.success(request, f"Het budget {jaar} van {gemeente.naam} is opgeslagen.")
            return redirect("financien:overzicht", cbs_code=gemeente.cbs_code, jaar=jaar)
    return render(request, "financien/budget.html", {"gemeente": gemeente, "jaar": jaar, "form": form})


@vereist_recht(Recht.GELDZAKEN)
@require_GET
def sisa(request, cbs_code, jaar):
    gemeente = gemeente_voor(request.user, cbs_code)
    jaar = _jaar(jaar)
    regels = selectors.sisa_overzicht(gemeente, jaar)
    return render(
        request,
        "financien/sisa.html",
        {"gemeente": gemeente, "jaar": jaar, "tabel": export.sisa_tabel(gemeente, jaar, regels)},
    )


@vereist_recht(Recht.GELDZAKEN)
@require_GET
def downloaden(request, cbs_code, jaar, soort, formaat):
    """Budget against spend (`besteding`) or the SiSa summary (`sisa`), as CSV or XLSX."""
    gemeente = gemeente_voor(request.user, cbs_code)
    jaar = _jaar(jaar)
    if soort == "sisa":
        tabel = export.sisa_tabel(gemeente, jaar, selectors.sisa_overzicht(gemeente, jaar))
    else:
        tabel = export.besteding_tabel(gemeente, jaar, selectors.besteding_per_categorie(gemeente, jaar))
    if formaat == "xlsx":
        antwoord = HttpResponse(export.als_xlsx(tabel), content_type=export.XLSX)
    else:
        antwoord = HttpResponse(export.als_csv(tabel), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{soort}-{gemeente.cbs_code}-{jaar}.{formaat}"'
    return antwoord


@vereist_recht(Recht.GELDZAKEN)
@require_GET
@logt_lezen(ONDERDEEL)
def facturen(request, cbs_code):
    gemeente = gemeente_voor(request.user, cbs_code)
    pagina = Paginator(selectors.facturen_van(gemeente), PER_PAGINA).get_page(request.GET.get("pagina"))
    betreft(request, [(f.verwijzing.inburgeraar_id, None, f.gemeente_id) for f in pagina])
    return render(request, "financien/facturen.html", {"gemeente": gemeente, "pagina": pagina})


@vereist_recht(Recht.GELDZAKEN)
@require_http_methods(["GET", "POST"])
def factuur_registreren(request, cbs_code):
    gemeente = gemeente_voor(request.user, cbs_code)
    form = FactuurForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            gegevens = dict(form.cleaned_data)
            gegevens["verwijzing_kenmerk"] = gegevens.pop("verwijzing")
            factuur = services.factuur_registreren(door=request.user, gemeente=gemeente, **gegevens)
        except ValidationError as exc:
            form.fouten_van_service(exc, {"verwijzing_kenmerk": "verwijzing"})
        else:
            messages.success(
                request,
                f"{factuur.get_soort_display()} {factuur.factuurnummer} van {factuur.aanbieder.naam}"
                f" ({euro(factuur.bedrag)}) is geregistreerd.",
            )
            return redirect(reverse("financien:facturen", kwargs={"cbs_code": gemeente.cbs_code}))
    return render(request, "financien/factuur.html", {"gemeente": gemeente, "form": form})

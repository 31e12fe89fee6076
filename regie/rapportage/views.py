"""The dashboard, its CSV downloads, the cohort view, the targets and the council reports.
Aggregates only: no page here shows or logs a person."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts.rechten import Recht, heeft_recht, vereist_recht, weiger
from regie.klok import vandaag
from regie.pdf import pdf_antwoord
from regie.rapportage import selectors, services
from regie.rapportage.cohorten import cohortoverzicht
from regie.rapportage.forms import (
    FilterForm,
    RaadsrapportageNieuwForm,
    RaadsrapportageTekstForm,
    StreefwaardeForm,
)
from regie.rapportage.grafiek import grafiek
from regie.rapportage.models import Streefwaarde
from regie.rapportage.rapport import raadsrapportage_pdf, rapportinhoud


def _filter(request) -> tuple[FilterForm, object]:
    form = FilterForm(request.GET or None, user=request.user, vandaag=vandaag())
    return form, form.filter()


@vereist_recht(Recht.BELEIDSCIJFERS)
def dashboard(request):
    form, f = _filter(request)
    overzichten = selectors.kpi_overzichten(f, vandaag=vandaag())
    for o in overzichten:
        o.svg = grafiek(o.tabel, f"grafiek-{o.kpi.code}")
    return render(
        request,
        "rapportage/dashboard.html",
        {
            "form": form,
            "filter": f,
            "overzichten": overzichten,
            "kerncijfers": [o for o in overzichten if o.kerncijfers],
            "querystring": request.GET.urlencode(),
        },
    )


@vereist_recht(Recht.BELEIDSCIJFERS)
def csv_download(request, code):
    _form, f = _filter(request)
    tabel = selectors.kpi_tabel(code, f)
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow([tabel.titel, *tabel.kolommen])
    for rij in tabel.rijen:
        schrijver.writerow([rij.label, *(c.tekst for c in rij.cellen)])
    schrijver.writerow([])
    schrijver.writerow([f"Periode {f.van:%d-%m-%Y} tot en met {f.tot:%d-%m-%Y}. Minder dan 5 personen: <5."])
    response = HttpResponse("\ufeff" + uit.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{code}.csv")
    return response


@vereist_recht(Recht.BELEIDSCIJFERS)
def cohorten(request):
    form, f = _filter(request)
    jaren, rijen = cohortoverzicht(f, vandaag=vandaag())
    return render(
        request, "rapportage/cohorten.html", {"form": form, "filter": f, "jaren": jaren, "rijen": rijen}
    )


@vereist_recht(Recht.STREEFWAARDEN)
@require_http_methods(["GET", "POST"])
def streefwaarden(request):
    form = StreefwaardeForm(request.POST or None, user=request.user, initial={"jaar": vandaag().year})
    if request.method == "POST" and form.is_valid():
        try:
            streef = services.streefwaarde_vastleggen(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            messages.success(
                request, f"De streefwaarde voor {streef.gemeente.naam} in {streef.jaar} is {streef.waarde}%."
            )
            return redirect("rapportage:streefwaarden")
    lijst = list(
        Streefwaarde.objects.filter(gemeente__in=form.fields["gemeente"].queryset).select_related("gemeente")
    )
    titels = dict(form.fields["kpi"].choices)  # the indicator's name as the dashboard shows it, not its code
    for streef in lijst:
        streef.indicator = titels.get(streef.kpi, streef.kpi)
    return render(request, "rapportage/streefwaarden.html", {"form": form, "streefwaarden": lijst})


@vereist_recht(Recht.BELEIDSCIJFERS)
@require_http_methods(["GET", "POST"])
def raadsrapportages(request):
    mag_schrijven = heeft_recht(request.user, Recht.RAADSRAPPORTAGE)
    form = RaadsrapportageNieuwForm(
        request.POST or None, user=request.user, initial={"jaar": vandaag().year - 1, "soort": "jaar"}
    )
    if request.method == "POST":
        if not mag_schrijven:
            raise weiger(request, request.user, Recht.RAADSRAPPORTAGE)
        if form.is_valid():
            try:
                rapport = services.raadsrapportage_aanmaken(door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                form.fouten_van_service(fout)
            else:
                messages.success(request, f"De {rapport} is aangemaakt als concept.")
                return redirect("rapportage:raadsrapportage", uuid=rapport.uuid)
    return render(
        request,
        "rapportage/raadsrapportages.html",
        {
            "form": form,
            "rapporten": selectors.raadsrapportages_voor(request.user),
            "mag_schrijven": mag_schrijven,
        },
    )


@vereist_recht(Recht.BELEIDSCIJFERS)
@require_http_methods(["GET", "POST"])
def raadsrapportage(request, uuid):
    rapport = selectors.raadsrapportage_voor(request.user, uuid)
    mag_schrijven = heeft_recht(request.user, Recht.RAADSRAPPORTAGE) and not rapport.definitief
    form = RaadsrapportageTekstForm(
        request.POST or None,
        initial={
            "versie": rapport.versie,
            "inleiding": rapport.inleiding,
            "resultaten": rapport.resultaten,
            "vooruitblik": rapport.vooruitblik,
        },
    )
    if request.method == "POST":
        if not heeft_recht(request.user, Recht.RAADSRAPPORTAGE):
            raise weiger(request, request.user, Recht.RAADSRAPPORTAGE)
        if form.is_valid():
            try:
                services.raadsrapportage_opslaan(door=request.user, rapport=rapport, **form.cleaned_data)
            except ValidationError as fout:
                form.fouten_van_service(fout)
            else:
                messages.success(request, "Het concept is opgeslagen.")
                return redirect("rapportage:raadsrapportage", uuid=rapport.uuid)
    context = rapportinhoud(rapport)
    context.update({"form": form, "mag_schrijven": mag_schrijven})
    return render(request, "rapportage/raadsrapportage.html", context, status=400 if form.errors else 200)


@vereist_recht(Recht.RAADSRAPPORTAGE)
@require_POST
def definitief(request, uuid):
    rapport = selectors.raadsrapportage_voor(request.user, uuid)
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        messages.error(request, "Het formulier mist gegevens. Open de pagina opnieuw.")
        return redirect("rapportage:raadsrapportage", uuid=rapport.uuid)
    try:
        services.raadsrapportage_definitief_maken(door=request.user, rapport=rapport, versie=versie)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "De rapportage is definitief. De PDF is bewaard en verandert niet meer.")
    return redirect(reverse("rapportage:raadsrapportage", kwargs={"uuid": rapport.uuid}))


@vereist_recht(Recht.BELEIDSCIJFERS)
def raadsrapportage_pdf_download(request, uuid):
    """A final report: the stored PDF, byte for byte. A draft: made now from today's figures."""
    rapport = selectors.raadsrapportage_voor(request.user, uuid)
    inhoud = selectors.opgeslagen_pdf(rapport) if rapport.definitief else raadsrapportage_pdf(rapport)
    naam = f"raadsrapportage-{rapport.gemeente.naam}-{rapport.jaar}-{rapport.soort}"
    return pdf_antwoord(
        inhoud, f"{naam}{'' if rapport.definitief else '-concept'}.pdf".replace(" ", "-").lower()
    )

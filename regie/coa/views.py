"""COA koppelingen: upload -> preview -> confirm (the file waits server-side in a CoaImport),
the import records, and the team lead's page 'Taakstelling huisvesting'."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, vereist_recht
from regie.coa import selectors, services
from regie.coa.bestand import OPTIONEEL, VERPLICHT
from regie.coa.forms import TaakstellingForm, UploadForm
from regie.coa.models import ImportStatus
from regie.csvbestand import CsvFout
from regie.klok import vandaag
from regie.verwerkingslog.log import betreft, logt_lezen
from regie.wet.leeftijd import MINIMUMLEEFTIJD

ONDERDEEL = "coa koppeling"


def _fouten(exc: ValidationError) -> list[str]:
    return [m for berichten in exc.message_dict.values() for m in berichten]


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_http_methods(["GET", "POST"])
def imports(request):
    """The import records of the organisation, and the form to upload a new file."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            coa_import = services.bestand_uploaden(door=request.user, bestand=form.cleaned_data["bestand"])
        except ValidationError as exc:
            for fout in _fouten(exc):
                form.add_error("bestand", fout)
        else:
            return redirect("coa:import", uuid=coa_import.uuid)
    lijst = selectors.imports_voor(request.user).select_related("geupload_door", "verwerkt_door")[:50]
    return render(
        request,
        "coa/imports.html",
        {"form": form, "imports": lijst, "verplicht": VERPLICHT, "optioneel": OPTIONEEL},
    )


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_GET
@logt_lezen(ONDERDEEL)
def import_detail(request, uuid):
    """A waiting upload: the preview, for who uploaded it. A processed one: its record."""
    coa_import = selectors.import_voor(request.user, uuid)
    if coa_import.status == ImportStatus.VOORBEELD:
        try:
            uitkomst = services.voorbeeld(coa_import=coa_import, door=request.user)
        except CsvFout as exc:
            return render(
                request, "coa/voorbeeld.html", {"coa_import": coa_import, "bestandfout": exc.melding}
            )
        betreft(request, uitkomst.bestaande_inburgeraars)
        return render(
            request,
            "coa/voorbeeld.html",
            {"coa_import": coa_import, "voorbeeld": uitkomst, "bewaardagen": services.BEWAARDAGEN_VOORBEELD},
        )
    koppelingen = list(selectors.koppelingen_van_import(request.user, coa_import))
    betreft(request, [k.inburgeraar for k in koppelingen])
    return render(request, "coa/import.html", {"coa_import": coa_import, "koppelingen": koppelingen})


def _stap_ontbreekt(request, stap: str):
    if request.POST.get("stap") != stap:
        return HttpResponseBadRequest(
            "Dit verzoek is niet compleet. Ga terug naar het voorbeeld en gebruik de knop.",
            content_type="text/plain; charset=utf-8",
        )
    return None


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_POST
def bevestigen(request, uuid):
    coa_import = selectors.import_voor(request.user, uuid)
    if fout := _stap_ontbreekt(request, "bevestigen"):
        return fout
    try:
        coa_import = services.bevestigen(coa_import=coa_import, door=request.user)
    except ValidationError as exc:
        for fout in _fouten(exc):
            messages.error(request, fout)
        return redirect("coa:import", uuid=coa_import.uuid)
    messages.success(
        request,
        f"Het bestand is verwerkt: {coa_import.aantal_nieuw} nieuwe dossiers, {coa_import.aantal_bijgewerkt}"
        f" bijgewerkte koppelingen, {coa_import.aantal_kinderen} kinderen toegevoegd en"
        f" {coa_import.aantal_overgeslagen} rijen niet verwerkt.",
    )
    return redirect("coa:import", uuid=coa_import.uuid)


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_POST
def annuleren(request, uuid):
    coa_import = selectors.import_voor(request.user, uuid)
    if fout := _stap_ontbreekt(request, "annuleren"):
        return fout
    try:
        services.annuleren(coa_import=coa_import, door=request.user)
    except ValidationError as exc:
        for fout in _fouten(exc):
            messages.error(request, fout)
        return redirect("coa:import", uuid=coa_import.uuid)
    messages.success(request, f"Het bestand {coa_import.bestandsnaam} is weggegooid. Er is niets verwerkt.")
    return redirect("coa:imports")


def _jaar(request) -> int:
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        return vandaag().year
    return jaar if 2013 <= jaar <= 2100 else vandaag().year


@vereist_recht(Recht.TAAKSTELLING)
@require_http_methods(["GET", "POST"])
def taakstelling(request):
    """Per municipality and half year: the target against the numbers linked and housed."""
    jaar = _jaar(request)
    form = TaakstellingForm(request.POST or None, user=request.user, initial={"jaar": jaar})
    if request.method == "POST" and form.is_valid():
        try:
            vastgelegd = services.taakstelling_vastleggen(door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for veld, berichten in exc.message_dict.items():
                for bericht in berichten:
                    form.add_error(veld if veld in form.fields else None, bericht)
        else:
            messages.success(
                request,
                f"De taakstelling van {vastgelegd.gemeente.naam} voor het {vastgelegd.get_halfjaar_display().lower()}"
                f" van {vastgelegd.jaar} is {vastgelegd.aantal}.",
            )
            return redirect(f"{reverse('coa:taakstelling')}?jaar={vastgelegd.jaar}")
    regels = selectors.taakstelling_overzicht(request.user, jaar)
    halfjaren = [(h, [r for r in regels if r.halfjaar == h]) for h in (1, 2)]
    return render(
        request,
        "coa/taakstelling.html",
        {
            "form": form,
            "jaar": jaar,
            "halfjaren": halfjaren,
            "vorig": jaar - 1,
            "volgend": jaar + 1,
            "minimumleeftijd": MINIMUMLEEFTIJD,
        },
    )

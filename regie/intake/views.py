"""Pages of the brede intake (Wi 14, Bi 5.2): the written record with its diplomas, the
appointments for the talk, and a printable report (HTML and PDF).

Views are thin: they read the case through `inburgeraar_voor` (404 for another
organisation), call one service and render. Parts that change in place (diplomas,
the status of an appointment) answer htmx with a fragment and work as plain forms too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.htmx import is_htmx
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.intake import services
from regie.intake.forms import (
    AfspraakForm,
    AfspraakStatusForm,
    BijzondereGegevensForm,
    BredeIntakeForm,
    DiplomaForm,
)
from regie.intake.models import Afspraak, Diploma
from regie.intake.selectors import afspraken_van, brede_intake_van
from regie.pdf import pdf_antwoord, pdf_uit_template
from regie.verwerkingslog import log
from regie.verwerkingslog.log import logt_document, logt_lezen

WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN


def _versie_uit(request: HttpRequest) -> int | None:
    """The case version the page showed, sent along by htmx (`hx-include="#id_versie"`)."""
    waarde = request.POST.get("versie", "")
    return int(waarde) if waarde.isdigit() else None


def _intake_url(inburgeraar: Inburgeraar, anker: str = "") -> str:
    return reverse("intake:intake", args=[inburgeraar.uuid]) + (f"#{anker}" if anker else "")


def _tijdstip(afspraak: Afspraak) -> str:
    return f"{timezone.localtime(afspraak.begint_op):%d-%m-%Y %H:%M} uur"


def _status_form(afspraak: Afspraak, data=None) -> AfspraakStatusForm:
    return AfspraakStatusForm(data, prefix=f"afspraak-{afspraak.pk}", initial={"status": afspraak.status})


def _pagina(request, inburgeraar, *, form=None, diploma_form=None, afspraak_form=None) -> HttpResponse:
    if not mag(request.user, WIJZIGEN, inburgeraar):
        return _alleen_lezen(request, inburgeraar)
    intake = brede_intake_van(inburgeraar)
    if form is None:
        form = BredeIntakeForm(instance=intake, initial={"versie": inburgeraar.versie})
    return render(
        request,
        "intake/intake.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "intake",
            "intake": intake,
            "form": form,
            "diplomas": intake.diplomas.all() if intake else [],
            "diploma_form": diploma_form or DiplomaForm(),
            "afspraak_form": afspraak_form or AfspraakForm(),
            "afspraken": [(a, _status_form(a)) for a in afspraken_van(inburgeraar)],
        },
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("brede intake")
def intake(request, uuid):
    """The intake form for who may change the case; a read-only page for who may only read it."""
    if request.method == "GET":
        return _pagina(request, inburgeraar_voor(request.user, uuid))
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)

    form = BredeIntakeForm(request.POST)
    if form.is_valid():
        versie_vooraf = inburgeraar.versie
        try:
            services.brede_intake_opslaan(
                inburgeraar=inburgeraar,
                door=request.user,
                versie=form.cleaned_data["versie"],
                **form.velden(),
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            form.add_error(None, str(fout))
        else:
            if inburgeraar.versie == versie_vooraf:
                messages.info(request, "Er was niets veranderd. De brede intake is hetzelfde gebleven.")
            else:
                messages.success(request, "De brede intake is opgeslagen.")
            return redirect(_intake_url(inburgeraar))
    return _pagina(request, inburgeraar, form=form)


def _diplomas_fragment(request, inburgeraar, *, diploma_form=None, melding="", nieuwe_versie=False):
    intake = brede_intake_van(inburgeraar)
    return render(
        request,
        "intake/_diplomas_antwoord.html",
        {
            "inburgeraar": inburgeraar,
            "diplomas": intake.diplomas.all() if intake else [],
            "diploma_form": diploma_form or DiplomaForm(),
            "melding": melding,
            "nieuwe_versie": nieuwe_versie,
        },
    )


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("brede intake")
def diploma_toevoegen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    diploma_form = DiplomaForm(request.POST)
    if diploma_form.is_valid():
        try:
            diploma = services.diploma_toevoegen(
                inburgeraar=inburgeraar,
                door=request.user,
                versie=_versie_uit(request),
                **diploma_form.cleaned_data,
            )
        except ValidationError as fout:
            diploma_form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            diploma_form.add_error(None, str(fout))
        else:
            melding = f"Het diploma ‘{diploma.naam}’ is toegevoegd."
            if not is_htmx(request):
                messages.success(request, melding)
                return redirect(_intake_url(inburgeraar, "diplomas"))
            return _diplomas_fragment(request, inburgeraar, melding=melding, nieuwe_versie=True)
    if not is_htmx(request):
        return _pagina(request, inburgeraar, diploma_form=diploma_form)
    return _diplomas_fragment(request, inburgeraar, diploma_form=diploma_form)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("brede intake")
def diploma_verwijderen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    pk = request.POST.get("diploma", "")
    diploma = get_object_or_404(Diploma, pk=pk if pk.isdigit() else None, intake__inburgeraar=inburgeraar)
    try:
        services.diploma_verwijderen(
            inburgeraar=inburgeraar, door=request.user, diploma=diploma, versie=_versie_uit(request)
        )
    except GelijktijdigGewijzigd as fout:
        if not is_htmx(request):
            messages.error(request, str(fout))
            return redirect(_intake_url(inburgeraar, "diplomas"))
        diploma_form = DiplomaForm()
        diploma_form.add_error(None, str(fout))
        return _diplomas_fragment(request, inburgeraar, diploma_form=diploma_form)
    melding = f"Het diploma ‘{diploma.naam}’ is verwijderd."
    if not is_htmx(request):
        messages.success(request, melding)
        return redirect(_intake_url(inburgeraar, "diplomas"))
    return _diplomas_fragment(request, inburgeraar, melding=melding, nieuwe_versie=True)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("afspraak")
def afspraak_plannen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    afspraak_form = AfspraakForm(request.POST)
    if afspraak_form.is_valid():
        try:
            afspraak = services.afspraak_plannen(
                inburgeraar=inburgeraar, door=request.user, **afspraak_form.cleaned_data
            )
        except ValidationError as fout:
            afspraak_form.fouten_van_service(fout)
        else:
            messages.success(request, f"De afspraak op {_tijdstip(afspraak)} is gepland.")
            return redirect(_intake_url(inburgeraar, "afspraken"))
    return _pagina(request, inburgeraar, afspraak_form=afspraak_form)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("afspraak")
def afspraak_status(request, uuid, pk):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    afspraak = get_object_or_404(Afspraak, pk=pk, inburgeraar=inburgeraar)
    status_form = _status_form(afspraak, request.POST)
    # The intake form on the same page carries the case version; it may follow this change
    # only when it was up to date before, so a colleague's change is never hidden.
    formulier_actueel = _versie_uit(request) == inburgeraar.versie
    melding = ""
    if status_form.is_valid():
        try:
            services.afspraak_status_wijzigen(
                afspraak=afspraak, door=request.user, status=status_form.cleaned_data["status"]
            )
        except ValidationError as fout:
            status_form.fouten_van_service(fout)
        else:
            melding = (
                f"De status van de afspraak op {_tijdstip(afspraak)} is nu: "
                f"{afspraak.get_status_display().lower()}."
            )
            if not is_htmx(request):
                messages.success(request, melding)
                return redirect(_intake_url(inburgeraar, "afspraken"))
            afspraak.refresh_from_db()
            status_form = _status_form(afspraak)
    if not is_htmx(request):
        messages.error(request, "De status is niet gewijzigd. Kies een van de statussen in de lijst.")
        return redirect(_intake_url(inburgeraar, "afspraken"))
    inburgeraar.refresh_from_db(fields=["versie"])
    return render(
        request,
        "intake/_afspraak_antwoord.html",
        {
            "inburgeraar": inburgeraar,
            "afspraak": afspraak,
            "status_form": status_form,
            "melding": melding,
            "nieuwe_versie": bool(melding) and formulier_actueel,
        },
    )


def _verslag_context(request, inburgeraar, *, weergave: str, bijzonder_form=None, ingezien=False) -> dict:
    """What the report shows. The special data (health) only for the case's own consultant
    and the team lead, or for this one answer after someone else gave a reason
    (`ingezien`); everyone else sees a notice and the form asking for the reason."""
    intake = brede_intake_van(inburgeraar)
    return {
        "inburgeraar": inburgeraar,
        "tab": "intake",
        "intake": intake,
        "diplomas": intake.diplomas.all() if intake else [],
        "afspraken": afspraken_van(inburgeraar),
        "gemaakt_door": request.user,
        "bijzonder_zichtbaar": ingezien or mag(request.user, Recht.BIJZONDERE_GEGEVENS_EIGEN, inburgeraar),
        "bijzonder_form": bijzonder_form or BijzondereGegevensForm(),
        "weergave": weergave,
    }


def _alleen_lezen(request, inburgeraar, **kwargs) -> HttpResponse:
    return render(
        request,
        "intake/intake_lezen.html",
        _verslag_context(request, inburgeraar, weergave="intake", **kwargs),
    )


def _verslag_pdf(request, inburgeraar, **kwargs) -> HttpResponse:
    inhoud = pdf_uit_template(
        "intake/verslag_pdf.html", _verslag_context(request, inburgeraar, weergave="pdf", **kwargs)
    )
    return pdf_antwoord(inhoud, f"brede-intake-{slugify(inburgeraar.naam)}.pdf")


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("brede intake")
def verslag(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return render(request, "intake/verslag.html", _verslag_context(request, inburgeraar, weergave="verslag"))


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_document("verslag brede intake", onderdeel="brede intake")
def verslag_pdf(request, uuid):
    return _verslag_pdf(request, inburgeraar_voor(request.user, uuid))


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_POST
def bijzondere_gegevens(request, uuid):
    """Show the special data once, after a reason, to someone who may read the case but is
    not its own consultant or the team lead. The reason goes into the processing log; the
    next visit asks again (no lasting grant)."""
    inburgeraar = inburgeraar_voor(request.user, uuid)
    form = BijzondereGegevensForm(request.POST)
    weergave = form["weergave"].value() if form["weergave"].value() in {"verslag", "pdf"} else "intake"
    if mag(request.user, Recht.BIJZONDERE_GEGEVENS_EIGEN, inburgeraar):
        # Nothing to ask: the own consultant and the team lead see the data anyway.
        return redirect("intake:verslag" if weergave == "verslag" else "intake:intake", uuid=uuid)
    ingezien = form.is_valid()
    if ingezien:
        log.bijzondere_gegevens_ingezien(
            request=request, inburgeraar=inburgeraar, reden=form.cleaned_data["reden"]
        )
        if weergave == "pdf":
            antwoord = _verslag_pdf(request, inburgeraar, ingezien=True)
            log.document_gemaakt(
                request=request,
                inburgeraar=inburgeraar,
                soort="verslag brede intake",
                onderdeel="brede intake",
            )
            return antwoord
    # Without a (valid) reason: the page again, with the message next to the field.
    if weergave == "verslag":
        context = _verslag_context(
            request, inburgeraar, weergave="verslag", bijzonder_form=form, ingezien=ingezien
        )
        antwoord = render(request, "intake/verslag.html", context)
    else:
        antwoord = _alleen_lezen(request, inburgeraar, bijzonder_form=form, ingezien=ingezien)
    log.gelezen(request=request, inburgeraars=inburgeraar, onderdeel="brede intake")
    return antwoord

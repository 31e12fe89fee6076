"""Pages of a move: the case tab Verhuizing (package out, package in, move within the organisation),
the inbox Overdrachten of the new municipality, the downloads and the published schema."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, heeft_recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import gemeenten_voor, inburgeraar_voor
from regie.lijsten import pagina_van
from regie.overdracht import services
from regie.overdracht.forms import InlezenForm, PakketForm, VerhuizenForm
from regie.overdracht.models import Bron, Overdracht
from regie.overdracht.pdf import bestandsnaam, pakket_pdf
from regie.overdracht.schema import lees_json, schema_pad
from regie.overdracht.selectors import inbox_rijen, inbox_voor, laatst_ontvangen, overdrachten_van
from regie.overdracht.weergave import leesbaar
from regie.pdf import pdf_antwoord
from regie.verwerkingslog.log import betreft, document_gemaakt, logt_document, logt_lezen
from regie.verwerkingslog.models import Kanaal
from regie.werkvoorraad.selectors import medewerkers
from regie.wet.overdracht import GEDEELD, SCHEMA_VERSIES, UITGESLOTEN

LEZEN = Recht.DOSSIERS_LEZEN_EIGEN
WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN
PER_PAGINA = 50


def _verhuizen_form(request, inburgeraar, data=None):
    consulenten = medewerkers(request.user) if heeft_recht(request.user, Recht.CONSULENT_TOEWIJZEN) else None
    return VerhuizenForm(
        data,
        inburgeraar=inburgeraar,
        gemeenten=gemeenten_voor(request.user),
        consulenten=consulenten,
        initial={"versie": inburgeraar.versie},
    )


def _tab(request, inburgeraar, *, status=200, **forms):
    mag_wijzigen = mag(request.user, WIJZIGEN, inburgeraar)
    if mag_wijzigen:
        forms.setdefault("pakket_form", PakketForm(inburgeraar=inburgeraar))
        forms.setdefault("inlezen_form", InlezenForm())
        forms.setdefault("verhuizen_form", _verhuizen_form(request, inburgeraar))
    ontvangen = laatst_ontvangen(inburgeraar)
    return render(
        request,
        "overdracht/verhuizing.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "verhuizing",
            "overdrachten": list(overdrachten_van(inburgeraar)),
            "ontvangen": ontvangen,
            "vorig": leesbaar(ontvangen.pakket) if ontvangen else None,
            "mag_wijzigen": mag_wijzigen,
            "gedeeld": GEDEELD,
            "uitgesloten": UITGESLOTEN,
            **forms,
        },
        status=status,
    )


@vereist_recht(LEZEN)
@require_GET
@logt_lezen("overdracht")
def verhuizing(request, uuid):
    return _tab(request, inburgeraar_voor(request.user, uuid))


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("overdracht")
def pakket_maken(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = PakketForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        try:
            overdracht = services.pakket_maken(
                inburgeraar=inburgeraar, door=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            if overdracht.naar_gemeente_id:
                tekst = f"Het overdrachtspakket staat klaar bij de gemeente {overdracht.naar_gemeente_naam} in Regie."
            else:
                tekst = "Het overdrachtspakket is gemaakt. Download de PDF en het JSON-bestand en stuur ze veilig op."
            messages.success(request, tekst)
            return redirect("overdracht:verhuizing", uuid=inburgeraar.uuid)
    return _tab(request, inburgeraar, pakket_form=form)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("overdracht")
def inlezen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = InlezenForm(request.POST, request.FILES)
    if form.is_valid():
        pakket, fouten = lees_json(form.cleaned_data["bestand"].read())
        try:
            if fouten:
                services.weiger_onleesbaar(inburgeraar=inburgeraar, door=request.user, fouten=fouten)
            services.pakket_inlezen(
                inburgeraar=inburgeraar, door=request.user, pakket=pakket, bron=Bron.BESTAND
            )
        except ValidationError as fout:
            form.fouten_van_service(fout, {"pakket": "bestand"})
        else:
            messages.success(
                request, "Het overdrachtspakket is ingelezen. Het PIP van de vorige gemeente staat hieronder."
            )
            return redirect("overdracht:verhuizing", uuid=inburgeraar.uuid)
    return _tab(request, inburgeraar, inlezen_form=form)


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("overdracht")
def verhuizen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = _verhuizen_form(request, inburgeraar, request.POST)
    if form.is_valid():
        try:
            services.verhuizen_binnen_organisatie(
                inburgeraar=inburgeraar,
                door=request.user,
                naar_gemeente=form.cleaned_data["naar_gemeente"],
                consulent=form.cleaned_data.get("consulent"),
                versie=form.cleaned_data["versie"],
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        except GelijktijdigGewijzigd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, f"Het dossier hoort nu bij {inburgeraar.gemeente.naam}.")
            return redirect("overdracht:verhuizing", uuid=inburgeraar.uuid)
    return _tab(request, inburgeraar, verhuizen_form=form)


def _eigen_overdracht(request, uuid, overdracht) -> Overdracht:
    inburgeraar = inburgeraar_voor(request.user, uuid)
    try:
        return overdrachten_van(inburgeraar).get(uuid=overdracht)
    except Overdracht.DoesNotExist as exc:
        raise Http404("Deze overdracht bestaat niet.") from exc


def _json_antwoord(overdracht: Overdracht) -> HttpResponse:
    inhoud = json.dumps(overdracht.pakket, ensure_ascii=False, indent=2).encode("utf-8")
    antwoord = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    antwoord["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=bestandsnaam(overdracht, "json")
    )
    return antwoord


@vereist_recht(LEZEN)
@require_GET
@logt_document("Overdrachtspakket (PDF)", onderdeel="overdracht")
def pdf(request, uuid, overdracht):
    gekozen = _eigen_overdracht(request, uuid, overdracht)
    return pdf_antwoord(pakket_pdf(gekozen), bestandsnaam(gekozen, "pdf"))


@vereist_recht(LEZEN)
@require_GET
def json_bestand(request, uuid, overdracht):
    gekozen = _eigen_overdracht(request, uuid, overdracht)
    document_gemaakt(
        request=request,
        inburgeraar=gekozen.inburgeraar,
        soort="Overdrachtspakket (JSON)",
        onderdeel="overdracht",
        kanaal=Kanaal.EXPORT,
    )
    return _json_antwoord(gekozen)


# --- The inbox of the new municipality ---------------------------------------------------------------


def _uit_inbox(request, uuid) -> Overdracht:
    try:
        return inbox_voor(request.user).get(uuid=uuid)
    except (Overdracht.DoesNotExist, ValueError) as exc:
        raise Http404("Deze overdracht bestaat niet of is niet voor uw gemeenten.") from exc


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_GET
@logt_lezen("overdracht")
def inbox(request):
    # Newest first, 50 a page, cut in the database (COUNT plus one page).
    lijst = pagina_van(request, inbox_rijen(request.user), PER_PAGINA)
    overdrachten = list(lijst["pagina"].object_list)
    betreft(request, [(o.inburgeraar_id, None, o.van_gemeente_id) for o in overdrachten])
    return render(request, "overdracht/inbox.html", {**lijst, "overdrachten": overdrachten})


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_http_methods(["GET", "POST"])
@logt_lezen("overdracht")
def inbox_pakket(request, uuid):
    overdracht = _uit_inbox(request, uuid)
    betreft(request, [(overdracht.inburgeraar_id, None, overdracht.van_gemeente_id)])
    fouten = []
    if request.method == "POST" and request.POST.get("overnemen") != "ja":
        fouten = ["Kies de knop 'Overdracht overnemen' om de overdracht over te nemen."]
    elif request.method == "POST":
        try:
            nieuw = services.overdracht_accepteren(overdracht=overdracht, door=request.user)
        except ValidationError as fout:
            fouten = fout.messages
        else:
            messages.success(request, "U heeft de overdracht overgenomen. Dit is het dossier in uw gemeente.")
            return redirect("overdracht:verhuizing", uuid=nieuw.uuid)
    return render(
        request,
        "overdracht/inbox_pakket.html",
        {"overdracht": overdracht, "pakket": leesbaar(overdracht.pakket), "fouten": fouten},
        status=400 if fouten else 200,
    )


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_GET
def inbox_pdf(request, uuid):
    overdracht = _uit_inbox(request, uuid)
    document_gemaakt(
        request=request,
        inburgeraar=[(overdracht.inburgeraar_id, None, overdracht.van_gemeente_id)],
        soort="Overdrachtspakket (PDF)",
        onderdeel="overdracht",
    )
    return pdf_antwoord(pakket_pdf(overdracht), bestandsnaam(overdracht, "pdf"))


@require_GET
def schema(request, versie):
    """The published JSON Schema (no personal data: for everyone, also without logging in)."""
    if versie not in SCHEMA_VERSIES:
        raise Http404("Deze schemaversie bestaat niet.")
    return FileResponse(schema_pad(versie).open("rb"), content_type="application/schema+json")

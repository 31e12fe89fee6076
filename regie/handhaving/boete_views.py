"""Handhaving pages for the fine: the case's overview of warnings and fines, the intention with
its report, one page per fine with the form for its next step, the beschikking as PDF, and the
team lead's list "Boetes ter goedkeuring". Views are thin: rules live in boete_services and
regie.wet.boetes; a refused step shows the page again with the message, nothing saved."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, heeft_recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.handhaving import boete_pdf, boete_services
from regie.handhaving.forms import (
    BeoordelingForm,
    BesluitForm,
    BetalingForm,
    BezwaarBeslissingForm,
    BezwaarForm,
    VoornemenForm,
    ZienswijzeForm,
)
from regie.handhaving.models import BoeteStatus
from regie.handhaving.selectors import boete_van, boetes_ter_goedkeuring, boetes_van, waarschuwingen_van
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.klok import vandaag
from regie.lijsten import pagina_van
from regie.pdf import pdf_antwoord
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.log import logt_document, logt_lezen
from regie.wet import boetes as wet
from regie.wet.bezwaar import bezwaartermijn_einde

LEZEN = Recht.DOSSIERS_LEZEN_EIGEN
WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN
PER_PAGINA = 25


@vereist_recht(LEZEN)
@require_GET
@logt_lezen("boete")
def overzicht(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return render(
        request,
        "handhaving/overzicht.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "voortgang",
            "waarschuwingen": waarschuwingen_van(inburgeraar),
            "boetes": boetes_van(inburgeraar),
            "beleid": boete_services.beleid_van(inburgeraar),
            "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
        },
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("boete")
def voornemen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    if request.method == "POST":
        form = VoornemenForm(request.POST, inburgeraar=inburgeraar)
        if form.is_valid():
            try:
                boete = boete_services.voornemen_opstellen(
                    inburgeraar=inburgeraar, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                form.fouten_van_service(fout)
            except GelijktijdigGewijzigd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(
                    request,
                    "Het voornemen is vastgelegd. Stuur de brief met het rapport naar de inburgeraar.",
                )
                return redirect("handhaving:boete", uuid=inburgeraar.uuid, boete=boete.uuid)
    else:
        rapport = vandaag()
        form = VoornemenForm(
            inburgeraar=inburgeraar,
            initial={
                "versie": inburgeraar.versie,
                "rapport_datum": rapport,
                "zienswijze_uiterlijk": boete_services.zienswijze_termijn_voorstel(rapport),
            },
        )
    return render(
        request, "handhaving/voornemen.html", {"inburgeraar": inburgeraar, "tab": "voortgang", "form": form}
    )


def _stap_formulieren(boete, beleid) -> dict:
    """The empty form for the next step of this fine."""
    if boete.status == BoeteStatus.VOORNEMEN:
        return {"zienswijze_form": ZienswijzeForm(prefix="zienswijze", initial={"datum": vandaag()})}
    if boete.status == BoeteStatus.ZIENSWIJZE:
        return {"besluit_form": BesluitForm(prefix="besluit")}
    if boete.status == BoeteStatus.TER_GOEDKEURING:
        return {"beoordeling_form": BeoordelingForm(prefix="beoordeling")}
    formulieren = {}
    if boete.status == BoeteStatus.OPGELEGD:
        formulieren["betaling_form"] = BetalingForm(
            prefix="betaling",
            verrekenen=beleid.verrekenen_met_bijstand,
            initial={"betaalwijze": boete.betaalwijze, "aantal_termijnen": boete.aantal_termijnen},
        )
    if boete.status in (BoeteStatus.OPGELEGD, BoeteStatus.BETAALD):
        bezwaar = getattr(boete, "bezwaar", None)
        if bezwaar is None:
            formulieren["bezwaar_form"] = BezwaarForm(prefix="bezwaar", initial={"ontvangen_op": vandaag()})
        elif not bezwaar.uitkomst:
            formulieren["bezwaar_beslissing_form"] = BezwaarBeslissingForm(prefix="beslissing")
    return formulieren


def _pagina(request, inburgeraar, boete, *, status=200, **formulieren):
    beleid = boete_services.beleid_van(inburgeraar)
    context = {
        "inburgeraar": inburgeraar,
        "tab": "voortgang",
        "boete": boete,
        "bezwaar": getattr(boete, "bezwaar", None),
        "beleid": beleid,
        "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
        "mag_goedkeuren": heeft_recht(request.user, Recht.BOETES_GOEDKEUREN),
        "awb_553": wet.rapport_en_zienswijze_verplicht(wet.Grond(boete.grond)),
        "maximum": wet.euro(wet.wettelijk_maximum(wet.Grond(boete.grond))),
        "grens_awb_553": wet.euro(wet.BOETEREGELS["awb_553_grens"].waarde),
        "bezwaar_tot": bezwaartermijn_einde(boete.dagtekening) if boete.dagtekening else None,
        **_stap_formulieren(boete, beleid),
        **formulieren,
    }
    if boete.status == BoeteStatus.ZIENSWIJZE:
        try:
            context["voorstel"] = boete_services.berekening_voor(boete)
        except wet.BoeteGeweigerd as fout:
            context["voorstel_fout"] = str(fout)
    return render(request, "handhaving/boete.html", context, status=status)


@vereist_recht(LEZEN)
@require_GET
@logt_lezen("boete")
def boete(request, uuid, boete):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return _pagina(request, inburgeraar, boete_van(inburgeraar, boete))


def _stap(
    request,
    uuid,
    boete_uuid,
    *,
    form_klasse,
    prefix,
    naam,
    service,
    argumenten,
    gelukt,
    recht=WIJZIGEN,
    form_extra=None,
):
    """POST of one step: the form, then the service; on a refusal the page again with the messages.
    A step under another right than changing the case (the team lead's beoordeling) needs the case
    to be one the user may read. `form_extra(inburgeraar)`: more arguments for the form."""
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN if recht == WIJZIGEN else LEZEN)
    gekozen = boete_van(inburgeraar, boete_uuid)
    form = form_klasse(request.POST, prefix=prefix, **(form_extra(inburgeraar) if form_extra else {}))
    if form.is_valid():
        try:
            service(boete=gekozen, door=request.user, **argumenten(form.cleaned_data))
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            messages.success(request, gelukt)
            return redirect("handhaving:boete", uuid=inburgeraar.uuid, boete=gekozen.uuid)
    return _pagina(request, inburgeraar, gekozen, **{naam: form})


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("boete")
def zienswijze(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=ZienswijzeForm,
        prefix="zienswijze",
        naam="zienswijze_form",
        service=boete_services.zienswijze_vastleggen,
        argumenten=lambda d: d,
        gelukt="De zienswijze is vastgelegd. Neem nu het besluit.",
    )


def _besluit_argumenten(d):
    return {
        "opleggen": d["besluit"] == "boete",
        "matiging": d.get("matiging") or 100,
        "matiging_reden": d.get("matiging_reden", ""),
        "reden_geen_boete": d.get("reden_geen_boete", ""),
        "bijstand_verlaagd": d.get("bijstand_verlaagd", False),
    }


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("boete")
def besluit(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=BesluitForm,
        prefix="besluit",
        naam="besluit_form",
        service=boete_services.besluiten,
        argumenten=_besluit_argumenten,
        gelukt="Het besluit is vastgelegd. Een boete gaat eerst naar de teamleider ter goedkeuring.",
    )


def _beoordelen(*, boete, door, keuze, reden):
    if keuze == "goedkeuren":
        return boete_services.goedkeuren(boete=boete, door=door)
    return boete_services.afkeuren(boete=boete, door=door, reden=reden)


@vereist_recht(Recht.BOETES_GOEDKEUREN)
@require_POST
@logt_lezen("boete")
def beoordelen(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=BeoordelingForm,
        prefix="beoordeling",
        naam="beoordeling_form",
        service=_beoordelen,
        argumenten=lambda d: d,
        gelukt="Uw beoordeling is vastgelegd.",
        recht=Recht.BOETES_GOEDKEUREN,
    )


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("boete")
def betaling(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=BetalingForm,
        prefix="betaling",
        naam="betaling_form",
        service=boete_services.betaling_vastleggen,
        argumenten=lambda d: d,
        gelukt="De betaling is vastgelegd.",
        form_extra=lambda inburgeraar: {
            "verrekenen": boete_services.beleid_van(inburgeraar).verrekenen_met_bijstand
        },
    )


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("boete")
def bezwaar(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=BezwaarForm,
        prefix="bezwaar",
        naam="bezwaar_form",
        service=boete_services.bezwaar_registreren,
        argumenten=lambda d: d,
        gelukt="Het bezwaar is geregistreerd.",
    )


def _beslissing_argumenten(d):
    bedrag = d.get("nieuw_bedrag")
    return {
        "uitkomst": d["uitkomst"],
        "beslist_op": d["beslist_op"],
        "toelichting": d["toelichting"],
        "nieuw_bedrag_centen": int(bedrag * 100) if isinstance(bedrag, Decimal) else None,
    }


@vereist_recht(WIJZIGEN)
@require_POST
@logt_lezen("boete")
def bezwaar_beslissen(request, uuid, boete):
    return _stap(
        request,
        uuid,
        boete,
        form_klasse=BezwaarBeslissingForm,
        prefix="beslissing",
        naam="bezwaar_beslissing_form",
        service=boete_services.bezwaar_beslissen,
        argumenten=_beslissing_argumenten,
        gelukt="De beslissing op het bezwaar is vastgelegd.",
    )


@vereist_recht(LEZEN)
@require_GET
@logt_document("Boetebeschikking", onderdeel="boete")
def pdf(request, uuid, boete):
    """The beschikking, once a team lead approved the fine (it has a dagtekening)."""
    inburgeraar = inburgeraar_voor(request.user, uuid)
    gekozen = boete_van(inburgeraar, boete)
    if gekozen.dagtekening is None:
        messages.error(request, "Er is nog geen beschikking: de teamleider moet de boete eerst goedkeuren.")
        return redirect("handhaving:boete", uuid=inburgeraar.uuid, boete=gekozen.uuid)
    return pdf_antwoord(boete_pdf.beschikking_pdf(gekozen), boete_pdf.bestandsnaam(gekozen))


@vereist_recht(Recht.BOETES_GOEDKEUREN)
@require_GET
@logt_lezen("boete")
def ter_goedkeuring(request):
    """The team lead's list: decisions to fine waiting for approval, paginated in the database."""
    lijst = pagina_van(request, boetes_ter_goedkeuring(request.user), PER_PAGINA)
    boetes = list(lijst["pagina"].object_list)
    verwerkingslog.betreft(request, [b.inburgeraar for b in boetes])
    return render(request, "handhaving/ter_goedkeuring.html", {**lijst, "boetes": boetes})

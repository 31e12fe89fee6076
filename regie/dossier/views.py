"""Pages of a newcomer's case: register, overview, change, status, deadlines, timeline, search.

Views read through the selectors and change through the services; they never hold a
rule of the law. A BSN never goes in a URL: BSN search and the partner search are POSTs.
"""

import re
import uuid as uuid_module
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars import forms as f
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraar_voor, inburgeraars_voor, zoek_inburgeraars
from regie.inburgeraars.services import inburgeraar_registreren, inburgeraar_wijzigen, status_wijzigen
from regie.inburgeraars.status import EINDSTATUSSEN, EindeReden
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog.log import betreft, betreft_keuzes, logt_lezen
from regie.werkvoorraad.selectors import rij_voor
from regie.werkvoorraad.signalen import relevante_termijnen
from regie.wet.termijnen import datum_tekst

ZOEK_MAX = 50
KNOP_PARTNER = "partner_zoeken"
KNOP_KIND = "kind_toevoegen"


def _formulier_context(form, kinderen=None, **extra) -> dict:
    formulieren = [form, *(kinderen.forms if kinderen is not None else [])]
    heeft_fouten = any(fm.is_bound and fm.errors for fm in formulieren) or bool(
        kinderen is not None and kinderen.is_bound and kinderen.non_form_errors()
    )
    return {
        "form": form,
        "kinderen": kinderen,
        "formulieren": formulieren,
        "heeft_fouten": heeft_fouten,
        **extra,
    }


@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_http_methods(["GET", "POST"])
@logt_lezen("zoekresultaten")
def registreren(request):
    return registratiepagina(request)


def registratiepagina(request, *, initial=None, registreer=None, na_registratie=None, **extra):
    """The registration form (GET shows it, POST saves it or only changes the form). Also used for
    a parked DUO notice (regie.duo.schermen.meldingen.registreren): `initial` prefills the form,
    `registreer` replaces the service (same arguments), `na_registratie(inburgeraar)` gives the
    response after saving, and `extra` goes into the template (e.g. `actie_url`)."""
    registreer = registreer or inburgeraar_registreren
    if request.method == "GET":
        form = f.InburgeraarForm(user=request.user, initial=initial)
        return render(
            request, "inburgeraars/registreren.html", _formulier_context(form, f.kinderen_formset(), **extra)
        )

    if KNOP_PARTNER in request.POST or KNOP_KIND in request.POST:
        # Only changes the form (search a partner, one more child row); nothing is saved.
        form = f.herhaal_invoer(f.InburgeraarForm, request.POST, user=request.user)
        kinderen = f.kinderen_uit_invoer(request.POST, erbij=1 if KNOP_KIND in request.POST else 0)
        if KNOP_PARTNER in request.POST:
            form.fields["partner"].widget.attrs["autofocus"] = True
        elif kinderen.forms:
            kinderen.forms[-1].fields["voornaam"].widget.attrs["autofocus"] = True
        betreft_keuzes(request, form)
        return render(request, "inburgeraars/registreren.html", _formulier_context(form, kinderen, **extra))

    form = f.InburgeraarForm(request.POST, user=request.user)
    kinderen = f.kinderen_formset(request.POST)
    geldig = form.is_valid()
    if kinderen.is_valid() and geldig:  # both checked, so all messages show at once
        try:
            inburgeraar = registreer(
                door=request.user,
                kinderen=[k for k in (kf.kind() for kf in kinderen.forms) if k],
                **form.gegevens(),
            )
        except ValidationError as exc:
            form.fouten_van_service(exc)
        else:
            if na_registratie is not None:
                return na_registratie(inburgeraar)
            messages.success(request, f"{inburgeraar.naam} is geregistreerd.")
            return redirect("inburgeraars:dossier", uuid=inburgeraar.uuid)
    return render(request, "inburgeraars/registreren.html", _formulier_context(form, kinderen, **extra))


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_POST
@logt_lezen("zoekresultaten")
def partner_opties(request):
    """The partner list for the search box (htmx). POST, because people may type a BSN."""
    dossier = None
    if request.GET.get("voor"):
        try:
            dossier = inburgeraar_voor(
                request.user, uuid_module.UUID(request.GET["voor"]), recht=Recht.DOSSIERS_WIJZIGEN_EIGEN
            )
        except ValueError as exc:
            raise Http404("Dit dossier bestaat niet.") from exc
    form = f.herhaal_invoer(f.InburgeraarForm, request.POST, user=request.user, dossier=dossier)
    betreft_keuzes(request, form)
    return render(request, "inburgeraars/_partner_opties.html", {"form": form})


def _dossier_context(request, inburgeraar: Inburgeraar, **extra) -> dict:
    return {
        "inburgeraar": inburgeraar,
        "tab": "overzicht",
        "rij": rij_voor(inburgeraar, vandaag()),
        "kinderen": list(inburgeraar.kinderen.all()),
        "partner_van": list(inburgeraars_voor(request.user).filter(partner=inburgeraar)),
        "status_form": extra.pop("status_form", None) or f.StatusForm(inburgeraar=inburgeraar),
        "mag_wijzigen": mag(request.user, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar),
        **extra,
    }


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("dossier", huishouden=True)
def dossier(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    return render(request, "inburgeraars/dossier.html", _dossier_context(request, inburgeraar))


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_POST
@logt_lezen("dossier", huishouden=True)
def status(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    form = f.StatusForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        try:
            status_wijzigen(inburgeraar=inburgeraar, door=request.user, **form.service_argumenten())
        except GelijktijdigGewijzigd as exc:
            messages.error(request, str(exc))
            return redirect("inburgeraars:dossier", uuid=uuid)
        except ValidationError as exc:
            form.fouten_van_service(exc, {"status": "naar", "einde_reden": "reden"})
        else:
            messages.success(request, f"De status is nu '{inburgeraar.get_status_display()}'.")
            return redirect("inburgeraars:dossier", uuid=uuid)
        inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    return render(
        request, "inburgeraars/dossier.html", _dossier_context(request, inburgeraar, status_form=form)
    )


@vereist_recht(Recht.DOSSIERS_WIJZIGEN_EIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("dossier", huishouden=True)
def wijzigen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    context = {"inburgeraar": inburgeraar, "tab": "overzicht"}
    if request.method == "GET":
        form = f.WijzigForm(instance=inburgeraar, user=request.user, dossier=inburgeraar)
        return render(request, "inburgeraars/wijzigen.html", {**context, **_formulier_context(form)})

    if KNOP_PARTNER in request.POST:
        form = f.herhaal_invoer(
            f.WijzigForm, request.POST, instance=inburgeraar, user=request.user, dossier=inburgeraar
        )
        form.fields["partner"].widget.attrs["autofocus"] = True
        betreft_keuzes(request, form)
        return render(request, "inburgeraars/wijzigen.html", {**context, **_formulier_context(form)})

    # The form gets its own empty instance: the service compares with the case as stored.
    form = f.WijzigForm(request.POST, instance=Inburgeraar(), user=request.user, dossier=inburgeraar)
    gelijktijdig = ""
    if form.is_valid():
        try:
            inburgeraar_wijzigen(
                inburgeraar=inburgeraar,
                door=request.user,
                versie=form.cleaned_data["versie"],
                **form.gegevens(),
            )
        except GelijktijdigGewijzigd as exc:
            gelijktijdig = str(exc)
        except ValidationError as exc:
            form.fouten_van_service(exc)
        else:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("inburgeraars:dossier", uuid=uuid)
        # The service changed the object in memory; show the case as it is stored.
        context["inburgeraar"] = inburgeraar_voor(request.user, uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN)
    return render(
        request,
        "inburgeraars/wijzigen.html",
        {**context, **_formulier_context(form, gelijktijdig=gelijktijdig)},
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("termijnen")
def termijnen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    rij = rij_voor(inburgeraar, vandaag())
    return render(
        request,
        "inburgeraars/termijnen.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "termijnen",
            "rij": rij,
            "relevante_soorten": {t.soort for t in relevante_termijnen(rij.termijnen, inburgeraar.status)},
            "gesloten": inburgeraar.status_enum in EINDSTATUSSEN,
            "mag_wijzigen": mag(request.user, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar),
        },
    )


def _reden_tekst(gebeurtenis: Gebeurtenis) -> str:
    reden = gebeurtenis.gegevens.get("reden") or ""
    if gebeurtenis.soort == Soort.STATUS_GEWIJZIGD and reden in {r.value for r in EindeReden}:
        return EindeReden(reden).label
    return str(reden)


def _waarde_tekst(label: str, waarde) -> str:
    # A BSN shows only its last three digits on the timeline; the overview has the full one.
    if label == "BSN" and isinstance(waarde, str) and len(waarde) == 9 and waarde.isdigit():
        return f"een BSN dat eindigt op {waarde[-3:]}"
    if isinstance(waarde, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        return datum_tekst(date.fromisoformat(waarde))
    return str(waarde)


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("tijdlijn")
def tijdlijn(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    regels = []
    for g in inburgeraar.gebeurtenissen.select_related("door").order_by("-op", "-id"):
        reden = _reden_tekst(g)
        wijzigingen = [
            (label, _waarde_tekst(label, oud), _waarde_tekst(label, nieuw))
            for label, (oud, nieuw) in (g.gegevens.get("wijzigingen") or {}).items()
        ]
        regels.append(
            {
                "gebeurtenis": g,
                "wijzigingen": wijzigingen,
                "reden": reden if reden not in g.omschrijving else "",
                "toelichting": g.gegevens.get("toelichting") or "",
            }
        )
    return render(
        request,
        "inburgeraars/tijdlijn.html",
        {"inburgeraar": inburgeraar, "tab": "tijdlijn", "regels": regels},
    )


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("zoekresultaten")
def zoeken(request):
    """Search by name and/or birth date (GET), or by BSN (POST only, so it stays out of
    addresses, browser history and logs). A `bsn` in the address is ignored."""
    naam_form = f.NaamZoekForm(
        request.GET if ("naam" in request.GET or "geboortedatum" in request.GET) else None
    )
    bsn_form = f.BsnZoekForm(request.POST if request.method == "POST" else None)
    resultaten = None
    if request.method == "POST":
        if bsn_form.is_valid():
            resultaten = zoek_inburgeraars(request.user, bsn=bsn_form.cleaned_data["bsn"])
    elif naam_form.is_bound and naam_form.is_valid():
        resultaten = zoek_inburgeraars(
            request.user,
            tekst=naam_form.cleaned_data["naam"],
            geboortedatum=naam_form.cleaned_data["geboortedatum"],
        )
    context = {"naam_form": naam_form, "bsn_form": bsn_form, "max": ZOEK_MAX}
    if resultaten is not None:
        context["gezocht"] = True
        resultaten = list(resultaten.order_by("geslachtsnaam", "voornamen", "pk")[: ZOEK_MAX + 1])
        context["meer"] = len(resultaten) > ZOEK_MAX
        context["resultaten"] = resultaten[:ZOEK_MAX]
        betreft(request, context["resultaten"])
    return render(request, "inburgeraars/zoeken.html", context)

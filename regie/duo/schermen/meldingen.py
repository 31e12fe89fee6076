"""Pages for DUO's notices: the list "DUO-meldingen" (parked notices and signals first), one notice
with its manual handling, and the reconciliation with DUO (team and per case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, heeft_recht, mag, vereist_recht, weiger
from regie.dossier.views import registratiepagina
from regie.duo.client import DuoFout
from regie.duo.inkomend import services
from regie.duo.inkomend.afstemming import afstemming_starten, vergelijk
from regie.duo.inkomend.models import Afstemming, Notificatie, Status
from regie.duo.inkomend.registratie import registreerbaar, registreren_uit_melding, voorinvulling
from regie.duo.inkomend.selectors import afstemming_regels, notificaties_voor
from regie.inburgeraars.selectors import inburgeraar_voor, inburgeraars_voor
from regie.lijsten import pagina_van
from regie.verwerkingslog.log import betreft, logt_lezen

PER_PAGINA = 50

FILTERS = {
    "open": (
        "Te behandelen",
        lambda qs: qs.filter(status=Status.GEPARKEERD) | qs.filter(status=Status.VERWERKT, signaal=True),
    ),
    "geparkeerd": ("Geparkeerd", lambda qs: qs.filter(status=Status.GEPARKEERD)),
    "signalen": ("Signalen", lambda qs: qs.filter(status=Status.VERWERKT, signaal=True)),
    "ontvangen": ("Nog in verwerking", lambda qs: qs.filter(status=Status.ONTVANGEN)),
    "alle": ("Alle meldingen", lambda qs: qs),
}


@vereist_recht(Recht.DUO_MELDINGEN)
@require_GET
@logt_lezen("duo-meldingen")
def lijst(request):
    filter_naam = request.GET.get("filter", "open")
    if filter_naam not in FILTERS:
        filter_naam = "open"
    qs = FILTERS[filter_naam][1](notificaties_voor(request.user)).order_by("-ontvangen_op", "-id")
    # Newest first, 50 a page, cut in the database (COUNT plus one page).
    lijst = pagina_van(request, qs, PER_PAGINA)
    meldingen = list(lijst["pagina"].object_list)
    betreft(request, [m.inburgeraar for m in meldingen if m.inburgeraar_id])
    if heeft_recht(request.user, Recht.DOSSIERS_REGISTREREN):
        for m in meldingen:
            m.registreerbaar = not registreerbaar(m)
    return render(
        request,
        "notificaties/lijst.html",
        {
            **lijst,
            "meldingen": meldingen,
            "filters": [(naam, label) for naam, (label, _) in FILTERS.items()],
            "filter_naam": filter_naam,
            "per_pagina": PER_PAGINA,
            "zoekadres": f"filter={filter_naam}",
        },
    )


def _melding_voor(user, uuid) -> Notificatie:
    try:
        return notificaties_voor(user).get(uuid=uuid)
    except (Notificatie.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Deze melding bestaat niet of u heeft er geen toegang toe.") from exc


@vereist_recht(Recht.DUO_MELDINGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen("duo-meldingen")
def melding(request, uuid):
    notificatie = _melding_voor(request.user, uuid)
    fouten = {}
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "opnieuw":
                services.opnieuw_verwerken(notificatie=notificatie, door=request.user)
                messages.success(request, "De melding wordt opnieuw verwerkt.")
                return redirect("notificaties:melding", uuid=notificatie.uuid)
            if actie == "koppelen":
                inburgeraar = _dossier_uit_bsn(request, request.POST.get("bsn", ""))
                services.opnieuw_verwerken(
                    notificatie=notificatie, door=request.user, inburgeraar=inburgeraar
                )
                messages.success(
                    request, "De melding is aan het dossier gekoppeld en wordt opnieuw verwerkt."
                )
                return redirect("notificaties:melding", uuid=notificatie.uuid)
            if actie == "afhandelen":
                services.afhandelen(
                    notificatie=notificatie, door=request.user, notitie=request.POST.get("notitie", "")
                )
                messages.success(request, "De melding is afgehandeld.")
                return redirect("notificaties:melding", uuid=notificatie.uuid)
            fouten = {"actie": ["Kies wat u met de melding wilt doen."]}
        except ValidationError as fout:
            fouten = fout.message_dict
    if notificatie.inburgeraar_id:
        betreft(request, notificatie.inburgeraar)
    return render(
        request,
        "notificaties/melding.html",
        {
            "melding": notificatie,
            "fouten": fouten,
            "notitie": request.POST.get("notitie", "") if request.method == "POST" else "",
            "dossier_zichtbaar": notificatie.inburgeraar_id
            and inburgeraars_voor(request.user).filter(pk=notificatie.inburgeraar_id).exists(),
            "registreerbaar": not registreerbaar(notificatie)
            and heeft_recht(request.user, Recht.DOSSIERS_REGISTREREN),
        },
        status=400 if fouten else 200,
    )


@vereist_recht(Recht.DUO_MELDINGEN)
@vereist_recht(Recht.DOSSIERS_REGISTREREN)
@require_http_methods(["GET", "POST"])
@logt_lezen("duo-meldingen")
def registreren(request, uuid):
    """The registration form for the newcomer of a parked new-obligation notice, prefilled with
    what DUO gave. Only the notice's uuid is in the address (never the BSN). After saving, Regie
    processes the notice again for the new case (regie.duo.inkomend.registratie)."""
    notificatie = _melding_voor(request.user, uuid)
    reden = registreerbaar(notificatie)
    if reden:
        messages.warning(request, reden)
        return redirect("notificaties:melding", uuid=notificatie.uuid)

    def registreer(**gegevens):
        return registreren_uit_melding(notificatie=notificatie, **gegevens)

    def na_registratie(inburgeraar):
        messages.success(
            request,
            f"{inburgeraar.naam} is geregistreerd. Regie verwerkt nu de DUO-melding {notificatie.gebeurtenis_id}:"
            " de gegevens van DUO komen vanzelf in het dossier en de melding wordt 'verwerkt'.",
        )
        return redirect("inburgeraars:dossier", uuid=inburgeraar.uuid)

    initial, waarschuwing = voorinvulling(notificatie) if request.method == "GET" else (None, "")
    return registratiepagina(
        request,
        initial=initial,
        registreer=registreer,
        na_registratie=na_registratie,
        melding=notificatie,
        duo_waarschuwing=waarschuwing,
        actie_url=reverse("notificaties:registreren", kwargs={"uuid": notificatie.uuid}),
    )


def _dossier_uit_bsn(request, bsn: str):
    """The case with this BSN that the user may change; the BSN only ever arrives in a POST body."""
    bsn = bsn.strip()
    inburgeraar = inburgeraars_voor(request.user).filter(bsn=bsn).first() if bsn else None
    if inburgeraar is None:
        raise ValidationError({"bsn": ["Er is geen dossier met dit BSN dat u kunt zien."]})
    if not mag(request.user, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar):
        raise ValidationError(
            {"bsn": ["U mag dit dossier niet wijzigen: vraag de vaste consulent of de teamleider."]}
        )
    return inburgeraar


@vereist_recht(Recht.TEAMCIJFERS)
@require_http_methods(["GET", "POST"])
@logt_lezen("afstemming met DUO")
def afstemming(request):
    if not request.user.organisatie_id:
        raise weiger(request, request.user, Recht.TEAMCIJFERS)
    fout = ""
    if request.method == "POST":
        if request.POST.get("actie") == "starten":
            afstemming_starten(organisatie=request.user.organisatie, door=request.user)
            messages.success(
                request, "De afstemming met DUO is gestart. Ververs de pagina over een paar minuten."
            )
            return redirect("notificaties:afstemming")
        fout = "Kies 'Nu afstemmen met DUO' om de afstemming te starten."
    laatste = Afstemming.objects.filter(organisatie_id=request.user.organisatie_id).first()
    context = {"laatste": laatste, "rijen": [], "fout": fout}
    if laatste and laatste.klaar_op:
        # 50 persons a page, cut in the database (COUNT plus one page), as the other lists.
        lijst = pagina_van(request, afstemming_regels(request.user, laatste), PER_PAGINA)
        context |= {**lijst, "rijen": list(lijst["pagina"].object_list)}
        betreft(request, [r.inburgeraar for r in context["rijen"]])
    return render(request, "notificaties/afstemming.html", context, status=400 if fout else 200)


@vereist_recht(Recht.DOSSIERS_LEZEN_EIGEN)
@require_GET
@logt_lezen("afstemming met DUO")
def afstemming_dossier(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    try:
        verschillen, fout = vergelijk(inburgeraar), ""
    except DuoFout as e:
        verschillen, fout = [], str(e)
    return render(
        request,
        "notificaties/afstemming_dossier.html",
        {"inburgeraar": inburgeraar, "tab": "duo-afstemming", "verschillen": verschillen, "fout": fout},
    )

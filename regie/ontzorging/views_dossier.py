"""The case tab "Ontzorging": whether ontzorging (Pw 56a) applies, from when until when, the
continuation with consent, the household's fixed costs with their history, the bijstand the
Participatiewet system reported, budget coaching, the payments, and the letter at the end.
Views are thin: the case comes from `inburgeraar_voor`, changes go through the services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, mag, vereist_recht
from regie.financien.bedragen import euro
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.klok import vandaag
from regie.ontzorging import selectors, services
from regie.ontzorging.forms import (
    BeeindigenForm,
    BijstandForm,
    ChecklistForm,
    OntzorgingForm,
    VasteLastForm,
    VerlengenForm,
)
from regie.ontzorging.zelfredzaamheid import CHECKLIST
from regie.participatie.models import Soort as ActiviteitSoort
from regie.pdf import pdf_antwoord, pdf_uit_template
from regie.verwerkingslog.log import logt_document, logt_lezen

LEZEN = Recht.DOSSIERS_LEZEN_EIGEN
WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN
ONDERDEEL = services.ONDERDEEL
PER_PAGINA = 10


def _ontzorging(inburgeraar):
    ontzorging = selectors.ontzorging_van(inburgeraar)
    if ontzorging is None:
        raise Http404("Voor dit dossier is geen ontzorging vastgelegd.")
    return ontzorging


def _opslaan(form, opslaan) -> bool:
    if not form.is_valid():
        return False
    try:
        opslaan()
    except ValidationError as fout:
        form.fouten_van_service(fout)
    except GelijktijdigGewijzigd as fout:
        form.add_error(None, str(fout))
    else:
        return True
    return False


@vereist_recht(LEZEN)
@require_GET
@logt_lezen(ONDERDEEL)
def ontzorging(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    o = selectors.ontzorging_van(inburgeraar)
    context = {
        "inburgeraar": inburgeraar,
        "tab": "ontzorging",
        "ontzorging": o,
        "mag_wijzigen": mag(request.user, WIJZIGEN, inburgeraar),
        "vandaag": vandaag(),
    }
    if o is not None:
        context |= {
            "loopt": o.loopt_op(vandaag(), dossier_open=inburgeraar.status_enum not in EINDSTATUSSEN),
            "dossier_gesloten": inburgeraar.status_enum in EINDSTATUSSEN,
            "vaste_lasten": Paginator(selectors.vaste_lasten_van(o), PER_PAGINA).get_page(
                request.GET.get("lasten")
            ),
            "wijzigingen": Paginator(selectors.wijzigingen_van(o), PER_PAGINA).get_page(
                request.GET.get("historie")
            ),
            "betalingen": Paginator(selectors.betalingen_van_dossier(inburgeraar), PER_PAGINA).get_page(
                request.GET.get("betalingen")
            ),
            "bijstand": Paginator(inburgeraar.bijstandsbedragen.order_by("-maand"), PER_PAGINA).get_page(
                request.GET.get("bijstand")
            ),
            "checklist": [(code, tekst, (o.checklist or {}).get(code)) for code, tekst in CHECKLIST.items()],
            "coaching": inburgeraar.participatie_activiteiten.filter(
                soort=ActiviteitSoort.BUDGETCOACHING
            ).order_by("-startdatum")[:5],
        }
    return render(request, "ontzorging/dossier.html", context)


def _formulierpagina(request, inburgeraar, form, titel: str, uitleg: str, knop: str):
    return render(
        request,
        "ontzorging/formulier.html",
        {
            "inburgeraar": inburgeraar,
            "tab": "ontzorging",
            "form": form,
            "titel": titel,
            "uitleg": uitleg,
            "knop": knop,
        },
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def vastleggen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    if selectors.ontzorging_van(inburgeraar) is not None:
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    form = OntzorgingForm(request.POST or None, initial={"versie": inburgeraar.versie})
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.ontzorging_vastleggen(
            inburgeraar=inburgeraar,
            door=request.user,
            vergunning=form.cleaned_data["vergunning"],
            eerste_bijstand=form.cleaned_data["eerste_bijstand"],
            versie=form.cleaned_data["versie"],
        ),
    ):
        messages.success(request, "De ontzorging is vastgelegd.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Ontzorging vastleggen",
        "Krijgt de inburgeraar bijstand en heeft hij of zij een asielvergunning (ook een afgeleide, als nareiziger)?"
        " Dan betaalt de gemeente de eerste zes maanden de vaste lasten: huur, energie, water en zorgverzekering."
        " Dat heet ontzorging (Participatiewet, artikel 56a). Het begint bij de eerste betaling van de bijstand.",
        "Ontzorging vastleggen",
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def verlengen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    o = _ontzorging(inburgeraar)
    form = VerlengenForm(
        request.POST or None, initial={"versie": inburgeraar.versie, "toestemming_op": vandaag()}
    )
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.ontzorging_verlengen(
            ontzorging=o,
            door=request.user,
            maanden=form.cleaned_data["maanden"],
            toestemming_op=form.cleaned_data["toestemming_op"],
            versie=form.cleaned_data["versie"],
        ),
    ):
        messages.success(request, "De ontzorging is verlengd.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Ontzorging verlengen",
        f"De ontzorging loopt nu tot en met {o.laatste_dag:%d-%m-%Y}. Langer kan alleen als de inburgeraar daar"
        " toestemming voor geeft. Vul de datum van de toestemming in.",
        "Verlengen",
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def beeindigen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    o = _ontzorging(inburgeraar)
    form = BeeindigenForm(request.POST or None, initial={"versie": inburgeraar.versie, "op": o.laatste_dag})
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.ontzorging_beeindigen(
            ontzorging=o,
            door=request.user,
            op=form.cleaned_data["op"],
            toelichting=form.cleaned_data["toelichting"],
            versie=form.cleaned_data["versie"],
        ),
    ):
        messages.success(request, "De ontzorging is beëindigd. Maak de brief voor de inburgeraar.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Ontzorging beëindigen",
        "Na de laatste dag betaalt de gemeente de vaste lasten niet meer. De inburgeraar betaalt ze dan zelf. Maak"
        " daarna de brief: daarin staat wat de inburgeraar zelf moet regelen.",
        "Beëindigen",
    )


@vereist_recht(LEZEN)
@require_GET
@logt_document("Brief einde ontzorging", onderdeel=ONDERDEEL)
def brief(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid)
    o = _ontzorging(inburgeraar)
    inhoud = pdf_uit_template(
        "ontzorging/brief_einde.html",
        {
            "inburgeraar": inburgeraar,
            "ontzorging": o,
            "vaste_lasten": [(v, euro(v.bedrag)) for v in selectors.vaste_lasten_van(o)[:20]],
            "datum": vandaag(),
        },
    )
    if mag(request.user, WIJZIGEN, inburgeraar):
        services.brief_gemaakt(ontzorging=o, door=request.user)
    return pdf_antwoord(inhoud, f"einde-ontzorging-{slugify(inburgeraar.naam)}.pdf")


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def bijstand(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    form = BijstandForm(request.POST or None, initial={"maand": vandaag().replace(day=1)})
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.bijstand_vastleggen(inburgeraar=inburgeraar, door=request.user, **form.cleaned_data),
    ):
        messages.success(request, "Het bedrag van de bijstand is vastgelegd.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Bijstand vastleggen",
        "De bijstand zelf regelt de gemeente in het systeem voor de Participatiewet. Hier legt u vast welk bedrag"
        " dat systeem voor een maand meldt, zodat u ziet wat er na de vaste lasten overblijft.",
        "Opslaan",
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def vaste_last_toevoegen(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    o = _ontzorging(inburgeraar)
    form = VasteLastForm(
        request.POST or None, initial={"versie": inburgeraar.versie, "van": o.eerste_bijstand.replace(day=1)}
    )
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.vaste_last_toevoegen(
            ontzorging=o, door=request.user, versie=form.cleaned_data["versie"], **form.gegevens()
        ),
    ):
        messages.success(request, "De vaste last is toegevoegd.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Vaste last toevoegen",
        "Vul in aan wie de gemeente betaalt, hoeveel per maand en vanaf welke maand. Neem het IBAN en de naam over"
        " van de rekening of het contract.",
        "Toevoegen",
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def vaste_last_wijzigen(request, uuid, vaste_last):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    o = _ontzorging(inburgeraar)
    last = selectors.vaste_last_van(o, vaste_last)
    begin = {veld: getattr(last, veld) for veld in services.VASTE_LAST_VELDEN} | {
        "bedrag": euro(last.bedrag)[2:]
    }
    form = VasteLastForm(request.POST or None, initial={"versie": inburgeraar.versie} | begin)
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.vaste_last_wijzigen(
            vaste_last=last, door=request.user, versie=form.cleaned_data["versie"], **form.gegevens()
        ),
    ):
        messages.success(request, "De vaste last is gewijzigd. De oude gegevens staan in de geschiedenis.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        f"Vaste last wijzigen: {last.get_soort_display().lower()}, {last.begunstigde}",
        "Stopt deze vaste last? Vul dan de laatste maand in. De oude gegevens blijven zichtbaar in de geschiedenis"
        " en op de tijdlijn.",
        "Opslaan",
    )


@vereist_recht(WIJZIGEN)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def budgetcoaching(request, uuid):
    inburgeraar = inburgeraar_voor(request.user, uuid, recht=WIJZIGEN)
    o = _ontzorging(inburgeraar)
    form = ChecklistForm(
        request.POST or None, initial={"versie": inburgeraar.versie, "afgevinkt": list(o.checklist or {})}
    )
    if request.method == "POST" and _opslaan(
        form,
        lambda: services.checklist_bijwerken(
            ontzorging=o,
            door=request.user,
            afgevinkt=set(form.cleaned_data["afgevinkt"]),
            versie=form.cleaned_data["versie"],
        ),
    ):
        messages.success(request, "De checklist budgetcoaching is bijgewerkt.")
        return redirect("ontzorging_dossier:ontzorging", uuid=inburgeraar.uuid)
    return _formulierpagina(
        request,
        inburgeraar,
        form,
        "Budgetcoaching: zelf de vaste lasten betalen",
        "Vink aan wat de inburgeraar al zelf kan. Zo is de inburgeraar klaar om de vaste lasten zelf te betalen als"
        " de ontzorging stopt.",
        "Opslaan",
    )

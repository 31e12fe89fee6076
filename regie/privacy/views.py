"""The auditor's pages: search the processing log by person, user and period, see one
entry, and make the overview for a data subject's access request (AVG art. 15).

Only for the role with the right VERWERKINGSLOG_INZIEN (the privacy officer), only the
entries of the own organisation, and every look is itself logged.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie import klok
from regie.accounts.rechten import Recht, vereist_recht
from regie.pdf import pdf_antwoord, pdf_uit_template
from regie.privacy import inzage, selectors
from regie.privacy.forms import BsnZoekForm, InzageForm, ZoekForm
from regie.verwerkingslog import log
from regie.verwerkingslog.models import Kanaal

PER_PAGINA = 50
MAX_PERSONEN_IN_RIJ = 5
# Counting all of a large organisation's log would take seconds (docs/verwerkingslog-volume.md).
MAX_GETELD = 10_000

INZIEN = Recht.VERWERKINGSLOG_INZIEN


def _persoon(request, criteria: dict):
    """The person searched for, as the auditor may know them, or None."""
    persoon_id = criteria.get("persoon_id")
    if criteria.get("persoon_uuid") is not None:
        persoon_id = selectors.inburgeraar_id_voor_uuid(request.user, criteria["persoon_uuid"])
        if persoon_id is None:
            return None
    if persoon_id is None:
        return None
    try:
        return selectors.persoon_voor(request.user, persoon_id)
    except Http404:
        return None


class _BegrensdePaginator(Paginator):
    """Counts up to MAX_GETELD and one more: 'more than', and the pages up to there."""

    @cached_property
    def count(self):
        return self.object_list[: MAX_GETELD + 1].count()

    @property
    def meer_dan(self) -> bool:
        return self.count > MAX_GETELD


@vereist_recht(INZIEN)
@require_http_methods(["GET", "POST"])
def zoeken(request):
    """GET: search by person (internal number or uuid), user, period, action, trace id.
    POST: search by BSN; the BSN becomes the internal number and the page reloads with that
    number in the address, so the BSN is in no address and no log."""
    bsn_form = BsnZoekForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and bsn_form.is_valid():
        inburgeraar_id = selectors.inburgeraar_id_voor_bsn(request.user, bsn_form.cleaned_data["bsn"])
        if inburgeraar_id is not None:
            return redirect(reverse("verwerkingslog:zoeken") + "?" + urlencode({"persoon": inburgeraar_id}))
        bsn_form.add_error(
            "bsn",
            "Uw organisatie heeft geen dossier met dit BSN. Is het dossier na de bewaartermijn verwijderd?"
            " Zoek dan op het interne nummer.",
        )
    form = ZoekForm(request.GET if request.method == "GET" and request.GET else None)
    return _zoekpagina(request, form, bsn_form)


def _zoekpagina(request, form, bsn_form, *, inzage_form=None, status=200):
    """The search page with its results; `inzage_form`: the access-request form with its errors."""
    context = {
        "form": form,
        "bsn_form": bsn_form,
        "inzage_form": inzage_form or InzageForm(),
        "persoon": None,
        "pagina": None,
        "gezocht": form.is_bound,
    }
    if form.is_bound and not form.is_valid():
        return render(request, "verwerkingslog/zoeken.html", context, status=status)

    criteria = form.criteria() if form.is_bound else {}
    persoon = _persoon(request, criteria) if criteria else None
    if criteria.get("persoon_uuid") is not None and persoon is not None:
        criteria = {**criteria, "persoon_uuid": None, "persoon_id": persoon.inburgeraar_id}
    resultaten = selectors.zoek_verwerkingen(request.user, **criteria).prefetch_related(
        Prefetch("betrokkenen", queryset=selectors.zichtbare_betrokkenen(request.user))
    )
    pagina = _BegrensdePaginator(resultaten, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = []
    for verwerking in pagina.object_list:
        ids = [b.inburgeraar_id for b in verwerking.betrokkenen.all()]
        rijen.append((verwerking, ids[:MAX_PERSONEN_IN_RIJ], max(0, len(ids) - MAX_PERSONEN_IN_RIJ)))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    context.update(
        persoon=persoon,
        pagina=pagina,
        rijen=rijen,
        zoekadres=zonder_pagina.urlencode(),
        max_geteld=f"{MAX_GETELD:,}".replace(",", "."),
    )
    log.verwerkingslog_geraadpleegd(
        request=request,
        zoekvraag={**criteria, "pagina": pagina.number},
        inburgeraars=[(persoon.inburgeraar_id, persoon.uuid)] if persoon else None,
    )
    return render(request, "verwerkingslog/zoeken.html", context, status=status)


@vereist_recht(INZIEN)
@require_GET
def detail(request, uuid):
    verwerking = selectors.verwerking_voor(request.user, uuid)
    betrokkenen = list(
        selectors.zichtbare_betrokkenen(request.user).filter(verwerking=verwerking).order_by("inburgeraar_id")
    )
    uuids = selectors.uuids_van(b.inburgeraar_id for b in betrokkenen)
    for betrokkene in betrokkenen:
        betrokkene.uuid = uuids.get(betrokkene.inburgeraar_id)
    velden = []
    for naam, waarde in (verwerking.velden or {}).items():
        if isinstance(waarde, list) and len(waarde) == 2:
            velden.append((naam, waarde[0], waarde[1]))
        else:
            velden.append((naam, None, waarde))
    log.verwerkingslog_geraadpleegd(
        request=request,
        zoekvraag={"regel": verwerking.uuid},
        inburgeraars=[(b.inburgeraar_id, b.uuid) for b in betrokkenen],
    )
    return render(
        request,
        "verwerkingslog/detail.html",
        {"verwerking": verwerking, "betrokkenen": betrokkenen, "velden": velden},
    )


FORMATEN = {"json", "pdf"}


@vereist_recht(INZIEN)
@require_POST
def inzageverzoek(request, inburgeraar_id, formaat):
    """The overview for an access request (AVG art. 15) of one person, as a download. The
    privacy officer says why (required); the reason is in the overview and in the log."""
    if formaat not in FORMATEN:
        raise Http404("Kies JSON of PDF.")
    persoon = selectors.persoon_voor(request.user, inburgeraar_id)
    form = InzageForm(request.POST)
    if not form.is_valid():
        zoekform = ZoekForm({"persoon": str(persoon.inburgeraar_id)})
        return _zoekpagina(request, zoekform, BsnZoekForm(), inzage_form=form, status=400)
    reden = form.cleaned_data["reden"]
    verwerkingen = selectors.zoek_verwerkingen(request.user, persoon_id=persoon.inburgeraar_id)
    inhoud = inzage.inzage(persoon, verwerkingen, door=request.user, reden=reden)
    naam = f"inzageverzoek-{persoon.inburgeraar_id}-{klok.vandaag():%Y%m%d}"
    if formaat == "json":
        antwoord = HttpResponse(inzage.als_json(inhoud), content_type="application/json; charset=utf-8")
        antwoord["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{naam}.json"
        )
    else:
        antwoord = pdf_antwoord(
            pdf_uit_template(
                "verwerkingslog/inzage_pdf.html",
                {"inhoud": inhoud, "persoon": persoon, "organisatie": request.user.organisatie},
            ),
            f"{naam}.pdf",
        )
    log.document_gemaakt(
        request=request,
        inburgeraar=[(persoon.inburgeraar_id, persoon.uuid)],
        soort=f"inzageverzoek AVG art. 15 ({formaat.upper()})",
        onderdeel="inzageverzoek",
        kanaal=Kanaal.EXPORT,
        reden=reden,
    )
    return antwoord

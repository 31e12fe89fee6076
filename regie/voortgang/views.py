"""The provider portal (/aanbieder/): a provider's employee sees only the referrals to their own
provider (`verwijzingen_voor(user)`), accepts or refuses new ones, and reports per referral:
attendance per week, progress, exams, completed components and the end report. Plus the CSV
bulk upload in two steps: upload → preview (nothing stored) → Opslaan.

Every page that shows a person writes the processing log (`logt_lezen` + `betreft`)."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Q, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from regie.accounts.rechten import Recht, vereist_recht
from regie.klok import vandaag
from regie.lijsten import pagina_van
from regie.trajecten import services as trajecten
from regie.trajecten.models import VerwijzingStatus
from regie.trajecten.selectors import verwijzing_voor, verwijzingen_voor
from regie.verwerkingslog.log import betreft, logt_lezen
from regie.voortgang import csv_invoer, selectors, services
from regie.voortgang import upload as upload_module
from regie.voortgang.forms import (
    AccepterenForm,
    EindrapportForm,
    ExamenForm,
    ResultaatForm,
    StartenForm,
    UploadForm,
    VoortgangForm,
    WeekForm,
    WeigerenForm,
)
from regie.voortgang.models import Bron, CsvUpload, Weekrapportage

AANBIEDER = Recht.VERWIJZINGEN_EIGEN_AANBIEDER
ONDERDEEL = "voortgang"
S = VerwijzingStatus


def _verwijzing(request, uuid):
    verwijzing = verwijzing_voor(request.user, uuid)
    betreft(request, verwijzing.inburgeraar)
    return verwijzing


def _fouten(form, fout) -> None:
    if isinstance(fout, PermissionDenied):
        form.add_error(None, str(fout) or "Dit mag u niet.")
    else:
        form.fouten_van_service(fout)


PER_PAGINA = 50
OPEN = (S.VERZONDEN, S.GEACCEPTEERD, S.GESTART)


@vereist_recht(AANBIEDER)
@require_GET
@logt_lezen(ONDERDEEL)
def verwijzingen(request):
    """The provider's referrals, 50 a page, counted and cut in the database: the open ones (new ones
    first, then the running ones), or with ?afgesloten=1 the closed ones. Four queries whatever the
    number of referrals: the counts, the page, the page's reports of last week, and the log."""
    alle = verwijzingen_voor(request.user)
    tellingen = alle.aggregate(
        nieuw=Count("pk", filter=Q(status=S.VERZONDEN)),
        lopend=Count("pk", filter=Q(status__in=(S.GEACCEPTEERD, S.GESTART))),
        afgesloten=Count("pk", filter=~Q(status__in=OPEN)),
    )
    afgesloten = request.GET.get("afgesloten") == "1"
    if afgesloten:
        qs = alle.exclude(status__in=OPEN).order_by("inburgeraar__geslachtsnaam", "-verzonden_op", "pk")
        aantal = tellingen["afgesloten"]
    else:
        # New referrals first (they wait for an answer), then the running ones.
        qs = (
            alle.filter(status__in=OPEN)
            .alias(_nieuw=Case(When(status=S.VERZONDEN, then=Value(0)), default=Value(1)))
            .order_by("_nieuw", "inburgeraar__geslachtsnaam", "-verzonden_op", "pk")
        )
        qs = selectors.met_laatste_rapportage(qs)
        aantal = tellingen["nieuw"] + tellingen["lopend"]
    # The count is known from the aggregate: no COUNT query.
    lijst = pagina_van(request, qs.select_related("inburgeraar"), PER_PAGINA, aantal=aantal)
    rijen = list(lijst["pagina"].object_list)
    betreft(request, [v.inburgeraar for v in rijen])
    vorige_week = csv_invoer.maandag_van(vandaag()) - timedelta(weeks=1)
    gemeld = set()
    if not afgesloten and rijen:
        gemeld = set(
            Weekrapportage.objects.filter(
                verwijzing_id__in=[v.pk for v in rijen], week=vorige_week, actueel=True
            ).values_list("verwijzing_id", flat=True)
        )
    for v in rijen:
        if not afgesloten:
            v.laatste_rapportage_datum = selectors.laatste_rapportage_op(v)
        v.vorige_week_gemeld = v.pk in gemeld
    zoekadres = "afgesloten=1" if afgesloten else ""
    return render(
        request,
        "portaal/verwijzingen.html",
        {
            "groepen": {
                "nieuw": [v for v in rijen if v.status == S.VERZONDEN],
                "lopend": [v for v in rijen if v.rapporteerbaar],
                "afgesloten": rijen if afgesloten else [],
            },
            "tellingen": tellingen,
            "afgesloten": afgesloten,
            **lijst,
            "zoekadres": zoekadres,
            "vorige_week": vorige_week,
            "vorige_week_tekst": csv_invoer.week_tekst(vorige_week),
            "aanbieder": request.user.aanbieder,
        },
    )


@vereist_recht(AANBIEDER)
@require_GET
@logt_lezen(ONDERDEEL)
def verwijzing(request, uuid):
    v = _verwijzing(request, uuid)
    return render(
        request,
        "portaal/verwijzing.html",
        {
            "verwijzing": v,
            "rapportages": selectors.weekrapportages(v),
            "correcties": selectors.correcties(v),
            "totalen": selectors.totalen(v),
            "metingen": v.voortgangsmetingen.all(),
            "examens": v.examenpogingen.all(),
            "resultaten": v.onderdeelresultaten.all(),
            "eindrapport": getattr(v, "eindrapport", None) if hasattr(v, "eindrapport") else None,
            "reden_niet": services.niet_rapporteerbaar(v),
            "accepteren_form": AccepterenForm(prefix="accepteren") if v.status == S.VERZONDEN else None,
            "starten_form": StartenForm(prefix="starten") if v.status == S.GEACCEPTEERD else None,
        },
    )


def _antwoord_stap(request, uuid, *, stap: str, form_klasse, template: str, service, melding: str):
    v = _verwijzing(request, uuid)
    form = form_klasse(request.POST if request.method == "POST" else None, prefix=stap)
    if request.method == "POST" and form.is_valid():
        try:
            service(verwijzing=v, door=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            _fouten(form, fout)
        else:
            messages.success(request, melding)
            return redirect("portaal:verwijzing", uuid=v.uuid)
    return render(request, template, {"verwijzing": v, "form": form, "stap": stap})


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def accepteren(request, uuid):
    return _antwoord_stap(
        request,
        uuid,
        stap="accepteren",
        form_klasse=AccepterenForm,
        template="portaal/stap.html",
        service=trajecten.accepteren,
        melding="De verwijzing is geaccepteerd. De gemeente ziet dit direct.",
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def weigeren(request, uuid):
    return _antwoord_stap(
        request,
        uuid,
        stap="weigeren",
        form_klasse=WeigerenForm,
        template="portaal/stap.html",
        service=trajecten.weigeren,
        melding="De verwijzing is geweigerd. De consulent krijgt uw reden te zien.",
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def starten(request, uuid):
    return _antwoord_stap(
        request,
        uuid,
        stap="starten",
        form_klasse=StartenForm,
        template="portaal/stap.html",
        service=trajecten.starten,
        melding="De start van het traject is gemeld.",
    )


def _rapport(request, uuid, *, form_klasse, service, template: str, titel: str, initial=None, melding=None):
    v = _verwijzing(request, uuid)
    form = form_klasse(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            uitkomst = service(verwijzing=v, door=request.user, bron=Bron.PORTAAL, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            _fouten(form, fout)
        else:
            tekst = {
                services.NIEUW: f"{titel} is opgeslagen.",
                services.CORRECTIE: f"{titel} is gecorrigeerd. De eerdere melding blijft bewaard.",
                services.ONGEWIJZIGD: f"{titel} was al zo gemeld. Er is niets veranderd.",
            }[uitkomst.wijziging]
            messages.success(request, melding(uitkomst) if melding else tekst)
            return redirect("portaal:verwijzing", uuid=v.uuid)
    return render(
        request,
        template,
        {"verwijzing": v, "form": form, "titel": titel, "reden_niet": services.niet_rapporteerbaar(v)},
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def aanwezigheid(request, uuid):
    vorige_week = csv_invoer.maandag_van(vandaag()) - timedelta(weeks=1)
    return _rapport(
        request,
        uuid,
        form_klasse=WeekForm,
        service=services.weekrapportage_vastleggen,
        template="portaal/aanwezigheid.html",
        titel="De aanwezigheid",
        initial={
            "week": request.GET.get("week") or vorige_week,
            "uren_afwezig_ziek": "0",
            "uren_afwezig_afspraak": "0",
            "uren_afwezig_ongeoorloofd": "0",
        },
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def voortgang(request, uuid):
    return _rapport(
        request,
        uuid,
        form_klasse=VoortgangForm,
        service=services.voortgang_vastleggen,
        template="portaal/rapport.html",
        titel="De voortgang",
        initial={"datum": vandaag()},
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def examen(request, uuid):
    return _rapport(
        request,
        uuid,
        form_klasse=ExamenForm,
        service=services.examenpoging_vastleggen,
        template="portaal/rapport.html",
        titel="De examenpoging",
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def resultaat(request, uuid):
    return _rapport(
        request,
        uuid,
        form_klasse=ResultaatForm,
        service=services.onderdeelresultaat_vastleggen,
        template="portaal/rapport.html",
        titel="Het resultaat",
    )


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def eindrapport(request, uuid):
    v = _verwijzing(request, uuid)
    bestaand = getattr(v, "eindrapport", None) if hasattr(v, "eindrapport") else None
    initial = (
        {"datum": bestaand.datum, "samenvatting": bestaand.samenvatting, "advies": bestaand.advies}
        if bestaand
        else {"datum": vandaag()}
    )
    return _rapport(
        request,
        uuid,
        form_klasse=EindrapportForm,
        service=services.eindrapport_vastleggen,
        template="portaal/rapport.html",
        titel="Het eindrapport",
        initial=initial,
    )


# --- CSV upload ------------------------------------------------------------------------------


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
def upload_kiezen(request):
    form = UploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            # One byte more than the limit is enough for lees_bestand to refuse a file that is too big.
            gemaakt = upload_module.voorbeeld_maken(
                inhoud=bestand.read(settings.MAX_UPLOAD_BYTES + 1),
                bestandsnaam=bestand.name,
                door=request.user,
            )
        except ValidationError as fout:
            form.fouten_van_service(fout)
        else:
            return redirect("portaal:upload_voorbeeld", upload=gemaakt.uuid)
    return render(request, "portaal/upload.html", {"form": form, "kolommen": _kolomuitleg()})


def _kolomuitleg() -> list[tuple[str, str]]:
    return [
        ("bsn", "Het burgerservicenummer. Of vul de kolom verwijzing in."),
        (
            "verwijzing",
            "Het nummer van de verwijzing in Regie (staat op de pagina van de verwijzing). Nodig als iemand meer verwijzingen naar u heeft.",
        ),
        ("week", "Een datum in de week (dd-mm-jjjj) of het weeknummer (2026-W47)."),
        ("uren_aangeboden", "Alle lesuren die u die week aanbood."),
        ("uren_gevolgd", "De uren die de persoon er was."),
        ("afwezig_ziek", "Uren afwezig door ziekte (leeg is 0)."),
        ("afwezig_afspraak", "Uren afwezig door een afspraak (leeg is 0)."),
        ("afwezig_ongeoorloofd", "Uren afwezig zonder geldige reden (leeg is 0)."),
        ("opmerking", "Niet verplicht."),
    ]


def _eigen_upload(request, sleutel) -> CsvUpload:
    try:
        return CsvUpload.objects.get(uuid=sleutel, door=request.user)
    except CsvUpload.DoesNotExist as exc:
        raise Http404("Deze upload bestaat niet of is niet van u.") from exc


@vereist_recht(AANBIEDER)
@require_http_methods(["GET", "POST"])
@logt_lezen(ONDERDEEL)
def upload_voorbeeld(request, upload: str):
    gekozen = _eigen_upload(request, upload)
    fout = ""
    if request.method == "POST":
        try:
            aantal = upload_module.upload_bevestigen(upload=gekozen, door=request.user)
        except upload_module.UploadVeranderd as veranderd:
            fout = str(veranderd)
            gekozen.refresh_from_db()
        except ValidationError as probleem:
            fout = " ".join(probleem.messages)
        else:
            messages.success(
                request,
                f"{aantal} weekrapportage{'' if aantal == 1 else 's'} opgeslagen uit {gekozen.bestandsnaam or 'het bestand'}.",
            )
            return redirect("portaal:upload_voorbeeld", upload=gekozen.uuid)
    rijen = upload_module.rijen_van(gekozen)
    personen = {r.verwijzing for r in rijen if r.verwijzing}
    if personen:
        betreft(
            request,
            [
                v.inburgeraar
                for v in verwijzingen_voor(request.user)
                .filter(uuid__in=personen)
                .select_related("inburgeraar")
            ],
        )
    return render(
        request,
        "portaal/upload_voorbeeld.html",
        {
            "upload": gekozen,
            "rijen": rijen,
            "samenvatting": upload_module.samenvatting(rijen),
            "fout": fout,
            "bewaardagen": upload_module.BEWAARDAGEN,
        },
        status=200,
    )


@vereist_recht(AANBIEDER)
@require_GET
def voorbeeld_csv(request):
    antwoord = HttpResponse(csv_invoer.VOORBEELD.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="aanwezigheid-voorbeeld.csv"'
    return antwoord


def portaal_adres(verwijzing) -> str:
    return reverse("portaal:verwijzing", kwargs={"uuid": verwijzing.uuid})

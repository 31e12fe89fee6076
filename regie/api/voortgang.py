"""What a provider reports, through the REST API (mounted in regie/api/urls.py):

    /verwijzingen/{uuid}/weekrapportages            GET  the current report of every week
    /verwijzingen/{uuid}/weekrapportages/{week}     GET  one week with its history; PUT (idempotent)
    /verwijzingen/{uuid}/voortgang                  GET, POST
    /verwijzingen/{uuid}/examens                    GET, POST
    /verwijzingen/{uuid}/resultaten                 GET, POST
    /verwijzingen/{uuid}/eindrapport                GET, PUT
    /weekrapportages/upload[?proefdraai=true]       POST a CSV file (text/csv)

Reading: whoever may see the referral (the municipality's consultants for their cases, the
provider's employees for their own referrals). Writing: only the provider's employees
(role aanbieder), only for referrals to their own provider. The checks are the services';
their Dutch messages come back as 400 problem+json with invalidParams.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.http import Http404
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as DrfValidationError
from rest_framework.parsers import BaseParser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts.rechten import Recht, heeft_recht, weiger
from regie.api.basis import Datum, Keuze, RegieApi, StrikteInvoer
from regie.beveiliging.grootte import grootte_tekst
from regie.trajecten.selectors import verwijzing_voor, verwijzingen_voor
from regie.verwerkingslog import log
from regie.voortgang import csv_invoer, services
from regie.voortgang import upload as upload_module
from regie.voortgang.models import (
    Bron,
    Eindrapport,
    Examenniveau,
    Examenonderdeel,
    Examenpoging,
    Niveau,
    Onderdeelresultaat,
    Resultaatsoort,
    Uitslag,
    Vaardigheid,
    Voortgangsmeting,
    Weekrapportage,
)

TAG = ["Rapportages van aanbieders"]
VERWIJZING_PARAMETER = OpenApiParameter(
    "uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="De uuid van de verwijzing."
)
WEEK_PARAMETER = OpenApiParameter(
    "week",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="De week als ISO-weeknummer (2026-W47) of als datum van de maandag (2026-11-16).",
)
WIJZIGING = serializers.ChoiceField(
    choices=[services.NIEUW, services.CORRECTIE, services.ONGEWIJZIGD],
    read_only=True,
    help_text="nieuw (201), correctie (vervangt de vorige melding, die als historie blijft) of ongewijzigd"
    " (hetzelfde was al gemeld; er is niets veranderd).",
)


class RapportageRecht(BasePermission):
    """Reading: the right to read cases or the provider's right. Writing: only the provider's."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if heeft_recht(request.user, Recht.VERWIJZINGEN_EIGEN_AANBIEDER):
            return True
        if request.method in SAFE_METHODS and heeft_recht(request.user, Recht.DOSSIERS_LEZEN_EIGEN):
            return True
        recht = (
            Recht.VERWIJZINGEN_EIGEN_AANBIEDER
            if request.method not in SAFE_METHODS
            else Recht.DOSSIERS_LEZEN_EIGEN
        )
        raise weiger(request, request.user, recht)


class VerwijzingApi(RegieApi):
    # Below /verwijzingen/{uuid}: the referral through the scoped selector (404 for any other).
    permission_classes = [RapportageRecht]
    verwerkingslog_onderdeel = "voortgang"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        log.betreft(request, self.verwijzing.inburgeraar)

    @cached_property
    def verwijzing(self):
        return verwijzing_voor(self.request.user, self.kwargs["uuid"])

    def antwoord(self, uitkomst, data) -> Response:
        data = {**data, "wijziging": uitkomst.wijziging}
        return Response(data, status=status.HTTP_201_CREATED if uitkomst.wijziging == services.NIEUW else 200)


# --- Weekly attendance ------------------------------------------------------------------------


class Uren(serializers.DecimalField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 5)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(coerce_to_string=False, **kwargs)
        self.error_messages.update(
            {
                "invalid": "Vul een aantal uren in, bijvoorbeeld 12 of 2.5.",
                "min_value": "Het aantal uren kan niet negatief zijn.",
                "max_digits": "Dat zijn te veel uren.",
                "max_whole_digits": "Dat zijn te veel uren.",
                "max_decimal_places": "Gebruik hoogstens twee cijfers achter de komma.",
                "required": "Vul dit veld in.",
                "null": "Vul dit veld in.",
            }
        )


class WeekrapportageSerializer(serializers.ModelSerializer):
    """De aanwezigheid van één week."""

    weeknummer = serializers.CharField(
        source="week_tekst", read_only=True, help_text="Bijvoorbeeld 2026-W47."
    )
    uren_aangeboden = Uren()
    uren_gevolgd = Uren()
    uren_afwezig_ziek = Uren()
    uren_afwezig_afspraak = Uren()
    uren_afwezig_ongeoorloofd = Uren()
    ingediend_door = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Weekrapportage
        fields = [
            "week",
            "weeknummer",
            "uren_aangeboden",
            "uren_gevolgd",
            "uren_afwezig_ziek",
            "uren_afwezig_afspraak",
            "uren_afwezig_ongeoorloofd",
            "opmerking",
            "actueel",
            "bron",
            "ingediend_door",
            "ingediend_op",
        ]
        extra_kwargs = {"week": {"help_text": "De maandag van de week."}}


class WeekMetHistorieSerializer(WeekrapportageSerializer):
    historie = serializers.SerializerMethodField(
        help_text="Eerdere meldingen van deze week, vervangen door een correctie."
    )
    wijziging = WIJZIGING

    class Meta(WeekrapportageSerializer.Meta):
        fields = [*WeekrapportageSerializer.Meta.fields, "historie", "wijziging"]

    @extend_schema_field(WeekrapportageSerializer(many=True))
    def get_historie(self, rapportage) -> list[dict]:
        eerder = Weekrapportage.objects.filter(
            verwijzing_id=rapportage.verwijzing_id, week=rapportage.week, actueel=False
        ).select_related("ingediend_door")
        return WeekrapportageSerializer(eerder, many=True).data


class WeekrapportageInvoer(StrikteInvoer):
    """De uren van één week. Gevolgd + ziek + afspraak + ongeoorloofd = aangeboden."""

    uren_aangeboden = Uren()
    uren_gevolgd = Uren()
    uren_afwezig_ziek = Uren(default=0)
    uren_afwezig_afspraak = Uren(default=0)
    uren_afwezig_ongeoorloofd = Uren(default=0)
    opmerking = serializers.CharField(
        allow_blank=True, default="", validators=[MaxLengthValidator(services.MAX_TEKST)]
    )


def lees_week_uit_pad(tekst: str) -> date:
    maandag, fout = csv_invoer.lees_week(tekst)
    if fout:
        raise Http404("Deze week bestaat niet. Gebruik 2026-W47 of de datum van de maandag (2026-11-16).")
    if "-W" not in tekst.upper() and date.fromisoformat(tekst) != maandag:
        raise DrfValidationError(
            {"week": ["Gebruik de datum van de maandag van de week, of het weeknummer (2026-W47)."]}
        )
    return maandag


class WeekrapportageLijst(VerwijzingApi, APIView):
    @extend_schema(
        summary="Aanwezigheid per week",
        description="De actuele melding van elke week van deze verwijzing, de nieuwste week eerst.",
        parameters=[VERWIJZING_PARAMETER],
        responses={200: WeekrapportageSerializer(many=True)},
        tags=TAG,
    )
    def get(self, request, uuid):
        qs = Weekrapportage.objects.filter(verwijzing=self.verwijzing, actueel=True).select_related(
            "ingediend_door"
        )
        return Response(WeekrapportageSerializer(qs, many=True).data)


class WeekrapportageDetail(VerwijzingApi, APIView):
    @extend_schema(
        summary="Eén week",
        description="De actuele melding van de week, met de eerdere meldingen die door een correctie zijn vervangen.",
        parameters=[VERWIJZING_PARAMETER, WEEK_PARAMETER],
        responses={200: WeekMetHistorieSerializer},
        tags=TAG,
    )
    def get(self, request, uuid, week):
        maandag = lees_week_uit_pad(week)
        rapportage = services.huidige_weekrapportage(self.verwijzing, maandag)
        if rapportage is None:
            raise Http404("Voor deze week is nog niets gemeld.")
        return Response(WeekMetHistorieSerializer(rapportage).data)

    @extend_schema(
        summary="Aanwezigheid van een week melden",
        description="Idempotent: dezelfde uren nog eens sturen verandert niets (200, wijziging 'ongewijzigd')."
        " Andere uren zijn een correctie: die vervangt de melding, de eerdere blijft als historie (200)."
        " De eerste melding geeft 201. Alleen voor de aanbieder van de verwijzing, als die is geaccepteerd of"
        " gestart, en voor een week in de looptijd die niet in de toekomst ligt.",
        parameters=[VERWIJZING_PARAMETER, WEEK_PARAMETER],
        request=WeekrapportageInvoer,
        responses={200: WeekMetHistorieSerializer, 201: WeekMetHistorieSerializer},
        tags=TAG,
    )
    def put(self, request, uuid, week):
        maandag = lees_week_uit_pad(week)
        invoer = WeekrapportageInvoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        uitkomst = services.weekrapportage_vastleggen(
            verwijzing=self.verwijzing,
            week=maandag,
            bron=Bron.API,
            door=request.user,
            **invoer.validated_data,
        )
        return self.antwoord(uitkomst, WeekMetHistorieSerializer(uitkomst.object).data)


# --- Progress, exams, results, end report -----------------------------------------------------


class MetingSerializer(serializers.ModelSerializer):
    """Het niveau van één onderdeel op een datum."""

    class Meta:
        model = Voortgangsmeting
        fields = ["datum", "onderdeel", "niveau", "toelichting", "bron", "ingediend_op"]


class MetingInvoer(StrikteInvoer):
    datum = Datum()
    onderdeel = Keuze(choices=Vaardigheid.choices)
    niveau = Keuze(choices=Niveau.choices)
    toelichting = serializers.CharField(
        allow_blank=True, default="", validators=[MaxLengthValidator(services.MAX_TEKST)]
    )


class ExamenSerializer(serializers.ModelSerializer):
    """Eén examenpoging."""

    class Meta:
        model = Examenpoging
        fields = ["datum", "onderdeel", "uitslag", "niveau", "toelichting", "bron", "ingediend_op"]


class ExamenInvoer(StrikteInvoer):
    datum = Datum()
    onderdeel = Keuze(choices=Examenonderdeel.choices)
    uitslag = Keuze(choices=Uitslag.choices)
    niveau = Keuze(choices=Examenniveau.choices, allow_blank=True, default="", help_text="Leeg bij KNM.")
    toelichting = serializers.CharField(
        allow_blank=True, default="", validators=[MaxLengthValidator(services.MAX_TEKST)]
    )


class ResultaatSerializer(serializers.ModelSerializer):
    """Een afgerond onderdeel: PVT, MAP of de Z-route."""

    class Meta:
        model = Onderdeelresultaat
        fields = [
            "soort",
            "afgerond_op",
            "uren_taal",
            "uren_participatie",
            "eindgesprek_op",
            "toelichting",
            "bron",
            "ingediend_op",
        ]


class ResultaatInvoer(StrikteInvoer):
    soort = Keuze(choices=Resultaatsoort.choices)
    afgerond_op = Datum()
    uren_taal = serializers.IntegerField(
        min_value=0, max_value=9999, allow_null=True, default=None, help_text="Alleen bij de Z-route."
    )
    uren_participatie = serializers.IntegerField(
        min_value=0, max_value=9999, allow_null=True, default=None, help_text="Alleen bij de Z-route."
    )
    eindgesprek_op = Datum(allow_null=True, default=None, help_text="Alleen bij de Z-route.")
    toelichting = serializers.CharField(
        allow_blank=True, default="", validators=[MaxLengthValidator(services.MAX_TEKST)]
    )


class EindrapportSerializer(serializers.ModelSerializer):
    """Het eindrapport van de aanbieder."""

    class Meta:
        model = Eindrapport
        fields = ["datum", "samenvatting", "advies", "bron", "ingediend_op"]


class EindrapportInvoer(StrikteInvoer):
    datum = Datum()
    samenvatting = serializers.CharField(validators=[MaxLengthValidator(services.MAX_RAPPORT)])
    advies = serializers.CharField(
        allow_blank=True, default="", validators=[MaxLengthValidator(services.MAX_RAPPORT)]
    )


_ANTWOORDEN: dict = {}


def _met_wijziging(serializer_klasse):
    """The serializer plus `wijziging`, one component per serializer (made once)."""
    if serializer_klasse in _ANTWOORDEN:
        return _ANTWOORDEN[serializer_klasse]
    _ANTWOORDEN[serializer_klasse] = inline_serializer(
        name=f"{serializer_klasse.__name__.removesuffix('Serializer')}Antwoord",
        fields={**{n: f for n, f in serializer_klasse().fields.items()}, "wijziging": WIJZIGING},
    )
    return _ANTWOORDEN[serializer_klasse]


def _lijst_en_melden(
    *, naam, model_veld, serializer, invoer, service, samenvatting_get, samenvatting_post, uitleg
):
    class Lijst(VerwijzingApi, APIView):
        @extend_schema(
            summary=samenvatting_get,
            parameters=[VERWIJZING_PARAMETER],
            responses={200: serializer(many=True)},
            tags=TAG,
        )
        def get(self, request, uuid):
            return Response(serializer(getattr(self.verwijzing, model_veld).all(), many=True).data)

        @extend_schema(
            summary=samenvatting_post,
            description=uitleg,
            parameters=[VERWIJZING_PARAMETER],
            request=invoer,
            responses={200: _met_wijziging(serializer), 201: _met_wijziging(serializer)},
            tags=TAG,
        )
        def post(self, request, uuid):
            gegevens = invoer(data=request.data)
            gegevens.is_valid(raise_exception=True)
            uitkomst = service(
                verwijzing=self.verwijzing, bron=Bron.API, door=request.user, **gegevens.validated_data
            )
            return self.antwoord(uitkomst, serializer(uitkomst.object).data)

    Lijst.__name__ = Lijst.__qualname__ = naam
    return Lijst


VoortgangLijst = _lijst_en_melden(
    naam="VoortgangLijst",
    model_veld="voortgangsmetingen",
    serializer=MetingSerializer,
    invoer=MetingInvoer,
    service=services.voortgang_vastleggen,
    samenvatting_get="Voortgang per onderdeel",
    samenvatting_post="Voortgang melden",
    uitleg="Eén meting per onderdeel per datum. Dezelfde meting nog eens: niets verandert (200). Een ander"
    " niveau op dezelfde datum is een correctie (200).",
)
ExamenLijst = _lijst_en_melden(
    naam="ExamenLijst",
    model_veld="examenpogingen",
    serializer=ExamenSerializer,
    invoer=ExamenInvoer,
    service=services.examenpoging_vastleggen,
    samenvatting_get="Examenpogingen",
    samenvatting_post="Examenpoging melden",
    uitleg="Eén poging per onderdeel per datum; nog eens sturen verandert niets. Het niveau is verplicht bij"
    " lezen, luisteren, spreken en schrijven (behalve bij niet verschenen); KNM heeft geen niveau.",
)
ResultaatLijst = _lijst_en_melden(
    naam="ResultaatLijst",
    model_veld="onderdeelresultaten",
    serializer=ResultaatSerializer,
    invoer=ResultaatInvoer,
    service=services.onderdeelresultaat_vastleggen,
    samenvatting_get="Afgeronde onderdelen",
    samenvatting_post="PVT, MAP of Z-route afgerond melden",
    uitleg="Eén resultaat per soort. Bij de Z-route ook de uren taal en participatie en de datum van het"
    " eindgesprek. Het resultaat moet passen bij de verwijzing (PVT bij een PVT-verwijzing, enzovoort).",
)


class EindrapportView(VerwijzingApi, APIView):
    @extend_schema(
        summary="Eindrapport",
        parameters=[VERWIJZING_PARAMETER],
        responses={200: EindrapportSerializer},
        tags=TAG,
    )
    def get(self, request, uuid):
        rapport = Eindrapport.objects.filter(verwijzing=self.verwijzing).first()
        if rapport is None:
            raise Http404("Er is nog geen eindrapport.")
        return Response(EindrapportSerializer(rapport).data)

    @extend_schema(
        summary="Eindrapport sturen",
        description="Ook nadat het traject is afgerond of afgebroken. Nog eens sturen verandert niets;"
        " een andere tekst is een correctie.",
        parameters=[VERWIJZING_PARAMETER],
        request=EindrapportInvoer,
        responses={200: _met_wijziging(EindrapportSerializer), 201: _met_wijziging(EindrapportSerializer)},
        tags=TAG,
    )
    def put(self, request, uuid):
        gegevens = EindrapportInvoer(data=request.data)
        gegevens.is_valid(raise_exception=True)
        uitkomst = services.eindrapport_vastleggen(
            verwijzing=self.verwijzing, bron=Bron.API, door=request.user, **gegevens.validated_data
        )
        return self.antwoord(uitkomst, EindrapportSerializer(uitkomst.object).data)


# --- CSV upload ------------------------------------------------------------------------------


class CsvParser(BaseParser):
    media_type = "text/csv"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read() if stream is not None else b""


class RegelSerializer(serializers.Serializer):
    regel = serializers.IntegerField(source="nummer", help_text="Het regelnummer in het bestand (kop = 1).")
    verwijzing = serializers.CharField(help_text="De uuid van de verwijzing, als die gevonden is.")
    week = serializers.CharField(help_text="De maandag van de week (JJJJ-MM-DD), als die te lezen was.")
    status = serializers.ChoiceField(choices=["nieuw", "correctie", "ongewijzigd", "fout"])
    fouten = serializers.ListField(child=serializers.CharField())
    melding = serializers.CharField()


class UploadAntwoordSerializer(serializers.Serializer):
    proefdraai = serializers.BooleanField()
    opgeslagen = serializers.IntegerField(
        help_text="Aantal opgeslagen weekrapportages (0 bij een proefdraai)."
    )
    bestandsfouten = serializers.ListField(child=serializers.CharField())
    regels = RegelSerializer(many=True)


class WeekrapportageUpload(RegieApi, APIView):
    permission_classes = [RapportageRecht]
    parser_classes = [CsvParser]
    verwerkingslog_onderdeel = "voortgang"
    queryparameters = ("proefdraai",)

    def max_inhoud(self) -> int:
        return settings.MAX_UPLOAD_BYTES

    def te_groot_melding(self, maximum: int) -> str:
        return (
            f"Het bestand is groter dan {grootte_tekst(maximum)}. Er is niets opgeslagen. Splits het bestand"
            " in kleinere bestanden en stuur ze een voor een."
        )

    @extend_schema(
        summary="CSV-bestand met aanwezigheid uploaden",
        description="Stuur het bestand als body met Content-Type text/csv (kolommen: bsn of verwijzing, week,"
        " uren_aangeboden, uren_gevolgd, afwezig_ziek, afwezig_afspraak, afwezig_ongeoorloofd, opmerking;"
        " scheidingsteken ; of , ; UTF-8 of Windows-1252; datums dd-mm-jjjj of 2026-W47; decimale komma mag)."
        " Met ?proefdraai=true controleert Regie elke regel en slaat niets op (200). Zonder proefdraai wordt"
        " alles in één keer opgeslagen als elke regel klopt; heeft een regel een fout, dan volgt 400 met per"
        " regel de reden en is er niets opgeslagen.",
        parameters=[
            OpenApiParameter(
                "proefdraai", OpenApiTypes.BOOL, OpenApiParameter.QUERY, description="Alleen controleren."
            )
        ],
        request={"text/csv": OpenApiTypes.BINARY},
        responses={200: UploadAntwoordSerializer},
        tags=TAG,
    )
    def post(self, request):
        if not heeft_recht(request.user, Recht.VERWIJZINGEN_EIGEN_AANBIEDER):
            raise weiger(request, request.user, Recht.VERWIJZINGEN_EIGEN_AANBIEDER)
        proefdraai = request.query_params.get("proefdraai", "").lower() in ("true", "1", "ja")
        inhoud = request.data if isinstance(request.data, bytes) else b""
        bestand = csv_invoer.lees_bestand(inhoud)
        rijen = [] if bestand.fouten else upload_module.beoordeel(bestand.regels, door=request.user)
        personen = {r.verwijzing for r in rijen if r.verwijzing}
        if personen:
            log.betreft(
                request,
                [
                    v.inburgeraar
                    for v in verwijzingen_voor(request.user)
                    .filter(uuid__in=personen)
                    .select_related("inburgeraar")
                ],
            )
        if not proefdraai:
            fouten = {"bestand": bestand.fouten} if bestand.fouten else {}
            for rij in rijen:
                if rij.is_fout:
                    fouten[f"regel {rij.nummer}"] = rij.fouten
            if fouten:
                raise DrfValidationError(fouten)
        opgeslagen = 0
        if not proefdraai:
            with transaction.atomic():
                opgeslagen = upload_module.opslaan(rijen, door=request.user, bron=Bron.API)
        return Response(
            UploadAntwoordSerializer(
                {
                    "proefdraai": proefdraai,
                    "opgeslagen": opgeslagen,
                    "bestandsfouten": bestand.fouten,
                    "regels": rijen,
                }
            ).data
        )

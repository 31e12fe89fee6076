"""PIP versions of a case: list, read one version, decide a new one (Wi 15, Bi 5.3).

A PIP is a beschikking: a change is a new version, earlier versions stay as they were.
Whether a PIP may be decided is for `regie.pip.services.pip_vaststellen` and the rules in
`regie.wet.leerroute`; a refusal comes back as 400 with the Dutch reason and the article.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from regie.api.basis import UUID_PARAMETER, Datum, DossierApi, Keuze, StrikteInvoer
from regie.inburgeraars.models import Leerroute
from regie.pip.models import Alfabetisering, Pip, Taaldoel
from regie.pip.services import ONDERDELEN, pip_vaststellen

VERSIE_PARAMETER = OpenApiParameter(
    "versie", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het versienummer van het PIP (1, 2, ...)."
)


def pip_url(request, pip: Pip) -> str:
    return request.build_absolute_uri(
        reverse("api:pip-detail", kwargs={"uuid": pip.inburgeraar.uuid, "versie": pip.versie})
    )


@extend_schema_field(OpenApiTypes.URI)
class PipUrlField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, pip):
        return pip_url(self.context["request"], pip)


class PipSamenvattingSerializer(serializers.ModelSerializer):
    """Het PIP dat nu geldt, kort."""

    url = PipUrlField(help_text="Adres van deze PIP-versie.")

    class Meta:
        model = Pip
        fields = ["url", "versie", "dagtekening", "leerroute", "taalniveau"]


class PipSerializer(serializers.ModelSerializer):
    """Eén versie van het persoonlijk plan inburgering en participatie (Wet inburgering 2021, art. 15)."""

    url = PipUrlField(help_text="Adres van deze PIP-versie.")
    vastgesteld_door = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text="Gebruikersnaam van wie het PIP vaststelde."
    )

    class Meta:
        model = Pip
        fields = [
            "url",
            "versie",
            "dagtekening",
            "leerroute",
            "taalniveau",
            *ONDERDELEN,  # every component of a PIP, as the service takes them
            "waarschuwingen",
            "reden",
            "vastgesteld_door",
            "vastgesteld_op",
        ]
        extra_kwargs = {"versie": {"help_text": "Versienummer van het PIP: 1 is het eerste PIP."}}


class PipVaststellenSerializer(StrikteInvoer):
    """Een nieuw PIP of een nieuwe versie. De onderdelen die u weglaat krijgen de standaardwaarde."""

    leerroute = Keuze(choices=Leerroute.choices)
    taalniveau = Keuze(
        choices=Taaldoel.choices,
        allow_blank=True,
        default="",
        help_text="Taaldoel. Leeg: B1 bij de B1-route en de onderwijsroute, geen bij de Z-route.",
    )
    dagtekening = Datum(help_text="Dagtekening van de beschikking; niet in de toekomst.")
    alfabetisering = Keuze(choices=Alfabetisering.choices, default=Alfabetisering.NVT)
    mag_opleiding_afmaken = serializers.BooleanField(default=False)
    pvt = serializers.BooleanField(default=True, help_text="Participatieverklaringstraject.")
    map = serializers.BooleanField(
        default=True,
        help_text="Module arbeidsmarkt en participatie. Stuur false bij de onderwijsroute"
        " (Wet inburgering 2021, art. 8 lid 3).",
    )
    maatschappelijke_begeleiding = serializers.BooleanField(
        required=False,
        help_text="Weggelaten: ja bij een asielstatushouder (Wet inburgering 2021, art. 13 lid 1), anders nee.",
    )
    geschatte_intensiteit_uren = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        default=None,
        help_text="Alleen bij de B1-route van een asielstatushouder.",
    )
    aantal_voortgangsgesprekken = serializers.IntegerField(
        min_value=0, allow_null=True, default=None, help_text="Verplicht bij een asielstatushouder."
    )
    participatie_activiteiten = serializers.CharField(allow_blank=True, default="")
    vve = serializers.CharField(allow_blank=True, default="", help_text="VVE voor de kinderen.")
    tolk = serializers.BooleanField(default=False, help_text="Tolk bij gesprekken.")
    uren_nt2_gevolgd = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        default=None,
        help_text="Gevolgde uren NT2 bij een taalschool; nodig bij afschalen naar A2 (Besluit inburgering"
        " 2021, art. 5.5).",
    )
    inspanning_aangetoond = serializers.BooleanField(default=False)
    b1_niet_haalbaar = serializers.BooleanField(
        default=False,
        help_text="B1 is niet haalbaar binnen de (verlengde) termijn: de grond voor afschalen naar A2"
        " (Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5).",
    )
    waarschuwingen_gezien = serializers.BooleanField(
        default=False,
        help_text="Zonder PVT, zonder MAP (B1-route, Z-route) of zonder maatschappelijke begeleiding"
        " (asielstatushouder) volgt eerst 400 met de waarschuwingen. Stuur dan true als het PIP toch zo"
        " moet worden vastgesteld; het PIP bewaart de waarschuwingen.",
    )
    reden = serializers.CharField(
        allow_blank=True, default="", help_text="Waarom het PIP verandert; verplicht vanaf versie 2."
    )
    versie = serializers.IntegerField(
        min_value=1,
        allow_null=True,
        default=None,
        help_text="De versie van het dossier (veld 'versie' van de inburgeraar) toen u de gegevens ophaalde."
        " Is het dossier intussen gewijzigd, dan volgt 409.",
    )


@extend_schema_view(
    list=extend_schema(
        summary="PIP-versies van een inburgeraar",
        description="Alle versies, de nieuwste eerst.",
        parameters=[UUID_PARAMETER],
        tags=["PIP"],
    ),
    retrieve=extend_schema(
        summary="Eén PIP-versie", parameters=[UUID_PARAMETER, VERSIE_PARAMETER], tags=["PIP"]
    ),
    create=extend_schema(
        summary="PIP vaststellen",
        description="Stelt een nieuw PIP vast, of een nieuwe versie. Regie toetst het PIP aan de Wet"
        " inburgering 2021 en het Besluit inburgering 2021 en aan de controles van DUO. Klopt iets niet,"
        " dan volgt 400 met per veld de reden en het wetsartikel; er is dan niets opgeslagen.",
        parameters=[UUID_PARAMETER],
        request=PipVaststellenSerializer,
        responses={201: PipSerializer},
        tags=["PIP"],
    ),
)
class PipViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "pip"
    serializer_class = PipSerializer
    pagination_class = None
    lookup_field = "versie"
    lookup_value_converter = "int"
    gelijktijdig_methoden = ("POST",)
    queryset = Pip.objects.none()  # only for the schema; real queries start at the case

    def get_queryset(self):
        return self.inburgeraar.pips.select_related("vastgesteld_door").order_by("-versie")

    def list(self, request, uuid):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, uuid, versie):
        pip = self.get_queryset().filter(versie=versie).first()
        if pip is None:
            raise Http404("Deze versie van het PIP bestaat niet.")
        return Response(self.get_serializer(pip).data)

    def create(self, request, uuid):
        invoer = PipVaststellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        pip = pip_vaststellen(inburgeraar=self.inburgeraar, door=request.user, **invoer.validated_data)
        data = self.get_serializer(pip).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

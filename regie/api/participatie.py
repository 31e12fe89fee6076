"""Participation activities and the situation at the measuring moments of a case.

The rules are the services' (`regie.participatie.services`): the API refuses what the page
refuses, with the same Dutch message per field, and then nothing is saved.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from regie.aanbieders.models import Aanbieder
from regie.api.basis import UUID_PARAMETER, Datum, DossierApi, Keuze, StrikteInvoer
from regie.klok import vandaag
from regie.participatie import selectors, services
from regie.participatie.models import (
    MAX_UREN_PER_WEEK,
    ZELFREDZAAMHEID,
    Activiteit,
    Contractvorm,
    Resultaat,
    Situatie,
    Soort,
    Uitkering,
    Werk,
)
from regie.wet.meetmomenten import Meetmoment

TAG = "Participatie"
ACTIVITEIT_PARAMETER = OpenApiParameter(
    "activiteit", OpenApiTypes.UUID, OpenApiParameter.PATH, description="De uuid van de activiteit."
)
MOMENT_PARAMETER = OpenApiParameter(
    "moment",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=[m.value for m in Meetmoment],
    description="Het meetmoment: bij de brede intake, of 12, 24 of 36 maanden na de start van de"
    " inburgeringstermijn.",
)
VERSIE_HELP = (
    "De versie van het dossier (veld 'versie' van de inburgeraar) toen u de gegevens ophaalde. Is het"
    " dossier intussen gewijzigd, dan volgt 409."
)


class ActiviteitSerializer(serializers.ModelSerializer):
    """Een participatieactiviteit: werk, opleiding, vrijwilligerswerk en dergelijke."""

    url = serializers.SerializerMethodField(help_text="Adres van deze activiteit.")
    aanbieder_naam = serializers.CharField(
        source="aanbieder.naam", read_only=True, allow_null=True, default=None
    )
    aangemaakt_door = serializers.SlugRelatedField(slug_field="username", read_only=True)
    gewijzigd_door = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Activiteit
        fields = [
            "url",
            "uuid",
            "soort",
            "omschrijving",
            "partner",
            "aanbieder",
            "aanbieder_naam",
            "startdatum",
            "einddatum",
            "uren_per_week",
            "contractvorm",
            "resultaat",
            "reden",
            "aangemaakt_door",
            "aangemaakt_op",
            "gewijzigd_door",
            "gewijzigd_op",
        ]

    def get_url(self, activiteit) -> str:
        return self.context["request"].build_absolute_uri(
            reverse(
                "api:participatie-detail",
                kwargs={"uuid": activiteit.inburgeraar.uuid, "activiteit": activiteit.uuid},
            )
        )


class AanbiederVeld(serializers.PrimaryKeyRelatedField):
    # Only a provider of the case's organisation exists here; a number out of the database's range
    # is refused before the look-up (PostgreSQL would fail on it).
    default_error_messages = {
        "does_not_exist": "Deze aanbieder bestaat niet of werkt niet voor uw organisatie. Kies een aanbieder"
        " uit de lijst.",
        "incorrect_type": "Vul het nummer van de aanbieder in.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data <= 2**31 - 1:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class ActiviteitInvoerSerializer(StrikteInvoer):
    """Een activiteit toevoegen of wijzigen. Bij wijzigen (PATCH) veranderen alleen de velden die u
    meestuurt."""

    soort = Keuze(choices=Soort.choices)
    omschrijving = serializers.CharField(allow_blank=True, max_length=300, default="")
    partner = serializers.CharField(
        allow_blank=True, max_length=200, help_text="De naam van de werkgever of organisatie."
    )
    aanbieder = AanbiederVeld(
        queryset=Aanbieder.objects.none(),
        allow_null=True,
        default=None,
        help_text="Het nummer van een aanbieder van uw organisatie, als de organisatie dat is.",
    )
    startdatum = Datum()
    einddatum = Datum(allow_null=True, default=None, help_text="Leeg zolang er geen einddatum is.")
    uren_per_week = serializers.IntegerField(
        allow_null=True,
        default=None,
        help_text=f"Van 0 tot en met {MAX_UREN_PER_WEEK}; verplicht bij betaald werk.",
    )
    contractvorm = Keuze(
        choices=Contractvorm.choices, allow_blank=True, default="", help_text="Alleen bij betaald werk."
    )
    resultaat = Keuze(choices=Resultaat.choices, default=Resultaat.LOOPT)
    reden = serializers.CharField(
        allow_blank=True, max_length=500, default="", help_text="Verplicht bij voortijdig_gestopt."
    )
    versie = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, allow_null=True, default=None, help_text=VERSIE_HELP
    )

    def __init__(self, *args, organisatie=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisatie is not None:
            self.fields["aanbieder"].queryset = Aanbieder.objects.filter(organisatie=organisatie)


@extend_schema_view(
    list=extend_schema(summary="Participatieactiviteiten van een inburgeraar", parameters=[UUID_PARAMETER]),
    create=extend_schema(
        summary="Activiteit toevoegen",
        description="Klopt iets niet (bijvoorbeeld een einddatum voor de startdatum, of uren buiten 0 tot en"
        " met 60), dan volgt 400 met per veld de reden; er is dan niets opgeslagen.",
        parameters=[UUID_PARAMETER],
        request=ActiviteitInvoerSerializer,
        responses={201: ActiviteitSerializer},
    ),
    retrieve=extend_schema(summary="Eén activiteit", parameters=[UUID_PARAMETER, ACTIVITEIT_PARAMETER]),
    partial_update=extend_schema(
        summary="Activiteit wijzigen",
        description="Bijvoorbeeld: de activiteit is afgelopen, met einddatum en resultaat. De oude waarden"
        " blijven op de tijdlijn van het dossier.",
        parameters=[UUID_PARAMETER, ACTIVITEIT_PARAMETER],
        request=ActiviteitInvoerSerializer,
        responses=ActiviteitSerializer,
    ),
)
@extend_schema(tags=[TAG])
class ActiviteitViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "participatie"
    serializer_class = ActiviteitSerializer
    pagination_class = None
    lookup_url_kwarg = "activiteit"
    lookup_value_converter = "uuid"
    gelijktijdig_methoden = ("POST", "PATCH")
    queryset = Activiteit.objects.none()  # only for the schema
    http_method_names = ["get", "post", "patch", "head"]

    def get_object(self):
        activiteit = selectors.activiteit_van(self.inburgeraar, uuid=self.kwargs["activiteit"])
        if activiteit is None:
            raise Http404("Deze activiteit bestaat niet.")
        return activiteit

    def _invoer(self, request, *, partial: bool) -> dict:
        invoer = ActiviteitInvoerSerializer(
            data=request.data, partial=partial, organisatie=self.inburgeraar.organisatie
        )
        invoer.is_valid(raise_exception=True)
        return dict(invoer.validated_data)

    def list(self, request, uuid):
        return Response(self.get_serializer(selectors.activiteiten_van(self.inburgeraar), many=True).data)

    def retrieve(self, request, uuid, activiteit):
        return Response(self.get_serializer(self.get_object()).data)

    def create(self, request, uuid):
        gegevens = self._invoer(request, partial=False)
        activiteit = services.activiteit_toevoegen(
            inburgeraar=self.inburgeraar, door=request.user, **gegevens
        )
        data = self.get_serializer(activiteit).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def partial_update(self, request, uuid, activiteit):
        bestaand = self.get_object()
        gegevens = self._invoer(request, partial=True)
        versie = gegevens.pop("versie", None)
        bestaand = services.activiteit_wijzigen(
            activiteit=bestaand, door=request.user, versie=versie, **gegevens
        )
        return Response(self.get_serializer(bestaand).data)


class SituatieSerializer(serializers.ModelSerializer):
    """De situatie op een meetmoment, zoals de consulent die vastlegde."""

    vastgelegd_door = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Situatie
        fields = [
            "gemeten_op",
            "werk",
            "opleiding",
            "uitkering",
            "zelfredzaamheid",
            "toelichting",
            "vastgelegd_door",
            "vastgelegd_op",
        ]
        extra_kwargs = {
            "zelfredzaamheid": {
                "help_text": "1 (heeft bij bijna alles hulp nodig) tot 5 (regelt alles zelf)."
            }
        }


class MeetmomentSerializer(serializers.Serializer):
    """Een meetmoment: vanaf wanneer het kan, de huidige situatie en eerdere (gecorrigeerde) situaties."""

    moment = serializers.ChoiceField(choices=[m.value for m in Meetmoment])
    omschrijving = serializers.CharField(source="label")
    vanaf = serializers.DateField(allow_null=True, help_text="Leeg bij de intake (kan direct) en zonder PIP.")
    nog_niet = serializers.CharField(help_text="Waarom de meting vandaag nog niet kan; leeg als het kan.")
    situatie = SituatieSerializer(allow_null=True)
    eerder = SituatieSerializer(
        many=True, help_text="Eerdere situaties die een correctie verving, nieuwste eerst."
    )


class SituatieInvoerSerializer(StrikteInvoer):
    """De situatie op een meetmoment vastleggen. Is er al een situatie, dan is dit een correctie: de
    oude blijft bewaard."""

    gemeten_op = Datum(help_text="De dag van de meting; niet in de toekomst en niet voor het meetmoment.")
    werk = Keuze(choices=Werk.choices)
    opleiding = serializers.BooleanField(help_text="Volgt een opleiding (niet de inburgeringscursus).")
    uitkering = Keuze(choices=Uitkering.choices, help_text="Bijstand: geen, gedeeltelijk of volledig.")
    zelfredzaamheid = Keuze(choices=sorted(ZELFREDZAAMHEID.items()))
    toelichting = serializers.CharField(allow_blank=True, default="")
    versie = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, allow_null=True, default=None, help_text=VERSIE_HELP
    )


@extend_schema(tags=[TAG], parameters=[UUID_PARAMETER])
@extend_schema_view(
    list=extend_schema(summary="Meetmomenten van een inburgeraar", description="Altijd vier, in volgorde."),
    retrieve=extend_schema(summary="Eén meetmoment", parameters=[MOMENT_PARAMETER]),
    update=extend_schema(
        summary="Situatie op een meetmoment vastleggen",
        description="Het meetmoment na 12, 24 of 36 maanden kan pas vanaf die datum (de maanden tellen"
        " vanaf de start van de inburgeringstermijn). Kan het nog niet, dan volgt 400 en is er niets"
        " opgeslagen.",
        parameters=[MOMENT_PARAMETER],
        request=SituatieInvoerSerializer,
        responses=MeetmomentSerializer,
    ),
)
class MeetmomentViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "participatie"
    serializer_class = MeetmomentSerializer
    pagination_class = None
    lookup_url_kwarg = "moment"
    gelijktijdig_methoden = ("PUT",)
    queryset = Situatie.objects.none()  # only for the schema
    http_method_names = ["get", "put", "head"]

    def _standen(self):
        return selectors.meetmomenten_van(self.inburgeraar, vandaag=vandaag())

    def _stand(self, moment):
        stand = next((s for s in self._standen() if s.moment.value == moment), None)
        if stand is None:
            raise Http404("Dit meetmoment bestaat niet. Kies intake, 12_maanden, 24_maanden of 36_maanden.")
        return stand

    def list(self, request, uuid):
        return Response(self.get_serializer(self._standen(), many=True).data)

    def retrieve(self, request, uuid, moment):
        return Response(self.get_serializer(self._stand(moment)).data)

    def update(self, request, uuid, moment):
        self._stand(moment)
        invoer = SituatieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.situatie_vastleggen(
            inburgeraar=self.inburgeraar, door=request.user, moment=moment, **invoer.validated_data
        )
        return Response(self.get_serializer(self._stand(moment)).data)

"""The brede intake of a case (Wi 14, Bi 5.2) and its appointments.

The brede intake is one resource per case: GET always answers 200; before anything is
recorded all fields are empty (`gewijzigd_op` is then null). PUT replaces the whole intake
(fields left out become empty), PATCH changes only the fields sent. Both go through
`regie.intake.services.brede_intake_opslaan`.
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status, viewsets
from rest_framework.response import Response

from regie.accounts.rechten import Recht, mag
from regie.api.basis import UUID_PARAMETER, DossierApi, InvoerModelSerializer, Keuze, StrikteInvoer
from regie.intake.models import Afspraak, BredeIntake, Diploma
from regie.intake.services import (
    INTAKE_VELDEN,
    afspraak_plannen,
    afspraak_status_wijzigen,
    brede_intake_opslaan,
    diploma_toevoegen,
    diploma_verwijderen,
)

BIJZONDER = (
    " Bijzonder persoonsgegeven (AVG, art. 9): alleen vastleggen wat nodig is voor het PIP. Alleen de vaste"
    " consulent en de teamleider krijgen de waarde; voor anderen is het veld null."
)


class DiplomaSerializer(serializers.ModelSerializer):
    """Een opleiding of diploma uit de brede intake (Besluit inburgering 2021, art. 5.2)."""

    url = serializers.SerializerMethodField(help_text="Adres van dit diploma.")

    class Meta:
        model = Diploma
        fields = ["url", "id", "naam", "land", "jaar", "gewaardeerd"]

    def get_url(self, diploma) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:diploma-detail", kwargs={"uuid": diploma.intake.inburgeraar.uuid, "id": diploma.pk})
        )


class DiplomaInvoerSerializer(InvoerModelSerializer):
    versie = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="De versie van het dossier toen u het ophaalde. Is het intussen gewijzigd, dan volgt 409.",
    )

    class Meta:
        model = Diploma
        fields = ["naam", "land", "jaar", "gewaardeerd", "versie"]


class BredeIntakeSerializer(InvoerModelSerializer):
    """Het verslag van de brede intake (Wet inburgering 2021, art. 14; Besluit inburgering 2021, art. 5.2)."""

    versie = serializers.IntegerField(
        source="inburgeraar.versie",
        min_value=1,
        required=False,
        allow_null=True,
        help_text="De versie van het dossier. Stuur de waarde mee die u ophaalde; is het dossier"
        " intussen gewijzigd, dan volgt 409.",
    )
    diplomas = serializers.SerializerMethodField(help_text="Opleidingen en diploma's (alleen lezen).")
    gewijzigd_door = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="Gebruikersnaam van wie het laatst wijzigde.",
    )
    gewijzigd_op = serializers.DateTimeField(read_only=True, allow_null=True)

    class Meta:
        model = BredeIntake
        fields = [*INTAKE_VELDEN, "diplomas", "versie", "gewijzigd_door", "gewijzigd_op"]
        extra_kwargs = {
            "gezondheid_lichamelijk": {
                "help_text": "Lichamelijke gezondheid." + BIJZONDER,
                "allow_null": True,
            },
            "gezondheid_psychisch": {"help_text": "Psychische gezondheid." + BIJZONDER, "allow_null": True},
        }

    def validate_gezondheid_lichamelijk(self, waarde):
        return waarde or ""

    def validate_gezondheid_psychisch(self, waarde):
        return waarde or ""

    def to_representation(self, intake):
        data = super().to_representation(intake)
        if not self.context.get("bijzonder_zichtbaar", False):
            for veld in BredeIntake.BIJZONDERE_VELDEN:
                data[veld] = None
        return data

    @extend_schema_field(DiplomaSerializer(many=True))
    def get_diplomas(self, intake):
        if intake.pk is None:
            return []
        diplomas = intake.diplomas.select_related("intake__inburgeraar")
        return DiplomaSerializer(diplomas, many=True, context=self.context).data


def _leeg(veld: str):
    """What a field of the intake holds before anything is recorded (for PUT)."""
    model_veld = BredeIntake._meta.get_field(veld)
    if model_veld.has_default():
        return model_veld.get_default()
    return None if model_veld.null else ""


@extend_schema(parameters=[UUID_PARAMETER], tags=["Brede intake"])
@extend_schema_view(
    get=extend_schema(
        summary="Brede intake lezen",
        description="Antwoordt altijd met 200. Is er nog niets vastgelegd, dan zijn alle velden leeg"
        " en is gewijzigd_op null.",
    ),
    put=extend_schema(
        summary="Brede intake vastleggen (alles)",
        description="Vervangt de hele intake: velden die u weglaat worden leeg.",
    ),
    patch=extend_schema(
        summary="Brede intake aanvullen", description="Wijzigt alleen de velden die u meestuurt."
    ),
)
class BredeIntakeView(DossierApi, generics.GenericAPIView):
    verwerkingslog_onderdeel = "brede intake"
    serializer_class = BredeIntakeSerializer
    gelijktijdig_methoden = ("PUT", "PATCH")
    queryset = BredeIntake.objects.none()  # only for the schema

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if "uuid" in self.kwargs:  # not while the schema is made
            context["bijzonder_zichtbaar"] = mag(
                self.request.user, Recht.BIJZONDERE_GEGEVENS_EIGEN, self.inburgeraar
            )
        return context

    def _intake(self) -> BredeIntake:
        try:
            return self.inburgeraar.brede_intake
        except BredeIntake.DoesNotExist:
            return BredeIntake(inburgeraar=self.inburgeraar)

    def get(self, request, uuid):
        return Response(self.get_serializer(self._intake()).data)

    def _opslaan(self, request, *, partial: bool):
        invoer = self.get_serializer(self._intake(), data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        versie = velden.pop("inburgeraar", {}).get("versie")
        if not partial:
            velden = {veld: velden.get(veld, _leeg(veld)) for veld in INTAKE_VELDEN}
        brede_intake_opslaan(inburgeraar=self.inburgeraar, door=request.user, versie=versie, **velden)
        del self.inburgeraar  # read the case and its intake again, as the service left them
        return Response(self.get_serializer(self._intake()).data)

    def put(self, request, uuid):
        return self._opslaan(request, partial=False)

    def patch(self, request, uuid):
        return self._opslaan(request, partial=True)


class AfspraakSerializer(InvoerModelSerializer):
    """Een afspraak voor de brede intake. Wie na een schriftelijke uitnodiging niet komt, kan een
    boete krijgen (Wet inburgering 2021, art. 22); daarom staat de datum van de uitnodiging erbij."""

    url = serializers.SerializerMethodField(help_text="Adres van deze afspraak.")

    class Meta:
        model = Afspraak
        fields = [
            "url",
            "id",
            "begint_op",
            "locatie",
            "uitnodiging_verstuurd_op",
            "tolk",
            "status",
            "notitie",
        ]
        read_only_fields = ["status"]

    def get_url(self, afspraak) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:afspraak-detail", kwargs={"uuid": afspraak.inburgeraar.uuid, "id": afspraak.pk})
        )


class AfspraakStatusSerializer(StrikteInvoer):
    status = Keuze(choices=Afspraak.Status.choices, help_text="Wat er van de afspraak werd.")


AFSPRAAK_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het nummer van de afspraak."
)


@extend_schema_view(
    list=extend_schema(summary="Afspraken van een inburgeraar", parameters=[UUID_PARAMETER]),
    create=extend_schema(summary="Afspraak plannen", parameters=[UUID_PARAMETER]),
    retrieve=extend_schema(summary="Eén afspraak", parameters=[UUID_PARAMETER, AFSPRAAK_PARAMETER]),
    partial_update=extend_schema(
        summary="Status van een afspraak bijwerken",
        description="Bijvoorbeeld 'gehouden' of 'niet_verschenen'.",
        parameters=[UUID_PARAMETER, AFSPRAAK_PARAMETER],
        request=AfspraakStatusSerializer,
        responses=AfspraakSerializer,
    ),
)
@extend_schema(tags=["Afspraken"])
class AfspraakViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "afspraak"
    serializer_class = AfspraakSerializer
    pagination_class = None
    lookup_url_kwarg = "id"
    lookup_value_converter = "int"
    queryset = Afspraak.objects.none()  # only for the schema
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return self.inburgeraar.afspraken.select_related("inburgeraar").order_by("begint_op", "pk")

    def get_object(self):
        afspraak = self.get_queryset().filter(pk=self.kwargs["id"]).first()
        if afspraak is None:
            raise Http404("Deze afspraak bestaat niet.")
        return afspraak

    def list(self, request, uuid):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, uuid, id):  # noqa: A002 - the name in the URL
        return Response(self.get_serializer(self.get_object()).data)

    def create(self, request, uuid):
        invoer = self.get_serializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        afspraak = afspraak_plannen(inburgeraar=self.inburgeraar, door=request.user, **invoer.validated_data)
        data = self.get_serializer(afspraak).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def partial_update(self, request, uuid, id):  # noqa: A002 - the name in the URL
        afspraak = self.get_object()
        invoer = AfspraakStatusSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        afspraak = afspraak_status_wijzigen(afspraak=afspraak, door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(afspraak).data)


DIPLOMA_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het nummer van het diploma."
)


@extend_schema_view(
    list=extend_schema(summary="Diploma's uit de brede intake", parameters=[UUID_PARAMETER]),
    create=extend_schema(
        summary="Diploma toevoegen",
        parameters=[UUID_PARAMETER],
        request=DiplomaInvoerSerializer,
        responses={201: DiplomaSerializer},
    ),
    retrieve=extend_schema(summary="Eén diploma", parameters=[UUID_PARAMETER, DIPLOMA_PARAMETER]),
    destroy=extend_schema(summary="Diploma verwijderen", parameters=[UUID_PARAMETER, DIPLOMA_PARAMETER]),
)
@extend_schema(tags=["Brede intake"])
class DiplomaViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "brede intake"
    serializer_class = DiplomaSerializer
    pagination_class = None
    lookup_url_kwarg = "id"
    lookup_value_converter = "int"
    gelijktijdig_methoden = ("POST",)
    queryset = Diploma.objects.none()  # only for the schema
    http_method_names = ["get", "post", "delete", "head", "options"]

    def get_queryset(self):
        return (
            Diploma.objects.filter(intake__inburgeraar=self.inburgeraar)
            .select_related("intake__inburgeraar")
            .order_by("-jaar", "pk")
        )

    def get_object(self):
        diploma = self.get_queryset().filter(pk=self.kwargs["id"]).first()
        if diploma is None:
            raise Http404("Dit diploma bestaat niet.")
        return diploma

    def list(self, request, uuid):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, uuid, id):  # noqa: A002 - the name in the URL
        return Response(self.get_serializer(self.get_object()).data)

    def create(self, request, uuid):
        invoer = DiplomaInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        diploma = diploma_toevoegen(inburgeraar=self.inburgeraar, door=request.user, **invoer.validated_data)
        data = self.get_serializer(diploma).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    def destroy(self, request, uuid, id):  # noqa: A002 - the name in the URL
        diploma_verwijderen(inburgeraar=self.inburgeraar, door=request.user, diploma=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

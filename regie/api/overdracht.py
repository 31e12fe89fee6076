"""A move's hand-over package into a case (regie.overdracht): the new municipality posts the JSON
document the previous municipality sent. The schema is published at /overdrachten/schema/1.json.
A package for another BSN, an unknown schema version or a package that is not valid against the
schema: 400 problem+json with the Dutch reason, nothing saved, the reason in the processing log."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from regie.api.basis import UUID_PARAMETER, DossierApi
from regie.overdracht.models import Bron, OntvangenPakket
from regie.overdracht.services import pakket_inlezen, weiger_onleesbaar
from regie.verwerkingslog.models import Kanaal


class OntvangenPakketSerializer(serializers.ModelSerializer):
    """Het ingelezen overdrachtspakket en wat het in het dossier invulde."""

    leerroute_vorige_gemeente = serializers.CharField(
        source="inburgeraar.leerroute_vorige_gemeente",
        read_only=True,
        help_text="De leerroute blijft na een verhuizing (Wet inburgering 2021, art. 15 lid 4).",
    )
    dagtekening_eerste_pip_elders = serializers.DateField(
        source="inburgeraar.dagtekening_eerste_pip_elders",
        read_only=True,
        allow_null=True,
        help_text="De termijn loopt door vanaf de dag na deze datum (Wet inburgering 2021, art. 11 lid 3).",
    )

    class Meta:
        model = OntvangenPakket
        fields = [
            "uuid",
            "van_gemeente_naam",
            "van_cbs_code",
            "schema_versie",
            "ontvangen_op",
            "leerroute_vorige_gemeente",
            "dagtekening_eerste_pip_elders",
        ]


@extend_schema(
    parameters=[UUID_PARAMETER],
    tags=["Overdracht bij verhuizing"],
    summary="Overdrachtspakket van de vorige gemeente inlezen",
    description=(
        "Stuur het JSON-document dat de vorige gemeente maakte (schema: /overdrachten/schema/1.json, veld"
        " schema_versie). Regie vult de leerroute en de dagtekening van het eerste PIP in en bewaart het PIP van"
        " de vorige gemeente om te tonen. Een pakket voor een ander BSN, met een onbekende schemaversie of dat"
        " niet klopt met het schema: 400, er wordt niets opgeslagen."
    ),
    request={"application/json": OpenApiTypes.OBJECT},
    responses={status.HTTP_200_OK: OntvangenPakketSerializer},
    examples=[
        OpenApiExample(
            "Onbekende versie", value={"schema_versie": "9"}, request_only=True, description="Antwoordt 400."
        )
    ],
)
class OverdrachtspakketView(DossierApi, generics.GenericAPIView):
    verwerkingslog_onderdeel = "overdracht"
    serializer_class = OntvangenPakketSerializer
    queryset = OntvangenPakket.objects.none()  # only for the schema

    def post(self, request, uuid):
        pakket = request.data
        if not isinstance(pakket, dict):
            weiger_onleesbaar(
                inburgeraar=self.inburgeraar,
                door=request.user,
                fouten=["Stuur het overdrachtspakket als één JSON-object."],
                kanaal=Kanaal.API,
            )
        ontvangen = pakket_inlezen(
            inburgeraar=self.inburgeraar, door=request.user, pakket=pakket, bron=Bron.API, kanaal=Kanaal.API
        )
        self.inburgeraar.refresh_from_db()
        ontvangen.inburgeraar = self.inburgeraar
        # 200, not 201: the package fills the case; it is no resource of its own with an address.
        return Response(self.get_serializer(ontvangen).data)

"""The municipalities of the user's organisation, with their kernen (for registering a case)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from regie.api.basis import RegieApi
from regie.organisaties.models import Gemeente


class GemeenteSerializer(serializers.ModelSerializer):
    kernen = serializers.SlugRelatedField(
        slug_field="naam", many=True, read_only=True, help_text="Namen van de kernen (woonkernen)."
    )

    class Meta:
        model = Gemeente
        fields = ["cbs_code", "naam", "kernen"]


@extend_schema(
    summary="Gemeenten van uw organisatie",
    description="De gemeenten waarvoor u inburgeraars kunt registreren, met hun CBS-code.",
    tags=["Gemeenten"],
)
class GemeenteLijst(RegieApi, generics.ListAPIView):
    serializer_class = GemeenteSerializer
    pagination_class = None
    queryset = Gemeente.objects.none()  # only for the schema

    def get_queryset(self):
        organisatie = self.request.user.organisatie_id
        if organisatie is None:
            return Gemeente.objects.none()
        return Gemeente.objects.filter(organisatie_id=organisatie).prefetch_related("kernen").order_by("naam")

"""The municipalities of the user's organisation, with their kernen (for registering a case)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from regie.api.basis import RegieApi
from regie.inburgeraars.selectors import gemeenten_voor
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
    description="De gemeenten waarvoor u werkt (en inburgeraars kunt registreren), met hun CBS-code.",
    tags=["Gemeenten"],
)
class GemeenteLijst(RegieApi, generics.ListAPIView):
    serializer_class = GemeenteSerializer
    pagination_class = None
    queryset = Gemeente.objects.none()  # only for the schema

    def get_queryset(self):
        return gemeenten_voor(self.request.user).prefetch_related("kernen").order_by("naam")

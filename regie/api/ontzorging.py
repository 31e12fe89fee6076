"""Ontzorging (Pw 56a) of a case: the household's fixed costs the municipality pays, read-only.

Changing them stays on the case tab, where the consultant sees the history; a system that pays
or checks payments (the Participatiewet system, a bank reconciliation) can read them here. The
list is paginated in the database; reading it writes the processing log like the page."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from regie.api.basis import UUID_PARAMETER, DossierApi
from regie.ontzorging import selectors
from regie.ontzorging.models import VasteLast

TAG = "Ontzorging"


class VasteLastSerializer(serializers.ModelSerializer):
    """Een vaste last die de gemeente tijdens de ontzorging betaalt (Participatiewet, artikel 56a)."""

    bedrag = serializers.IntegerField(read_only=True, help_text="Het bedrag per maand, in centen.")
    van = serializers.DateField(read_only=True, help_text="De eerste dag van de eerste maand.")
    tot = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text="De eerste dag van de laatste maand; leeg als de last doorloopt.",
    )

    class Meta:
        model = VasteLast
        fields = [
            "uuid",
            "soort",
            "begunstigde",
            "iban",
            "bic",
            "bedrag",
            "van",
            "tot",
            "kenmerk",
            "gewijzigd_op",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary="Vaste lasten van de ontzorging",
        description="De vaste lasten van het huishouden die de gemeente betaalt: begunstigde, IBAN, bedrag per"
        " maand in centen, maanden en betalingskenmerk. Zonder ontzorging is de lijst leeg.",
        parameters=[UUID_PARAMETER],
        tags=[TAG],
    )
)
class VasteLastViewSet(DossierApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "ontzorging"
    serializer_class = VasteLastSerializer
    queryset = VasteLast.objects.none()  # only for the schema
    http_method_names = ["get", "head"]

    def list(self, request, uuid):
        ontzorging = selectors.ontzorging_van(self.inburgeraar)
        lasten = selectors.vaste_lasten_van(ontzorging) if ontzorging else VasteLast.objects.none()
        pagina = self.paginate_queryset(lasten)
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)

"""Referrals in the API: /api/v1/verwijzingen.

The municipality (consultant, team lead) lists, filters, reads and creates referrals of the
cases it may read, records the start and end and withdraws; a provider's employee (role
aanbieder) sees only the referrals to its own provider and accepts, refuses, starts and ends
them. Everything goes through regie.trajecten.services; the answers show no BSN.
"""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from regie.aanbieders.models import Perceel
from regie.accounts.models import Rol
from regie.accounts.rechten import Recht, heeft_recht, weiger
from regie.api.basis import Datum, Keuze, RegieApi, StrikteInvoer
from regie.inburgeraars.selectors import inburgeraar_voor
from regie.trajecten import selectors, services
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.verwerkingslog import log
from regie.verwerkingslog.log import betreft

VERWIJZING_UUID = OpenApiParameter(
    "uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="De uuid van de verwijzing."
)
GEMEENTE = Recht.DOSSIERS_LEZEN_EIGEN
AANBIEDER = Recht.VERWIJZINGEN_EIGEN_AANBIEDER
VERSIE_HELP = (
    "De versie van het dossier (veld 'versie' van de inburgeraar) toen u de gegevens ophaalde. Is het"
    " dossier intussen gewijzigd, dan volgt 409."
)


class InburgeraarKortSerializer(serializers.Serializer):
    """Wie is verwezen: alleen wat de aanbieder nodig heeft (geen BSN)."""

    uuid = serializers.UUIDField()
    naam = serializers.CharField(help_text="Voornamen, tussenvoegsel en geslachtsnaam.")
    geboortedatum = serializers.DateField()
    telefoon = serializers.CharField()
    email = serializers.CharField()
    gemeente = serializers.CharField(source="gemeente.cbs_code", help_text="CBS-code van de gemeente.")


class AanbiederKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    instellingsnummer = serializers.CharField(help_text="Instellingsnummer bij DUO; leeg als het er niet is.")


class ContractKortSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    perceel = serializers.CharField()
    inkoopvorm = serializers.CharField()
    capaciteit = serializers.IntegerField(help_text="Aantal plaatsen.")
    begindatum = serializers.DateField()
    einddatum = serializers.DateField(allow_null=True)


class VerwijzingSerializer(serializers.ModelSerializer):
    """Een verwijzing van een onderdeel van het PIP naar een aanbieder (Wet inburgering 2021, art. 15)."""

    url = serializers.SerializerMethodField(help_text="Adres van deze verwijzing.")
    inburgeraar = InburgeraarKortSerializer()
    aanbieder = AanbiederKortSerializer(source="contract.aanbieder")
    contract = ContractKortSerializer()
    pip_versie = serializers.IntegerField(source="pip.versie", help_text="De PIP-versie waaruit is verwezen.")
    leerroute = serializers.CharField(source="pip.leerroute", help_text="De leerroute van dat PIP.")
    wachtlijst = serializers.SerializerMethodField(
        help_text="De verwijzing wacht op de wachtlijst: het contract was vol bij het verwijzen."
    )
    wachttijd = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Dagen van verzenden tot de start; null zolang niet gestart.",
    )

    class Meta:
        model = Verwijzing
        fields = [
            "url",
            "uuid",
            "inburgeraar",
            "onderdeel",
            "aanbieder",
            "contract",
            "pip_versie",
            "leerroute",
            "status",
            "wachtlijst",
            "toelichting",
            "verzonden_op",
            "beantwoord_op",
            "geplande_startdatum",
            "startdatum",
            "einddatum",
            "wachttijd",
            "reden_weigering",
            "reden_intrekking",
            "toelichting_einde",
        ]

    def get_url(self, verwijzing) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:verwijzing-detail", kwargs={"uuid": verwijzing.uuid})
        )

    def get_wachtlijst(self, verwijzing) -> bool:
        return verwijzing.op_wachtlijst and verwijzing.status == VerwijzingStatus.VERZONDEN


class VerwijzenSerializer(StrikteInvoer):
    """Een nieuwe verwijzing. Het onderdeel moet in het huidige PIP staan en het contract moet voor dat
    onderdeel zijn en gelden op de verzenddatum. Is het contract vol, dan komt de verwijzing op de wachtlijst."""

    inburgeraar = serializers.UUIDField(help_text="De uuid van de inburgeraar.")
    onderdeel = Keuze(choices=Perceel.choices)
    contract = serializers.IntegerField(help_text="Het id van het contract (zie aanbieder.contract.id).")
    toelichting = serializers.CharField(allow_blank=True, default="", max_length=2000)
    verzonden_op = Datum(required=False, allow_null=True, default=None, help_text="Leeg: vandaag.")
    versie = serializers.IntegerField(min_value=1, allow_null=True, default=None, help_text=VERSIE_HELP)


class AccepterenSerializer(StrikteInvoer):
    startdatum = Datum(help_text="De datum waarop het traject kan beginnen.")


class RedenSerializer(StrikteInvoer):
    reden = serializers.CharField(max_length=2000, help_text="Waarom; de andere partij ziet de reden.")


class IntrekkenSerializer(RedenSerializer):
    versie = serializers.IntegerField(min_value=1, allow_null=True, default=None, help_text=VERSIE_HELP)


class StartenSerializer(StrikteInvoer):
    startdatum = Datum(help_text="De datum waarop het traject begon; niet in de toekomst.")


class AfsluitenSerializer(StrikteInvoer):
    einddatum = Datum(help_text="De datum waarop het traject eindigde; niet in de toekomst.")
    uitkomst = Keuze(choices=[(s.value, s.label) for s in services.UITKOMSTEN])
    toelichting = serializers.CharField(
        allow_blank=True, default="", max_length=2000, help_text="Verplicht bij afgebroken: waarom."
    )


class IdFilter(django_filters.NumberFilter):
    # A whole number within the range of an id: anything else is a 400, and never reaches the
    # database (a huge number gave a 500 there).
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=2**63 - 1, **kwargs)


class VerwijzingFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=VerwijzingStatus.choices, help_text="Status van de verwijzing."
    )
    onderdeel = django_filters.ChoiceFilter(choices=Perceel.choices, help_text="Onderdeel (perceel).")
    aanbieder = IdFilter(field_name="contract__aanbieder_id", help_text="Id van de aanbieder.")
    inburgeraar = django_filters.UUIDFilter(
        field_name="inburgeraar__uuid", help_text="Uuid van de inburgeraar."
    )
    # Query keys in lowerCamelCase (API Design Rules, query-keys-camel-case).
    verzondenVanaf = django_filters.DateFilter(  # noqa: N815
        field_name="verzonden_op", lookup_expr="gte", help_text="Verzonden op of na deze datum (JJJJ-MM-DD)."
    )
    verzondenTot = django_filters.DateFilter(  # noqa: N815
        field_name="verzonden_op",
        lookup_expr="lte",
        help_text="Verzonden op of voor deze datum (JJJJ-MM-DD).",
    )

    class Meta:
        model = Verwijzing
        fields = ["status", "onderdeel", "aanbieder", "inburgeraar", "verzondenVanaf", "verzondenTot"]


# Per action: the rights of which the user needs at least one.
RECHTEN = {
    "create": (Recht.DOSSIERS_WIJZIGEN_EIGEN,),
    "intrekken": (Recht.DOSSIERS_WIJZIGEN_EIGEN,),
    "accepteren": (AANBIEDER,),
    "weigeren": (AANBIEDER,),
}


class EenVanDeRechten(BasePermission):
    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        rechten = RECHTEN.get(view.action, (GEMEENTE, AANBIEDER))
        if any(heeft_recht(request.user, recht) for recht in rechten):
            return True
        raise weiger(request, request.user, rechten[0])


def _antwoord(verwijzing_id, context, status_code=status.HTTP_200_OK, **kwargs) -> Response:
    vers = selectors.verwijzingen_voor(context["request"].user).get(pk=verwijzing_id)
    betreft(context["request"], [vers.inburgeraar])
    return Response(VerwijzingSerializer(vers, context=context).data, status=status_code, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary="Verwijzingen",
        description="Voor de gemeente: de verwijzingen van de dossiers die u mag lezen. Voor een aanbieder:"
        " alleen de verwijzingen naar uw eigen organisatie. De nieuwste eerst, per pagina.",
        parameters=[
            OpenApiParameter(
                "aanbieder", OpenApiTypes.INT, OpenApiParameter.QUERY, description="Id van de aanbieder."
            )
        ],
    ),
    retrieve=extend_schema(summary="Eén verwijzing", parameters=[VERWIJZING_UUID]),
    create=extend_schema(
        summary="Verwijzen",
        description="Verwijst de inburgeraar voor een onderdeel van het huidige PIP naar een contract van"
        " een aanbieder. Klopt iets niet, dan volgt 400 met per veld de reden; er is dan niets opgeslagen.",
        request=VerwijzenSerializer,
        responses={201: VerwijzingSerializer},
    ),
    accepteren=extend_schema(
        summary="Verwijzing accepteren (aanbieder)",
        parameters=[VERWIJZING_UUID],
        request=AccepterenSerializer,
        responses=VerwijzingSerializer,
    ),
    weigeren=extend_schema(
        summary="Verwijzing weigeren (aanbieder)",
        description="Een reden is verplicht.",
        parameters=[VERWIJZING_UUID],
        request=RedenSerializer,
        responses=VerwijzingSerializer,
    ),
    starten=extend_schema(
        summary="Start van het traject vastleggen",
        description="Voor een geaccepteerde verwijzing; door de aanbieder of de gemeente.",
        parameters=[VERWIJZING_UUID],
        request=StartenSerializer,
        responses=VerwijzingSerializer,
    ),
    afsluiten=extend_schema(
        summary="Traject afsluiten: afgerond of afgebroken",
        parameters=[VERWIJZING_UUID],
        request=AfsluitenSerializer,
        responses=VerwijzingSerializer,
    ),
    intrekken=extend_schema(
        summary="Verwijzing intrekken (gemeente)",
        description="Kan zolang het traject niet is gestart en de aanbieder niet heeft geweigerd.",
        parameters=[VERWIJZING_UUID],
        request=IntrekkenSerializer,
        responses=VerwijzingSerializer,
    ),
)
@extend_schema(tags=["Verwijzingen"])
class VerwijzingViewSet(RegieApi, viewsets.GenericViewSet):
    verwerkingslog_onderdeel = "traject"
    serializer_class = VerwijzingSerializer
    filterset_class = VerwijzingFilter
    permission_classes = [EenVanDeRechten]
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    gelijktijdig_methoden = ("POST",)
    queryset = Verwijzing.objects.none()  # only for the schema; real queries use the selectors

    def get_queryset(self):
        return selectors.verwijzingen_voor(self.request.user).order_by("-verzonden_op", "-id")

    @cached_property
    def verwijzing(self) -> Verwijzing:
        return selectors.verwijzing_voor(self.request.user, self.kwargs["uuid"])

    def _mag_wijzigen(self, verwijzing) -> None:
        """The municipality changes a referral only of a case it may change (403 otherwise);
        a provider's employee only its own referrals (the look-up already ensured that)."""
        if self.request.user.rol != Rol.AANBIEDER:
            inburgeraar_voor(
                self.request.user, verwijzing.inburgeraar.uuid, recht=Recht.DOSSIERS_WIJZIGEN_EIGEN
            )

    def _invoer(self, serializer_class):
        invoer = serializer_class(data=self.request.data)
        invoer.is_valid(raise_exception=True)
        return invoer.validated_data

    def list(self, request):
        pagina = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        # Logged here as "traject" (the mixin would log a list as "zoekresultaten").
        log.gelezen(request=request, inburgeraars=[v.inburgeraar for v in pagina], onderdeel="traject")
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)

    def retrieve(self, request, uuid):
        betreft(request, [self.verwijzing.inburgeraar])
        return Response(self.get_serializer(self.verwijzing).data)

    def create(self, request):
        gegevens = self._invoer(VerwijzenSerializer)
        inburgeraar = inburgeraar_voor(
            request.user, gegevens["inburgeraar"], recht=Recht.DOSSIERS_WIJZIGEN_EIGEN
        )
        contract = selectors.contracten_voor(request.user).filter(pk=gegevens["contract"]).first()
        if contract is None:
            raise serializers.ValidationError(
                {"contract": ["Uw organisatie heeft geen contract met dit id."]}
            )
        verwijzing = services.verwijzen(
            inburgeraar=inburgeraar,
            onderdeel=gegevens["onderdeel"],
            contract=contract,
            door=request.user,
            verzonden_op=gegevens["verzonden_op"],
            toelichting=gegevens["toelichting"],
            versie=gegevens["versie"],
        )
        antwoord = _antwoord(verwijzing.pk, self.get_serializer_context(), status.HTTP_201_CREATED)
        antwoord["Location"] = antwoord.data["url"]
        return antwoord

    def _stap(self, serializer_class, uitvoeren) -> Response:
        verwijzing = self.verwijzing
        self._mag_wijzigen(verwijzing)
        uitvoeren(verwijzing, self._invoer(serializer_class))
        return _antwoord(verwijzing.pk, self.get_serializer_context())

    @action(detail=True, methods=["post"])
    def accepteren(self, request, uuid):
        return self._stap(
            AccepterenSerializer,
            lambda v, g: services.accepteren(verwijzing=v, startdatum=g["startdatum"], door=request.user),
        )

    @action(detail=True, methods=["post"])
    def weigeren(self, request, uuid):
        return self._stap(
            RedenSerializer, lambda v, g: services.weigeren(verwijzing=v, reden=g["reden"], door=request.user)
        )

    @action(detail=True, methods=["post"])
    def starten(self, request, uuid):
        return self._stap(
            StartenSerializer,
            lambda v, g: services.starten(verwijzing=v, startdatum=g["startdatum"], door=request.user),
        )

    @action(detail=True, methods=["post"])
    def afsluiten(self, request, uuid):
        return self._stap(
            AfsluitenSerializer,
            lambda v, g: services.afsluiten(
                verwijzing=v,
                einddatum=g["einddatum"],
                uitkomst=g["uitkomst"],
                toelichting=g["toelichting"],
                door=request.user,
            ),
        )

    @action(detail=True, methods=["post"])
    def intrekken(self, request, uuid):
        return self._stap(
            IntrekkenSerializer,
            lambda v, g: services.intrekken(
                verwijzing=v, reden=g["reden"], versie=g["versie"], door=request.user
            ),
        )

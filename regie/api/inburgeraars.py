"""Cases (inburgeraars): list and filter, register, read, change contact details and dates,
and search by BSN or name. The BSN is only ever sent in a request body, never in a URL.
"""

import django_filters
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from regie.accounts.rechten import HeeftRecht, Recht
from regie.api.basis import UUID_PARAMETER, Datum, InvoerModelSerializer, RegieApi, StrikteInvoer
from regie.api.pips import PipSamenvattingSerializer
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Kind, valideer_bsn
from regie.inburgeraars.selectors import (
    inburgeraar_voor,
    inburgeraars_voor,
    termijnen_voor,
    zoek_inburgeraars,
)
from regie.inburgeraars.services import REGISTRATIE_VELDEN, inburgeraar_registreren, inburgeraar_wijzigen
from regie.inburgeraars.status import STATUS_LABELS
from regie.organisaties.models import Gemeente, Kern
from regie.pip.services import huidig_pip
from regie.wet.termijnen import Soort

VOLGORDE = ("geslachtsnaam", "voornamen", "pk")
BSN_NIET_IN_URL = (
    "Een BSN hoort niet in een URL (die komt in logbestanden terecht). Zoek op BSN met"
    " POST /api/v1/inburgeraars/zoeken."
)
STATUS_KEUZES = [(waarde.value, label) for waarde, label in STATUS_LABELS.items()]  # also for the schema


class ConsulentSerializer(serializers.Serializer):
    gebruikersnaam = serializers.CharField(source="username")
    naam = serializers.CharField(source="get_full_name")


class TermijnSerializer(serializers.Serializer):
    """Een wettelijke termijn: de laatste dag die nog op tijd is, met het wetsartikel en de berekening."""

    soort = serializers.ChoiceField(choices=[(s.value, s.label) for s in Soort])
    omschrijving = serializers.CharField(source="soort.label")
    datum = serializers.DateField()
    grondslag = serializers.CharField(help_text="Het wetsartikel.")
    toelichting = serializers.CharField(help_text="Hoe de datum is berekend.")


class KindSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kind
        fields = ["voornaam", "geboortedatum"]


class KindInvoerSerializer(InvoerModelSerializer):
    class Meta:
        model = Kind
        fields = ["voornaam", "geboortedatum"]


class InburgeraarLijstSerializer(serializers.ModelSerializer):
    """Een inburgeraar in een lijst (zonder BSN)."""

    url = serializers.HyperlinkedIdentityField(view_name="api:inburgeraar-detail", lookup_field="uuid")
    naam = serializers.CharField(read_only=True, help_text="Voornamen, tussenvoegsel en geslachtsnaam.")
    gemeente = serializers.SlugRelatedField(
        slug_field="cbs_code", read_only=True, help_text="CBS-code van de gemeente, bijvoorbeeld 0303."
    )
    consulent = ConsulentSerializer(read_only=True, allow_null=True, help_text="De vaste consulent.")

    class Meta:
        model = Inburgeraar
        fields = [
            "url",
            "uuid",
            "voornamen",
            "tussenvoegsel",
            "geslachtsnaam",
            "naam",
            "geboortedatum",
            "doelgroep",
            "gemeente",
            "status",
            "consulent",
        ]


class InburgeraarSerializer(InburgeraarLijstSerializer):
    """Het dossier van een inburgeraar, met de wettelijke termijnen en het PIP dat nu geldt."""

    kern = serializers.SlugRelatedField(slug_field="naam", read_only=True, allow_null=True)
    kinderen = KindSerializer(many=True, read_only=True)
    termijnen = serializers.SerializerMethodField(
        help_text="De wettelijke termijnen die uit het dossier volgen, in wettelijke volgorde."
    )
    huidig_pip = serializers.SerializerMethodField(help_text="Het PIP dat nu geldt, of null.")

    class Meta(InburgeraarLijstSerializer.Meta):
        fields = [
            *InburgeraarLijstSerializer.Meta.fields,
            "bsn",
            "geslacht",
            "geboorteland",
            "nationaliteit",
            "talen",
            "tolk_nodig",
            "kern",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "kinderen",
            "datum_melding_duo",
            "datum_koppeling_coa",
            "datum_inschrijving_brp",
            "datum_huisvesting",
            "dagtekening_eerste_pip_elders",
            "leerroute_vorige_gemeente",
            "einde_reden",
            "versie",
            "termijnen",
            "huidig_pip",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        extra_kwargs = {
            "versie": {
                "help_text": "Stijgt bij elke wijziging. Stuur hem mee bij een wijziging, dan overschrijft"
                " u nooit ongemerkt de wijziging van een collega (anders 409)."
            }
        }

    @extend_schema_field(TermijnSerializer(many=True))
    def get_termijnen(self, inburgeraar):
        return TermijnSerializer(termijnen_voor(inburgeraar), many=True).data

    @extend_schema_field(PipSamenvattingSerializer(allow_null=True))
    def get_huidig_pip(self, inburgeraar):
        pip = huidig_pip(inburgeraar)
        return None if pip is None else PipSamenvattingSerializer(pip, context=self.context).data


class KernNaamField(serializers.CharField):
    """A kern by its name, within the gemeente of the case; empty means no kern."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            allow_blank=True,
            help_text="Naam van de kern (woonkern) binnen de gemeente, bijvoorbeeld Biddinghuizen.",
            **kwargs,
        )


def _kern(gemeente: Gemeente, naam: str) -> Kern | None:
    if not naam:
        return None
    kern = Kern.objects.filter(gemeente=gemeente, naam__iexact=naam.strip()).first()
    if kern is None:
        raise serializers.ValidationError(
            {"kern": [f"De gemeente {gemeente.naam} heeft geen kern met de naam '{naam}'."]}, code="invalid"
        )
    return kern


class InburgeraarRegistrerenSerializer(InvoerModelSerializer):
    """Een nieuwe inburgeraar. Regie controleert het BSN (elfproef), dubbele registratie,
    datums in de toekomst en of de gemeente bij uw organisatie hoort."""

    gemeente = serializers.SlugRelatedField(
        slug_field="cbs_code",
        queryset=Gemeente.objects.all(),
        help_text="CBS-code van de gemeente, bijvoorbeeld 0303.",
        error_messages={"does_not_exist": "Er is geen gemeente met CBS-code {value}."},
    )
    kern = KernNaamField()
    kinderen = KindInvoerSerializer(many=True, required=False, help_text="Kinderen in het gezin.")

    class Meta:
        model = Inburgeraar
        fields = [*REGISTRATIE_VELDEN, "kinderen"]
        # The service checks the BSN and duplicates, with its own Dutch messages.
        extra_kwargs = {"bsn": {"validators": [], "help_text": "Burgerservicenummer (9 cijfers, elfproef)."}}

    def validate(self, attrs):
        attrs["kern"] = _kern(attrs["gemeente"], attrs.get("kern", ""))
        return attrs


class InburgeraarWijzigenSerializer(InvoerModelSerializer):
    """Contactgegevens en datums. Velden die u weglaat blijven zoals ze zijn."""

    kern = KernNaamField()
    versie = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="De versie van het dossier toen u het ophaalde. Is het intussen gewijzigd, dan volgt 409.",
    )

    class Meta:
        model = Inburgeraar
        fields = [
            "talen",
            "tolk_nodig",
            "kern",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "datum_melding_duo",
            "datum_koppeling_coa",
            "datum_inschrijving_brp",
            "datum_huisvesting",
            "versie",
        ]

    def validate(self, attrs):
        if "kern" in attrs:
            attrs["kern"] = _kern(self.instance.gemeente, attrs["kern"])
        return attrs


class InburgeraarZoekenSerializer(StrikteInvoer):
    """Zoeken op BSN, naam en/of geboortedatum. Vul minstens één veld in."""

    bsn = serializers.CharField(required=False, allow_blank=True, help_text="Het volledige BSN.")
    naam = serializers.CharField(
        required=False, allow_blank=True, help_text="Een of meer delen van de voornamen of geslachtsnaam."
    )
    geboortedatum = Datum(required=False, allow_null=True)

    def validate_bsn(self, bsn):
        bsn = bsn.strip()
        if bsn:
            valideer_bsn(bsn)
        return bsn

    def validate(self, attrs):
        if not (attrs.get("bsn") or attrs.get("naam", "").strip() or attrs.get("geboortedatum")):
            raise serializers.ValidationError(
                "Vul een BSN, een naam of een geboortedatum in.", code="zoekvraag_leeg"
            )
        return attrs


class InburgeraarFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=STATUS_KEUZES, help_text="Status van het dossier.")
    doelgroep = django_filters.ChoiceFilter(choices=Doelgroep.choices, help_text="Doelgroep.")
    gemeente = django_filters.CharFilter(
        field_name="gemeente__cbs_code", help_text="CBS-code van de gemeente, bijvoorbeeld 0303."
    )
    consulent = django_filters.CharFilter(
        field_name="consulent__username", help_text="Gebruikersnaam van de vaste consulent."
    )
    geboortedatum = django_filters.DateFilter(help_text="Geboortedatum (JJJJ-MM-DD).")

    class Meta:
        model = Inburgeraar
        fields = ["status", "doelgroep", "gemeente", "consulent", "geboortedatum"]


@extend_schema_view(
    list=extend_schema(
        summary="Inburgeraars van uw organisatie",
        description="De inburgeraars van de gemeenten van uw organisatie, op naam gesorteerd, per pagina."
        " Zonder BSN; zoeken op BSN gaat met POST /inburgeraars/zoeken.",
        responses=InburgeraarLijstSerializer(many=True),
    ),
    create=extend_schema(
        summary="Inburgeraar registreren",
        description="Registreert een inburgeraar. Antwoordt met het dossier en de header Location.",
        request=InburgeraarRegistrerenSerializer,
        responses={201: InburgeraarSerializer},
    ),
    retrieve=extend_schema(summary="Dossier van een inburgeraar", parameters=[UUID_PARAMETER]),
    partial_update=extend_schema(
        summary="Contactgegevens en datums wijzigen",
        parameters=[UUID_PARAMETER],
        request=InburgeraarWijzigenSerializer,
        responses=InburgeraarSerializer,
    ),
    zoeken=extend_schema(
        summary="Inburgeraars zoeken",
        description="Zoekt op BSN, naam en/of geboortedatum. Met POST, zodat het BSN nooit in een URL"
        " (en dus in logbestanden) staat. Meer resultaten dan één pagina: stuur dezelfde zoekvraag"
        " met ?page=2.",
        request=InburgeraarZoekenSerializer,
        responses=InburgeraarLijstSerializer(many=True),
    ),
)
@extend_schema(tags=["Inburgeraars"])
class InburgeraarViewSet(RegieApi, viewsets.GenericViewSet):
    serializer_class = InburgeraarSerializer
    filterset_class = InburgeraarFilter
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    gelijktijdig_methoden = ("PATCH",)
    queryset = Inburgeraar.objects.none()  # only for the schema; real queries use the selectors
    RECHTEN = {
        "create": Recht.DOSSIERS_REGISTREREN,
        "partial_update": Recht.DOSSIERS_WIJZIGEN_EIGEN,
    }

    def recht(self) -> Recht:
        return self.RECHTEN.get(self.action, Recht.DOSSIERS_LEZEN_EIGEN)

    def get_permissions(self):
        return [HeeftRecht(self.recht())()]

    def get_queryset(self):
        return (
            inburgeraars_voor(self.request.user).select_related("gemeente", "consulent").order_by(*VOLGORDE)
        )

    def get_object(self):
        return inburgeraar_voor(self.request.user, self.kwargs["uuid"], recht=self.recht())

    def _lijst(self, queryset):
        pagina = self.paginate_queryset(queryset)
        data = InburgeraarLijstSerializer(pagina, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)

    def _dossier(self, uuid, status_code=status.HTTP_200_OK):
        inburgeraar = inburgeraar_voor(self.request.user, uuid)
        headers = {}
        if status_code == status.HTTP_201_CREATED:
            headers["Location"] = self.request.build_absolute_uri(
                reverse("api:inburgeraar-detail", kwargs={"uuid": uuid})
            )
        return Response(self.get_serializer(inburgeraar).data, status=status_code, headers=headers)

    def onbekende_queryparameter_melding(self, naam: str) -> str:
        return BSN_NIET_IN_URL if naam == "bsn" else super().onbekende_queryparameter_melding(naam)

    def list(self, request):
        return self._lijst(self.filter_queryset(self.get_queryset()))

    def create(self, request):
        invoer = InburgeraarRegistrerenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        inburgeraar = inburgeraar_registreren(door=request.user, **invoer.validated_data)
        return self._dossier(inburgeraar.uuid, status.HTTP_201_CREATED)

    def retrieve(self, request, uuid):
        return Response(self.get_serializer(self.get_object()).data)

    def partial_update(self, request, uuid):
        inburgeraar = self.get_object()
        invoer = InburgeraarWijzigenSerializer(inburgeraar, data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        wijzigingen = dict(invoer.validated_data)
        versie = wijzigingen.pop("versie", None)
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=request.user, versie=versie, **wijzigingen)
        return self._dossier(uuid)

    @action(detail=False, methods=["post"], filter_backends=[])
    def zoeken(self, request):
        invoer = InburgeraarZoekenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gevonden = zoek_inburgeraars(
            request.user,
            tekst=invoer.validated_data.get("naam", ""),
            geboortedatum=invoer.validated_data.get("geboortedatum"),
            bsn=invoer.validated_data.get("bsn", ""),
        )
        return self._lijst(gevonden.order_by(*VOLGORDE))

"""What every API view and input serializer of Regie shares."""

from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import SAFE_METHODS

from regie.accounts.rechten import HeeftRecht, Recht
from regie.api.leeslog import LogtLezenApi
from regie.api.problems import TeGroot
from regie.api.schema import RegieAutoSchema
from regie.beveiliging.grootte import grootte_tekst, te_groot
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraar_voor

UUID_PARAMETER = OpenApiParameter(
    "uuid",
    OpenApiTypes.UUID,
    OpenApiParameter.PATH,
    description="De uuid van de inburgeraar (nooit het BSN).",
)


# Mixins carry comments, not docstrings: drf-spectacular would publish a docstring as the
# (Dutch) description of every operation of the views that use them.


class RegieApi(LogtLezenApi):
    # For every API view: JSON in, problem+json errors and API-Version in the schema.
    # `gelijktijdig_methoden` names the methods that take a `versie` and can answer 409.
    # Every answer that shows personal data writes a processing-log entry (LogtLezenApi).
    # A body larger than `max_inhoud()` bytes is refused with 413 before it is read.
    # A query parameter the operation does not know is refused with 400, like an unknown field
    # in a body: a misspelt filter would otherwise silently return everything. `queryparameters`
    # names the extra ones a view reads itself.
    # OPTIONS and TRACE are no operations of the API (openapi.yaml): 405, and not in Allow.
    schema = RegieAutoSchema()
    parser_classes = [JSONParser]
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]
    gelijktijdig_methoden: tuple[str, ...] = ()
    queryparameters: tuple[str, ...] = ()

    def max_inhoud(self) -> int:
        return settings.MAX_JSON_BYTES

    def te_groot_melding(self, maximum: int) -> str:
        return (
            f"De gegevens in dit verzoek zijn groter dan {grootte_tekst(maximum)}. Er is niets opgeslagen."
            " Stuur minder gegevens per verzoek."
        )

    def initial(self, request, *args, **kwargs):
        maximum = self.max_inhoud()
        if te_groot(request, maximum):
            raise TeGroot(self.te_groot_melding(maximum))
        super().initial(request, *args, **kwargs)
        # After authentication, so an anonymous client hears 401 first, and only for a method the
        # address has (else 405). The answer depends only on the names in the query, never on
        # the case, so it tells nothing about the case.
        if request.method.lower() not in self.http_method_names or not hasattr(self, request.method.lower()):
            return
        onbekend = sorted(set(request.query_params) - self.bekende_queryparameters())
        if onbekend:
            raise serializers.ValidationError(
                {naam: [self.onbekende_queryparameter_melding(naam)] for naam in onbekend},
                code="onbekende_parameter",
            )

    def _is_lijst(self) -> bool:
        actie = getattr(self, "action", None)
        if actie is None:
            return hasattr(self, "list")
        return actie == "list" or (not self.detail and actie != "create")

    def bekende_queryparameters(self) -> set[str]:
        namen = set(self.queryparameters)
        if not self._is_lijst():
            return namen
        filterset = getattr(self, "filterset_class", None)
        if filterset is not None and self.filter_backends:
            namen |= set(filterset.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            namen |= {paginator.page_query_param, paginator.page_size_query_param}
        return namen

    def onbekende_queryparameter_melding(self, naam: str) -> str:
        bekend = sorted(self.bekende_queryparameters())
        kan = f" Wel kan: {', '.join(bekend)}." if bekend else " Dit adres kent geen queryparameters."
        return f"Deze queryparameter kent de API hier niet.{kan} Let op hoofdletters, bijvoorbeeld pageSize."


class DossierApi(RegieApi):
    # For resources below /inburgeraars/{uuid}: the case, through the one scoped look-up.
    # Reading needs the right to read the case, every other method the right to change it
    # (a consultant reads a colleague's case but does not change it: 403). The case is looked
    # up before the body is read, so a refusal (403/404) never depends on the input.

    permission_classes = [HeeftRecht(Recht.DOSSIERS_LEZEN_EIGEN)]

    @property
    def recht(self) -> Recht:
        if self.request.method in SAFE_METHODS:
            return Recht.DOSSIERS_LEZEN_EIGEN
        return Recht.DOSSIERS_WIJZIGEN_EIGEN

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "uuid" in self.kwargs:
            self.inburgeraar  # noqa: B018 - 403/404 before anything else

    @cached_property
    def inburgeraar(self) -> Inburgeraar:
        return inburgeraar_voor(self.request.user, self.kwargs["uuid"], recht=self.recht)


class StrikteInvoer(serializers.Serializer):
    # Refuses fields the resource does not know or that cannot be changed, instead of
    # silently ignoring them (a client that sends `bsn` in a PATCH should hear it is not changed).

    def to_internal_value(self, data):
        if isinstance(data, dict):
            schrijfbaar = {naam for naam, veld in self.fields.items() if not veld.read_only}
            onbekend = sorted(set(data) - schrijfbaar)
            if onbekend:
                raise serializers.ValidationError(
                    {naam: ["Dit veld bestaat niet of kan hier niet worden gewijzigd."] for naam in onbekend},
                    code="onbekend_veld",
                )
        return super().to_internal_value(data)


class Datum(serializers.DateField):
    default_error_messages = {
        "invalid": "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-01.",
        "datetime": "Vul alleen een datum in (JJJJ-MM-DD), zonder tijd.",
    }


class DatumTijd(serializers.DateTimeField):
    # From 2000 on: before 1937 Amsterdam's offset had seconds (+00:19:32), and such a moment
    # cannot be given back as an RFC 3339 date-time. Nothing in Regie happens that early.
    VANAF = datetime(2000, 1, 1, tzinfo=UTC)
    default_error_messages = {
        "invalid": "Vul datum en tijd in als JJJJ-MM-DDTuu:mm, bijvoorbeeld 2024-03-01T09:30.",
        "date": "Vul ook een tijd in, bijvoorbeeld 2024-03-01T09:30.",
        "te_vroeg": "Vul een datum en tijd vanaf 2000 in.",
    }

    def to_internal_value(self, value):
        moment = super().to_internal_value(value)
        if moment < self.VANAF:
            self.fail("te_vroeg")
        return moment


class Keuze(serializers.ChoiceField):
    """A choice whose error names the values that can be chosen."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as exc:
            keuzes = ", ".join(str(k) for k in self.choices if k != "")
            raise serializers.ValidationError(
                f"'{data}' kan niet. Kies uit: {keuzes}.", code="invalid_choice"
            ) from exc


class InvoerModelSerializer(StrikteInvoer, serializers.ModelSerializer):
    # Input serializers based on a model: strict, with Dutch messages for dates and choices.
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateField: Datum,
        models.DateTimeField: DatumTijd,
    }
    serializer_choice_field = Keuze

"""Pages of a list in the API: `page` and `pageSize`, both checked.

DRF ignores a `pageSize` it cannot read (and caps one above the maximum): a client that asked for
`pageSize=50O` or `pageSize=500` then silently got another page than it asked for. Here a value
that is no whole number within the limits is refused with 400 and `invalidParams`, like every other
query parameter the API cannot take. A page after the last one stays 404 (that page does not exist).
"""

import re

from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination

# Only digits: int() would also take " 5", "+5" and "1_0".
_CIJFERS = re.compile(r"[0-9]{1,9}")


class Paginering(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 100
    last_page_strings = ()  # `page=last` is no number: the schema promises an integer
    page_query_description = "Het nummer van de pagina (de eerste is 1)."
    page_size_query_description = "Het aantal resultaten per pagina (standaard 25, hoogstens 100)."

    def get_page_size(self, request):
        return _geheel_getal(
            request,
            self.page_size_query_param,
            standaard=self.page_size,
            maximum=self.max_page_size,
            melding=f"Vul voor pageSize een heel getal van 1 tot en met {self.max_page_size} in.",
        )

    def get_page_number(self, request, paginator):
        return _geheel_getal(
            request,
            self.page_query_param,
            standaard=1,
            melding="Vul voor page een heel getal van 1 of hoger in. De eerste pagina is 1.",
        )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


def _geheel_getal(request, naam: str, *, standaard: int, melding: str, maximum: int | None = None) -> int:
    waarde = request.query_params.get(naam)
    if waarde is None:
        return standaard
    getal = int(waarde) if _CIJFERS.fullmatch(waarde) else 0
    if getal < 1 or (maximum is not None and getal > maximum):
        raise serializers.ValidationError({naam: [melding]}, code="invalid")
    return getal

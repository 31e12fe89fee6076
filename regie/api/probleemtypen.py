"""Explanations of the kinds of problems: the `type` of every problem+json answer links here."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.api.basis import RegieApi
from regie.problemen import PROBLEEMTYPEN


class ProbleemtypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.IntegerField(help_text="De HTTP-statuscode die bij deze soort fout hoort.")
    titel = serializers.CharField()
    uitleg = serializers.CharField(help_text="Wat de fout betekent en wat u kunt doen.")


@extend_schema(
    summary="Uitleg bij een soort fout",
    description="Elke fout heeft in het veld 'type' een adres naar deze uitleg. Openbaar: inloggen is"
    " niet nodig.",
    parameters=[
        OpenApiParameter(
            "code",
            str,
            OpenApiParameter.PATH,
            enum=sorted(PROBLEEMTYPEN),
            description="De soort fout, het laatste deel van 'type'.",
        )
    ],
    responses=ProbleemtypeSerializer,
    tags=["Fouten"],
)
class ProbleemtypeView(RegieApi, APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request, code):
        if code not in PROBLEEMTYPEN:
            raise Http404("Deze soort fout bestaat niet.")
        return Response(ProbleemtypeSerializer(PROBLEEMTYPEN[code]).data)

"""The Regie API, version 1 (mounted at /api/v1/ in regie/urls.py).

No address ends with a slash (API Design Rules, API-48); anything not listed here,
also the same address with a trailing slash, answers 404 as problem+json.
"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView, SpectacularYAMLAPIView
from rest_framework.routers import SimpleRouter

from regie.api import voortgang as voortgang_api
from regie.api.gemeenten import GemeenteLijst
from regie.api.inburgeraars import InburgeraarViewSet
from regie.api.intake import AfspraakViewSet, BredeIntakeView, DiplomaViewSet
from regie.api.ontzorging import VasteLastViewSet
from regie.api.overdracht import OverdrachtspakketView
from regie.api.participatie import ActiviteitViewSet, MeetmomentViewSet
from regie.api.pips import PipViewSet
from regie.api.probleemtypen import ProbleemtypeView
from regie.api.problems import niet_gevonden
from regie.api.verwijzingen import VerwijzingViewSet

app_name = "api"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("inburgeraars", InburgeraarViewSet, basename="inburgeraar")
router.register("inburgeraars/<uuid:uuid>/pips", PipViewSet, basename="pip")
router.register("inburgeraars/<uuid:uuid>/afspraken", AfspraakViewSet, basename="afspraak")
router.register("inburgeraars/<uuid:uuid>/brede-intake/diplomas", DiplomaViewSet, basename="diploma")
router.register("inburgeraars/<uuid:uuid>/participatie", ActiviteitViewSet, basename="participatie")
router.register("inburgeraars/<uuid:uuid>/meetmomenten", MeetmomentViewSet, basename="meetmoment")
router.register("inburgeraars/<uuid:uuid>/ontzorging/vaste-lasten", VasteLastViewSet, basename="vaste-last")
router.register("verwijzingen", VerwijzingViewSet, basename="verwijzing")

urlpatterns = [
    *router.urls,
    path("inburgeraars/<uuid:uuid>/brede-intake", BredeIntakeView.as_view(), name="brede-intake"),
    path("gemeenten", GemeenteLijst.as_view(), name="gemeenten"),
    # A move's hand-over package into the case (regie.api.overdracht)
    path(
        "inburgeraars/<uuid:uuid>/overdrachtspakket",
        OverdrachtspakketView.as_view(),
        name="overdrachtspakket",
    ),
    # What a provider reports per referral (regie.api.voortgang)
    path(
        "verwijzingen/<uuid:uuid>/weekrapportages",
        voortgang_api.WeekrapportageLijst.as_view(),
        name="weekrapportage-list",
    ),
    path(
        "verwijzingen/<uuid:uuid>/weekrapportages/<str:week>",
        voortgang_api.WeekrapportageDetail.as_view(),
        name="weekrapportage-detail",
    ),
    path("verwijzingen/<uuid:uuid>/voortgang", voortgang_api.VoortgangLijst.as_view(), name="voortgang"),
    path("verwijzingen/<uuid:uuid>/examens", voortgang_api.ExamenLijst.as_view(), name="examens"),
    path("verwijzingen/<uuid:uuid>/resultaten", voortgang_api.ResultaatLijst.as_view(), name="resultaten"),
    path("verwijzingen/<uuid:uuid>/eindrapport", voortgang_api.EindrapportView.as_view(), name="eindrapport"),
    path(
        "weekrapportages/upload", voortgang_api.WeekrapportageUpload.as_view(), name="weekrapportages-upload"
    ),
    path("problemen/<str:code>", ProbleemtypeView.as_view(), name="probleemtype"),
    # API Design Rules (API-51): the OpenAPI document at a standard place, in JSON (and YAML).
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi-json"),
    path("openapi.yaml", SpectacularYAMLAPIView.as_view(), name="openapi-yaml"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    re_path(r"^.*$", niet_gevonden),
]

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="werkvoorraad:mijn", permanent=False)),
    path("", include("regie.accounts.urls")),
    path("werkvoorraad/", include("regie.werkvoorraad.urls")),
    path("inburgeraars/", include("regie.inburgeraars.urls")),
    path("inburgeraars/", include("regie.intake.urls")),
    path("inburgeraars/", include("regie.pip.urls")),
    path("api/v1/", include("regie.api.urls")),
    path("beheer/", admin.site.urls),
]

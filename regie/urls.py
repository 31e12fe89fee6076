from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from regie.api.problems import niet_gevonden

# A request too big (or unreadable): a Dutch page, problem+json in the API (not Django's bare 400).
handler400 = "regie.beveiliging.grootte.ongeldig_verzoek"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="werkvoorraad:mijn", permanent=False)),
    path("", include("regie.accounts.urls")),
    path("werkvoorraad/", include("regie.werkvoorraad.urls")),
    path("inburgeraars/", include("regie.dossier.urls")),
    path("inburgeraars/", include("regie.intake.urls")),
    path("inburgeraars/", include("regie.pip.urls")),
    path("inburgeraars/", include("regie.voortgangsgesprekken.urls")),
    path("inburgeraars/", include("regie.handhaving.urls")),
    path("inburgeraars/", include("regie.participatie.urls")),
    path("inburgeraars/", include("regie.ontzorging.urls_dossier")),
    path("ontzorging/", include("regie.ontzorging.urls")),
    path("aanbieder/", include("regie.voortgang.urls")),
    path("", include("regie.trajecten.urls")),
    path("inburgeraars/", include("regie.duo.schermen.urls_dossier")),
    path("verwerkingslog/", include("regie.privacy.urls")),
    path("coa/", include("regie.coa.urls")),
    path("achtergrondtaken/", include("regie.taken.urls")),
    path("rapportage/", include("regie.rapportage.urls")),
    path("geldzaken/", include("regie.financien.urls")),
    path("cbs/", include("regie.cbs.urls")),
    path("", include("regie.overdracht.urls")),
    path("api/v1/", include("regie.api.urls")),
    # DUO's Notificatie API, municipality side (machine to machine, DUO's spec: regie/duo/inkomend/ontvangst.py)
    path("duo/v1/", include("regie.duo.inkomend.urls_m2m")),
    path("duo-meldingen/", include("regie.duo.schermen.urls_meldingen")),
    re_path(r"^api(/|$)", niet_gevonden),  # any other /api address: 404 as problem+json, no redirect
    path("beheer/", admin.site.urls),
]

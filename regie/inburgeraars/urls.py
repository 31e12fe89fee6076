from django.urls import path

from regie.inburgeraars import views_placeholder as v

app_name = "inburgeraars"
urlpatterns = [
    path("nieuw/", v.leeg, name="registreren"),
    path("zoeken/", v.leeg, name="zoeken"),
    path("<uuid:uuid>/", v.tab, name="dossier"),
    path("<uuid:uuid>/termijnen/", v.tab, {"naam": "termijnen"}, name="termijnen"),
    path("<uuid:uuid>/tijdlijn/", v.tab, {"naam": "tijdlijn"}, name="tijdlijn"),
]

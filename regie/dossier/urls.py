from django.urls import path

from regie.dossier import views

app_name = "inburgeraars"
urlpatterns = [
    path("nieuw/", views.registreren, name="registreren"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("partner-opties/", views.partner_opties, name="partner_opties"),
    path("<uuid:uuid>/", views.dossier, name="dossier"),
    path("<uuid:uuid>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<uuid:uuid>/status/", views.status, name="status"),
    path("<uuid:uuid>/termijnen/", views.termijnen, name="termijnen"),
    path("<uuid:uuid>/tijdlijn/", views.tijdlijn, name="tijdlijn"),
]

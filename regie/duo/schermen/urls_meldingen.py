from django.urls import path

from regie.duo.schermen import meldingen as views

app_name = "notificaties"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<uuid:uuid>/", views.melding, name="melding"),
    path("<uuid:uuid>/registreren/", views.registreren, name="registreren"),
    path("afstemming/", views.afstemming, name="afstemming"),
    path("afstemming/<uuid:uuid>/", views.afstemming_dossier, name="afstemming_dossier"),
]

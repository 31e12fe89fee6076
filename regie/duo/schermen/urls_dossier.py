from django.urls import path

from regie.duo.schermen import dossier as views

app_name = "duo"

urlpatterns = [
    path("<uuid:uuid>/duo/", views.dossier, name="dossier"),
    path("<uuid:uuid>/duo/berichten/<uuid:bericht>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("<uuid:uuid>/duo/contactpersoon/", views.contactpersoon, name="contactpersoon"),
    path("<uuid:uuid>/duo/uren/", views.uren, name="uren"),
]

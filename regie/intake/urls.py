from django.urls import path

from regie.intake import views

app_name = "intake"
urlpatterns = [
    path("<uuid:uuid>/intake/", views.intake, name="intake"),
    path("<uuid:uuid>/intake/diplomas/", views.diploma_toevoegen, name="diploma_toevoegen"),
    path("<uuid:uuid>/intake/diplomas/verwijderen/", views.diploma_verwijderen, name="diploma_verwijderen"),
    path("<uuid:uuid>/intake/afspraken/", views.afspraak_plannen, name="afspraak_plannen"),
    path("<uuid:uuid>/intake/afspraken/<int:pk>/status/", views.afspraak_status, name="afspraak_status"),
    path("<uuid:uuid>/intake/verslag/", views.verslag, name="verslag"),
    path("<uuid:uuid>/intake/verslag/pdf/", views.verslag_pdf, name="verslag_pdf"),
    path("<uuid:uuid>/intake/bijzondere-gegevens/", views.bijzondere_gegevens, name="bijzondere_gegevens"),
]

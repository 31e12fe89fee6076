from django.urls import path

from regie.coa import views

app_name = "coa"
urlpatterns = [
    path("", views.imports, name="imports"),
    path("taakstelling/", views.taakstelling, name="taakstelling"),
    path("<uuid:uuid>/", views.import_detail, name="import"),
    path("<uuid:uuid>/bevestigen/", views.bevestigen, name="bevestigen"),
    path("<uuid:uuid>/annuleren/", views.annuleren, name="annuleren"),
]

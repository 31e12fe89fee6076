from django.urls import path

from regie.trajecten import views

app_name = "trajecten"
urlpatterns = [
    path("inburgeraars/<uuid:uuid>/traject/", views.traject, name="traject"),
    path("inburgeraars/<uuid:uuid>/traject/verwijzen/", views.verwijzen, name="verwijzen"),
    path("inburgeraars/<uuid:uuid>/traject/<uuid:verwijzing>/intrekken/", views.intrekken, name="intrekken"),
    path("inburgeraars/<uuid:uuid>/traject/<uuid:verwijzing>/starten/", views.starten, name="starten"),
    path("inburgeraars/<uuid:uuid>/traject/<uuid:verwijzing>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("trajecten/capaciteit/", views.capaciteit, name="capaciteit"),
    path("trajecten/contracten/", views.contracten, name="contracten"),
]

from django.urls import path

from regie.overdracht import views

app_name = "overdracht"
urlpatterns = [
    path("inburgeraars/<uuid:uuid>/verhuizing/", views.verhuizing, name="verhuizing"),
    path("inburgeraars/<uuid:uuid>/verhuizing/pakket/", views.pakket_maken, name="pakket_maken"),
    path("inburgeraars/<uuid:uuid>/verhuizing/inlezen/", views.inlezen, name="inlezen"),
    path("inburgeraars/<uuid:uuid>/verhuizing/binnen-organisatie/", views.verhuizen, name="verhuizen"),
    path("inburgeraars/<uuid:uuid>/verhuizing/<uuid:overdracht>/pdf/", views.pdf, name="pdf"),
    path("inburgeraars/<uuid:uuid>/verhuizing/<uuid:overdracht>/json/", views.json_bestand, name="json"),
    path("overdrachten/", views.inbox, name="inbox"),
    path("overdrachten/<uuid:uuid>/", views.inbox_pakket, name="inbox_pakket"),
    path("overdrachten/<uuid:uuid>/pdf/", views.inbox_pdf, name="inbox_pdf"),
    path("overdrachten/schema/<str:versie>.json", views.schema, name="schema"),
]

from django.urls import path

from regie.handhaving import boete_views, views

app_name = "handhaving"
urlpatterns = [
    path("<uuid:uuid>/waarschuwing/nieuw/", views.waarschuwing, name="waarschuwing"),
    path("<uuid:uuid>/waarschuwing/<int:pk>/verzonden/", views.verzonden, name="verzonden"),
    path("<uuid:uuid>/handhaving/", boete_views.overzicht, name="overzicht"),
    path("<uuid:uuid>/boete/nieuw/", boete_views.voornemen, name="voornemen"),
    path("<uuid:uuid>/boete/<uuid:boete>/", boete_views.boete, name="boete"),
    path("<uuid:uuid>/boete/<uuid:boete>/zienswijze/", boete_views.zienswijze, name="zienswijze"),
    path("<uuid:uuid>/boete/<uuid:boete>/besluit/", boete_views.besluit, name="besluit"),
    path("<uuid:uuid>/boete/<uuid:boete>/beoordelen/", boete_views.beoordelen, name="beoordelen"),
    path("<uuid:uuid>/boete/<uuid:boete>/betaling/", boete_views.betaling, name="betaling"),
    path("<uuid:uuid>/boete/<uuid:boete>/bezwaar/", boete_views.bezwaar, name="bezwaar"),
    path(
        "<uuid:uuid>/boete/<uuid:boete>/bezwaar/beslissing/",
        boete_views.bezwaar_beslissen,
        name="bezwaar_beslissen",
    ),
    path("<uuid:uuid>/boete/<uuid:boete>/beschikking.pdf", boete_views.pdf, name="pdf"),
    path("boetes/ter-goedkeuring/", boete_views.ter_goedkeuring, name="ter_goedkeuring"),
]

from django.urls import path

from regie.werkvoorraad import views

app_name = "werkvoorraad"
urlpatterns = [
    path("", views.mijn, name="mijn"),
    path("team/", views.team, name="team"),
    path("team/<uuid:uuid>/toewijzen/", views.toewijzen, name="toewijzen"),
]

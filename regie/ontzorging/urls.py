from django.urls import path

from regie.ontzorging import views

app_name = "ontzorging"
GEMEENTE = "<str:cbs_code>/"
RUN = f"{GEMEENTE}runs/<uuid:run>/"
urlpatterns = [
    path("", views.start, name="start"),
    path(GEMEENTE, views.runs, name="runs"),
    path(f"{GEMEENTE}rekening/", views.rekening, name="rekening"),
    path(RUN, views.run, name="run"),
    path(f"{RUN}goedkeuren/", views.goedkeuren, name="goedkeuren"),
    path(f"{RUN}verwijderen/", views.verwijderen, name="verwijderen"),
    path(f"{RUN}betaald/", views.betaald, name="betaald"),
    path(f"{RUN}pain001.xml", views.bestand, name="bestand"),
    path(f"{RUN}betalingen/<int:betaling>/teruggekomen/", views.teruggekomen, name="teruggekomen"),
]

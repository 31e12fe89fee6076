from django.urls import path

from regie.voortgang import views

app_name = "portaal"
urlpatterns = [
    path("", views.verwijzingen, name="verwijzingen"),
    path("verwijzingen/<uuid:uuid>/", views.verwijzing, name="verwijzing"),
    path("verwijzingen/<uuid:uuid>/accepteren/", views.accepteren, name="accepteren"),
    path("verwijzingen/<uuid:uuid>/weigeren/", views.weigeren, name="weigeren"),
    path("verwijzingen/<uuid:uuid>/starten/", views.starten, name="starten"),
    path("verwijzingen/<uuid:uuid>/aanwezigheid/", views.aanwezigheid, name="aanwezigheid"),
    path("verwijzingen/<uuid:uuid>/voortgang/", views.voortgang, name="voortgang"),
    path("verwijzingen/<uuid:uuid>/examen/", views.examen, name="examen"),
    path("verwijzingen/<uuid:uuid>/resultaat/", views.resultaat, name="resultaat"),
    path("verwijzingen/<uuid:uuid>/eindrapport/", views.eindrapport, name="eindrapport"),
    path("upload/", views.upload_kiezen, name="upload"),
    path("upload/voorbeeld.csv", views.voorbeeld_csv, name="voorbeeld_csv"),
    path("upload/<uuid:upload>/", views.upload_voorbeeld, name="upload_voorbeeld"),
]

from django.urls import path

from regie.cbs import views

app_name = "cbs"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("controle/", views.controle, name="controle"),
    path("leveren/", views.leveren, name="leveren"),
    path("leveringen/<uuid:uuid>/", views.download, name="download"),
]

from django.urls import path

from regie.rapportage import views

app_name = "rapportage"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:code>/", views.csv_download, name="csv"),
    path("cohorten/", views.cohorten, name="cohorten"),
    path("streefwaarden/", views.streefwaarden, name="streefwaarden"),
    path("raad/", views.raadsrapportages, name="raadsrapportages"),
    path("raad/<uuid:uuid>/", views.raadsrapportage, name="raadsrapportage"),
    path("raad/<uuid:uuid>/definitief/", views.definitief, name="definitief"),
    path("raad/<uuid:uuid>/pdf/", views.raadsrapportage_pdf_download, name="pdf"),
]

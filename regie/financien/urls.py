from django.urls import path

from regie.financien import views

app_name = "financien"
JAAR = "<str:cbs_code>/<int:jaar>/"
urlpatterns = [
    path("", views.start, name="start"),
    path(JAAR, views.overzicht, name="overzicht"),
    path(f"{JAAR}budget/", views.budget, name="budget"),
    path(f"{JAAR}sisa/", views.sisa, name="sisa"),
    path(
        f"{JAAR}besteding.csv",
        views.downloaden,
        {"soort": "besteding", "formaat": "csv"},
        name="besteding_csv",
    ),
    path(
        f"{JAAR}besteding.xlsx",
        views.downloaden,
        {"soort": "besteding", "formaat": "xlsx"},
        name="besteding_xlsx",
    ),
    path(f"{JAAR}sisa.csv", views.downloaden, {"soort": "sisa", "formaat": "csv"}, name="sisa_csv"),
    path(f"{JAAR}sisa.xlsx", views.downloaden, {"soort": "sisa", "formaat": "xlsx"}, name="sisa_xlsx"),
    path("<str:cbs_code>/facturen/", views.facturen, name="facturen"),
    path("<str:cbs_code>/facturen/registreren/", views.factuur_registreren, name="factuur_registreren"),
]

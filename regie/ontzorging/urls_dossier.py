from django.urls import path

from regie.ontzorging import views_dossier as views

app_name = "ontzorging_dossier"
BASIS = "<uuid:uuid>/ontzorging/"
urlpatterns = [
    path(BASIS, views.ontzorging, name="ontzorging"),
    path(f"{BASIS}vastleggen/", views.vastleggen, name="vastleggen"),
    path(f"{BASIS}verlengen/", views.verlengen, name="verlengen"),
    path(f"{BASIS}beeindigen/", views.beeindigen, name="beeindigen"),
    path(f"{BASIS}brief.pdf", views.brief, name="brief"),
    path(f"{BASIS}bijstand/", views.bijstand, name="bijstand"),
    path(f"{BASIS}budgetcoaching/", views.budgetcoaching, name="budgetcoaching"),
    path(f"{BASIS}vaste-last/", views.vaste_last_toevoegen, name="vaste_last_toevoegen"),
    path(f"{BASIS}vaste-last/<uuid:vaste_last>/", views.vaste_last_wijzigen, name="vaste_last_wijzigen"),
]

from django.urls import path

from regie.taken import views

app_name = "taken"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("opnieuw/", views.opnieuw, name="opnieuw"),
]

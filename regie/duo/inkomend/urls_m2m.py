"""DUO's machine-to-machine address (Notificatie API, DUO's base path /{major version})."""

from django.urls import path

from regie.duo.inkomend import ontvangst

app_name = "duo_m2m"
urlpatterns = [
    path("notificaties", ontvangst.notificaties, name="notificaties"),
]

from django.urls import path

from regie.inburgeraars import views_placeholder as v

app_name = "werkvoorraad"
urlpatterns = [
    path("", v.leeg, name="mijn"),
    path("team/", v.leeg, name="team"),
]

from django.urls import path

from regie.inburgeraars import views_placeholder as v

app_name = "intake"
urlpatterns = [
    path("<uuid:uuid>/intake/", v.tab, {"naam": "intake"}, name="intake"),
]

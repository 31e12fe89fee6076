from django.urls import path

from regie.inburgeraars import views_placeholder as v

app_name = "pip"
urlpatterns = [
    path("<uuid:uuid>/pip/", v.tab, {"naam": "pip"}, name="pip"),
]

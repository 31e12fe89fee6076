from django.urls import path

from regie.handhaving import views

app_name = "handhaving"
urlpatterns = [
    path("<uuid:uuid>/waarschuwing/nieuw/", views.waarschuwing, name="waarschuwing"),
    path("<uuid:uuid>/waarschuwing/<int:pk>/verzonden/", views.verzonden, name="verzonden"),
]

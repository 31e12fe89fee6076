from django.urls import path

from regie.participatie import views

app_name = "participatie"
urlpatterns = [
    path("<uuid:uuid>/participatie/", views.participatie, name="participatie"),
    path("<uuid:uuid>/participatie/activiteit/", views.activiteit_toevoegen, name="activiteit_toevoegen"),
    path(
        "<uuid:uuid>/participatie/activiteit/<int:pk>/", views.activiteit_wijzigen, name="activiteit_wijzigen"
    ),
    path("<uuid:uuid>/participatie/meetmoment/<str:moment>/", views.situatie, name="situatie"),
]

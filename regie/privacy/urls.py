from django.urls import path

from regie.privacy import views

app_name = "verwerkingslog"
urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("regel/<uuid:uuid>/", views.detail, name="detail"),
    path("inzageverzoek/<int:inburgeraar_id>/<str:formaat>/", views.inzageverzoek, name="inzageverzoek"),
]

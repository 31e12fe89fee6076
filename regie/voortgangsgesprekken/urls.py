from django.urls import path

from regie.voortgangsgesprekken import views

app_name = "voortgangsgesprekken"
urlpatterns = [
    path("<uuid:uuid>/voortgang/", views.voortgang, name="voortgang"),
    path("<uuid:uuid>/voortgang/plannen/", views.plannen, name="plannen"),
    path("<uuid:uuid>/voortgang/plannen-uit-pip/", views.plannen_uit_pip, name="plannen_uit_pip"),
    path("<uuid:uuid>/voortgang/gesprek/<int:pk>/", views.vastleggen, name="vastleggen"),
]

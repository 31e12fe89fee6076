from django.urls import path

from regie.pip import views

app_name = "pip"
urlpatterns = [
    path("<uuid:uuid>/pip/", views.pip, name="pip"),
    path("<uuid:uuid>/pip/nieuw/", views.vaststellen, name="vaststellen"),
    path("<uuid:uuid>/pip/<int:versie>/", views.versie, name="versie"),
    path("<uuid:uuid>/pip/<int:versie>/pdf/", views.pdf, name="pdf"),
]

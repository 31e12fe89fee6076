from django.contrib.auth import views as auth_views
from django.urls import path

from regie.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="login"),
    path("inloggen/code/", views.TweeStapsView.as_view(), name="tweestaps"),
    path("inloggen/app-instellen/", views.TweeStapsInstellenView.as_view(), name="tweestaps_instellen"),
    path("inloggen/organisatie/", views.oidc_inloggen, name="oidc_inloggen"),
    path("inloggen/organisatie/terug/", views.oidc_callback, name="oidc_callback"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord/", views.WachtwoordWijzigenView.as_view(), name="wachtwoord"),
    path("account/tokens/", views.TokensView.as_view(), name="tokens"),
]

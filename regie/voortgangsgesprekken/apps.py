from django.apps import AppConfig


class VoortgangsgesprekkenConfig(AppConfig):
    name = "regie.voortgangsgesprekken"
    verbose_name = "Voortgangsgesprekken"

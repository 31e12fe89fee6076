from django.apps import AppConfig


class DuoConfig(AppConfig):
    name = "regie.duo"
    verbose_name = "Berichten aan DUO"

from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "regie.rapportage"
    verbose_name = "Rapportage en sturing"

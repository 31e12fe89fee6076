from django.apps import AppConfig


class TijdlijnConfig(AppConfig):
    name = "regie.tijdlijn"

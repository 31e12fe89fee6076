from django.apps import AppConfig


class WerkvoorraadConfig(AppConfig):
    name = "regie.werkvoorraad"

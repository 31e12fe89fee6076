from django.apps import AppConfig


class PipConfig(AppConfig):
    name = "regie.pip"

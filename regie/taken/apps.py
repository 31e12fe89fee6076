from django.apps import AppConfig


class TakenConfig(AppConfig):
    name = "regie.taken"
    verbose_name = "Achtergrondtaken"

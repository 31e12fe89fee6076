from django.apps import AppConfig


class OverdrachtConfig(AppConfig):
    name = "regie.overdracht"
    verbose_name = "Overdracht bij verhuizing"

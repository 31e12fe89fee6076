from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "regie.intake"

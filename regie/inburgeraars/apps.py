from django.apps import AppConfig


class InburgeraarsConfig(AppConfig):
    name = "regie.inburgeraars"

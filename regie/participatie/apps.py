from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "regie.participatie"
    verbose_name = "Participatie en uitkomsten"

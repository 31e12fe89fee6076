from django.apps import AppConfig


class VoortgangConfig(AppConfig):
    name = "regie.voortgang"
    verbose_name = "Rapportages van aanbieders"

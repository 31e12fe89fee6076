from django.apps import AppConfig


class DuoConfig(AppConfig):
    # The label stays "duo": the tables (duo_*), the migration history and the content types keep
    # their names since the code moved into regie/duo/uitgaand.
    name = "regie.duo.uitgaand"
    label = "duo"
    verbose_name = "Berichten aan DUO"

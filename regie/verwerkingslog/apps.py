from django.apps import AppConfig


class VerwerkingslogConfig(AppConfig):
    name = "regie.verwerkingslog"
    verbose_name = "Verwerkingslog"

    def ready(self):
        from regie.verwerkingslog import database

        database.koppel_sqlite_functie()

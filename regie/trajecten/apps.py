from django.apps import AppConfig


class TrajectenConfig(AppConfig):
    name = "regie.trajecten"
    verbose_name = "Trajecten en verwijzingen"

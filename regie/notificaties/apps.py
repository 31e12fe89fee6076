from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    name = "regie.notificaties"
    verbose_name = "Notificaties van DUO"

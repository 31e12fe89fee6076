from django.apps import AppConfig


class NotificatiesConfig(AppConfig):
    # The label stays "notificaties": the tables (notificaties_*), the migration history and the
    # content types keep their names since the code moved from regie/notificaties.
    name = "regie.duo.inkomend"
    label = "notificaties"
    verbose_name = "Notificaties van DUO"

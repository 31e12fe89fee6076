from django.apps import AppConfig


class CbsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "regie.cbs"
    verbose_name = "CBS-levering (Statistiek Wet inburgering)"

from django.apps import AppConfig


class HandhavingConfig(AppConfig):
    name = "regie.handhaving"
    verbose_name = "Handhaving"

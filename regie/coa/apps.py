from django.apps import AppConfig


class CoaConfig(AppConfig):
    name = "regie.coa"
    verbose_name = "COA-koppelingen en taakstelling"

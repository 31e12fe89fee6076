from django.apps import AppConfig


class OntzorgingConfig(AppConfig):
    name = "regie.ontzorging"
    verbose_name = "Ontzorging (Participatiewet art. 56a)"

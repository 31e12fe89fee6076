from django.apps import AppConfig


class BewaartermijnenConfig(AppConfig):
    name = "regie.bewaartermijnen"
    verbose_name = "Bewaartermijnen"

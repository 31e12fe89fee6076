from django.apps import AppConfig


class FinancienConfig(AppConfig):
    name = "regie.financien"
    verbose_name = "Geldzaken: SPUK-budget en besteding"

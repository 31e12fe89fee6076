from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "regie.privacy"
    verbose_name = "Privacy"

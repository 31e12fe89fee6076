from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "regie.accounts"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "regie.accounts"

    def ready(self):
        # The admin registered its models in its own ready() (it comes first in INSTALLED_APPS).
        from regie.accounts.beheer import beveilig_beheeromgeving

        beveilig_beheeromgeving()

from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "regie.organisaties"

from django.apps import AppConfig


class AanbiedersConfig(AppConfig):
    name = "regie.aanbieders"
    verbose_name = "Aanbieders en contracten"

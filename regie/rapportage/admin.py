"""House styles and targets in the beheeromgeving (/beheer/): the functioneel beheerder sets
them for the own organisation's municipalities (regie.accounts.beheer limits it to those)."""

from django.contrib import admin

from regie.rapportage.models import Huisstijl, Streefwaarde


@admin.register(Huisstijl)
class HuisstijlAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "afzender", "kleur_primair", "kleur_accent"]


@admin.register(Streefwaarde)
class StreefwaardeAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "kpi", "jaar", "waarde"]
    list_filter = ["jaar", "kpi"]
    exclude = ["gewijzigd_door"]

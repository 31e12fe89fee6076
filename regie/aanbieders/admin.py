"""Providers and their contracts in the beheeromgeving (/beheer/): the functioneel beheerder
keeps the register of the own organisation (regie.accounts.beheer limits it to that)."""

from django.contrib import admin

from regie.aanbieders.models import Aanbieder, Contract


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0
    fields = [
        "perceel",
        "inkoopvorm",
        "prijs",
        "prijs_per",
        "capaciteit",
        "begindatum",
        "einddatum",
        "kenmerk",
    ]


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "instellingsnummer", "contactpersoon", "actief"]
    list_filter = ["organisatie", "actief"]
    search_fields = ["naam", "instellingsnummer"]
    inlines = [ContractInline]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = [
        "aanbieder",
        "perceel",
        "inkoopvorm",
        "prijs",
        "prijs_per",
        "capaciteit",
        "begindatum",
        "einddatum",
    ]
    list_filter = ["perceel", "inkoopvorm", "aanbieder__organisatie"]
    search_fields = ["aanbieder__naam", "kenmerk"]

"""Refused requests to DUO's notice endpoint in the beheeromgeving (/beheer/): the functioneel
beheerder sees those aimed at a municipality of the own organisation (regie.accounts.beheer);
nobody adds, changes or removes them here."""

from django.contrib import admin

from regie.duo.inkomend.models import GeweigerdeMelding


@admin.register(GeweigerdeMelding)
class GeweigerdeMeldingAdmin(admin.ModelAdmin):
    list_display = ["ontvangen_op", "status", "reden", "ip_adres", "gemeente", "bericht_id"]
    list_filter = ["status", "gemeente"]
    date_hierarchy = "ontvangen_op"
    readonly_fields = [
        "ontvangen_op",
        "status",
        "reden",
        "ip_adres",
        "bron",
        "doel",
        "bericht_id",
        "gemeente",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

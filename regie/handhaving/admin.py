"""The municipality's fine policy in the beheeromgeving: the functioneel beheerder keeps it for the
own organisation's municipalities (regie.accounts.beheer limits it to those)."""

from django.contrib import admin

from regie.handhaving.models import Boetebeleid


@admin.register(Boetebeleid)
class BoetebeleidAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "asielstatushouders_beboeten", "verrekenen_met_bijstand")
    list_select_related = ("gemeente",)

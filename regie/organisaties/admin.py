from django.contrib import admin

from regie.organisaties.models import Gemeente, Kern, Organisatie


class GemeenteInline(admin.TabularInline):
    model = Gemeente
    extra = 0


class KernInline(admin.TabularInline):
    model = Kern
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    inlines = [GemeenteInline]
    search_fields = ["naam"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code", "organisatie"]
    list_filter = ["organisatie"]
    inlines = [KernInline]

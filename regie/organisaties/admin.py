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
    list_display = ["naam", "cbs_code", "oin", "organisatie"]
    list_filter = ["organisatie"]
    inlines = [KernInline]

    def get_readonly_fields(self, request, obj=None):
        # Each case stores its municipality's organisation (the BSN is unique per organisation):
        # moving a municipality with cases to another organisation is a migration, not a click.
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.inburgeraars.exists():
            velden.append("organisatie")
        return velden

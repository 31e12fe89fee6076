from django.contrib import admin

from regie.verwerkingslog.models import Betrokkene, Verwerking


class AlleenInzien(admin.ModelAdmin):
    """The processing log in the admin: view only, never add, change or delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


class BetrokkeneInline(admin.TabularInline):
    model = Betrokkene
    fields = ("inburgeraar_id", "inburgeraar_uuid")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Verwerking)
class VerwerkingAdmin(AlleenInzien):
    list_display = ("tijdstip", "gebruikersnaam", "rol", "namens_organisatie", "actie", "kanaal", "onderdeel")
    list_filter = ("actie", "kanaal", "resultaat")
    search_fields = ("trace_id", "gebruikersnaam", "onderdeel")
    date_hierarchy = "tijdstip"
    inlines = [BetrokkeneInline]

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from regie.accounts.models import ApiToken, User
from regie.accounts.tokens import trek_in
from regie.accounts.tweestaps import opnieuw_laten_instellen


# Case data is deliberately not in the admin: it would bypass the organisation scoping
# that every page and the API go through. The admin is for users and municipalities.
@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "rol", "is_active"]
    list_filter = ["organisatie", "rol", "is_active"]
    # Rol: what the user may do (docs/rollen.md). Gemeenten: empty for all municipalities of the
    # organisation, or only these (e.g. one municipality of a shared service).
    # Aanbieder: only for the role aanbieder, the provider (of the same organisation) they work at.
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Regie", {"fields": ["organisatie", "rol", "gemeenten", "aanbieder"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Regie", {"fields": ["organisatie", "rol", "gemeenten", "aanbieder"]}),
    ]
    filter_horizontal = ["gemeenten"]
    actions = ["tweestaps_opnieuw"]

    @admin.action(
        description="Authenticator-app opnieuw laten instellen (nieuwe of kwijtgeraakte telefoon)",
        permissions=["change"],
    )
    def tweestaps_opnieuw(self, request, queryset):
        """Removes the users' TOTP devices: their sessions lose the second step, and at the next
        log-in (password first) they set up the app again. Check who asks before doing this."""
        for user in queryset:
            if opnieuw_laten_instellen(user):
                self.log_change(
                    request, user, "Authenticator-app verwijderd: opnieuw instellen bij inloggen."
                )
        self.message_user(
            request,
            f"{queryset.count()} medewerker(s) stellen bij de volgende keer inloggen hun authenticator-app opnieuw in.",
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by the user (page 'API-tokens') or with `create_api_token`; here the
    functioneel beheerder sees them and revokes them. The key itself is never stored."""

    list_display = ["prefix", "naam", "user", "aangemaakt_op", "laatst_gebruikt_op", "ingetrokken_op"]
    list_filter = [("ingetrokken_op", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "naam", "prefix"]
    readonly_fields = ["user", "naam", "prefix", "aangemaakt_op", "laatst_gebruikt_op", "ingetrokken_op"]
    exclude = ["sleutel_hash"]
    actions = ["intrekken"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Geselecteerde tokens intrekken")
    def intrekken(self, request, queryset):
        aantal = trek_in(list(queryset))
        self.message_user(request, f"{aantal} token(s) ingetrokken.")

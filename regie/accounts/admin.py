from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from regie.accounts import services
from regie.accounts.models import ApiToken, User
from regie.accounts.rechten import RECHTGEVENDE_VELDEN, GeenToegang, log_weigering, weigering_accountbeheer
from regie.accounts.tokens import trek_in

# The DUO koppeling's account is made by regie.duo.inkomend.services.duo_gebruiker under this
# name (with the organisation's id): nobody else may take such a name first.
GERESERVEERD = "duo-koppeling-"


def _beheerformulier(basis, request, gebruiker):
    """The admin's user form, checking every change of rights against
    regie.accounts.rechten.weigering_accountbeheer before anything is saved. A field that is
    not on the form for this user (read-only, or only for superusers) but is sent anyway is an
    attempt too: refused with the same message instead of silently ignored, and logged."""

    class Beheerformulier(basis):
        def clean(self):
            data = super().clean()
            gestuurd = set(self.data) - set(self.fields)
            geprobeerd = {v for v in RECHTGEVENDE_VELDEN if v in self.changed_data or v in gestuurd}
            melding = weigering_accountbeheer(request.user, gebruiker, geprobeerd)
            if melding:
                log_weigering(request, f"{melding} (account {gebruiker or data.get('username')})")
                raise ValidationError(melding)
            return data

        def clean_username(self):
            naam = self.cleaned_data["username"]
            if (gebruiker is None or naam != gebruiker.username) and naam.lower().startswith(GERESERVEERD):
                raise ValidationError(
                    f"Een gebruikersnaam die begint met '{GERESERVEERD}' is voor Regie zelf."
                )
            return naam

    return Beheerformulier


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

    # Who may change which account (the DUO system account, a superuser's, the own rights):
    # regie.accounts.rechten.weigering_accountbeheer, also checked again by the services.
    def get_form(self, request, obj=None, **kwargs):
        return _beheerformulier(super().get_form(request, obj, **kwargs), request, obj)

    def get_readonly_fields(self, request, obj=None):
        velden = super().get_readonly_fields(request, obj)
        if obj is not None and obj.pk == request.user.pk and not request.user.is_superuser:
            return [*velden, *RECHTGEVENDE_VELDEN]  # the own rights: shown, not editable
        return velden

    def has_change_permission(self, request, obj=None):
        if obj is not None and weigering_accountbeheer(request.user, obj):
            return False  # the page is read-only; a POST is refused in change_view
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and weigering_accountbeheer(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._weiger_beschermd(request, self.get_object(request, unquote(object_id)))
        return super().change_view(request, object_id, form_url, extra_context)

    def _weiger_beschermd(self, request, gebruiker):
        """A refusal with its Dutch reason (403; VerwerkingslogMiddleware logs it) for an account
        nobody (or only a superuser) may change."""
        if gebruiker is not None:
            services.controleer_accountbeheer(door=request.user, gebruiker=gebruiker)

    @admin.action(
        description="Authenticator-app opnieuw laten instellen (nieuwe of kwijtgeraakte telefoon)",
        permissions=["change"],
    )
    def tweestaps_opnieuw(self, request, queryset):
        """Removes the users' TOTP devices and ends their sessions and API tokens; at the next
        log-in (password first) they set up the app again. Check who asks before doing this."""
        gelukt = 0
        for user in queryset:
            try:
                services.tweestaps_opnieuw_instellen(gebruiker=user, door=request.user)
            except GeenToegang as weigering:
                log_weigering(request, f"{weigering.melding} (account {user})")
                self.message_user(request, f"{user}: {weigering.melding}", level=messages.ERROR)
                continue
            gelukt += 1
            self.log_change(request, user, "Authenticator-app verwijderd: opnieuw instellen bij inloggen.")
        if gelukt:
            self.message_user(
                request,
                f"{gelukt} medewerker(s) stellen bij de volgende keer inloggen hun authenticator-app opnieuw"
                " in. Ze zijn overal uitgelogd en hun API-tokens werken niet meer.",
            )

    # Saving goes through regie.accounts.services, which writes the processing log (who gave whom
    # which rights) and ends sessions and tokens where needed. The admin's change view already
    # runs in one transaction; the old rights are read before the form's values are saved.
    def save_model(self, request, obj, form, change):
        form.regie_oud = services.rechten_van_account(User.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.account_opgeslagen(gebruiker=form.instance, oud=form.regie_oud, door=request.user)

    def user_change_password(self, request, id, form_url=""):
        """Django's page to set a password, with the change itself done by the service (so the
        user's sessions and tokens end and the processing log has it). Anything but a valid
        POST (the page, a form with errors) is Django's own answer."""
        gebruiker = self.get_object(request, unquote(id))
        self._weiger_beschermd(request, gebruiker)
        if (
            request.method == "POST"
            and gebruiker is not None
            and self.has_change_permission(request, gebruiker)
        ):
            form = self.change_password_form(gebruiker, request.POST)
            if form.is_valid() and (
                form.cleaned_data["set_usable_password"] or "unset-password" in request.POST
            ):
                wachtwoord = (
                    form.cleaned_data["password1"] if form.cleaned_data["set_usable_password"] else None
                )
                services.wachtwoord_wijzigen(
                    gebruiker=gebruiker,
                    wachtwoord=wachtwoord,
                    door=request.user,
                    huidige_sessie=request.session.session_key,
                )
                self.log_change(
                    request, gebruiker, "Wachtwoord ingesteld." if wachtwoord else "Wachtwoord uitgezet."
                )
                update_session_auth_hash(request, gebruiker)
                messages.success(
                    request,
                    "Het wachtwoord is ingesteld. De medewerker is overal uitgelogd en de API-tokens werken"
                    " niet meer."
                    if wachtwoord
                    else "Inloggen met een wachtwoord staat uit. De medewerker is overal uitgelogd.",
                )
                return redirect("admin:accounts_user_change", gebruiker.pk)
        return super().user_change_password(request, id, form_url)


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

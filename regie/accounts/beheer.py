"""Who may use the beheeromgeving (the Django admin at /beheer/), and what they see there.

Only superusers and the functioneel beheerder (right `Recht.BEHEER`) get in; any other
signed-in user gets the Dutch 403 page (logged). Case data is never registered in the
admin (it would bypass `inburgeraars_voor`), so the admin holds users, organisations,
municipalities and tokens only.

A functioneel beheerder has no Django model permissions of their own: on the models in
`BEHEERBAAR` they may do what the ModelAdmin allows a superuser, limited to their own
organisation; other registered models (the processing log, lock-outs, TOTP devices with
their secrets) stay for superusers.
"""

from contextlib import contextmanager
from functools import wraps
from types import MethodType

from django.contrib import admin
from django.shortcuts import redirect

from regie.accounts.rechten import ALLEEN_SUPERUSER_VELDEN, Recht, log_weigering, mag_beheren, weiger

# Model (app_label.model_name) → the path from that model to its organisation.
BEHEERBAAR: dict[str, str] = {
    "accounts.user": "organisatie",
    "accounts.apitoken": "user__organisatie",
    "organisaties.organisatie": "pk",
    "organisaties.gemeente": "organisatie",
    "organisaties.kern": "gemeente__organisatie",
    "aanbieders.aanbieder": "organisatie",
    "aanbieders.contract": "aanbieder__organisatie",
    # Requests to DUO's notice endpoint refused as not from DUO, aimed at an own municipality.
    "notificaties.geweigerdemelding": "gemeente__organisatie",
    # A municipality's house style for its council report, and its targets per KPI.
    "rapportage.huisstijl": "gemeente__organisatie",
    "rapportage.streefwaarde": "gemeente__organisatie",
    # A municipality's choices on fines (regie.handhaving): asielstatushouders, set-off.
    "handhaving.boetebeleid": "gemeente__organisatie",
}
# What only a superuser does, also on those models: adding or removing organisations.
ALLEEN_SUPERUSER = {
    ("organisaties.organisatie", "has_add_permission"),
    ("organisaties.organisatie", "has_delete_permission"),
}
PERMISSIES = (
    "has_view_permission",
    "has_add_permission",
    "has_change_permission",
    "has_delete_permission",
    "has_module_permission",
)


def _is_beheerder(user) -> bool:
    return mag_beheren(user) and not user.is_superuser


def _alle_modelrechten(*args, **kwargs) -> bool:
    return True


@contextmanager
def _met_modelrechten(user):
    """For the checks of one ModelAdmin: the beheerder counts as having the model
    permissions; the ModelAdmin's own limits (e.g. no adding tokens, no changing a system
    account) still apply. Only `has_perm`/`has_module_perms` answer yes for the moment:
    `is_superuser` stays true to the account, so those limits can rely on it."""
    if "has_perm" in vars(user):  # already inside another check of the same request
        yield
        return
    user.has_perm = user.has_module_perms = _alle_modelrechten
    try:
        yield
    finally:
        del user.has_perm, user.has_module_perms


def _permissie(model_admin, naam: str):
    origineel = getattr(model_admin, naam)

    @wraps(origineel)
    def controle(request, *args, **kwargs):
        if not _is_beheerder(request.user):
            return origineel(request, *args, **kwargs)
        if (model_admin.opts.label_lower, naam) in ALLEEN_SUPERUSER:
            return False
        if naam in ("has_change_permission", "has_delete_permission", "has_view_permission") and args:
            obj = args[0]
            if (
                obj is not None
                and not _eigen_organisatie(model_admin, request.user).filter(pk=obj.pk).exists()
            ):
                return False
        with _met_modelrechten(request.user):
            return origineel(request, *args, **kwargs)

    return controle


def _eigen_organisatie(model_admin, user):
    pad = BEHEERBAAR[model_admin.opts.label_lower]
    return model_admin.model._default_manager.filter(**{pad: user.organisatie_id})


def _queryset(model_admin):
    origineel = model_admin.get_queryset

    @wraps(origineel)
    def get_queryset(request):
        qs = origineel(request)
        if _is_beheerder(request.user):
            pad = BEHEERBAAR[model_admin.opts.label_lower]
            qs = qs.filter(**{pad: request.user.organisatie_id})
        return qs

    return get_queryset


def _formfield(model_admin, naam: str):
    """Choices of organisations and municipalities in forms: only the beheerder's own."""
    origineel = getattr(model_admin, naam)

    @wraps(origineel)
    def formfield(db_field, request, **kwargs):
        veld = origineel(db_field, request, **kwargs)
        if veld is not None and _is_beheerder(request.user) and hasattr(veld, "queryset"):
            label = veld.queryset.model._meta.label_lower
            if label == "organisaties.organisatie":
                veld.queryset = veld.queryset.filter(pk=request.user.organisatie_id)
            elif label in ("organisaties.gemeente", "accounts.user", "aanbieders.aanbieder"):
                veld.queryset = veld.queryset.filter(organisatie_id=request.user.organisatie_id)
        return veld

    return formfield


def _inlines(model_admin):
    """Inlines (the municipalities of an organisation, the kernen of a municipality) check
    the same model permissions: the beheerder may use them within the object they opened."""
    origineel = model_admin.get_inline_instances

    @wraps(origineel)
    def get_inline_instances(request, obj=None):
        if not _is_beheerder(request.user):
            return origineel(request, obj)
        with _met_modelrechten(request.user):
            inlines = origineel(request, obj)
        for inline in inlines:
            for naam in PERMISSIES:
                setattr(inline, naam, _als_beheerder(getattr(inline, naam)))
            inline.get_readonly_fields = _readonly_fields(inline)
        return inlines

    return get_inline_instances


def _als_beheerder(origineel):
    @wraps(origineel)
    def controle(request, *args, **kwargs):
        if not _is_beheerder(request.user):
            return origineel(request, *args, **kwargs)
        with _met_modelrechten(request.user):
            return origineel(request, *args, **kwargs)

    return controle


def _fieldsets(model_admin):
    """A beheerder does not see what only a superuser hands out: the superuser and staff flags,
    groups and Django permissions (regie.accounts.rechten.ALLEEN_SUPERUSER_VELDEN)."""
    origineel = model_admin.get_fieldsets

    @wraps(origineel)
    def get_fieldsets(request, obj=None):
        fieldsets = origineel(request, obj)
        if not _is_beheerder(request.user):
            return fieldsets
        return [
            (titel, {**opties, "fields": [v for v in opties["fields"] if v not in ALLEEN_SUPERUSER_VELDEN]})
            for titel, opties in fieldsets
        ]

    return get_fieldsets


# Fields a beheerder sees but only a superuser changes. The OIN routes DUO's notices to a
# municipality (regie/duo/inkomend/ontvangst.py): whoever sets it receives that municipality's
# notices, so it is set by whoever runs the installation, not by one organisation.
ALLEEN_SUPERUSER_WIJZIGT: dict[str, tuple[str, ...]] = {"organisaties.gemeente": ("oin",)}


def _readonly_fields(model_admin):
    origineel = model_admin.get_readonly_fields

    @wraps(origineel)
    def get_readonly_fields(request, obj=None):
        velden = tuple(origineel(request, obj))
        if not _is_beheerder(request.user):
            return velden
        extra = ALLEEN_SUPERUSER_WIJZIGT.get(model_admin.opts.label_lower, ())
        return velden + tuple(v for v in extra if v not in velden)

    return get_readonly_fields


def _changeform_view(model_admin):
    """A beheerder's POST that carries such a field (the page does not offer it, so someone
    crafted the request) saves the rest as usual, ignores the field, and logs the attempt."""
    origineel = model_admin.changeform_view
    velden = {v for namen in ALLEEN_SUPERUSER_WIJZIGT.values() for v in namen}

    @wraps(origineel)
    def changeform_view(request, *args, **kwargs):
        if request.method == "POST" and _is_beheerder(request.user):
            # also inside an inline: the municipalities on the organisation's page (gemeenten-0-oin)
            genegeerd = sorted(
                {v for sleutel in request.POST for v in velden if sleutel == v or sleutel.endswith(f"-{v}")}
            )
            if genegeerd:
                log_weigering(
                    request,
                    f"Alleen een superuser wijzigt {', '.join(genegeerd)}; de meegestuurde waarde is genegeerd.",
                )
        return origineel(request, *args, **kwargs)

    return changeform_view


def _has_permission(self, request) -> bool:
    return mag_beheren(request.user)


def _admin_view(origineel):
    def admin_view(view, cacheable=False):
        binnen = origineel(view, cacheable)

        @wraps(binnen)
        def controle(request, *args, **kwargs):
            if request.user.is_authenticated and not mag_beheren(request.user):
                raise weiger(request, request.user, Recht.BEHEER)
            return binnen(request, *args, **kwargs)

        return controle

    return admin_view


def _login(origineel):
    @wraps(origineel)
    def login(request, extra_context=None):
        if request.user.is_authenticated and not mag_beheren(request.user):
            raise weiger(request, request.user, Recht.BEHEER)
        return origineel(request, extra_context)

    return login


def _eigen_wachtwoord(request, extra_context=None):
    """The admin's own 'change password' page: Regie has one, which also ends the user's other
    sessions and tokens and writes the processing log (regie.accounts.services)."""
    return redirect("accounts:wachtwoord")


def beveilig_beheeromgeving(site: admin.AdminSite = admin.site) -> None:
    """Called once from AccountsConfig.ready(), after the admin modules registered their models
    and before the URLs are built."""
    if getattr(site, "_regie_beveiligd", False):
        return
    site._regie_beveiligd = True
    site.has_permission = MethodType(_has_permission, site)
    site.admin_view = _admin_view(site.admin_view)
    site.login = _login(site.login)
    site.password_change = _eigen_wachtwoord
    for model, model_admin in site._registry.items():
        if model._meta.label_lower not in BEHEERBAAR:
            continue  # superusers only: the ModelAdmin checks Django's permissions
        for naam in PERMISSIES:
            setattr(model_admin, naam, _permissie(model_admin, naam))
        model_admin.get_queryset = _queryset(model_admin)
        for naam in ("formfield_for_foreignkey", "formfield_for_manytomany"):
            setattr(model_admin, naam, _formfield(model_admin, naam))
        model_admin.get_inline_instances = _inlines(model_admin)
        model_admin.get_fieldsets = _fieldsets(model_admin)
        model_admin.get_readonly_fields = _readonly_fields(model_admin)
        model_admin.changeform_view = _changeform_view(model_admin)

"""Log-in (password, then a code from the authenticator app), password change and API tokens."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.password_validation import password_validators_help_texts
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView
from django_otp import DEVICE_ID_SESSION_KEY

from regie.accounts import oidc, services, tokens, tweestaps
from regie.accounts.forms import CodeForm, NieuwTokenForm, WachtwoordWijzigenForm
from regie.accounts.models import ApiToken


def _volgende(request) -> str:
    """Where to go after logging in: a safe `next` on this site, else the worklist."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def tweede_stap(user, volgende: str) -> str:
    stap = "accounts:tweestaps" if tweestaps.heeft_tweestaps(user) else "accounts:tweestaps_instellen"
    return f"{reverse(stap)}?{urlencode({'next': volgende})}"


class InloggenView(auth_views.LoginView):
    """Step 1: username and password (django-axes counts the failures and locks out)."""

    template_name = "accounts/inloggen.html"

    def form_valid(self, form):
        # A new password log-in always needs a new second step.
        for sleutel in (DEVICE_ID_SESSION_KEY, tweestaps.MFA_VIA_IDP):
            self.request.session.pop(sleutel, None)
        super().form_valid(form)
        return redirect(tweede_stap(form.get_user(), self.get_success_url()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, oidc_aan=settings.OIDC_AAN, pogingen=settings.AXES_FAILURE_LIMIT
        )


class TweedeStapMixin(LoginRequiredMixin):
    """Only for a logged-in user who still has to do the second step."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.is_verified():
            return redirect(_volgende(request))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        tweestaps.als_geverifieerd_markeren(self.request, form.apparaat)
        return redirect(_volgende(self.request))

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, next=_volgende(self.request))


class TweeStapsView(TweedeStapMixin, FormView):
    """Step 2: the 6-digit code from the authenticator app."""

    template_name = "accounts/tweestaps.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not tweestaps.heeft_tweestaps(request.user):
            return redirect(tweede_stap(request.user, _volgende(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        apparaten = tweestaps.bevestigde_apparaten(self.request.user)
        return {**super().get_form_kwargs(), "user": self.request.user, "apparaten": apparaten}


class TweeStapsInstellenView(TweedeStapMixin, FormView):
    """Step 2 the first time: add Regie to an authenticator app (QR code or the secret typed in),
    then confirm with a code. Only while the user has no confirmed device: with only a password,
    nobody can add a device to an account that has one.

    Every time the page is shown the secret is new, and only the one last shown in this session
    can be confirmed: whoever saw a QR code earlier (or in another session) cannot use it."""

    template_name = "accounts/tweestaps_instellen.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and tweestaps.heeft_tweestaps(request.user):
            return redirect(tweede_stap(request.user, _volgende(request)))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.apparaat = tweestaps.nieuw_apparaat_om_in_te_stellen(request)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.apparaat = tweestaps.apparaat_in_instelling(request)
        if self.apparaat is None:
            self.apparaat = tweestaps.nieuw_apparaat_om_in_te_stellen(request)
            messages.error(
                request,
                "Deze QR-code is niet meer geldig: hij hoort bij een eerdere poging. Verwijder Regie in uw app,"
                " scan de nieuwe QR-code hieronder en vul de code in die uw app dan laat zien.",
            )
            form = self.get_form_class()(user=request.user, apparaten=[self.apparaat])
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "apparaten": [self.apparaat]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["qr_svg"] = tweestaps.qr_svg(self.apparaat)
        context["geheim_groepen"] = tweestaps.geheim_in_groepen(self.apparaat)
        return context

    def form_valid(self, form):
        tweestaps.instelling_bevestigen(self.request, form.apparaat)
        messages.success(
            self.request,
            "Tweestapsverificatie staat aan. Voortaan vult u na uw wachtwoord een code uit uw app in.",
        )
        return super().form_valid(form)


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    template_name = "accounts/wachtwoord.html"
    form_class = WachtwoordWijzigenForm
    success_url = reverse_lazy("accounts:wachtwoord")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, regels=password_validators_help_texts())

    def form_valid(self, form):
        services.wachtwoord_wijzigen(
            gebruiker=form.user,
            wachtwoord=form.cleaned_data["new_password1"],
            door=self.request.user,
            huidige_sessie=self.request.session.session_key,
        )
        update_session_auth_hash(self.request, form.user)  # this session stays, under a new key
        messages.success(
            self.request,
            "Uw wachtwoord is gewijzigd. Gebruik voortaan uw nieuwe wachtwoord. Op andere apparaten bent u"
            " uitgelogd en uw API-tokens werken niet meer.",
        )
        return redirect(self.get_success_url())


class TokensView(LoginRequiredMixin, View):
    """The user's own API tokens: make one (the key is shown once), see when each was last used,
    revoke one."""

    template_name = "accounts/tokens.html"

    def eigen_tokens(self):
        return ApiToken.objects.filter(user=self.request.user)

    def toon(self, form=None, *, nieuwe_sleutel=None, nieuw_token=None, status=200):
        # A new key is on this page once; like every page of a signed-in user it is sent with
        # Cache-Control: no-store (regie.beveiliging.middleware), so no cache keeps it.
        return render(
            self.request,
            self.template_name,
            {
                "tokens": self.eigen_tokens(),
                "form": form or NieuwTokenForm(),
                "nieuwe_sleutel": nieuwe_sleutel,
                "nieuw_token": nieuw_token,
                "gebruik_per": tokens.GEBRUIK_BIJWERKEN_NA // timedelta(seconds=60),
                "geldig_dagen": settings.API_TOKEN_GELDIG_DAGEN,
            },
            status=status,
        )

    def get(self, request):
        return self.toon()

    def post(self, request):
        if "intrekken" in request.POST:
            try:
                token = get_object_or_404(self.eigen_tokens(), pk=int(request.POST["intrekken"]))
            except ValueError as fout:
                raise Http404 from fout
            if tokens.trek_in([token]):
                messages.success(request, f"Het token {token.prefix}… ({token.naam}) is ingetrokken.")
            return redirect("accounts:tokens")
        form = NieuwTokenForm(request.POST)
        if not form.is_valid():
            return self.toon(form, status=400)
        token, sleutel = tokens.maak_api_token(user=request.user, naam=form.cleaned_data["naam"])
        return self.toon(nieuwe_sleutel=sleutel, nieuw_token=token)


def oidc_inloggen(request):
    if not settings.OIDC_AAN:
        raise Http404("Inloggen via een eigen identity provider staat niet aan.")
    return oidc.OidcInloggenView.as_view()(request)


def oidc_callback(request):
    if not settings.OIDC_AAN:
        raise Http404("Inloggen via een eigen identity provider staat niet aan.")
    return oidc.OidcCallbackView.as_view()(request)


def geblokkeerd(request, original_response=None, credentials=None):
    """django-axes' answer while a username+IP address is locked out (AXES_LOCKOUT_CALLABLE)."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    antwoord = render(
        request,
        "accounts/geblokkeerd.html",
        {"minuten": minuten, "pogingen": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    antwoord["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return antwoord

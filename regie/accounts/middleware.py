"""Two-factor log-in for every page.

`TweeStapsMiddleware` is django-otp's OTPMiddleware (request.user.is_verified()), which also
counts a multi-factor log-in at the organisation's identity provider when Regie trusts it.
`TweeStapsVerplichtMiddleware` sends a logged-in user who is not yet verified to the code step
(or to set up the authenticator app) from every page, except the log-in pages themselves,
static files and the API: the API checks the second step itself (regie.api.authenticatie).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.middleware import OTPMiddleware

from regie.accounts.tweestaps import MFA_VIA_IDP, heeft_tweestaps
from regie.htmx import is_htmx

# Views a user who only gave a password may see: the steps of logging in and logging out.
VRIJ = {
    "accounts:login",
    "accounts:logout",
    "accounts:tweestaps",
    "accounts:tweestaps_instellen",
    "accounts:oidc_inloggen",
    "accounts:oidc_callback",
}


def _altijd_geverifieerd():
    return True


class TweeStapsMiddleware(OTPMiddleware):
    def _verify_user_sync(self, request, user):
        user = super()._verify_user_sync(request, user)
        if (
            user.is_authenticated
            and user.otp_device is None
            and settings.REGIE_OIDC_MFA_TRUSTED
            and request.session.get(MFA_VIA_IDP) == user.pk
        ):
            user.is_verified = _altijd_geverifieerd
        return user


class TweeStapsVerplichtMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in VRIJ:
            return None
        if request.path == "/api" or request.path.startswith(("/api/", settings.STATIC_URL)):
            return None  # the API answers 401 itself (problem+json), never with a redirect
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        stap = "accounts:tweestaps" if heeft_tweestaps(user) else "accounts:tweestaps_instellen"
        if is_htmx(request):
            # htmx would put the code page inside the current page: let the browser load it whole.
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = reverse(stap)
            return antwoord
        return redirect(f"{reverse(stap)}?{urlencode({'next': request.get_full_path()})}")


class SessieVerlengenMiddleware:
    """Sliding session timeout: logged out after SESSION_COOKIE_AGE (REGIE_SESSION_SECONDS)
    without a request. Every request moves the end forward, but the session is written at most
    once a minute (not on every request), so the timeout is exact to the minute."""

    SLEUTEL = "_regie_verlengd"
    NA_SECONDEN = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sessie = getattr(request, "session", None)
        if sessie is not None and sessie.get("_auth_user_id"):
            nu = int(time.time())
            if nu - sessie.get(self.SLEUTEL, 0) >= self.NA_SECONDEN:
                sessie[self.SLEUTEL] = nu  # modified: saved with a new expiry date at the end
        return self.get_response(request)

"""Log-in through the organisation's own identity provider (OpenID Connect).

On only when REGIE_OIDC_RP_CLIENT_ID is set (see regie/settings.py and the README). Regie never
makes users itself: the functioneel beheerder makes each user, with organisation and role, and
the identity provider's claim REGIE_OIDC_CLAIM_USERNAME (default `preferred_username`) must equal
that user's username. Someone without such an active user is refused with a Dutch message.

Two-factor: by default a user who logs in this way still gives a code from Regie's own TOTP
step. With REGIE_OIDC_MFA_TRUSTED=1 a multi-factor log-in at the identity provider counts
instead: the ID token says so with amr containing "mfa" (RFC 8176) or an acr listed in
REGIE_OIDC_MFA_ACR.
"""

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from regie.accounts import tweestaps

logger = logging.getLogger(__name__)

ONBEKEND = "onbekend"
MELDINGEN = {
    ONBEKEND: "U kunt niet inloggen in Regie: er is geen actief account voor u bij uw organisatie. Vraag de"
    " functioneel beheerder van uw organisatie om een account voor u te maken.",
    "mislukt": "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw. Lukt het niet, log dan in"
    " met uw gebruikersnaam en wachtwoord of neem contact op met de functioneel beheerder.",
}


def mfa_door_idp(claims: dict) -> bool:
    """Whether the identity provider's log-in counts as Regie's second step."""
    if not settings.REGIE_OIDC_MFA_TRUSTED:
        return False
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if "mfa" in amr:
        return True
    acr = claims.get("acr")
    return bool(acr) and acr in settings.REGIE_OIDC_MFA_ACR


class RegieOIDCBackend(OIDCAuthenticationBackend):
    """Finds the existing, active Regie user by the username claim; never makes one."""

    def gebruikersnaam(self, claims: dict) -> str:
        waarde = claims.get(settings.REGIE_OIDC_CLAIM_USERNAME)
        return waarde.strip() if isinstance(waarde, str) else ""

    def describe_user_by_claims(self, claims):
        return f"{settings.REGIE_OIDC_CLAIM_USERNAME} {self.gebruikersnaam(claims)!r}"

    def verify_claims(self, claims):
        return bool(self.gebruikersnaam(claims))

    def filter_users_by_claims(self, claims):
        naam = self.gebruikersnaam(claims)
        if not naam:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username=naam, is_active=True, systeemaccount=False)

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is False; never make users
        return None

    def get_userinfo(self, access_token, id_token, payload):
        """The claims of the user info endpoint, plus acr and amr from the (verified) ID token,
        where identity providers put them."""
        claims = dict(super().get_userinfo(access_token, id_token, payload))
        for sleutel in ("acr", "amr"):
            if sleutel in payload:
                claims[sleutel] = payload[sleutel]
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        return self.gebruiker_bij_claims(claims)

    def gebruiker_bij_claims(self, claims: dict):
        """The user these claims belong to, marked with whether the IdP's MFA counts; or None,
        with the reason on the request for the callback's message."""
        gebruikers = list(self.filter_users_by_claims(claims)[:2]) if self.verify_claims(claims) else []
        if len(gebruikers) != 1:
            logger.warning(
                "OIDC: geen (eenduidig) actief account voor %s", self.describe_user_by_claims(claims)
            )
            if getattr(self, "request", None) is not None:
                self.request.regie_oidc_fout = ONBEKEND
            return None
        user = gebruikers[0]
        user.regie_mfa_via_idp = mfa_door_idp(claims)
        return user


class OidcInloggenView(OIDCAuthenticationRequestView):
    """Sends the browser to the identity provider (after the button on the log-in page)."""


class OidcCallbackView(OIDCAuthenticationCallbackView):
    """Back from the identity provider: logged in, then Regie's code step unless the
    provider's MFA counts; or back to the log-in page with a Dutch message."""

    def get(self, request):
        try:
            return super().get(request)
        except (requests.RequestException, SuspiciousOperation) as fout:
            logger.warning("OIDC: inloggen mislukt: %s", fout)
            return self.login_failure()

    def login_failure(self):
        reden = getattr(self.request, "regie_oidc_fout", "mislukt")
        messages.error(self.request, MELDINGEN[reden])
        return redirect("accounts:login")

    def login_success(self):
        self.request.session.pop(tweestaps.MFA_VIA_IDP, None)
        antwoord = super().login_success()
        if getattr(self.user, "regie_mfa_via_idp", False):
            self.request.session[tweestaps.MFA_VIA_IDP] = self.user.pk
            return antwoord
        stap = (
            "accounts:tweestaps" if tweestaps.heeft_tweestaps(self.user) else "accounts:tweestaps_instellen"
        )
        return redirect(f"{reverse(stap)}?{urlencode({'next': self.success_url})}")

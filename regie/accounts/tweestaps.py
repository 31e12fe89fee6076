"""Two-factor log-in with TOTP (an authenticator app): the device, its QR code and its codes.

Every role logs in with a password and then a 6-digit code. A user without a confirmed
device first sets one up (`accounts:tweestaps_instellen`). A user who logged in through the
organisation's identity provider with multi-factor authentication skips Regie's code step
when REGIE_OIDC_MFA_TRUSTED is on (see `regie.accounts.oidc`).
"""

import time
from base64 import b32encode

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

APPARAATNAAM = "Authenticator-app"
# Session key: the identity provider confirmed a multi-factor log-in (set by the OIDC callback).
MFA_VIA_IDP = "regie_mfa_via_idp"
# Session key: the device (its id) of the set-up attempt the page showed last in this session.
INSTELLEN = "regie_tweestaps_instellen"


def bevestigde_apparaten(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def heeft_tweestaps(user) -> bool:
    return bevestigde_apparaten(user).exists()


@transaction.atomic
def nieuw_apparaat_om_in_te_stellen(request) -> TOTPDevice:
    """A new unconfirmed device (a new secret) for this set-up attempt, remembered in the session.
    Earlier attempts' devices are removed: a QR code someone saw before is worth nothing."""
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    apparaat = TOTPDevice.objects.create(user=request.user, name=APPARAATNAAM, confirmed=False)
    request.session[INSTELLEN] = apparaat.pk
    return apparaat


def apparaat_in_instelling(request) -> TOTPDevice | None:
    """The device of this session's set-up attempt, or None when it was replaced (by a newer
    attempt, here or in another session) or never shown."""
    pk = request.session.get(INSTELLEN)
    if pk is None:
        return None
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()


@transaction.atomic
def instelling_bevestigen(request, apparaat: TOTPDevice) -> None:
    """The code matched: this device is the user's authenticator app."""
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    request.session.pop(INSTELLEN, None)


def geheim(apparaat: TOTPDevice) -> str:
    """The secret in base32, as authenticator apps take it when typed in."""
    return b32encode(apparaat.bin_key).decode().rstrip("=")


def geheim_in_groepen(apparaat: TOTPDevice) -> list[str]:
    """The secret in groups of four characters, easier to type over."""
    tekst = geheim(apparaat)
    return [tekst[i : i + 4] for i in range(0, len(tekst), 4)]


def qr_svg(apparaat: TOTPDevice) -> str:
    """The otpauth:// address as a QR code: inline SVG, made here (no external service), without
    style attributes or scripts, so it works under a strict Content-Security-Policy."""
    return segno.make(apparaat.config_url, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        light="#fff",
        title="QR-code om Regie toe te voegen aan uw authenticator-app",
        svgclass="regie-qr",
        lineclass=None,
        omitsize=False,
    )


def code_voor(apparaat: TOTPDevice) -> str:
    """The code the device accepts now. A code can be used once: when the current one was
    already used, the next one (still accepted for 30 seconds) is given. For the demo command
    and the tests; a person reads the code from the authenticator app."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    nu = time.time()
    totp.time = nu
    if totp.t() <= apparaat.last_t:
        totp.time = nu + (apparaat.last_t + 1 - totp.t()) * apparaat.step
    return f"{totp.token():0{apparaat.digits}d}"


def controleer_code(user, code: str, *, apparaten) -> TOTPDevice | None:
    """The device (of `apparaten`, the user's own) that accepts this code, or None."""
    code = code.replace(" ", "")
    for apparaat in apparaten:
        with transaction.atomic():
            apparaat = TOTPDevice.objects.select_for_update().get(pk=apparaat.pk, user=user)
            if apparaat.verify_token(code):
                return apparaat
    return None


def wachttijd(apparaten) -> int:
    """Seconds to wait before the next try after wrong codes (0: trying is allowed)."""
    seconden = 0
    for apparaat in apparaten:
        mag, info = apparaat.verify_is_allowed()
        if not mag and info and info.get("locked_until"):
            seconden = max(seconden, int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
    return seconden


def opnieuw_laten_instellen(user) -> int:
    """Removes all of the user's devices (lost or new phone); returns how many. Sessions that
    used one lose their second step at once; the next log-in sets up the app again. Through
    regie.accounts.services.tweestaps_opnieuw_instellen, which also ends sessions and tokens."""
    aantal, _ = TOTPDevice.objects.filter(user=user).delete()
    return aantal


def als_geverifieerd_markeren(request, apparaat: TOTPDevice) -> None:
    """The second step succeeded: a new session key, then the device in the session."""
    request.session.cycle_key()
    otp_login(request, apparaat)

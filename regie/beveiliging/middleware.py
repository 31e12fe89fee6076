"""Response headers for browser features Regie never uses.

Django's SecurityMiddleware sets HSTS, nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy; django-csp sets the Content-Security-Policy. This adds a
Permissions-Policy that switches off powerful browser features (camera, microphone,
location, payment, ...) for Regie and anything it might embed, and a
Cross-Origin-Resource-Policy so other sites cannot load Regie's answers as resources.

`Cache-Control: no-store` on every answer of a signed-in user and on every API answer (also
errors), except static files: a page or answer with personal data is never kept by the browser
(back button, disk cache) or by a proxy on the way. One rule for all answers instead of a header
per view, so a new page cannot forget it.
"""

from django.conf import settings

from regie.problemen import is_api_pad

# Only features Chromium and Firefox know: an unknown one makes the browser log an error.
UITGESCHAKELD = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "screen-wake-lock",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{functie}=()" for functie in UITGESCHAKELD)


class BeveiligingsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if _kan_persoonsgegevens_tonen(request):
            response.headers["Cache-Control"] = "no-store"
        return response


def _kan_persoonsgegevens_tonen(request) -> bool:
    pad = request.path
    if pad.startswith(settings.STATIC_URL):
        return False
    if is_api_pad(pad):
        return True  # a token is checked inside the view: request.user does not know it here
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)

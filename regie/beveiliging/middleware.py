"""Response headers for browser features Regie never uses.

Django's SecurityMiddleware sets HSTS, nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy; django-csp sets the Content-Security-Policy. This adds a
Permissions-Policy that switches off powerful browser features (camera, microphone,
location, payment, ...) for Regie and anything it might embed, and a
Cross-Origin-Resource-Policy so other sites cannot load Regie's answers as resources.
"""

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
        return response

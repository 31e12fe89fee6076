"""The client address django-axes counts failed log-ins by (AXES_CLIENT_IP_CALLABLE).

Behind a reverse proxy (REGIE_BEHIND_PROXY=1) every request comes from the proxy; the
proxy adds the client's address as the last entry of X-Forwarded-For, so that entry is used.
Earlier entries come from the client itself and could be faked: they are ignored.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    if settings.REGIE_ACHTER_PROXY:
        doorgestuurd = request.META.get("HTTP_X_FORWARDED_FOR", "")
        adressen = [deel.strip() for deel in doorgestuurd.split(",") if deel.strip()]
        if adressen:
            return adressen[-1]
    return request.META.get("REMOTE_ADDR")

"""Log-in with username and password (Django's ModelBackend), never for a system account."""

from django.contrib.auth.backends import ModelBackend


class RegieModelBackend(ModelBackend):
    def user_can_authenticate(self, user):
        # Also for sessions: Django asks this again on every request (get_user).
        return getattr(user, "kan_inloggen", False)

"""Django's database sessions, with the user stored next to each session (SESSION_ENGINE).

Django keeps the user id inside the encoded session data, so finding all sessions of one user
would mean decoding every session. Here the id is also a column (`Sessie.user`): ending a user's
sessions is one DELETE (regie.accounts.services.toegang_intrekken). This is Django's documented
way to extend the database session engine.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from regie.accounts.models import Sessie

        return Sessie

    def create_model_instance(self, data):
        sessie = super().create_model_instance(data)
        try:
            sessie.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            sessie.user_id = None
        return sessie

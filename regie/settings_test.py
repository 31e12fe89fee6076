"""Settings for the test suite: the production settings plus a fast password hasher."""

import os

os.environ.setdefault("REGIE_TESTING", "1")
# The production settings only give the demo a built-in key; the tests bring their own.
os.environ.setdefault("REGIE_SECRET_KEY", "regie-tests-only-not-secret")

from regie.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The test client and the live server speak plain HTTP; production redirects that to HTTPS.
SECURE_SSL_REDIRECT = False

import os

from django.core.wsgi import get_wsgi_application

from regie.geheugen import vastzetten_na_laden

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")
application = get_wsgi_application()
vastzetten_na_laden()

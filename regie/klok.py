"""The one clock of Regie: what day it is in the Netherlands (settings.TIME_ZONE). Rules take the
day as an argument; services, views and the demo ask it here, so a test can set it in one place."""

from datetime import date

from django.utils import timezone


def vandaag() -> date:
    return timezone.localdate()

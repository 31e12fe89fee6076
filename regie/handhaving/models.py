"""Handhaving (enforcement by the municipality). For now only the written warning that comes
before a fine; hearing, fine decision and reporting to DUO follow in a later issue."""

import uuid

from django.conf import settings
from django.db import models


class Aanleiding(models.TextChoices):
    ONGEOORLOOFD_AFWEZIG = "ongeoorloofd_afwezig", "Ongeoorloofd afwezig bij de cursus"
    GEEN_MEDEWERKING_PIP = "geen_medewerking_pip", "Werkt niet mee aan het PIP"
    NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen op een afspraak"
    ANDERS = "anders", "Anders"


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VERZONDEN = "verzonden", "Verzonden"


class Waarschuwing(models.Model):
    """A written warning to the inburgeraar: what went wrong, what they must do now, and that a
    fine can follow (Wi 23). Drafted in Regie, sent by letter; `verzonden_op` is that date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="waarschuwingen"
    )
    aanleiding = models.CharField(max_length=30, choices=Aanleiding.choices)
    aanleiding_toelichting = models.CharField(
        "toelichting op de aanleiding", max_length=500, blank=True, help_text="Bijvoorbeeld het signaal."
    )
    omschrijving = models.TextField(
        "wat de inburgeraar nu moet doen",
        help_text="Schrijf in eenvoudige taal wat er mis ging en wat u vanaf nu verwacht.",
    )
    datum = models.DateField("datum van de waarschuwing")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONCEPT)
    verzonden_op = models.DateField(null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "waarschuwing"
        verbose_name_plural = "waarschuwingen"
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"Waarschuwing van {self.datum:%d-%m-%Y}"

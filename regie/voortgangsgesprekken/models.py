"""Voortgangsgesprekken: the progress talks of the PIP (Wi 15, Bi 5.3: for an asielstatushouder
the PIP names how many), planned, held, with notes and outcome. Written only through
`regie.voortgangsgesprekken.services`."""

import uuid

from django.conf import settings
from django.db import models


class Uitkomst(models.TextChoices):
    OP_KOERS = "op_koers", "Op koers"
    BIJSTUREN = "bijsturen", "Bijsturen"
    PIP_AANPASSEN = "pip_aanpassen", "PIP aanpassen"
    WAARSCHUWING = "waarschuwing", "Waarschuwing"


class Aanleiding(models.TextChoices):
    PIP = "pip", "Gepland uit het PIP"
    SIGNAAL = "signaal", "Naar aanleiding van een signaal"
    HANDMATIG = "handmatig", "Los gepland"


class Voortgangsgesprek(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="voortgangsgesprekken"
    )
    gepland_op = models.DateField("gepland op")
    gevoerd_op = models.DateField("gevoerd op", null=True, blank=True)
    met_wie = models.CharField(
        "met wie", max_length=300, blank=True, help_text="Bijvoorbeeld: inburgeraar, taalschool, tolk."
    )
    notities = models.TextField(blank=True)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    aanleiding = models.CharField(max_length=20, choices=Aanleiding.choices, default=Aanleiding.HANDMATIG)
    aanleiding_toelichting = models.CharField(
        "toelichting op de aanleiding", max_length=300, blank=True, help_text="Bijvoorbeeld het signaal."
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "voortgangsgesprek"
        verbose_name_plural = "voortgangsgesprekken"
        ordering = ["gepland_op", "id"]
        indexes = [models.Index(fields=["inburgeraar", "gepland_op"])]

    def __str__(self):
        return f"Voortgangsgesprek {self.gepland_op:%d-%m-%Y}"

    @property
    def gevoerd(self) -> bool:
        return self.gevoerd_op is not None

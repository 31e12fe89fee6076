"""A move to another municipality: the hand-over package the old municipality shares, and the
package the new municipality read into its case (regie/wet/overdracht.py says what is in it)."""

import uuid

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    # Made for a municipality outside this installation: sent by the consultant (PDF or JSON).
    GEMAAKT = "gemaakt", "Gemaakt"
    # For a municipality of another organisation on this installation: waits in its inbox.
    VERZONDEN = "verzonden", "Wacht op de nieuwe gemeente"
    GEACCEPTEERD = "geaccepteerd", "Overgenomen door de nieuwe gemeente"


class Overdracht(models.Model):
    """One hand-over package shared by the old municipality. `pakket` is the JSON document as it
    was shared (schema regie/overdracht/schema/), kept as proof of what left the municipality."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="overdrachten"
    )
    van_gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    # A municipality on this installation (then its inbox shows the package), or only its name and
    # CBS code for one elsewhere.
    naar_gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    naar_gemeente_naam = models.CharField("nieuwe gemeente", max_length=200)
    naar_cbs_code = models.CharField("CBS-code nieuwe gemeente", max_length=4, blank=True)
    schema_versie = models.CharField(max_length=10)
    pakket = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices)
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    # The case the new municipality made or filled with it (its own organisation's): never shown
    # to the old one.
    nieuw_dossier = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geaccepteerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geaccepteerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "overdracht"
        verbose_name_plural = "overdrachten"
        ordering = ["-gemaakt_op", "-id"]
        indexes = [models.Index(fields=["naar_gemeente", "status", "-gemaakt_op"])]

    def __str__(self):
        return f"Overdracht naar {self.naar_gemeente_naam}"


class Bron(models.TextChoices):
    REGIE = "regie", "Overdracht in Regie"
    BESTAND = "bestand", "Bestand geüpload"
    API = "api", "API"


class OntvangenPakket(models.Model):
    """A package the new municipality read into its case: the previous municipality's PIP is shown
    from it, read-only. A later package for the same case replaces the shown one; all stay."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="ontvangen_pakketten"
    )
    van_gemeente_naam = models.CharField("vorige gemeente", max_length=200)
    van_cbs_code = models.CharField(max_length=4, blank=True)
    schema_versie = models.CharField(max_length=10)
    pakket = models.JSONField()
    bron = models.CharField(max_length=10, choices=Bron.choices)
    ontvangen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ontvangen_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ontvangen overdrachtspakket"
        verbose_name_plural = "ontvangen overdrachtspakketten"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self):
        return f"Pakket van {self.van_gemeente_naam}"

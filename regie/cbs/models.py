"""Deliveries to CBS (Statistiek Wet inburgering): one row per file made, kept as it was made."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

ONVERANDERLIJK = "Een levering aan het CBS is definitief: die verandert niet meer. Maak een correctie."


class LeveringQuerySet(models.QuerySet):
    """A finalised delivery is immutable: no bulk update or delete either."""

    def update(self, **kwargs):
        raise ValidationError(ONVERANDERLIJK)

    def delete(self):
        raise ValidationError(ONVERANDERLIJK)


class Levering(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey("organisaties.Organisatie", on_delete=models.PROTECT, related_name="+")
    # Empty: the organisation delivered as berichtgever for all its municipalities in one file.
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    berichtgever = models.CharField(max_length=200)
    gemeentecodes = models.CharField("gemeenten (CBS-codes)", max_length=500)
    jaar = models.PositiveSmallIntegerField()
    kwartaal = models.PositiveSmallIntegerField()
    definitie = models.CharField("definitie", max_length=20)
    correctie = models.BooleanField(default=False)
    vervangt = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="correcties"
    )
    bestand = models.BinaryField()
    bestandsnaam = models.CharField(max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    aantal_records = models.PositiveIntegerField()
    # Persons left out because mandatory items were missing, as the user chose when producing.
    aantal_uitgesloten = models.PositiveIntegerField(default=0)
    # The internal ids of the persons in the file: each download names them in the processing log.
    inburgeraars = models.JSONField(default=list, blank=True)
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gemaakt_op = models.DateTimeField(default=timezone.now)

    objects = LeveringQuerySet.as_manager()

    class Meta:
        verbose_name = "levering aan het CBS"
        verbose_name_plural = "leveringen aan het CBS"
        ordering = ["-jaar", "-kwartaal", "-gemaakt_op", "-id"]
        indexes = [models.Index(fields=["organisatie", "jaar", "kwartaal"])]

    def __str__(self):
        soort = "Correctie" if self.correctie else "Levering"
        return f"{soort} {self.jaar}-K{self.kwartaal} {self.berichtgever}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(ONVERANDERLIJK)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(ONVERANDERLIJK)

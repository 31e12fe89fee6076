"""Referrals (verwijzingen) from a PIP component to a provider's contract."""

import uuid

from django.conf import settings
from django.db import models

from regie.aanbieders.models import Perceel


class VerwijzingStatus(models.TextChoices):
    VERZONDEN = "verzonden", "Verzonden"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    GEWEIGERD = "geweigerd", "Geweigerd"
    GESTART = "gestart", "Gestart"
    AFGEROND = "afgerond", "Afgerond"
    AFGEBROKEN = "afgebroken", "Afgebroken"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


# A referral in one of these statuses takes (or waits for) a place at the provider.
OPEN_STATUSSEN = (VerwijzingStatus.VERZONDEN, VerwijzingStatus.GEACCEPTEERD, VerwijzingStatus.GESTART)
# Statuses that end a referral.
EINDSTATUSSEN = (
    VerwijzingStatus.GEWEIGERD,
    VerwijzingStatus.AFGEROND,
    VerwijzingStatus.AFGEBROKEN,
    VerwijzingStatus.INGETROKKEN,
)


class Verwijzing(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="verwijzingen"
    )
    pip = models.ForeignKey(
        "pip.Pip",
        on_delete=models.PROTECT,
        related_name="verwijzingen",
        help_text="De PIP-versie waaruit is verwezen.",
    )
    onderdeel = models.CharField(max_length=30, choices=Perceel.choices)
    contract = models.ForeignKey("aanbieders.Contract", on_delete=models.PROTECT, related_name="verwijzingen")
    status = models.CharField(
        max_length=20, choices=VerwijzingStatus.choices, default=VerwijzingStatus.VERZONDEN
    )
    op_wachtlijst = models.BooleanField(
        "op de wachtlijst",
        default=False,
        help_text="Bij het verwijzen was de capaciteit van het contract vol.",
    )
    toelichting = models.TextField("toelichting voor de aanbieder", blank=True)
    reden_weigering = models.TextField(blank=True)
    reden_intrekking = models.TextField(blank=True)
    toelichting_einde = models.TextField("toelichting bij het einde", blank=True)
    verzonden_op = models.DateField()
    beantwoord_op = models.DateField(null=True, blank=True)
    geplande_startdatum = models.DateField(
        null=True, blank=True, help_text="De startdatum die de aanbieder noemde bij het accepteren."
    )
    startdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    # The moment of the provider's last report of any kind (regie.voortgang.rapportagemoment keeps
    # it): the worklist's "no report" signal then reads one column instead of five report tables.
    laatst_gerapporteerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    # Likewise the date of its last progress (a measurement on course, a passed exam, a result),
    # for the "no progress" signal.
    laatste_voortgang_op = models.DateField(null=True, blank=True, editable=False)
    verzonden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["-verzonden_op", "-id"]
        indexes = [
            models.Index(fields=["contract", "status"]),
            models.Index(fields=["inburgeraar", "status"]),
        ]

    def __str__(self):
        return f"Verwijzing {self.get_onderdeel_display()} naar {self.contract.aanbieder}"

    def save(self, *args, **kwargs):
        """Keeps the case's oldest unanswered referral (regie.trajecten.onbeantwoord) when the status
        or the day sent may have changed."""
        super().save(*args, **kwargs)
        velden = kwargs.get("update_fields")
        if velden is None or {"status", "verzonden_op", "inburgeraar"} & set(velden):
            from regie.trajecten.onbeantwoord import bijwerken

            bijwerken(self.inburgeraar_id)

    def delete(self, *args, **kwargs):
        inburgeraar_id = self.inburgeraar_id
        resultaat = super().delete(*args, **kwargs)
        from regie.trajecten.onbeantwoord import bijwerken

        bijwerken(inburgeraar_id)
        return resultaat

    @property
    def aanbieder(self):
        return self.contract.aanbieder

    @property
    def rapporteerbaar(self) -> bool:
        """The provider may report on this referral (attendance, progress, results)."""
        return self.status in (VerwijzingStatus.GEACCEPTEERD, VerwijzingStatus.GESTART)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    @property
    def wachttijd(self) -> int | None:
        """Days from sending to the start; None while not started."""
        if self.startdatum is None:
            return None
        return (self.startdatum - self.verzonden_op).days

    def wachttijd_tot(self, datum) -> int:
        """Days waited so far (until the start, or until ``datum`` if not started)."""
        eind = self.startdatum or datum
        return (eind - self.verzonden_op).days

"""Messages from Regie to DUO (the outgoing half of the M2M exchange, see regie/duo/uitgaand/berichten.py).

Every message is stored before it leaves: what (soort, API, method, path template, body), for whom,
its status and DUO's answer. The BSN is not stored here: the path keeps its `{bsn}` placeholder and
the BSN is taken from the case when the message is sent.
"""

import uuid

from django.conf import settings
from django.db import models


class Soort(models.TextChoices):
    PIP = "pip", "PIP"
    UREN_BREDE_INTAKE = "gevolgde_uren_bredeintake", "Uren taalles en KNM tijdens de brede intake"
    UREN_PARTICIPATIEACTIVITEITEN = "gevolgde_uren_participatieactiviteiten", "Uren participatieactiviteiten"
    UREN_TAALLES = "gevolgde_uren_taalles", "Uren taalles en KNM bij een cursusinstelling"
    MAP = "map", "Datum eindgesprek MAP"
    PVT = "pvt", "Datum ondertekening PVT"
    ZROUTE = "zroute", "Datum afronding Z-route"
    INBURGERINGSAANBOD = "inburgeringsaanbod", "Inburgeringsaanbod"
    INBURGERINGSAANBOD_INTREKKEN = "inburgeringsaanbod_intrekken", "Inburgeringsaanbod ingetrokken"
    CONTACTPERSOON = "contactpersoon", "Contactpersoon"


class BerichtStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    VERZONDEN = "verzonden", "Verzonden"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    MISLUKT = "mislukt", "Mislukt"
    VERVANGEN = "vervangen", "Vervangen door een nieuwer bericht"


class UitgaandBericht(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="duo_berichten"
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De gemeente die het bericht stuurt (bron-OIN).",
    )
    soort = models.CharField(max_length=40, choices=Soort.choices)
    onderwerp = models.CharField(
        max_length=200, blank=True, help_text="Waar het bericht over gaat, bijvoorbeeld 'PIP versie 2'."
    )
    api = models.CharField("API", max_length=40)
    methode = models.CharField(max_length=10)
    pad = models.CharField(
        max_length=200, help_text="Het pad uit de specificatie, met {bsn} als plaatshouder."
    )
    parameters = models.JSONField(
        default=dict, blank=True, help_text="Andere waarden in het pad dan het BSN, zoals instellingsnummer."
    )
    body = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=BerichtStatus.choices, default=BerichtStatus.WACHTRIJ)
    pogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging_op = models.DateTimeField(null=True, blank=True)
    # Counts every time the message is put on the queue; a task carries the number it was
    # enqueued with and does nothing when the message was enqueued again since (retry button).
    ingepland = models.PositiveIntegerField(default=0)
    fouttekst = models.TextField(
        blank=True, help_text="De reden van DUO, of waarom Regie het bericht niet kon versturen."
    )
    fouten = models.JSONField(default=list, blank=True, help_text="Fouten volgens de specificatie van DUO.")
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    bericht_id = models.UUIDField("berichtId", null=True, blank=True, help_text="Van de laatste poging.")
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatste_poging_op = models.DateTimeField(null=True, blank=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "bericht aan DUO"
        verbose_name_plural = "berichten aan DUO"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["inburgeraar", "soort", "status"]),
            models.Index(fields=["status", "volgende_poging_op"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.get_status_display().lower()})"

    @property
    def kan_opnieuw(self) -> bool:
        return self.status in (BerichtStatus.AFGEWEZEN, BerichtStatus.MISLUKT)


class DuoContactpersoon(models.Model):
    """A contact person of a municipality as registered at DUO (Contactpersoon API): DUO gives the
    id when it is created; cases are linked to it."""

    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    duo_id = models.PositiveIntegerField("id bij DUO", null=True, blank=True)
    naam = models.CharField(max_length=100)
    email = models.CharField("e-mailadres", max_length=241)
    telefoonnummer = models.CharField(max_length=22)
    bij_duo = models.JSONField(
        "gegevens bij DUO", null=True, blank=True, help_text="Wat DUO van deze contactpersoon weet."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "contactpersoon bij DUO"
        verbose_name_plural = "contactpersonen bij DUO"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "gebruiker"], name="duo_contactpersoon_per_gebruiker")
        ]

    def __str__(self):
        return self.naam

    def gegevens(self) -> dict:
        """The Contactpersoongegevens body of DUO's Contactpersoon API."""
        return {"naam": self.naam, "email": self.email, "telefoonnummer": self.telefoonnummer}

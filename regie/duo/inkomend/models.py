"""Notices DUO sends to the municipality (Notificatie API, regie/duo/specs/Notificatie) and what
Regie last read from DUO about a person.

Every notice is stored as it arrived, before anything is done with it, and never removed: a
notice Regie cannot process is parked with a Dutch reason for a person to handle.
"""

import uuid

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen, wordt verwerkt"
    VERWERKT = "verwerkt", "Verwerkt"
    GEPARKEERD = "geparkeerd", "Geparkeerd: handmatig afhandelen"
    AFGEHANDELD = "afgehandeld", "Afgehandeld door een medewerker"


class Notificatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The Digikoppeling headers: berichtId identifies the message (a repeat is ignored).
    bericht_id = models.CharField("berichtId", max_length=64, unique=True)
    bron = models.CharField(max_length=20)
    doel = models.CharField(max_length=20)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="duo_notificaties"
    )
    # The body as DUO sent it.
    bsn = models.CharField("BSN", max_length=9, blank=True)
    v_nummer = models.BigIntegerField("v-nummer", null=True, blank=True)
    gebeurtenis_id = models.CharField("gebeurtenis", max_length=6)
    registratie_datum_tijd = models.DateTimeField("geregistreerd bij DUO op")
    ontvangen_op = models.DateTimeField(auto_now_add=True, db_index=True)

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ONTVANGEN)
    reden = models.TextField(blank=True, help_text="Waarom de melding geparkeerd is, of wat er misging.")
    effect = models.TextField(blank=True, help_text="Wat de melding in Regie veranderde.")
    # A signal for the consultant (attentiesignaal, a refused request): shown until handled.
    signaal = models.BooleanField(default=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duo_notificaties",
    )
    pogingen = models.PositiveIntegerField(default=0)
    volgende_poging = models.DateTimeField(null=True, blank=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    notitie = models.TextField(blank=True)

    class Meta:
        verbose_name = "DUO-melding"
        verbose_name_plural = "DUO-meldingen"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [
            models.Index(fields=["gemeente", "status"]),
            models.Index(fields=["bsn"]),
        ]

    def __str__(self):
        return f"{self.gebeurtenis_id} ({self.bericht_id})"

    @property
    def open_signaal(self) -> bool:
        return self.signaal and self.status == Status.VERWERKT


class DuoStand(models.Model):
    """What DUO last answered about a person, per resource (the keys of `gegevens`, e.g.
    "inburgeringsplicht", "inburgeringstermijn", "examenresultaten"). A handler compares a new
    answer with this, so the same event processed twice changes nothing the second time."""

    inburgeraar = models.OneToOneField(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="duo_stand"
    )
    gegevens = models.JSONField(default=dict)
    # Signals already put on the timeline: "SSnnn|registratieDatumTijd".
    signalen = models.JSONField(default=list)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "stand bij DUO"
        verbose_name_plural = "standen bij DUO"

    def __str__(self):
        return f"Stand bij DUO van dossier {self.inburgeraar_id}"


class Afstemming(models.Model):
    """One reconciliation run for an organisation: per person the differences between Regie and
    DUO (regie.duo.inkomend.afstemming)."""

    organisatie = models.ForeignKey("organisaties.Organisatie", on_delete=models.CASCADE, related_name="+")
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gestart_op = models.DateTimeField(auto_now_add=True)
    klaar_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gestart_op", "-id"]

    def __str__(self):
        return f"Afstemming van {self.gestart_op:%d-%m-%Y %H:%M}"


class AfstemmingRegel(models.Model):
    """One person with differences (or DUO's error) in a reconciliation run: a row of the list,
    so the page reads one page of them from the database, only of cases the user may see."""

    afstemming = models.ForeignKey(Afstemming, on_delete=models.CASCADE, related_name="regels")
    inburgeraar = models.ForeignKey("inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="+")
    # [{"onderdeel", "regie", "duo", "actie"}]
    verschillen = models.JSONField(default=list)
    fout = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.afstemming}: {len(self.verschillen)} verschil(len){', fout' if self.fout else ''}"


class GeweigerdeMelding(models.Model):
    """A request to the notice endpoint that Regie refused because it did not come from DUO
    (401: no valid certificate or signature, a replay outside the time window) or was not for
    this installation (403: bron not DUO, doel no municipality of Regie). Nothing was stored or
    changed; this row is the trace for the functioneel beheerder (Beheer, own organisation by
    `gemeente`) and the security log line goes to Python's log.

    The headers are kept as the sender claimed them (truncated); the body never: it is not DUO's
    data and may hold a BSN."""

    ontvangen_op = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.PositiveSmallIntegerField("HTTP-status")
    reden = models.CharField(max_length=200)
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    bron = models.CharField("bron (zoals opgegeven)", max_length=40, blank=True)
    doel = models.CharField("doel (zoals opgegeven)", max_length=40, blank=True)
    bericht_id = models.CharField("berichtId (zoals opgegeven)", max_length=64, blank=True)
    # The municipality whose OIN the sender named as doel: whose beheerder sees the attempt.
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "geweigerde DUO-melding"
        verbose_name_plural = "geweigerde DUO-meldingen"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self):
        return f"{self.status} op {self.ontvangen_op:%d-%m-%Y %H:%M}: {self.reden}"

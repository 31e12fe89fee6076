"""COA koppelingen (newcomers COA links to a municipality) and the housing quota (taakstelling).

A `CoaImport` holds an uploaded file between the preview and the confirmation (server-side,
never in hidden form fields) and, once confirmed, is the record of the import: who, when,
which file and the counts. Its content is emptied after the confirmation (the data then
lives in the cases and in one `CoaKoppeling` per row) or removed when the upload is
cancelled.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ImportStatus(models.TextChoices):
    VOORBEELD = "voorbeeld", "Nog niet bevestigd"
    VERWERKT = "verwerkt", "Verwerkt"


class CoaImport(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="coa_imports"
    )
    bestandsnaam = models.CharField(max_length=255)
    # The decoded text of the file, kept only until it is confirmed or cancelled.
    inhoud = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.VOORBEELD)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)
    verwerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    aantal_rijen = models.PositiveIntegerField(default=0)
    aantal_nieuw = models.PositiveIntegerField("nieuwe dossiers", default=0)
    aantal_bijgewerkt = models.PositiveIntegerField("bijgewerkte koppelingen", default=0)
    aantal_kinderen = models.PositiveIntegerField("kinderen toegevoegd", default=0)
    aantal_overgeslagen = models.PositiveIntegerField("rijen overgeslagen", default=0)
    # [[row number, reason], ...] of the rows that were not processed (no BSNs, no names).
    overgeslagen = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "COA-import"
        verbose_name_plural = "COA-imports"
        ordering = ["-geupload_op", "-id"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.geupload_op:%d-%m-%Y})"


class Rol(models.TextChoices):
    HOOFD = "hoofd", "Hoofd"
    PARTNER = "partner", "Partner"
    KIND = "kind", "Kind"


class Resultaat(models.TextChoices):
    NIEUW = "nieuw", "Nieuw dossier"
    BIJGEWERKT = "bijgewerkt", "Bestaat al: koppeling bijgewerkt"
    KIND = "kind", "Kind toegevoegd aan het dossier van de ouder"
    KIND_BEKEND = "kind_bekend", "Kind stond al in het dossier van de ouder"


class CoaKoppeling(models.Model):
    """One processed row of a COA file: the koppeling as COA sent it, with the voorinburgering.

    `inburgeraar` is the person's own case, or for a child under 16 the case of the parent
    (then `kind` is the child's record)."""

    coa_import = models.ForeignKey(CoaImport, on_delete=models.CASCADE, related_name="koppelingen")
    rij = models.PositiveIntegerField("rij in het bestand")
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="coa_koppelingen"
    )
    kind = models.ForeignKey("inburgeraars.Kind", on_delete=models.SET_NULL, null=True, blank=True)
    resultaat = models.CharField(max_length=20, choices=Resultaat.choices)
    huishouden = models.CharField("huishouden (sleutel van COA)", max_length=50)
    rol = models.CharField("rol in het huishouden", max_length=10, choices=Rol.choices)
    v_nummer = models.CharField("v-nummer", max_length=20, blank=True)
    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    datum_koppeling = models.DateField()
    datum_huisvesting_verwacht = models.DateField("verwachte datum huisvesting", null=True, blank=True)
    datum_huisvesting = models.DateField(null=True, blank=True)
    voorinburgering_gestart = models.BooleanField("voorinburgering gestart", null=True, blank=True)
    voorinburgering_niveau = models.CharField("taalniveau voorinburgering", max_length=20, blank=True)
    voorinburgering_uren = models.PositiveIntegerField("uren voorinburgering", null=True, blank=True)
    voorinburgering_opmerking = models.TextField("opmerking voorinburgering", blank=True)

    class Meta:
        verbose_name = "COA-koppeling"
        verbose_name_plural = "COA-koppelingen"
        ordering = ["-coa_import__geupload_op", "rij"]

    def __str__(self):
        return f"Koppeling {self.datum_koppeling:%d-%m-%Y} (rij {self.rij})"

    @property
    def voorinburgering_tekst(self) -> str:
        """The voorinburgering in one line, for the timeline and the case."""
        delen = []
        if self.voorinburgering_gestart is True:
            delen.append("gestart met Nederlandse les")
        elif self.voorinburgering_gestart is False:
            delen.append("niet gestart")
        if self.voorinburgering_niveau:
            delen.append(f"niveau {self.voorinburgering_niveau}")
        if self.voorinburgering_uren is not None:
            delen.append(f"{self.voorinburgering_uren} uur")
        if self.voorinburgering_opmerking:
            delen.append(self.voorinburgering_opmerking)
        return ", ".join(delen)


class Taakstelling(models.Model):
    """The number of statushouders a municipality must house in a half year. The ministry
    sets it (policy, not code); the team lead or functioneel beheerder records it here."""

    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField(validators=[MinValueValidator(2013), MaxValueValidator(2100)])
    halfjaar = models.PositiveSmallIntegerField(choices=[(1, "Eerste halfjaar"), (2, "Tweede halfjaar")])
    aantal = models.PositiveIntegerField(validators=[MaxValueValidator(100_000)])
    toelichting = models.CharField(
        max_length=300, blank=True, help_text="Bijvoorbeeld de brief van het ministerie waarin het staat."
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "taakstellingen"
        ordering = ["gemeente__naam", "jaar", "halfjaar"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar", "halfjaar"], name="taakstelling_uniek")
        ]

    def __str__(self):
        return f"{self.gemeente.naam} {self.jaar}-{self.halfjaar}: {self.aantal}"

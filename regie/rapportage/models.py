"""Steering figures: the targets (streefwaarden) per KPI, municipality and year, each municipality's
house style for its council report, and the council reports (raadsrapportages) themselves.

Only aggregates live here: a council report holds the beleidsmedewerker's texts and, once final,
the PDF as it was sent to the council, never a person."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

KLEUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Een kleur is een # met zes tekens 0-9 of a-f, bijvoorbeeld #00689e."
)


class Streefwaarde(models.Model):
    """The share (0 to 100 %) a municipality wants to reach on one KPI in one year, from its
    policy plan (Dronten's plan 2021-2025 lists its prestatie-indicatoren on page 27). Set by
    the beleidsmedewerker or the functioneel beheerder through `services.streefwaarde_vastleggen`."""

    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.CASCADE, related_name="+")
    kpi = models.CharField("indicator", max_length=40)
    jaar = models.PositiveSmallIntegerField(validators=[MinValueValidator(2022), MaxValueValidator(2100)])
    waarde = models.DecimalField(
        "streefwaarde (%)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    toelichting = models.CharField(
        max_length=300, blank=True, help_text="Bijvoorbeeld: beleidsplan 2021-2025, blz. 27."
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "streefwaarde"
        verbose_name_plural = "streefwaarden"
        ordering = ["gemeente__naam", "kpi", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "kpi", "jaar"], name="streefwaarde_uniek"),
            models.CheckConstraint(
                condition=Q(waarde__gte=0) & Q(waarde__lte=100), name="streefwaarde_procent"
            ),
        ]

    def __str__(self):
        return f"{self.gemeente.naam} {self.kpi} {self.jaar}: {self.waarde}%"

    def clean(self):
        from regie.rapportage.kpi import STREEFBAAR

        if self.kpi and self.kpi not in STREEFBAAR:
            raise ValidationError({"kpi": "Voor deze indicator kunt u geen streefwaarde vastleggen."})


class Huisstijl(models.Model):
    """How a municipality's council report looks: logo, colours and the sender's address.
    Set in Beheer. The logo is SVG text, drawn only in the PDF (WeasyPrint runs no script and
    fetches nothing), and checked on saving (`regie.rapportage.logo`)."""

    gemeente = models.OneToOneField(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="huisstijl"
    )
    logo_svg = models.TextField(
        "logo (SVG)",
        blank=True,
        help_text="De SVG-code van het logo, zonder scripts en zonder verwijzingen naar andere bestanden.",
    )
    kleur_primair = models.CharField("hoofdkleur", max_length=7, default="#154273", validators=[KLEUR])
    kleur_accent = models.CharField("accentkleur", max_length=7, default="#e17000", validators=[KLEUR])
    afzender = models.CharField(
        "afzender", max_length=200, help_text="Bijvoorbeeld: College van burgemeester en wethouders"
    )
    adres = models.TextField(
        "adres", help_text="Postadres en bezoekadres, zoals onder aan de brieven van de gemeente."
    )

    class Meta:
        verbose_name = "huisstijl"
        verbose_name_plural = "huisstijlen"
        ordering = ["gemeente__naam"]

    def __str__(self):
        return f"Huisstijl {self.gemeente.naam}"

    def clean(self):
        from regie.rapportage.logo import controleer_logo

        if self.logo_svg:
            fout = controleer_logo(self.logo_svg)
            if fout:
                raise ValidationError({"logo_svg": fout})


class Soort(models.TextChoices):
    JAAR = "jaar", "Jaarrapportage"
    HALFJAAR_1 = "halfjaar_1", "Taakstelling eerste halfjaar"
    HALFJAAR_2 = "halfjaar_2", "Taakstelling tweede halfjaar"


class RapportStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    DEFINITIEF = "definitief", "Definitief"


DEFINITIEF_ONVERANDERLIJK = (
    "Deze rapportage is definitief en naar de raad gegaan. Die verandert niet meer. Maak een nieuwe"
    " rapportage als er iets aangevuld moet worden."
)


class Raadsrapportage(models.Model):
    """The report to the council for one municipality and year (or half year for the
    taakstelling), in the planning & control cycle. A draft holds the texts; finalising stores
    the PDF with its SHA-256, after which nothing of it changes (`save` and `delete` refuse)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField(validators=[MinValueValidator(2022), MaxValueValidator(2100)])
    soort = models.CharField(max_length=12, choices=Soort.choices, default=Soort.JAAR)
    status = models.CharField(max_length=12, choices=RapportStatus.choices, default=RapportStatus.CONCEPT)
    inleiding = models.TextField(blank=True)
    resultaten = models.TextField("toelichting op de resultaten", blank=True)
    vooruitblik = models.TextField(blank=True)
    versie = models.PositiveIntegerField(default=1, validators=[MaxValueValidator(2**31 - 1)])
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    definitief_op = models.DateTimeField(null=True, blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "raadsrapportage"
        verbose_name_plural = "raadsrapportages"
        ordering = ["-jaar", "gemeente__naam", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar", "soort"], name="raadsrapportage_uniek"),
            models.CheckConstraint(
                condition=Q(status="concept") | (Q(pdf__isnull=False) & ~Q(sha256="")),
                name="raadsrapportage_definitief_met_pdf",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.jaar} {self.gemeente.naam}"

    def save(self, *args, **kwargs):
        # The last line of defence behind the service: a report the council received stays as it was.
        if self._was_definitief():
            raise ValidationError(DEFINITIEF_ONVERANDERLIJK, code="definitief")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._was_definitief():
            raise ValidationError(DEFINITIEF_ONVERANDERLIJK, code="definitief")
        return super().delete(*args, **kwargs)

    def _was_definitief(self) -> bool:
        return (
            self.pk is not None
            and type(self).objects.filter(pk=self.pk, status=RapportStatus.DEFINITIEF).exists()
        )

    @property
    def definitief(self) -> bool:
        return self.status == RapportStatus.DEFINITIEF

    @property
    def periode_tekst(self) -> str:
        if self.soort == Soort.HALFJAAR_1:
            return f"januari tot en met juni {self.jaar}"
        if self.soort == Soort.HALFJAAR_2:
            return f"juli tot en met december {self.jaar}"
        return str(self.jaar)

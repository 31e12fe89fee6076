"""Money for inburgering: the budget per municipality, year and category, and the providers'
invoices registered against referrals. Amounts are whole cents (int), never float."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from regie.wet.spuk import REGIEMIDDELEN

MAX_BEDRAG = 10**12  # ten billion euros in cents: far above any municipality's grant


class Categorie(models.TextChoices):
    """The budget lines: the grant's components (SPUK, regie.wet.spuk) and the regie money."""

    B1_ROUTE = "b1_route", "B1-route"
    ONDERWIJSROUTE = "onderwijsroute", "Onderwijsroute"
    Z_ROUTE = "z_route", "Z-route"
    PVT = "pvt", "Participatieverklaringstraject (PVT)"
    MAATSCHAPPELIJKE_BEGELEIDING = "maatschappelijke_begeleiding", "Maatschappelijke begeleiding (MB)"
    MAP = "map", "Module Arbeidsmarkt en Participatie (MAP)"
    TOLK = "tolk", "Tolken"
    UITVOERING = REGIEMIDDELEN, "Regiemiddelen (uitvoeringskosten)"


class Budget(models.Model):
    """The money available to a municipality in a year for one category: for the grant's
    categories the SPUK amount of the year's decision, for the regie money the amount the
    council set aside. Entered by the financieel medewerker."""

    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField(validators=[MinValueValidator(2022), MaxValueValidator(2100)])
    categorie = models.CharField(max_length=30, choices=Categorie.choices)
    bedrag = models.BigIntegerField(
        "bedrag in centen", validators=[MinValueValidator(0), MaxValueValidator(MAX_BEDRAG)]
    )
    toelichting = models.CharField(
        max_length=300, blank=True, help_text="Bijvoorbeeld de beschikking van het ministerie."
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetten"
        ordering = ["gemeente__naam", "jaar", "categorie"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar", "categorie"], name="budget_uniek"),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="budget_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.gemeente.naam} {self.jaar} {self.get_categorie_display()}: {self.bedrag / 100:.2f}"


class Soort(models.TextChoices):
    FACTUUR = "factuur", "Factuur"
    CREDITFACTUUR = "creditfactuur", "Creditfactuur"


class Factuur(models.Model):
    """A provider's invoice for one referral. The provider, municipality and category are taken
    from the referral when it is registered: they fix the invoice number's uniqueness (per
    provider) and let the totals be counted without reading the case. A credit invoice has a
    negative amount and names the invoice it corrects."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verwijzing = models.ForeignKey("trajecten.Verwijzing", on_delete=models.PROTECT, related_name="facturen")
    aanbieder = models.ForeignKey("aanbieders.Aanbieder", on_delete=models.PROTECT, related_name="facturen")
    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    categorie = models.CharField(max_length=30, choices=Categorie.choices)
    soort = models.CharField(max_length=15, choices=Soort.choices, default=Soort.FACTUUR)
    factuurnummer = models.CharField(max_length=60)
    factuurdatum = models.DateField()
    periode_van = models.DateField("periode vanaf")
    periode_tot = models.DateField("periode tot en met")
    bedrag = models.BigIntegerField(
        "bedrag in centen",
        validators=[MinValueValidator(-MAX_BEDRAG), MaxValueValidator(MAX_BEDRAG)],
        help_text="Een creditfactuur heeft een negatief bedrag.",
    )
    crediteert = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="creditfacturen",
        help_text="De factuur die deze creditfactuur (deels) terugdraait.",
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingevoerd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "factuur"
        verbose_name_plural = "facturen"
        ordering = ["-factuurdatum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "factuurnummer"],
                name="factuurnummer_uniek_per_aanbieder",
                violation_error_message="Deze aanbieder heeft al een factuur met dit factuurnummer.",
            ),
            models.CheckConstraint(condition=Q(periode_tot__gte=F("periode_van")), name="factuur_periode"),
            models.CheckConstraint(
                condition=(Q(soort=Soort.FACTUUR) & Q(bedrag__gt=0) & Q(crediteert__isnull=True))
                | (Q(soort=Soort.CREDITFACTUUR) & Q(bedrag__lt=0)),
                name="factuur_teken_past_bij_soort",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "periode_van"]),
            models.Index(fields=["gemeente", "-factuurdatum", "-id"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.factuurnummer} ({self.aanbieder_id})"

    @property
    def jaar(self) -> int:
        """The year the invoice is accounted to: that of its period (one year at most)."""
        return self.periode_van.year

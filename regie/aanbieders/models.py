"""Providers (aanbieders) the municipality buys the trajectory from, and their contracts.

A provider belongs to the register of one municipal organisation (the organisation that
contracts it); users with the role aanbieder are linked to one provider (``User.aanbieder``).
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q


class Perceel(models.TextChoices):
    """The lot of a contract: the service the provider delivers (also a PIP component)."""

    B1_ROUTE = "b1_route", "B1-route"
    ONDERWIJSROUTE = "onderwijsroute", "Onderwijsroute"
    Z_ROUTE = "z_route", "Z-route"
    PVT = "pvt", "Participatieverklaringstraject (PVT)"
    MAP = "map", "Module Arbeidsmarkt en Participatie (MAP)"
    MAATSCHAPPELIJKE_BEGELEIDING = "maatschappelijke_begeleiding", "Maatschappelijke begeleiding"
    TOLK = "tolk", "Tolk"


class Inkoopvorm(models.TextChoices):
    AANBESTEDING = "aanbesteding", "Aanbesteding"
    SUBSIDIE = "subsidie", "Subsidie"


class PrijsPer(models.TextChoices):
    TRAJECT = "traject", "Per traject"
    UUR = "uur", "Per uur"


# DUO's Inburgeringsaanbod API (regie/duo/specs/Inburgeringsaanbod/openapi.yml, parameter and schema
# Instellingsnummer): a string of exactly 10 characters, no pattern. The examples DUO's lists give are
# digits; Regie takes letters too, but nothing else: the number goes into the URL path.
INSTELLINGSNUMMER_LENGTE = 10
instellingsnummer_validator = RegexValidator(
    rf"^[0-9A-Za-z]{{{INSTELLINGSNUMMER_LENGTE}}}$",
    "Een instellingsnummer van DUO heeft precies 10 tekens (cijfers of letters, zonder spaties),"
    " bijvoorbeeld 1000012345.",
)


class Aanbieder(models.Model):
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="aanbieders",
        help_text="De gemeentelijke organisatie die deze aanbieder inkoopt.",
    )
    naam = models.CharField(max_length=200)
    instellingsnummer = models.CharField(
        "instellingsnummer DUO",
        max_length=INSTELLINGSNUMMER_LENGTE,
        blank=True,
        validators=[instellingsnummer_validator],
        help_text=(
            "Het nummer waaronder DUO de instelling kent (10 tekens, bijvoorbeeld 1000012345), als er een"
            " is. Zonder dit nummer kan Regie het inburgeringsaanbod niet aan DUO doorgeven."
        ),
    )
    contactpersoon = models.CharField(max_length=200, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    telefoon = models.CharField("telefoonnummer", max_length=30, blank=True)
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "naam"], name="aanbieder_naam_uniek_per_organisatie"
            )
        ]

    def __str__(self):
        return self.naam


class ContractQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


class Contract(models.Model):
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="contracten")
    perceel = models.CharField(max_length=30, choices=Perceel.choices)
    inkoopvorm = models.CharField(max_length=20, choices=Inkoopvorm.choices)
    prijs = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99999999"))],
    )
    prijs_per = models.CharField(max_length=10, choices=PrijsPer.choices, default=PrijsPer.TRAJECT)
    capaciteit = models.PositiveIntegerField(
        "capaciteit (plaatsen)",
        validators=[MaxValueValidator(100_000)],
        help_text="Het aantal inburgeraars dat tegelijk een plaats kan hebben.",
    )
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    kenmerk = models.CharField(
        "kenmerk", max_length=100, blank=True, help_text="Bijvoorbeeld het contractnummer."
    )

    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        ordering = ["aanbieder__naam", "perceel", "-begindatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="contract_einde_na_begin",
            )
        ]

    def __str__(self):
        return f"{self.aanbieder} – {self.get_perceel_display()}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.einddatum and self.begindatum and self.einddatum < self.begindatum:
            raise ValidationError({"einddatum": ["De einddatum ligt voor de begindatum."]})

    def is_geldig_op(self, datum) -> bool:
        return self.begindatum <= datum and (self.einddatum is None or self.einddatum >= datum)

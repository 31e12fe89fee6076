"""What a newcomer does besides the course (participation activities) and the situation at fixed
measuring moments (regie.wet.meetmomenten). Structured, so the municipality can count outcomes
without reading notes. Written only through `regie.participatie.services`."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from regie.wet.meetmomenten import Meetmoment

MAX_UREN_PER_WEEK = 60


class Soort(models.TextChoices):
    BETAALD_WERK = "betaald_werk", "Betaald werk"
    OPLEIDING = "opleiding", "Opleiding"
    WERKERVARINGSPLEK = "werkervaringsplek", "Werkervaringsplek"
    STAGE = "stage", "Stage"
    VRIJWILLIGERSWERK = "vrijwilligerswerk", "Vrijwilligerswerk"
    TAALMAATJE = "taalmaatje", "Taalmaatje of klankbordgroep"
    SPORT_CULTUUR = "sport_cultuur", "Sport- of cultuurvereniging"
    BUDGETCOACHING = "budgetcoaching", "Budgetcoaching (zelf geldzaken regelen)"
    ANDERS = "anders", "Anders"


class Contractvorm(models.TextChoices):
    VAST = "vast", "Vast contract"
    TIJDELIJK = "tijdelijk", "Tijdelijk contract"
    UITZEND = "uitzend", "Uitzendwerk"
    OPROEP = "oproep", "Oproepcontract"
    ZELFSTANDIG = "zelfstandig", "Zelfstandige (eigen bedrijf)"


class Resultaat(models.TextChoices):
    LOOPT = "loopt", "Loopt nog"
    AFGEROND = "afgerond", "Afgerond"
    VOORTIJDIG_GESTOPT = "voortijdig_gestopt", "Voortijdig gestopt"


class Activiteit(models.Model):
    """One participation activity: what, with whom, from when to when, how many hours, and how it
    ended. Changes are made in place; the timeline keeps every old value."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="participatie_activiteiten"
    )
    soort = models.CharField(max_length=20, choices=Soort.choices)
    omschrijving = models.CharField(max_length=300, blank=True, help_text="Bijvoorbeeld: magazijnmedewerker.")
    partner = models.CharField(
        "werkgever of organisatie",
        max_length=200,
        help_text="Bijvoorbeeld: de naam van de werkgever of club.",
    )
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Als de organisatie een aanbieder van de gemeente is.",
    )
    startdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        "uren per week",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_UREN_PER_WEEK)],
    )
    contractvorm = models.CharField(max_length=20, choices=Contractvorm.choices, blank=True)
    resultaat = models.CharField(max_length=20, choices=Resultaat.choices, default=Resultaat.LOOPT)
    reden = models.CharField(
        "reden of toelichting", max_length=500, blank=True, help_text="Verplicht bij voortijdig gestopt."
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "participatieactiviteit"
        verbose_name_plural = "participatieactiviteiten"
        ordering = ["-startdatum", "-id"]
        indexes = [
            models.Index(fields=["inburgeraar", "startdatum"]),
            models.Index(fields=["soort", "startdatum"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} bij {self.partner}"

    def loopt_op(self, dag) -> bool:
        return self.startdatum <= dag and (self.einddatum is None or self.einddatum >= dag)


class Werk(models.TextChoices):
    GEEN = "geen", "Geen betaald werk"
    DEELTIJD = "deeltijd", "Deeltijd (minder dan 32 uur per week)"
    VOLTIJD = "voltijd", "Voltijd (32 uur per week of meer)"


class Uitkering(models.TextChoices):
    GEEN = "geen", "Geen bijstand"
    GEDEELTELIJK = "gedeeltelijk", "Gedeeltelijk bijstand (aanvulling op inkomen)"
    VOLLEDIG = "volledig", "Volledig bijstand"


# Self-reliance on a simple scale of 1 to 5, in words a consultant and a newcomer both understand.
ZELFREDZAAMHEID = {
    1: "1 – Heeft bij bijna alles hulp nodig",
    2: "2 – Heeft bij veel dingen hulp nodig",
    3: "3 – Regelt de gewone dingen zelf, met af en toe hulp",
    4: "4 – Regelt bijna alles zelf",
    5: "5 – Regelt alles zelf en helpt soms anderen",
}


class Situatie(models.Model):
    """The situation at one measuring moment (regie.wet.meetmomenten), as the consultant records
    it. One current row per case and moment; a correction marks the old row as replaced
    (`actueel=False`, `vervangen_door`), so the history stays."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="situaties"
    )
    moment = models.CharField(max_length=20, choices=[(m.value, m.label) for m in Meetmoment])
    gemeten_op = models.DateField("datum van de meting")
    werk = models.CharField("betaald werk", max_length=10, choices=Werk.choices)
    opleiding = models.BooleanField("volgt een opleiding", default=False)
    uitkering = models.CharField("bijstand", max_length=15, choices=Uitkering.choices)
    zelfredzaamheid = models.PositiveSmallIntegerField(
        choices=sorted(ZELFREDZAAMHEID.items()), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    toelichting = models.TextField(blank=True)
    actueel = models.BooleanField(default=True)
    vervangen_door = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "situatie op een meetmoment"
        verbose_name_plural = "situaties op meetmomenten"
        ordering = ["moment", "-vastgelegd_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inburgeraar", "moment"],
                condition=models.Q(actueel=True),
                name="een_actuele_situatie_per_meetmoment",
            )
        ]
        indexes = [models.Index(fields=["moment", "actueel"])]

    def __str__(self):
        return f"Situatie {Meetmoment(self.moment).label.lower()}"

    @property
    def meetmoment(self) -> Meetmoment:
        return Meetmoment(self.moment)

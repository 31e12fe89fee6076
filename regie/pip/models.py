from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from regie.inburgeraars.models import Leerroute


class Taaldoel(models.TextChoices):
    A2 = "A2", "A2"
    B1 = "B1", "B1"


class Alfabetisering(models.TextChoices):
    # The values of DUO's PIP API (indicatorAlfabetiseringsonderwijs).
    NVT = "NVT", "Niet van toepassing"
    A = "A", "Onderwijs voor analfabeet"
    AA = "AA", "Onderwijs voor anders-gealfabetiseerde"


class Pip(models.Model):
    """One version of the persoonlijk plan inburgering en participatie (Wi 15, Bi 5.3).

    The PIP is a beschikking: a change is a new version with a reason; earlier
    versions stay as they were.
    """

    inburgeraar = models.ForeignKey("inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="pips")
    versie = models.PositiveIntegerField(validators=[MaxValueValidator(2**31 - 1)])
    dagtekening = models.DateField()
    leerroute = models.CharField(max_length=20, choices=Leerroute.choices)
    taalniveau = models.CharField("taaldoel", max_length=2, choices=Taaldoel.choices, blank=True)
    alfabetisering = models.CharField(
        max_length=3, choices=Alfabetisering.choices, default=Alfabetisering.NVT
    )
    mag_opleiding_afmaken = models.BooleanField("mag een lopende opleiding eerst afmaken", default=False)
    pvt = models.BooleanField("participatieverklaringstraject (PVT)", default=True)
    map = models.BooleanField("module arbeidsmarkt en participatie (MAP)", default=True)
    maatschappelijke_begeleiding = models.BooleanField(default=False)
    geschatte_intensiteit_uren = models.PositiveIntegerField(
        "geschatte intensiteit (uren taal en KNM)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9999)],  # DUO PIP API: 1 to 9999
    )
    aantal_voortgangsgesprekken = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    participatie_activiteiten = models.TextField("participatie-activiteiten", blank=True)
    vve = models.TextField("VVE voor de kinderen", blank=True)
    tolk = models.BooleanField("tolk bij gesprekken", default=False)
    uren_nt2_gevolgd = models.PositiveIntegerField(
        "gevolgde uren NT2 bij een taalschool", null=True, blank=True, validators=[MaxValueValidator(10_000)]
    )
    inspanning_aangetoond = models.BooleanField("voldoende inspanning aangetoond", default=False)
    # Wi 17 lid 3 / Bi 5.5: the ground for afschalen to A2, next to the hours and the effort.
    b1_niet_haalbaar = models.BooleanField("B1 niet haalbaar binnen de (verlengde) termijn", default=False)
    # The warnings of regie.wet.leerroute.waarschuwingen_pip the consultant read before deciding.
    waarschuwingen = models.TextField("vastgesteld ondanks deze waarschuwingen", blank=True)
    reden = models.TextField("reden van deze versie", blank=True)
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgesteld_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "PIP"
        verbose_name_plural = "PIP's"
        ordering = ["inburgeraar", "-versie"]
        constraints = [models.UniqueConstraint(fields=["inburgeraar", "versie"], name="pip_versie_uniek")]

    def __str__(self):
        return f"PIP versie {self.versie} van {self.inburgeraar}"

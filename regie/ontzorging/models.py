"""Ontzorging (Pw 56a): per case whether it applies and for how long, the bijstand the
municipality's Participatiewet system reported, the household's fixed costs with their history,
the municipality's paying account, and the monthly payment runs. Amounts are whole cents.

The household is the case of the person who receives the bijstand: Regie has no household of
its own (a partner is a link between two cases), so the fixed costs hang on that one case, and a
partner's case gets no second ontzorging for the same household (the services refuse it)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from regie.wet import ontzorging as wet

MAX_BEDRAG = 10_000_00  # ten thousand euros a month: far above any rent or premium


class Vergunning(models.TextChoices):
    ASIEL = wet.Vergunning.ASIEL.value, wet.VERGUNNING_LABELS[wet.Vergunning.ASIEL]
    ASIEL_AFGELEID = wet.Vergunning.ASIEL_AFGELEID.value, wet.VERGUNNING_LABELS[wet.Vergunning.ASIEL_AFGELEID]
    REGULIER = wet.Vergunning.REGULIER.value, wet.VERGUNNING_LABELS[wet.Vergunning.REGULIER]


class Kostensoort(models.TextChoices):
    HUUR = wet.Kostensoort.HUUR.value, wet.KOSTENSOORT_LABELS[wet.Kostensoort.HUUR]
    ENERGIE = wet.Kostensoort.ENERGIE.value, wet.KOSTENSOORT_LABELS[wet.Kostensoort.ENERGIE]
    WATER = wet.Kostensoort.WATER.value, wet.KOSTENSOORT_LABELS[wet.Kostensoort.WATER]
    ZORGVERZEKERING = (
        wet.Kostensoort.ZORGVERZEKERING.value,
        wet.KOSTENSOORT_LABELS[wet.Kostensoort.ZORGVERZEKERING],
    )
    ANDERS = wet.Kostensoort.ANDERS.value, wet.KOSTENSOORT_LABELS[wet.Kostensoort.ANDERS]


def _gebruiker(related_name="+", **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        **kwargs,
    )


class Ontzorging(models.Model):
    """Ontzorging of one case (the household). `einde` is the legal last day (six months,
    regie.wet.ontzorging); `verlengd_tot` a continuation with consent; `beeindigd_op` an early
    end (the bijstand stopped) or the end the consultant recorded with the letter."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.OneToOneField(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="ontzorging"
    )
    vergunning = models.CharField("verblijfsvergunning", max_length=20, choices=Vergunning.choices)
    eerste_bijstand = models.DateField("eerste betaling bijstand")
    einde = models.DateField("einde volgens de wet", editable=False)
    verlengd_tot = models.DateField("verlengd tot en met", null=True, blank=True)
    toestemming_op = models.DateField("datum toestemming verlenging", null=True, blank=True)
    toestemming_door = _gebruiker(verbose_name="toestemming vastgelegd door")
    beeindigd_op = models.DateField("beëindigd op", null=True, blank=True)
    einde_toelichting = models.CharField(max_length=500, blank=True)
    brief_op = models.DateField("brief einde ontzorging gemaakt op", null=True, blank=True)
    checklist = models.JSONField(
        "budgetcoaching: afgevinkte punten",
        default=dict,
        blank=True,
        help_text="Per punt van de checklist de datum waarop het is afgevinkt.",
    )
    aangemaakt_door = _gebruiker()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "ontzorging"
        verbose_name_plural = "ontzorgingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__gte=models.F("eerste_bijstand")), name="ontzorging_periode"
            ),
        ]

    def __str__(self):
        return f"Ontzorging vanaf {self.eerste_bijstand:%d-%m-%Y}"

    @property
    def laatste_dag(self):
        """The last day on which the municipality pays: an early end, else the continuation,
        else the legal end."""
        if self.beeindigd_op is not None:
            return self.beeindigd_op
        return self.verlengd_tot or self.einde

    def loopt_op(self, dag, *, dossier_open: bool = True) -> bool:
        return wet.loopt_op(
            begin=self.eerste_bijstand, einde=self.laatste_dag, dag=dag, dossier_open=dossier_open
        )


class Bijstandsbedrag(models.Model):
    """What the municipality's Participatiewet system reported: the net bijstand of one month.
    Regie decides nothing about bijstand; it only keeps what it is told (README: koppeling)."""

    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="bijstandsbedragen"
    )
    maand = models.DateField(help_text="De eerste dag van de maand.")
    bedrag = models.BigIntegerField(
        "bedrag in centen", validators=[MinValueValidator(0), MaxValueValidator(MAX_BEDRAG)]
    )
    bron = models.CharField(
        max_length=100, help_text="Bijvoorbeeld: export uit het systeem voor de bijstand."
    )
    vastgelegd_door = _gebruiker()
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bijstandsbedrag"
        verbose_name_plural = "bijstandsbedragen"
        ordering = ["-maand"]
        constraints = [
            models.UniqueConstraint(fields=["inburgeraar", "maand"], name="bijstandsbedrag_per_maand"),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="bijstandsbedrag_niet_negatief"),
        ]

    def __str__(self):
        return f"Bijstand {self.maand:%m-%Y}"


class VasteLast(models.Model):
    """One fixed cost of the household that the municipality pays: to whom, how much a month,
    from which month through which month, and the reference the payee needs. Changed in place;
    `VasteLastWijziging` and the timeline keep every old value."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontzorging = models.ForeignKey(Ontzorging, on_delete=models.CASCADE, related_name="vaste_lasten")
    soort = models.CharField(max_length=20, choices=Kostensoort.choices)
    begunstigde = models.CharField("naam begunstigde", max_length=70)
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11, blank=True)
    bedrag = models.BigIntegerField(
        "bedrag per maand in centen", validators=[MinValueValidator(1), MaxValueValidator(MAX_BEDRAG)]
    )
    van = models.DateField("vanaf maand", help_text="De eerste dag van de eerste maand.")
    tot = models.DateField(
        "tot en met maand", null=True, blank=True, help_text="De eerste dag van de laatste maand."
    )
    kenmerk = models.CharField("betalingskenmerk", max_length=140)
    toestemming_anders = models.BooleanField(
        "toestemming voor een andere vaste last",
        default=False,
        help_text="Alleen bij 'anders': de wet noemt huur, energie, water en zorgverzekering.",
    )
    aangemaakt_door = _gebruiker()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_door = _gebruiker()
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "vaste last"
        verbose_name_plural = "vaste lasten"
        ordering = ["soort", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="vaste_last_bedrag_positief"),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")), name="vaste_last_periode"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.begunstigde}"


class VasteLastWijziging(models.Model):
    """The history of a fixed cost: who changed what when, old and new value as text."""

    vaste_last = models.ForeignKey(VasteLast, on_delete=models.CASCADE, related_name="wijzigingen")
    door = _gebruiker()
    op = models.DateTimeField(auto_now_add=True)
    wijzigingen = models.JSONField(default=dict, help_text="{veld: [oud, nieuw]}")

    class Meta:
        verbose_name = "wijziging vaste last"
        verbose_name_plural = "wijzigingen vaste lasten"
        ordering = ["-op", "-id"]

    def __str__(self):
        return f"Wijziging van {self.vaste_last_id}"


class Betaalrekening(models.Model):
    """The municipality's own account the payments are made from (the debtor in pain.001)."""

    gemeente = models.OneToOneField("organisaties.Gemeente", on_delete=models.CASCADE, related_name="+")
    naam = models.CharField("naam rekeninghouder", max_length=70)
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11, blank=True)
    gewijzigd_door = _gebruiker()
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "betaalrekening ontzorging"
        verbose_name_plural = "betaalrekeningen ontzorging"

    def __str__(self):
        return f"{self.naam} ({self.iban})"


class Runstatus(models.TextChoices):
    VOORBEREID = "voorbereid", "Voorbereid, wacht op goedkeuring"
    GEEXPORTEERD = "geexporteerd", "Goedgekeurd, betaalbestand gemaakt"
    BETAALD = "betaald", "Betaald"


class Betaalrun(models.Model):
    """The payments of one municipality for one month: prepared by one financieel medewerker,
    approved by another (four eyes), then the pain.001 file for the bank, then paid."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.PROTECT, related_name="+")
    maand = models.DateField(help_text="De eerste dag van de maand waarvoor wordt betaald.")
    status = models.CharField(max_length=20, choices=Runstatus.choices, default=Runstatus.VOORBEREID)
    voorbereid_door = _gebruiker()
    voorbereid_op = models.DateTimeField(auto_now_add=True)
    goedgekeurd_door = _gebruiker()
    goedgekeurd_op = models.DateTimeField(null=True, blank=True)
    betaald_door = _gebruiker()
    betaald_op = models.DateTimeField(null=True, blank=True)
    uitvoerdatum = models.DateField(null=True, blank=True)
    bericht_id = models.CharField("berichtkenmerk (MsgId)", max_length=35, blank=True)
    bestand = models.BinaryField("pain.001-bestand", blank=True, default=b"")
    aantal = models.PositiveIntegerField(default=0)
    totaal = models.BigIntegerField("totaal in centen", default=0)

    class Meta:
        verbose_name = "betaalrun"
        verbose_name_plural = "betaalruns"
        ordering = ["-maand", "-voorbereid_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente"],
                condition=Q(status="voorbereid"),
                name="een_voorbereide_betaalrun_per_gemeente",
                violation_error_message="Er wacht al een betaalrun van deze gemeente op goedkeuring.",
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "-maand", "-voorbereid_op"])]

    def __str__(self):
        return f"Betaalrun {self.maand:%m-%Y}"


class Betalingstatus(models.TextChoices):
    OPEN = "open", "In de run"
    BETAALD = "betaald", "Betaald"
    TERUGGEKOMEN = "teruggekomen", "Teruggekomen (storno)"


class Betaling(models.Model):
    """One transfer in a run: a fixed cost of a household for one month, with the payee as it
    was when the run was prepared. At most one payment that is not returned per household, fixed
    cost and month (a database constraint), so nothing is paid twice, also when a run is made
    again; a returned payment is paid again in a later run."""

    run = models.ForeignKey(Betaalrun, on_delete=models.CASCADE, related_name="betalingen")
    inburgeraar = models.ForeignKey("inburgeraars.Inburgeraar", on_delete=models.PROTECT, related_name="+")
    vaste_last = models.ForeignKey(VasteLast, on_delete=models.PROTECT, related_name="betalingen")
    maand = models.DateField(help_text="De maand van de vaste last (eerste dag).")
    soort = models.CharField(max_length=20, choices=Kostensoort.choices)
    begunstigde = models.CharField(max_length=70)
    iban = models.CharField(max_length=34)
    bic = models.CharField(max_length=11, blank=True)
    bedrag = models.BigIntegerField(validators=[MinValueValidator(1), MaxValueValidator(MAX_BEDRAG)])
    omschrijving = models.CharField(max_length=140)
    end_to_end = models.CharField("EndToEndId", max_length=35, unique=True)
    status = models.CharField(max_length=20, choices=Betalingstatus.choices, default=Betalingstatus.OPEN)
    reden_terug = models.CharField("reden teruggekomen", max_length=300, blank=True)
    teruggemeld_door = _gebruiker()
    teruggemeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "betaling"
        verbose_name_plural = "betalingen"
        ordering = ["soort", "begunstigde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inburgeraar", "vaste_last", "maand"],
                condition=~Q(status="teruggekomen"),
                name="ontzorging_niet_twee_keer_betalen",
                violation_error_message="Deze vaste last is voor deze maand al betaald of staat al in een run.",
            ),
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="betaling_bedrag_positief"),
        ]
        indexes = [models.Index(fields=["status", "vaste_last", "maand"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.maand:%m-%Y} aan {self.begunstigde}"

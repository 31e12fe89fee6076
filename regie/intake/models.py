from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Taalniveau(models.TextChoices):
    GEEN = "geen", "Geen (nog niet getest)"
    A0 = "A0", "A0 (beginner)"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2 of hoger"


class LeerbaarheidstoetsResultaat(models.TextChoices):
    # The values of DUO's Leerbaarheidstoets API (LeerbaarheidstoetsResultaat).
    B1_HAALBAAR = "B1-route haalbaar", "B1-route haalbaar"
    B1_NIET_HAALBAAR = "B1-route niet haalbaar", "B1-route niet haalbaar"
    ONBEKEND = "Onbekend", "Onbekend"


class Opleidingsniveau(models.TextChoices):
    GEEN = "geen", "Geen of weinig onderwijs"
    BASIS = "basis", "Basisonderwijs"
    VOORTGEZET = "voortgezet", "Voortgezet onderwijs"
    MBO = "mbo", "Beroepsonderwijs (mbo-niveau)"
    HBO = "hbo", "Hoger beroepsonderwijs (hbo-niveau)"
    WO = "wo", "Universiteit (wo-niveau)"


class BredeIntake(models.Model):
    """The written record of the brede intake (Wi 14, Bi 5.2).

    The health fields are special personal data (AVG art. 9): pages mark them and
    only show them to those who need them.
    """

    inburgeraar = models.OneToOneField(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="brede_intake"
    )
    leerbaarheidstoets_datum = models.DateField("datum leerbaarheidstoets", null=True, blank=True)
    leerbaarheidstoets_resultaat = models.CharField(
        "resultaat leerbaarheidstoets",
        max_length=30,
        choices=LeerbaarheidstoetsResultaat.choices,
        blank=True,
    )
    opleidingsniveau = models.CharField(
        "hoogste opleiding", max_length=20, choices=Opleidingsniveau.choices, blank=True
    )
    jaren_onderwijs = models.PositiveSmallIntegerField(
        "jaren onderwijs", null=True, blank=True, validators=[MaxValueValidator(40)]
    )
    opleiding_toelichting = models.TextField("opleiding en diploma's", blank=True)
    werkervaring = models.TextField("werkervaring", blank=True)
    taalniveau_lezen = models.CharField(
        "lezen", max_length=4, choices=Taalniveau.choices, default=Taalniveau.GEEN
    )
    taalniveau_luisteren = models.CharField(
        "luisteren", max_length=4, choices=Taalniveau.choices, default=Taalniveau.GEEN
    )
    taalniveau_spreken = models.CharField(
        "spreken", max_length=4, choices=Taalniveau.choices, default=Taalniveau.GEEN
    )
    taalniveau_schrijven = models.CharField(
        "schrijven", max_length=4, choices=Taalniveau.choices, default=Taalniveau.GEEN
    )
    andere_talen = models.CharField("andere talen die de inburgeraar spreekt", max_length=300, blank=True)
    gezondheid_lichamelijk = models.TextField("lichamelijke gezondheid", blank=True)
    gezondheid_psychisch = models.TextField("psychische gezondheid", blank=True)
    gezin_en_kinderen = models.TextField("gezin en kinderen", blank=True)
    vve = models.TextField("voor- en vroegschoolse educatie (VVE) van de kinderen", blank=True)
    financiele_situatie = models.TextField("financiële situatie", blank=True)
    wensen_en_motivatie = models.TextField("wensen en motivatie", blank=True)
    mogelijkheden_werk = models.TextField("mogelijkheden voor werk", blank=True)
    mogelijkheden_participatie = models.TextField(
        "mogelijkheden voor participatie en vrijwilligerswerk", blank=True
    )
    deels_alleen_gesproken = models.BooleanField(
        "een deel van het gesprek was zonder gezinsleden",
        default=False,
        help_text="De inburgeraar mag vragen om een deel van het gesprek zonder gezinsleden te voeren.",
    )
    tolk_gebruikt = models.BooleanField("er was een tolk", default=False)
    tolk_taal = models.CharField("taal van de tolk", max_length=100, blank=True)
    afgerond_op = models.DateField("intake afgerond op", null=True, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    BIJZONDERE_VELDEN = ("gezondheid_lichamelijk", "gezondheid_psychisch")

    class Meta:
        verbose_name = "brede intake"
        verbose_name_plural = "brede intakes"

    def __str__(self):
        return f"Brede intake van {self.inburgeraar}"


class Diploma(models.Model):
    intake = models.ForeignKey(BredeIntake, on_delete=models.CASCADE, related_name="diplomas")
    naam = models.CharField("opleiding of diploma", max_length=200)
    land = models.CharField(max_length=100, blank=True)
    jaar = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(9999)]
    )
    gewaardeerd = models.BooleanField("gewaardeerd in Nederland (IDW/Nuffic)", default=False)

    class Meta:
        ordering = ["-jaar"]

    def __str__(self):
        return self.naam


class Afspraak(models.Model):
    """An appointment for the brede intake, with the written invitation (summons).

    Not showing up after a written summons can lead to a fine (Wi 22), so the date
    the invitation was sent is kept.
    """

    class Status(models.TextChoices):
        GEPLAND = "gepland", "Gepland"
        GEHOUDEN = "gehouden", "Gehouden"
        NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen"
        AFGEZEGD = "afgezegd", "Afgezegd"

    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="afspraken"
    )
    begint_op = models.DateTimeField("datum en tijd")
    locatie = models.CharField(max_length=200)
    uitnodiging_verstuurd_op = models.DateField("uitnodiging verstuurd op", null=True, blank=True)
    tolk = models.BooleanField("tolk geregeld", default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.GEPLAND)
    notitie = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "afspraken"
        ordering = ["begint_op"]

    def __str__(self):
        return f"Afspraak {self.begint_op:%d-%m-%Y %H:%M}"

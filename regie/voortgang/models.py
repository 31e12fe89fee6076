"""What a provider reports per referral: attendance per week, progress, exam attempts,
completed components (PVT, MAP, Z-route) and the end report. Written only through
`regie.voortgang.services`; read through `regie.voortgang.selectors`."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Bron(models.TextChoices):
    PORTAAL = "portaal", "Portaal"
    API = "api", "API"
    CSV = "csv", "CSV-upload"


class Vaardigheid(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    LUISTEREN = "luisteren", "Luisteren"
    SPREKEN = "spreken", "Spreken"
    SCHRIJVEN = "schrijven", "Schrijven"
    KNM = "knm", "Kennis van de Nederlandse maatschappij (KNM)"
    PARTICIPATIE = "participatie", "Participatie"


class Niveau(models.TextChoices):
    A0 = "A0", "A0"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    OP_KOERS = "op_koers", "Op koers"
    NIET_OP_KOERS = "niet_op_koers", "Niet op koers"


class Examenonderdeel(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    LUISTEREN = "luisteren", "Luisteren"
    SPREKEN = "spreken", "Spreken"
    SCHRIJVEN = "schrijven", "Schrijven"
    KNM = "knm", "Kennis van de Nederlandse maatschappij (KNM)"


class Uitslag(models.TextChoices):
    BEHAALD = "behaald", "Behaald"
    NIET_BEHAALD = "niet_behaald", "Niet behaald"
    NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen"


class Examenniveau(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"


class Resultaatsoort(models.TextChoices):
    PVT = "pvt", "Participatieverklaringstraject (PVT)"
    MAP = "map", "Module Arbeidsmarkt en Participatie (MAP)"
    ZROUTE = "zroute", "Z-route"


def _uren(label: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=5, decimal_places=2)


class Ingediend(models.Model):
    bron = models.CharField(max_length=10, choices=Bron.choices, default=Bron.PORTAAL)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Weekrapportage(Ingediend):
    """Attendance of one week (`week` is the Monday). A correction stores a new row and marks
    the previous one as replaced (`actueel` False, `vervangen_door` the new row): the history
    stays. At most one current row per referral and week."""

    verwijzing = models.ForeignKey(
        "trajecten.Verwijzing", on_delete=models.CASCADE, related_name="weekrapportages"
    )
    week = models.DateField(help_text="De maandag van de week.")
    uren_aangeboden = _uren("uren aangeboden")
    uren_gevolgd = _uren("uren gevolgd")
    uren_afwezig_ziek = _uren("uren afwezig door ziekte")
    uren_afwezig_afspraak = _uren("uren afwezig door een afspraak")
    uren_afwezig_ongeoorloofd = _uren("uren ongeoorloofd afwezig")
    opmerking = models.TextField(blank=True)
    actueel = models.BooleanField(default=True)
    vervangen_door = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="vervangt"
    )
    upload = models.ForeignKey(
        "voortgang.CsvUpload", on_delete=models.SET_NULL, null=True, blank=True, related_name="rapportages"
    )

    class Meta:
        verbose_name = "weekrapportage"
        verbose_name_plural = "weekrapportages"
        ordering = ["-week", "-ingediend_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verwijzing", "week"], condition=Q(actueel=True), name="een_actuele_weekrapportage"
            ),
            models.CheckConstraint(
                condition=Q(uren_aangeboden__gte=0)
                & Q(uren_gevolgd__gte=0)
                & Q(uren_afwezig_ziek__gte=0)
                & Q(uren_afwezig_afspraak__gte=0)
                & Q(uren_afwezig_ongeoorloofd__gte=0),
                name="weekrapportage_uren_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(uren_gevolgd__lte=F("uren_aangeboden")),
                name="weekrapportage_gevolgd_max_aangeboden",
            ),
        ]
        indexes = [models.Index(fields=["verwijzing", "week"])]

    def __str__(self):
        return f"Week {self.week_tekst}: {self.uren_gevolgd} van {self.uren_aangeboden} uur"

    @property
    def week_tekst(self) -> str:
        from regie.voortgang.csv_invoer import week_tekst

        return week_tekst(self.week)

    @property
    def week_einde(self):
        return self.week + timedelta(days=6)

    @property
    def uren_afwezig(self):
        return self.uren_afwezig_ziek + self.uren_afwezig_afspraak + self.uren_afwezig_ongeoorloofd


class Voortgangsmeting(Ingediend):
    """The level of one skill (or KNM, participation) measured on a date."""

    verwijzing = models.ForeignKey(
        "trajecten.Verwijzing", on_delete=models.CASCADE, related_name="voortgangsmetingen"
    )
    datum = models.DateField()
    onderdeel = models.CharField(max_length=20, choices=Vaardigheid.choices)
    niveau = models.CharField(max_length=20, choices=Niveau.choices)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "voortgangsmeting"
        verbose_name_plural = "voortgangsmetingen"
        ordering = ["-datum", "onderdeel", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["verwijzing", "datum", "onderdeel"], name="een_meting_per_dag"),
        ]

    def __str__(self):
        return f"{self.get_onderdeel_display()}: {self.get_niveau_display()} ({self.datum:%d-%m-%Y})"


class Examenpoging(Ingediend):
    verwijzing = models.ForeignKey(
        "trajecten.Verwijzing", on_delete=models.CASCADE, related_name="examenpogingen"
    )
    datum = models.DateField()
    onderdeel = models.CharField(max_length=20, choices=Examenonderdeel.choices)
    uitslag = models.CharField(max_length=20, choices=Uitslag.choices)
    niveau = models.CharField(max_length=2, choices=Examenniveau.choices, blank=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "examenpoging"
        verbose_name_plural = "examenpogingen"
        ordering = ["-datum", "onderdeel", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verwijzing", "datum", "onderdeel"], name="een_examenpoging_per_dag"
            ),
        ]

    def __str__(self):
        return f"Examen {self.get_onderdeel_display()}: {self.get_uitslag_display().lower()} ({self.datum:%d-%m-%Y})"


class Onderdeelresultaat(Ingediend):
    """A completed component: PVT, MAP, or the Z-route (with its hours and end interview)."""

    verwijzing = models.ForeignKey(
        "trajecten.Verwijzing", on_delete=models.CASCADE, related_name="onderdeelresultaten"
    )
    soort = models.CharField(max_length=10, choices=Resultaatsoort.choices)
    afgerond_op = models.DateField()
    # The same bound as the API's input (9999), so the OpenAPI schema is the same on every database.
    uren_taal = models.PositiveIntegerField(
        "uren taal", null=True, blank=True, validators=[MaxValueValidator(9999)]
    )
    uren_participatie = models.PositiveIntegerField(
        "uren participatie", null=True, blank=True, validators=[MaxValueValidator(9999)]
    )
    eindgesprek_op = models.DateField("datum eindgesprek", null=True, blank=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "onderdeelresultaat"
        verbose_name_plural = "onderdeelresultaten"
        ordering = ["-afgerond_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["verwijzing", "soort"], name="een_resultaat_per_soort"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} afgerond op {self.afgerond_op:%d-%m-%Y}"


class Eindrapport(Ingediend):
    verwijzing = models.OneToOneField(
        "trajecten.Verwijzing", on_delete=models.CASCADE, related_name="eindrapport"
    )
    datum = models.DateField()
    samenvatting = models.TextField()
    advies = models.TextField(blank=True)

    class Meta:
        verbose_name = "eindrapport"
        verbose_name_plural = "eindrapporten"

    def __str__(self):
        return f"Eindrapport van {self.datum:%d-%m-%Y}"


class CsvUpload(models.Model):
    """An uploaded attendance file between the preview (step 1) and the confirmation (step 2):
    the rows as read, with their problems, kept on the server (never in hidden fields)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanbieder = models.ForeignKey("aanbieders.Aanbieder", on_delete=models.CASCADE, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    bestandsnaam = models.CharField(max_length=255, blank=True)
    codering = models.CharField(max_length=20, blank=True)
    scheidingsteken = models.CharField(max_length=5, blank=True)
    bestandsfouten = models.JSONField(default=list, blank=True)
    regels = models.JSONField(default=list, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    opgeslagen_op = models.DateTimeField(null=True, blank=True)
    aantal_opgeslagen = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "CSV-upload"
        verbose_name_plural = "CSV-uploads"
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self):
        return self.bestandsnaam or str(self.uuid)

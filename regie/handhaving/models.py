"""Handhaving (enforcement by the municipality): the written warning, then the fine (Wi 22, Wi 23)
from the intention with its report to the beschikking, payment and bezwaar. Amounts and limits
are in regie.wet.boetes; the steps and who may take them in regie.handhaving.services."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.text import capfirst

from regie.wet.boetes import GROND_NAMEN, euro


class Aanleiding(models.TextChoices):
    ONGEOORLOOFD_AFWEZIG = "ongeoorloofd_afwezig", "Ongeoorloofd afwezig bij de cursus"
    GEEN_MEDEWERKING_PIP = "geen_medewerking_pip", "Werkt niet mee aan het PIP"
    NIET_VERSCHENEN = "niet_verschenen", "Niet verschenen op een afspraak"
    ANDERS = "anders", "Anders"


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VERZONDEN = "verzonden", "Verzonden"


class Waarschuwing(models.Model):
    """A written warning to the inburgeraar: what went wrong, what they must do now, and that a
    fine can follow (Wi 23). Drafted in Regie, sent by letter; `verzonden_op` is that date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="waarschuwingen"
    )
    aanleiding = models.CharField(max_length=30, choices=Aanleiding.choices)
    aanleiding_toelichting = models.CharField(
        "toelichting op de aanleiding", max_length=500, blank=True, help_text="Bijvoorbeeld het signaal."
    )
    omschrijving = models.TextField(
        "wat de inburgeraar nu moet doen",
        help_text="Schrijf in eenvoudige taal wat er mis ging en wat u vanaf nu verwacht.",
    )
    datum = models.DateField("datum van de waarschuwing")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONCEPT)
    verzonden_op = models.DateField(null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "waarschuwing"
        verbose_name_plural = "waarschuwingen"
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"Waarschuwing van {self.datum:%d-%m-%Y}"


class Boetebeleid(models.Model):
    """A municipality's choices on fines, kept by the functioneel beheerder in Beheer. Without a
    row Regie takes the careful side: no fines for asielstatushouders, no set-off."""

    gemeente = models.OneToOneField(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="boetebeleid"
    )
    asielstatushouders_beboeten = models.BooleanField(
        "boetes voor asielstatushouders",
        default=False,
        help_text=(
            "Over boetes voor asielstatushouders loopt een juridische discussie (uitspraak van het Europese Hof"
            " van 4 februari 2025). Zet dit alleen aan als de gemeente daarover heeft besloten."
        ),
    )
    verrekenen_met_bijstand = models.BooleanField(
        "verrekenen met bijstand toegestaan",
        default=False,
        help_text="Alleen als de verordening van de gemeente toestaat dat een boete wordt verrekend met de bijstand.",
    )
    verordening = models.CharField(
        "naam van de verordening",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: Verordening inburgering 2022.",
    )

    class Meta:
        verbose_name = "boetebeleid"
        verbose_name_plural = "boetebeleid"

    def __str__(self):
        return f"Boetebeleid {self.gemeente.naam}"


class BoeteStatus(models.TextChoices):
    """The steps of a fine, in order. `services.OVERGANGEN` says which step may follow which."""

    VOORNEMEN = "voornemen", "Voornemen verstuurd, wacht op zienswijze"
    ZIENSWIJZE = "zienswijze", "Zienswijze vastgelegd, besluit nemen"
    TER_GOEDKEURING = "ter_goedkeuring", "Besluit boete ter goedkeuring"
    GEEN_BOETE = "geen_boete", "Geen boete"
    OPGELEGD = "opgelegd", "Boete opgelegd"
    BETAALD = "betaald", "Betaald"
    INGETROKKEN = "ingetrokken", "Ingetrokken na bezwaar"


class ZienswijzeVorm(models.TextChoices):
    SCHRIFTELIJK = "schriftelijk", "Schriftelijk"
    HOORZITTING = "hoorzitting", "Mondeling (hoorzitting)"
    GEEN_REACTIE = "geen_reactie", "Geen reactie voor de uiterste datum"


class Betaalwijze(models.TextChoices):
    INEENS = "ineens", "In een keer"
    REGELING = "regeling", "Betalingsregeling"
    VERREKENING = "verrekening", "Verrekenen met bijstand"


# A payment arrangement's number of instalments: the municipality's practice, not a rule of law.
REGELING_MIN_TERMIJNEN, REGELING_MAX_TERMIJNEN = 2, 36


class Boete(models.Model):
    """One fine from its intention (voornemen with the report of the facts, Awb 5:53) to payment
    or withdrawal. The amount and how it was computed are stored at the decision
    (`berekening`, the lines of regie.wet.boetes.bereken) so the letter shows what was decided."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="boetes"
    )
    waarschuwing = models.ForeignKey(Waarschuwing, on_delete=models.PROTECT, related_name="boetes")
    grond = models.CharField(max_length=10, choices=[(g.value, capfirst(n)) for g, n in GROND_NAMEN.items()])
    status = models.CharField(max_length=20, choices=BoeteStatus.choices, default=BoeteStatus.VOORNEMEN)
    # Voornemen and report (Awb 5:53)
    pleegdatum = models.DateField("datum van de gedraging")
    feiten = models.TextField("rapport: wat er is gebeurd")
    rapport_datum = models.DateField("datum van het rapport")
    zienswijze_uiterlijk = models.DateField("zienswijze uiterlijk op")
    bijstand_verlaagd = models.BooleanField("bijstand al verlaagd voor dezelfde gedraging", default=False)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Zienswijze
    zienswijze_vorm = models.CharField(max_length=20, choices=ZienswijzeVorm.choices, blank=True)
    zienswijze_datum = models.DateField(null=True, blank=True)
    zienswijze_samenvatting = models.TextField(blank=True)
    # Besluit
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    besloten_op = models.DateField(null=True, blank=True)
    reden_geen_boete = models.TextField(blank=True)
    matiging = models.PositiveSmallIntegerField(default=100)
    matiging_reden = models.TextField(blank=True)
    bedrag_centen = models.PositiveIntegerField(null=True, blank=True)
    berekening = models.JSONField(default=list, blank=True)
    # Four-eyes approval and the beschikking
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dagtekening = models.DateField("dagtekening van de beschikking", null=True, blank=True)
    # Payment
    betaalwijze = models.CharField(max_length=20, choices=Betaalwijze.choices, blank=True)
    aantal_termijnen = models.PositiveSmallIntegerField(null=True, blank=True)
    betaald_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "boete"
        verbose_name_plural = "boetes"
        ordering = ["-rapport_datum", "-id"]
        indexes = [models.Index(fields=["status"], name="boete_status_idx")]

    def __str__(self):
        return f"Boete ({GROND_NAMEN[self.grond]}) van {self.rapport_datum:%d-%m-%Y}"

    @property
    def bedrag_tekst(self) -> str:
        return euro(self.bedrag_centen) if self.bedrag_centen is not None else ""


class BezwaarUitkomst(models.TextChoices):
    GEGROND = "gegrond", "Gegrond: de boete vervalt"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond: de boete wordt lager"
    ONGEGROND = "ongegrond", "Ongegrond: de boete blijft"


class Bezwaar(models.Model):
    """The bezwaar against a fine decision (Awb 6:7: six weeks) and its outcome."""

    boete = models.OneToOneField(Boete, on_delete=models.CASCADE, related_name="bezwaar")
    ontvangen_op = models.DateField("bezwaar ontvangen op")
    tijdig = models.BooleanField(default=True)
    uitkomst = models.CharField(max_length=20, choices=BezwaarUitkomst.choices, blank=True)
    beslist_op = models.DateField(null=True, blank=True)
    oud_bedrag_centen = models.PositiveIntegerField(null=True, blank=True)
    toelichting = models.TextField(blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "bezwaar"
        verbose_name_plural = "bezwaren"

    def __str__(self):
        return f"Bezwaar van {self.ontvangen_op:%d-%m-%Y}"

from django.core.validators import RegexValidator
from django.db import models


class Organisatie(models.Model):
    """The organisation that carries out the law for one or more municipalities,
    e.g. Sociale Dienst Drechtsteden for Dordrecht, Zwijndrecht, Papendrecht and
    Hendrik-Ido-Ambacht. Users belong to one; what they see is limited to its gemeenten."""

    naam = models.CharField(max_length=200, unique=True)

    class Meta:
        verbose_name_plural = "organisaties"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    cbs_code = models.CharField(
        "CBS-code",
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", "Een CBS-code heeft vier cijfers, bijvoorbeeld 0303.")],
    )
    naam = models.CharField(max_length=200)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="gemeenten")
    # The municipality is the 'bron' of every message to DUO and the 'doel' of DUO's
    # notifications (Digikoppeling headers, see regie/duo/specs/README.md). Only a superuser sets
    # it (regie/accounts/beheer.py): whoever holds a municipality's OIN receives its notices.
    oin = models.CharField(
        "OIN",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\d{20}$", "Een OIN heeft twintig cijfers.")],
        help_text="Organisatie-identificatienummer uit het OIN-register van Logius.",
    )

    class Meta:
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            # A notice DUO addresses to an OIN must reach exactly one municipality; several may
            # still be without an OIN (not yet connected to DUO).
            models.UniqueConstraint(
                fields=["oin"],
                condition=~models.Q(oin=""),
                name="gemeente_oin_uniek",
                violation_error_code="unique",
                violation_error_message="Een andere gemeente heeft deze OIN al. Elke gemeente heeft een eigen OIN.",
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.cbs_code})"


class Kern(models.Model):
    """A village or town within a municipality (e.g. Biddinghuizen in Dronten)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="kernen")
    naam = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "kernen"
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="kern_uniek_per_gemeente")]

    def __str__(self):
        return self.naam

from django.conf import settings
from django.db import models


class Gebeurtenis(models.Model):
    """One entry on a case's timeline: what changed, who did it and when.

    Written only through `regie.tijdlijn.events`, in the same transaction as the change.
    """

    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    soort = models.CharField(max_length=40)
    omschrijving = models.CharField(max_length=500)
    gegevens = models.JSONField(default=dict, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name_plural = "gebeurtenissen"
        ordering = ["-op", "-id"]
        indexes = [models.Index(fields=["inburgeraar", "-op"])]

    def __str__(self):
        return self.omschrijving

from django.conf import settings
from django.db import models


class Soort(models.TextChoices):
    """Every kind of timeline entry; `regie.tijdlijn.events` has one function per kind."""

    GEREGISTREERD = "geregistreerd", "Geregistreerd"
    GEGEVENS_GEWIJZIGD = "gegevens_gewijzigd", "Gegevens gewijzigd"
    STATUS_GEWIJZIGD = "status_gewijzigd", "Status gewijzigd"
    CONSULENT_TOEGEWEZEN = "consulent_toegewezen", "Consulent toegewezen"
    BREDE_INTAKE = "brede_intake", "Brede intake"
    AFSPRAAK = "afspraak", "Afspraak"
    PIP_VASTGESTELD = "pip_vastgesteld", "PIP vastgesteld"
    COA_KOPPELING = "coa_koppeling", "COA-koppeling"
    KIND_TOEGEVOEGD = "kind_toegevoegd", "Kind toegevoegd"
    DUO_MELDING = "duo_melding", "Melding van DUO"
    DUO_SIGNAAL = "duo_signaal", "Signaal van DUO"
    TERMIJN_VERLENGD = "termijn_verlengd", "Termijn verlengd"
    VERWIJZING = "verwijzing", "Verwijzing"
    VOORTGANGSGESPREK_GEPLAND = "voortgangsgesprek_gepland", "Voortgangsgesprek gepland"
    VOORTGANGSGESPREK_VASTGELEGD = "voortgangsgesprek_vastgelegd", "Voortgangsgesprek vastgelegd"
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    DUO_BERICHT = "duo_bericht", "Bericht aan DUO"
    WEEKRAPPORTAGE = "weekrapportage", "Weekrapportage"
    VOORTGANGSMETING = "voortgangsmeting", "Voortgangsmeting"
    EXAMENPOGING = "examenpoging", "Examenpoging"
    ONDERDEELRESULTAAT = "onderdeelresultaat", "Resultaat onderdeel"
    EINDRAPPORT = "eindrapport", "Eindrapport"
    PARTICIPATIE = "participatie", "Participatie"
    SITUATIE = "situatie", "Situatie op meetmoment"
    ONTZORGING = "ontzorging", "Ontzorging"
    OVERDRACHT = "overdracht", "Overdracht bij verhuizing"
    BOETE = "boete", "Boete"


class Gebeurtenis(models.Model):
    """One entry on a case's timeline: what changed, who did it and when.

    Written only through `regie.tijdlijn.events`, in the same transaction as the change.
    """

    inburgeraar = models.ForeignKey(
        "inburgeraars.Inburgeraar", on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    soort = models.CharField(max_length=40, choices=Soort.choices)
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

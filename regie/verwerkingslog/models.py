"""The processing log (verwerkingslog), in the spirit of the Dutch standard "Logboek
Dataverwerkingen": who processed which person's data, acting for which organisation,
for what purpose and on what legal basis, when, from where, and with what result.

Append-only: the application can add entries, never change or remove them. The model
and its queryset refuse it, the admin only shows, and database triggers (migration
0002, again in 0004 for the tables of then) refuse UPDATE and DELETE on SQLite and PostgreSQL.

Persons are referenced by their internal id (and its uuid, in `InburgeraarUuid`) as plain
values, not as foreign keys: an entry must outlive the case when the retention command removes
it. The BSN is never stored here. Volume and indexes: docs/verwerkingslog-volume.md.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce, Upper
from django.utils import timezone


class AlleenToevoegen(RuntimeError):
    """The processing log cannot be changed or emptied, only added to."""


MELDING = "Het verwerkingslog kan niet worden gewijzigd of verwijderd, alleen aangevuld."


class Actie(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    AANMAKEN = "aanmaken", "Aanmaken"
    WIJZIGEN = "wijzigen", "Wijzigen"
    VERWIJDEREN = "verwijderen", "Verwijderen"
    EXPORTEREN = "exporteren", "Exporteren of afdrukken"
    BIJZONDERE_GEGEVENS = "bijzondere_gegevens", "Inzien bijzondere gegevens"
    GEWEIGERD = "geweigerd", "Toegang geweigerd"


class Kanaal(models.TextChoices):
    PAGINA = "pagina", "Pagina"
    API = "api", "API"
    PDF = "pdf", "PDF"
    EXPORT = "export", "Export"
    BEHEER = "beheer", "Beheer"
    SYSTEEM = "systeem", "Systeem"


class Resultaat(models.TextChoices):
    GESLAAGD = "geslaagd", "Geslaagd"
    GEWEIGERD = "geweigerd", "Geweigerd"


class VerwerkingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # The one update the log allows: Django's on_delete=SET_NULL when a user account
        # is removed. The entry keeps the user name (gebruikersnaam) as it was.
        if set(kwargs) == {"gebruiker"} and kwargs["gebruiker"] is None:
            return super().update(**kwargs)
        raise AlleenToevoegen(MELDING)

    def delete(self):
        raise AlleenToevoegen(MELDING)

    def bulk_update(self, *args, **kwargs):
        raise AlleenToevoegen(MELDING)

    delete.alters_data = True
    delete.queryset_only = True


class AlleenToevoegenModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AlleenToevoegen(MELDING)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegen(MELDING)


# The organisation whose log an entry is in: the one a refused attempt's copy was written for,
# else the one acted for. One expression, so one index serves every search of the privacy officer.
LOG_ORGANISATIE = Coalesce(F("betreft_organisatie_id"), F("namens_organisatie_id"))


class Verwerking(AlleenToevoegenModel):
    """One processing of personal data: one request (or one system action) on one part of Regie."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The W3C trace id of the request (from a `traceparent` header, or new): all entries
    # one request writes share it.
    trace_id = models.CharField("trace-id", max_length=32)
    tijdstip = models.DateTimeField(default=timezone.now)

    # No index of its own: verwerking_gebruiker_tijd starts with it (for on_delete=SET_NULL).
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    gebruikersnaam = models.CharField(max_length=150, blank=True)
    rol = models.CharField(max_length=30, blank=True)
    # Acting for which organisation (a snapshot: the entry keeps it when the user moves).
    namens_organisatie_id = models.PositiveBigIntegerField("namens organisatie (id)", null=True, blank=True)
    namens_organisatie = models.CharField("namens organisatie", max_length=200, blank=True)
    # Set on the copy of a refused attempt on a case of another organisation, written for that
    # organisation's log: its privacy officer sees it (with the person), the acting one does not.
    betreft_organisatie_id = models.PositiveBigIntegerField(
        "voor het log van organisatie (id)", null=True, blank=True
    )

    actie = models.CharField(max_length=20, choices=Actie.choices)
    kanaal = models.CharField(max_length=10, choices=Kanaal.choices)
    # The operation (Logboek Dataverwerkingen: operationName): the URL name or the service event.
    handeling = models.CharField(max_length=100, blank=True)
    onderdeel = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64, blank=True)
    # For changes: {field: [old, new]}; a BSN only masked.
    velden = models.JSONField(default=dict, blank=True)

    doel = models.CharField(max_length=300)
    grondslag = models.CharField(max_length=300)

    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    resultaat = models.CharField(max_length=10, choices=Resultaat.choices, default=Resultaat.GESLAAGD)
    reden = models.TextField(blank=True)

    objects = VerwerkingQuerySet.as_manager()

    class Meta:
        verbose_name = "verwerking"
        verbose_name_plural = "verwerkingen"
        ordering = ["-tijdstip", "-id"]
        default_permissions = ("view",)
        # The privacy officer's searches, newest first within the organisation's log (see
        # docs/verwerkingslog-volume.md): the whole log or a period, by user name (searched
        # case-insensitively), by action. By person: Betrokkene's index. By trace id: its own
        # (an index in Meta: a field's db_index would add a second one for LIKE on PostgreSQL).
        indexes = [
            models.Index(LOG_ORGANISATIE, F("tijdstip").desc(), F("id").desc(), name="verwerking_log_tijd"),
            models.Index(
                LOG_ORGANISATIE,
                Upper("gebruikersnaam"),
                F("tijdstip").desc(),
                name="verwerking_log_naam_tijd",
            ),
            models.Index(LOG_ORGANISATIE, "actie", F("tijdstip").desc(), name="verwerking_log_actie_tijd"),
            models.Index(fields=["gebruiker", "-tijdstip"], name="verwerking_gebruiker_tijd"),
            models.Index(fields=["trace_id"], name="verwerking_trace"),
        ]

    def __str__(self):
        return f"{self.get_actie_display()} {self.onderdeel} door {self.gebruikersnaam or 'systeem'}"


class Betrokkene(AlleenToevoegenModel):
    """A person whose data one processing concerned (a list or search result concerns several).

    The bulk of the log (one row per person shown), so kept narrow: no own id (the key is the
    entry and the person: an entry names a person once, and it finds an entry's persons), and the
    person's uuid once per person in `InburgeraarUuid` instead of in every row. The indexes on
    one column share each value's entries (PostgreSQL's deduplication): a few bytes a row."""

    pk = models.CompositePrimaryKey("verwerking_id", "inburgeraar_id")
    verwerking = models.ForeignKey(
        Verwerking, on_delete=models.PROTECT, related_name="betrokkenen", db_index=False
    )
    inburgeraar_id = models.PositiveBigIntegerField("inburgeraar (intern id)")
    # The case's municipality when the entry was written (a case may move or be removed later):
    # a privacy officer limited to some municipalities sees the entries about those.
    gemeente_id = models.PositiveBigIntegerField("gemeente (id)", null=True, blank=True)

    objects = VerwerkingQuerySet.as_manager()

    class Meta:
        verbose_name = "betrokkene"
        verbose_name_plural = "betrokkenen"
        default_permissions = ("view",)
        indexes = [models.Index(fields=["inburgeraar_id"], name="betrokkene_inburgeraar")]

    def __str__(self):
        return f"inburgeraar {self.inburgeraar_id}"

    @property
    def inburgeraar_uuid(self):
        """The person's uuid (one query; for many persons use `InburgeraarUuid` directly)."""
        return (
            InburgeraarUuid.objects.filter(inburgeraar_id=self.inburgeraar_id)
            .values_list("uuid", flat=True)
            .first()
        )


class InburgeraarUuid(AlleenToevoegenModel):
    """The uuid of a person named in the log, by internal id: kept once, so the log can still be
    searched by uuid after the retention command removed the case. Never changes (append-only)."""

    inburgeraar_id = models.PositiveBigIntegerField("inburgeraar (intern id)", primary_key=True)
    uuid = models.UUIDField("inburgeraar (uuid)", unique=True)

    objects = VerwerkingQuerySet.as_manager()

    class Meta:
        verbose_name = "uuid van een inburgeraar"
        verbose_name_plural = "uuids van inburgeraars"
        default_permissions = ("view",)

    def __str__(self):
        return f"inburgeraar {self.inburgeraar_id}: {self.uuid}"

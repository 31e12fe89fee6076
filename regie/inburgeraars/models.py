import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from stdnum.nl import bsn as stdnum_bsn

from regie.inburgeraars.status import EINDE_LABELS, STATUS_LABELS, Status
from regie.wet.leerroute import Doelgroep as DoelgroepRegel
from regie.wet.leerroute import Leerroute as LeerrouteRegel


def valideer_bsn(waarde: str) -> None:
    if not stdnum_bsn.is_valid(waarde or ""):
        raise ValidationError(
            "Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan.",
            code="bsn_ongeldig",
        )


class Doelgroep(models.TextChoices):
    ASIELSTATUSHOUDER = DoelgroepRegel.ASIELSTATUSHOUDER.value, "Asielstatushouder"
    GEZINSMIGRANT = DoelgroepRegel.GEZINSMIGRANT.value, "Gezinsmigrant"
    OVERIGE_MIGRANT = DoelgroepRegel.OVERIGE_MIGRANT.value, "Overige migrant"


class Leerroute(models.TextChoices):
    B1 = LeerrouteRegel.B1.value, "B1-route"
    ONDERWIJSROUTE = LeerrouteRegel.ONDERWIJSROUTE.value, "Onderwijsroute"
    Z_ROUTE = LeerrouteRegel.Z_ROUTE.value, "Z-route"


class Geslacht(models.TextChoices):
    VROUW = "vrouw", "Vrouw"
    MAN = "man", "Man"
    ONBEKEND = "onbekend", "Onbekend"


# What the stored deadlines of a case are computed from (besides the dagtekening of its first PIP).
TERMIJN_INVOER = frozenset(
    {
        "datum_melding_duo",
        "datum_inschrijving_brp",
        "dagtekening_eerste_pip_elders",
        "einde_termijn_duo",
        "termijn_verlengd_bericht_van",
        "verlengingsgrond_duo",
    }
)
# Derived and stored: the first own PIP's dagtekening and the deadlines computed with it.
TERMIJN_VELDEN = (
    "dagtekening_eerste_eigen_pip",
    "pip_termijn",
    "einde_termijn",
    "leerroute_termijn",
    "verlenging_vanaf",
)
# Stored by the apps whose rows they summarise (regie.voortgang.afwezigheid, regie.trajecten.
# onbeantwoord), never by a save of the case (see `save()`).
ELDERS_BIJGEHOUDEN = (
    "afwezigheid_van",
    "afwezigheid_tot",
    "afwezigheid_uren_aangeboden",
    "afwezigheid_uren_ongeoorloofd",
    "oudste_onbeantwoorde_verwijzing",
)


class Inburgeraar(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Unique per organisation (constraint below), not per installation: a newcomer who moves to a
    # municipality of another organisation is registered there too, and no organisation learns
    # from a refusal that another one knows the BSN.
    bsn = models.CharField("BSN", max_length=9, validators=[valideer_bsn])
    voornamen = models.CharField(max_length=200)
    tussenvoegsel = models.CharField(max_length=20, blank=True)
    geslachtsnaam = models.CharField(max_length=200)
    geboortedatum = models.DateField()
    geslacht = models.CharField(max_length=10, choices=Geslacht.choices, default=Geslacht.ONBEKEND)
    geboorteland = models.CharField(max_length=100, blank=True)
    nationaliteit = models.CharField(max_length=100, blank=True)
    talen = models.CharField(
        "gesproken talen", max_length=300, blank=True, help_text="Gescheiden door komma's"
    )
    tolk_nodig = models.BooleanField("tolk nodig", default=False)
    doelgroep = models.CharField(max_length=20, choices=Doelgroep.choices)

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="inburgeraars"
    )
    # Always the gemeente's organisation (set by the services; a municipality with cases does not
    # move to another organisation in Beheer): stored so that the database can hold the BSN unique
    # per organisation.
    organisatie = models.ForeignKey(
        "organisaties.Organisatie", on_delete=models.PROTECT, related_name="+", editable=False
    )
    kern = models.ForeignKey("organisaties.Kern", on_delete=models.SET_NULL, null=True, blank=True)
    straat = models.CharField(max_length=200, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    woonplaats = models.CharField(max_length=100, blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    partner = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De partner, als die ook in Regie staat.",
    )

    datum_melding_duo = models.DateField("datum melding DUO", null=True, blank=True)
    datum_koppeling_coa = models.DateField("datum koppeling COA", null=True, blank=True)
    datum_inschrijving_brp = models.DateField("datum inschrijving BRP", null=True, blank=True)
    datum_huisvesting = models.DateField("datum huisvesting", null=True, blank=True)
    # After a move the termijn keeps running from the first PIP of the previous
    # municipality (Wi 11 lid 3) and the leerroute stays (Wi 15 lid 4).
    dagtekening_eerste_pip_elders = models.DateField(
        "dagtekening eerste PIP (vorige gemeente)", null=True, blank=True
    )
    # The dagtekening of the first PIP of this municipality (Wi 11 lid 2), stored so that the deadlines
    # can be computed without reading the PIPs (regie.pip lies above this app). Derived, never entered:
    # `save()` and `pip_vaststellen` set it from the PIPs (regie.inburgeraars.termijnvelden) and
    # `manage.py termijnen_herberekenen` rebuilds it.
    dagtekening_eerste_eigen_pip = models.DateField(
        "dagtekening eerste PIP (deze gemeente)", null=True, blank=True, editable=False
    )
    leerroute_vorige_gemeente = models.CharField(max_length=20, choices=Leerroute.choices, blank=True)
    # What DUO reports and Regie does not decide. The start of the obligation (DUO's
    # Inburgeringsplicht.begindatum): a PIP may not be dated before it (DUO PIP API).
    begindatum_inburgeringsplicht = models.DateField("start inburgeringsplicht (DUO)", null=True, blank=True)
    # Wi 12: DUO extended the termijn. From then on DUO's end is the end of the termijn everywhere
    # (regie.wet.termijnen.VerlengingDuo); set only by termijn_verlengd_door_duo.
    einde_termijn_duo = models.DateField("laatste dag termijn na verlenging (DUO)", null=True, blank=True)
    termijn_verlengd_bericht_van = models.DateField("datum bericht verlenging (DUO)", null=True, blank=True)
    verlengingsgrond_duo = models.CharField("grond verlenging (DUO)", max_length=200, blank=True)

    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    status = models.CharField(max_length=20, choices=list(STATUS_LABELS.items()), default=Status.AANGEMELD)
    einde_reden = models.CharField(max_length=30, choices=list(EINDE_LABELS.items()), blank=True)
    # Optimistic locking: a form sends back the versie it showed; a service refuses
    # to save over a newer one, so no one overwrites a colleague's change unseen.
    # The explicit maximum keeps the OpenAPI schema the same on SQLite and PostgreSQL.
    versie = models.PositiveIntegerField(default=1, validators=[MaxValueValidator(2**31 - 1)])
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    # The dates of the deadlines of regie.wet.termijnen, stored so the worklists can filter, count and
    # sort in the database (issue 10; see regie/werkvoorraad/selectors.py). Derived, never entered:
    # `save()` sets them whenever one of TERMIJN_INVOER is saved, `pip_vaststellen` after a new PIP
    # (with `dagtekening_eerste_eigen_pip`), and `manage.py termijnen_herberekenen` rebuilds them all.
    pip_termijn = models.DateField("PIP vaststellen uiterlijk", null=True, blank=True, editable=False)
    einde_termijn = models.DateField("einde inburgeringstermijn", null=True, blank=True, editable=False)
    leerroute_termijn = models.DateField(
        "leerroute wijzigen uiterlijk", null=True, blank=True, editable=False
    )
    verlenging_vanaf = models.DateField("verlenging aanvragen vanaf", null=True, blank=True, editable=False)

    # The current weekly reports' offered and unexcused hours summed over the attendance window
    # (the weeks from `afwezigheid_van` to `afwezigheid_tot`, Mondays), so the worklist's
    # attendance signal compares two columns instead of summing reports per case (issue 10).
    # Kept by regie.voortgang.afwezigheid after every report and rebuilt for the current window by
    # `manage.py rapportages_herberekenen`; the worklist uses them only when their window is
    # today's (else it sums the reports), so a window that has moved on is never wrong, only slower.
    afwezigheid_van = models.DateField(null=True, blank=True, editable=False)
    afwezigheid_tot = models.DateField(null=True, blank=True, editable=False)
    afwezigheid_uren_aangeboden = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, editable=False
    )
    afwezigheid_uren_ongeoorloofd = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, editable=False
    )
    # The day the oldest referral still waiting for the provider's answer (status verzonden) was
    # sent, so "referral not accepted" compares one column (issue 10). Kept by every save and delete
    # of a referral and rebuilt by `manage.py rapportages_herberekenen` (regie.trajecten.onbeantwoord).
    oudste_onbeantwoorde_verwijzing = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name_plural = "inburgeraars"
        ordering = ["geslachtsnaam", "voornamen"]
        indexes = [
            models.Index(fields=["gemeente", "status"]),
            models.Index(fields=["consulent", "status"]),
            models.Index(fields=["geboortedatum"]),
        ]
        constraints = [
            # BSN first: the index also serves every look-up by BSN alone.
            models.UniqueConstraint(
                fields=["bsn", "organisatie"], name="inburgeraar_bsn_uniek_per_organisatie"
            )
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        """Keeps the stored deadlines (TERMIJN_VELDEN) equal to regie.wet.termijnen: recomputed when
        the whole case is saved or a field they depend on is among `update_fields`. A saved case never
        writes ELDERS_BIJGEHOUDEN: a report or referral may have changed them since the instance was read."""
        velden = kwargs.get("update_fields")
        if velden is None and not self._state.adding and not kwargs.get("force_insert"):
            niet = {*ELDERS_BIJGEHOUDEN, *self.get_deferred_fields()}
            kwargs["update_fields"] = velden = [
                veld.attname
                for veld in self._meta.concrete_fields
                if not veld.primary_key and veld.attname not in niet
            ]
        if velden is None or TERMIJN_INVOER & set(velden):
            from regie.inburgeraars.termijnvelden import termijnvelden_zetten

            termijnvelden_zetten(self)
            if velden is not None:
                kwargs["update_fields"] = {*velden, *TERMIJN_VELDEN}
        super().save(*args, **kwargs)

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.geslachtsnaam) if p)

    @property
    def status_enum(self) -> Status:
        return Status(self.status)


class Kind(models.Model):
    """A child in the household; ages matter for VVE and childcare during the course."""

    ouder = models.ForeignKey(Inburgeraar, on_delete=models.CASCADE, related_name="kinderen")
    voornaam = models.CharField(max_length=200)
    geboortedatum = models.DateField()

    class Meta:
        verbose_name_plural = "kinderen"
        ordering = ["geboortedatum"]

    def __str__(self):
        return self.voornaam

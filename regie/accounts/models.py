from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone


class Rol(models.TextChoices):
    CONSULENT = "consulent", "Consulent"
    TEAMLEIDER = "teamleider", "Teamleider"
    BELEIDSMEDEWERKER = "beleidsmedewerker", "Beleidsmedewerker"
    FINANCIEEL_MEDEWERKER = "financieel_medewerker", "Financieel medewerker"
    AANBIEDER = "aanbieder", "Medewerker aanbieder"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer / auditor"


class User(AbstractUser):
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text="Een medewerker ziet alleen inburgeraars van de gemeenten van deze organisatie.",
    )
    gemeenten = models.ManyToManyField(
        "organisaties.Gemeente",
        blank=True,
        related_name="+",
        help_text="Leeg: alle gemeenten van de organisatie. Anders alleen deze gemeenten.",
    )
    rol = models.CharField(max_length=30, choices=Rol.choices, default=Rol.CONSULENT)
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text="Alleen voor de rol medewerker aanbieder: de aanbieder waar deze gebruiker werkt.",
    )
    # An account Regie itself works with (the DUO koppeling of an organisation, made by
    # regie.duo.inkomend.services.duo_gebruiker): nobody logs in with it and nobody changes it
    # (regie.accounts.rechten.weigering_accountbeheer). Not editable in any form.
    systeemaccount = models.BooleanField(
        default=False,
        editable=False,
        help_text="Een account waarmee Regie zelf werkt, zoals de DUO-koppeling. Niemand kan ermee inloggen.",
    )

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_teamleider(self) -> bool:
        return self.rol == Rol.TEAMLEIDER

    @property
    def kan_inloggen(self) -> bool:
        """Whether this account may log in at all (password, identity provider or API token)."""
        return self.is_active and not self.systeemaccount

    def clean(self):
        """A provider's employee (role aanbieder) works at a provider in the register of the own
        organisation; nobody else is linked to a provider."""
        super().clean()
        from django.core.exceptions import ValidationError

        if self.aanbieder_id is None:
            return
        if self.rol != Rol.AANBIEDER:
            raise ValidationError(
                {"aanbieder": "Alleen een medewerker aanbieder hoort bij een aanbieder. Maak dit veld leeg."}
            )
        if self.organisatie_id is not None and self.aanbieder.organisatie_id != self.organisatie_id:
            raise ValidationError(
                {"aanbieder": "Deze aanbieder staat niet in het register van de organisatie."}
            )


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash of the key is stored, plus a short prefix that
    lets the owner recognise it; the key itself is shown once, when it is made. It works until it
    expires (REGIE_API_TOKEN_GELDIG_DAGEN after it was made) or is revoked, whichever comes first."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    naam = models.CharField(
        max_length=100, blank=True, help_text="Waar het token voor is, bijvoorbeeld de naam van de koppeling."
    )
    prefix = models.CharField(max_length=12, help_text="Het begin van het token, om het te herkennen.")
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)
    verloopt_op = models.DateTimeField(help_text="Na dit moment werkt het token niet meer.")
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"

    def __str__(self):
        return f"{self.prefix}… ({self.naam or 'zonder naam'}, {self.user})"

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def is_verlopen(self) -> bool:
        return self.verloopt_op <= timezone.now()

    @property
    def is_actief(self) -> bool:
        return not self.is_ingetrokken and not self.is_verlopen


class Sessie(AbstractBaseSession):
    """A browser session (SESSION_ENGINE regie.accounts.sessies), with the user it belongs to, so
    that all sessions of one user can be ended at once: a new password, a new authenticator app,
    an account made inactive (regie.accounts.services.toegang_intrekken)."""

    # No database constraint: a request of a user who is being removed may still save its
    # session; Django's on_delete removes the sessions with the user all the same.
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, db_constraint=False, related_name="+"
    )

    class Meta(AbstractBaseSession.Meta):
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    @classmethod
    def get_session_store_class(cls):
        from regie.accounts.sessies import SessionStore

        return SessionStore

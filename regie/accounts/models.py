from django.contrib.auth.models import AbstractUser
from django.db import models


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

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_teamleider(self) -> bool:
        return self.rol == Rol.TEAMLEIDER

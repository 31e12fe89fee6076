from django.contrib.auth.models import AbstractUser
from django.db import models


class Rol(models.TextChoices):
    CONSULENT = "consulent", "Consulent"
    TEAMLEIDER = "teamleider", "Teamleider"


class User(AbstractUser):
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text="Een medewerker ziet alleen inburgeraars van de gemeenten van deze organisatie.",
    )
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.CONSULENT)

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_teamleider(self) -> bool:
        return self.rol == Rol.TEAMLEIDER

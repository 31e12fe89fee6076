from django.conf import settings
from django.db import models
from django_tasks_db.models import DBTaskResult


class HerhaaldeTaak(models.Model):
    """A failed background task that someone enqueued again. The failed row of
    django_tasks_db stays as history; this links it to the new row."""

    origineel_id = models.UUIDField("oorspronkelijke taak", db_index=True)
    nieuw_id = models.UUIDField("nieuwe taak", unique=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opnieuw geprobeerde taak"
        verbose_name_plural = "opnieuw geprobeerde taken"
        ordering = ["-op"]

    def __str__(self):
        return f"{self.origineel_id} → {self.nieuw_id}"


class TaakOrganisatie(models.Model):
    """The organisation a background task works for, recorded when it is enqueued (in the same
    transaction as the task row: regie.taken.organisatie). A task without one works for the whole
    installation. Removed with the task row (prune_db_task_results)."""

    taak = models.OneToOneField(
        DBTaskResult, on_delete=models.CASCADE, primary_key=True, related_name="regie_organisatie"
    )
    organisatie = models.ForeignKey("organisaties.Organisatie", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "organisatie van een taak"
        verbose_name_plural = "organisaties van taken"

    def __str__(self):
        return f"{self.taak_id} → {self.organisatie_id}"

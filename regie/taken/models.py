from django.conf import settings
from django.db import models


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

"""Trying a failed background task again."""

import dataclasses
from uuid import UUID

from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from regie.accounts.rechten import Recht, heeft_recht
from regie.taken.models import HerhaaldeTaak


@transaction.atomic
def opnieuw_proberen(*, taak_id, door) -> HerhaaldeTaak:
    """Enqueue a failed task again with the same arguments, to run now. The failed row stays
    as history; a `HerhaaldeTaak` links it to the new one. A task can be retried once from a
    row: try the new row again if that fails too."""
    if not heeft_recht(door, Recht.ACHTERGRONDTAKEN):
        raise ValidationError({"taak": ["U mag achtergrondtaken niet opnieuw laten proberen."]})
    try:
        rij = DBTaskResult.objects.select_for_update().get(id=UUID(str(taak_id)))
    except (DBTaskResult.DoesNotExist, ValueError, TypeError, AttributeError) as exc:
        raise ValidationError({"taak": ["Deze taak bestaat niet (meer)."]}) from exc
    if rij.status != "FAILED":
        raise ValidationError({"taak": ["Alleen een mislukte taak kunt u opnieuw laten proberen."]})
    eerder = HerhaaldeTaak.objects.filter(origineel_id=rij.id).first()
    if eerder is not None:
        raise ValidationError(
            {
                "taak": [
                    f"Deze taak is al opnieuw geprobeerd (nieuwe taak {eerder.nieuw_id}). Probeer die opnieuw."
                ]
            }
        )
    try:
        taak = rij.task
    except (ImportError, SuspiciousOperation) as exc:
        raise ValidationError(
            {"taak": ["Deze taak bestaat niet meer in deze versie van Regie; opnieuw proberen kan niet."]}
        ) from exc
    taak = dataclasses.replace(taak, run_after=None)  # now, not at the old moment
    nieuw = taak.enqueue(*rij.args_kwargs.get("args", []), **rij.args_kwargs.get("kwargs", {}))
    return HerhaaldeTaak.objects.create(origineel_id=rij.id, nieuw_id=UUID(str(nieuw.id)), door=door)

"""Trying a failed background task again."""

import dataclasses
from uuid import UUID

from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction

from regie.accounts.rechten import Recht, heeft_recht
from regie.taken.models import HerhaaldeTaak, TaakOrganisatie
from regie.taken.selectors import taak_voor, taken_voor


def opnieuw_proberen(*, taak_id, door) -> HerhaaldeTaak:
    """Enqueue a failed task again with the same arguments, to run now. The failed row stays
    as history; a `HerhaaldeTaak` links it to the new one. A task can be retried once from a
    row: try the new row again if that fails too. Only a task `door` may see (the own
    organisation's): any other id is a 404, logged, before anything else happens. The new task
    belongs to the same organisation as the failed one."""
    if not heeft_recht(door, Recht.ACHTERGRONDTAKEN):
        raise ValidationError({"taak": ["U mag achtergrondtaken niet opnieuw laten proberen."]})
    taak_voor(door, taak_id)  # outside the transaction, so the logged refusal stays
    with transaction.atomic():
        rij = taken_voor(door).select_for_update(of=("self",)).get(id=UUID(str(taak_id)))
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
        nieuw_id = UUID(str(nieuw.id))
        organisatie = (
            TaakOrganisatie.objects.filter(taak_id=rij.id).values_list("organisatie_id", flat=True).first()
        )
        TaakOrganisatie.objects.filter(taak_id=nieuw_id).delete()
        if organisatie is not None:
            TaakOrganisatie.objects.create(taak_id=nieuw_id, organisatie_id=organisatie)
        return HerhaaldeTaak.objects.create(origineel_id=rij.id, nieuw_id=nieuw_id, door=door)

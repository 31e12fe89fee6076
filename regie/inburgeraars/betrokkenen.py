"""The persons of the processing log are the cases (REGIE_VERWERKINGSLOG_PERSONEN): how the log
finds their uuid and municipality, and the case an address names (regie.verwerkingslog.personen)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from regie.inburgeraars.models import Inburgeraar

_VELDEN = ("pk", "uuid", "gemeente_id")


def aanvullen(ids: list[int]) -> dict[int, tuple]:
    return {
        pk: (uuid, gemeente_id)
        for pk, uuid, gemeente_id in Inburgeraar.objects.filter(pk__in=ids).values_list(*_VELDEN)
    }


def op_uuid(uuid):
    try:
        gevonden = (
            Inburgeraar.objects.filter(uuid=uuid).values_list(*_VELDEN, "gemeente__organisatie_id").first()
        )
    except (ValueError, TypeError, ValidationError):
        return None
    return None if gevonden is None else (gevonden[:3], gevonden[3])


def uit_adres(uuid, *, huishouden: bool) -> list[tuple]:
    if not huishouden:
        return list(Inburgeraar.objects.filter(uuid=uuid).values_list(*_VELDEN)[:1])
    hoofd = list(Inburgeraar.objects.filter(uuid=uuid).values_list(*_VELDEN, "partner_id")[:1])
    if not hoofd:
        return []
    pk, uuid, gemeente_id, partner_id = hoofd[0]
    anderen = Inburgeraar.objects.filter(Q(pk=partner_id) | Q(partner_id=pk)).exclude(pk=pk)
    return [(pk, uuid, gemeente_id), *anderen.order_by("pk").values_list(*_VELDEN)]

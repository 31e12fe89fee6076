"""The answer to an access request (AVG art. 15): every processing-log entry about one
person and all personal data Regie holds about them, as JSON and as a readable PDF.

The personal data is gathered from the case and every model that refers to it (found
through the model's relations, so a new kind of data is never left out), one level deeper
for what hangs under those (the diplomas of the brede intake).
"""

import json
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from regie.accounts.models import Rol
from regie.verwerkingslog.models import Verwerking

# Technical fields that say nothing about the person.
_OVERSLAAN = {"versie"}


def _waarde(instance, veld: models.Field):
    if veld.choices:
        waarde = getattr(instance, veld.attname)
        return (
            {"waarde": waarde, "betekenis": str(dict(veld.flatchoices).get(waarde, waarde))}
            if waarde
            else waarde
        )
    if isinstance(veld, models.ForeignKey):
        gekoppeld_id = getattr(instance, veld.attname)
        if gekoppeld_id is None:
            return None
        return str(getattr(instance, veld.name))  # a user, municipality or partner: by name
    waarde = getattr(instance, veld.attname)
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).isoformat(timespec="seconds")
    if isinstance(waarde, date | Decimal):
        return str(waarde)
    return waarde


def _label(veld: models.Field) -> str:
    return str(veld.verbose_name)


def gegevens_van(instance, *, zonder: tuple[str, ...] = ()) -> dict:
    """{label: value} of every concrete field, except the internal keys."""
    uit = {}
    for veld in instance._meta.concrete_fields:
        if veld.primary_key or veld.name in _OVERSLAAN or veld.name in zonder:
            continue
        uit[_label(veld)] = _waarde(instance, veld)
    return uit


def _gerelateerd(instance, diepte: int) -> dict:
    """{name of the kind: [records]} of everything that refers to `instance`."""
    uit = {}
    for relatie in instance._meta.related_objects:
        if relatie.hidden or relatie.many_to_many:
            continue
        naam = str(relatie.related_model._meta.verbose_name_plural)
        terug = relatie.field.name
        if relatie.one_to_one:
            try:
                objecten = [getattr(instance, relatie.get_accessor_name())]
            except ObjectDoesNotExist:
                objecten = []
        else:
            objecten = list(getattr(instance, relatie.get_accessor_name()).all().order_by("pk"))
        records = []
        for obj in objecten:
            record = gegevens_van(obj, zonder=(terug,))
            if diepte > 0:
                record.update(_gerelateerd(obj, diepte - 1))
            records.append(record)
        uit[naam] = records
    return uit


def rol_naam(rol: str) -> str:
    """The role of an entry as users read it (the value is stored: labels may change)."""
    return Rol(rol).label if rol in Rol.values else rol


def verwerking_als_dict(v: Verwerking) -> dict:
    return {
        "id": str(v.uuid),
        "trace_id": v.trace_id,
        "tijdstip": timezone.localtime(v.tijdstip).isoformat(timespec="seconds"),
        "gebruiker": v.gebruikersnaam or None,
        "rol": v.rol or None,
        "rol_betekenis": rol_naam(v.rol) or None,
        "namens_organisatie": v.namens_organisatie or None,
        "actie": v.actie,
        "actie_betekenis": v.get_actie_display(),
        "kanaal": v.kanaal,
        "handeling": v.handeling,
        "onderdeel": v.onderdeel,
        "object_id": v.object_id or None,
        "velden": v.velden,
        "doel": v.doel,
        "grondslag": v.grondslag,
        "ip_adres": v.ip_adres,
        "resultaat": v.resultaat,
        "reden": v.reden or None,
    }


def inzage(persoon, verwerkingen, *, door, reden: str) -> dict:
    """Everything for the access request of `persoon` (selectors.Persoon); `reden` is why the
    privacy officer made it (e.g. the data subject's letter), as they wrote it."""
    gegevens = None
    if persoon.inburgeraar is not None:
        gegevens = {"inburgeraar": gegevens_van(persoon.inburgeraar), **_gerelateerd(persoon.inburgeraar, 1)}
    return {
        "inzageverzoek": {
            "grondslag": "AVG art. 15 (recht van inzage)",
            "gemaakt_op": timezone.localtime().isoformat(timespec="seconds"),
            "gemaakt_door": str(door),
            "reden": reden,
            "organisatie": str(door.organisatie) if door.organisatie_id else None,
        },
        "betrokkene": {
            "intern_id": persoon.inburgeraar_id,
            "uuid": str(persoon.uuid) if persoon.uuid else None,
        },
        "persoonsgegevens": gegevens,
        "verwerkingen": [verwerking_als_dict(v) for v in verwerkingen],
    }


def als_json(inhoud: dict) -> bytes:
    return json.dumps(inhoud, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")

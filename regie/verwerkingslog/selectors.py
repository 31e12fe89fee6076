"""Reading the processing log, always scoped to the auditor's own organisation."""

import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from regie.verwerkingslog.models import Betrokkene, Verwerking


def verwerkingen_voor(user) -> QuerySet[Verwerking]:
    """The entries written while acting for the user's organisation (none without one)."""
    if not user.is_authenticated or user.organisatie_id is None:
        return Verwerking.objects.none()
    return Verwerking.objects.filter(namens_organisatie_id=user.organisatie_id)


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def zoek_verwerkingen(
    user,
    *,
    persoon_id: int | None = None,
    persoon_uuid: uuid_module.UUID | None = None,
    gebruiker: str = "",
    van: date | None = None,
    tot: date | None = None,
    actie: str = "",
    trace_id: str = "",
) -> QuerySet[Verwerking]:
    """Search by person (internal id or uuid), user name, period (both days included),
    action and trace id. Newest first."""
    qs = verwerkingen_voor(user)
    if persoon_id is not None:
        qs = qs.filter(betrokkenen__inburgeraar_id=persoon_id)
    if persoon_uuid is not None:
        qs = qs.filter(betrokkenen__inburgeraar_uuid=persoon_uuid)
    if gebruiker:
        qs = qs.filter(gebruikersnaam__iexact=gebruiker.strip())
    if van:
        qs = qs.filter(tijdstip__gte=_begin_van(van))
    if tot:
        qs = qs.filter(tijdstip__lt=_begin_van(tot + timedelta(days=1)))
    if actie:
        qs = qs.filter(actie=actie)
    if trace_id:
        qs = qs.filter(trace_id=trace_id.strip().lower())
    return qs.order_by("-tijdstip", "-id")


def verwerking_voor(user, uuid) -> Verwerking:
    try:
        return verwerkingen_voor(user).get(uuid=uuid)
    except (Verwerking.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(
            "Deze regel van het verwerkingslog bestaat niet of hoort niet bij uw organisatie."
        ) from exc


def _inburgeraars_van_organisatie(user):
    from regie.inburgeraars.models import Inburgeraar

    if not user.is_authenticated or user.organisatie_id is None:
        return Inburgeraar.objects.none()
    # Not through inburgeraars_voor: the auditor's role reads no case content; this only
    # finds out who a person is, to search the log and answer an access request.
    return Inburgeraar.objects.filter(gemeente__organisatie_id=user.organisatie_id)


def inburgeraar_id_voor_bsn(user, bsn: str) -> int | None:
    """The internal id of the organisation's case with this BSN (the BSN itself is not kept)."""
    return _inburgeraars_van_organisatie(user).filter(bsn=bsn.strip()).values_list("pk", flat=True).first()


def inburgeraar_id_voor_uuid(user, uuid) -> int | None:
    gevonden = _inburgeraars_van_organisatie(user).filter(uuid=uuid).values_list("pk", flat=True).first()
    if gevonden is not None:
        return gevonden
    return (
        Betrokkene.objects.filter(
            inburgeraar_uuid=uuid, verwerking__namens_organisatie_id=user.organisatie_id
        )
        .values_list("inburgeraar_id", flat=True)
        .first()
    )


@dataclass
class Persoon:
    """A data subject as the auditor may know it: internal id, uuid, and the case if Regie
    still holds it (None after the retention period)."""

    inburgeraar_id: int
    uuid: uuid_module.UUID | None
    inburgeraar: object | None


def persoon_voor(user, inburgeraar_id: int) -> Persoon:
    """404 unless the person is a case of the user's organisation, or (case removed) appears
    in its processing log."""
    inburgeraar = _inburgeraars_van_organisatie(user).filter(pk=inburgeraar_id).first()
    if inburgeraar is not None:
        return Persoon(inburgeraar.pk, inburgeraar.uuid, inburgeraar)
    betrokkene = (
        Betrokkene.objects.filter(
            inburgeraar_id=inburgeraar_id, verwerking__namens_organisatie_id=user.organisatie_id
        )
        .order_by("-id")
        .first()
    )
    if betrokkene is None:
        raise Http404("Over deze persoon staat niets in het verwerkingslog van uw organisatie.")
    return Persoon(inburgeraar_id, betrokkene.inburgeraar_uuid, None)

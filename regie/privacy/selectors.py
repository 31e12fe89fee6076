"""Reading the processing log, always scoped to the auditor's own organisation, and within it to
the municipalities of `User.gemeenten` when that is set (a privacy officer of one municipality of
a shared service).

An organisation's log holds the entries written while acting for it, and the copies of refused
attempts on its cases by users of another organisation (`betreft_organisatie_id`); the acting
organisation's own entry of such an attempt does not name the person.

Limited to some municipalities: entries about persons of those municipalities (the municipality
the case had when the entry was written; for entries from before that was kept, the case's
municipality now), and entries about no person by users who work for one of them (or for all).
"""

import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from regie.verwerkingslog.models import LOG_ORGANISATIE, Betrokkene, InburgeraarUuid, Verwerking


def _gemeente_beperking(user) -> list[int] | None:
    """None: the user works for every municipality of the organisation; else only for these."""
    from regie.accounts.models import User

    rijen = list(
        User.gemeenten.through.objects.filter(user_id=user.pk).values_list(
            "gemeente_id", "gemeente__organisatie_id"
        )
    )
    if not rijen:
        return None
    return [gemeente_id for gemeente_id, organisatie_id in rijen if organisatie_id == user.organisatie_id]


def _in_gemeenten(gemeenten: list[int]) -> Q:
    """A Betrokkene of one of these municipalities (then, or now for entries without it)."""
    from regie.inburgeraars.models import Inburgeraar

    return Q(gemeente_id__in=gemeenten) | Q(
        gemeente_id__isnull=True,
        inburgeraar_id__in=Inburgeraar.objects.filter(gemeente_id__in=gemeenten).values("pk"),
    )


def verwerkingen_voor(user) -> QuerySet[Verwerking]:
    """The entries of the user's organisation's log (none without one), within `User.gemeenten`."""
    if not user.is_authenticated or user.organisatie_id is None:
        return Verwerking.objects.none()
    # The expression of the indexes on Verwerking, so each search reads one of them.
    qs = Verwerking.objects.alias(log_organisatie=LOG_ORGANISATIE).filter(log_organisatie=user.organisatie_id)
    gemeenten = _gemeente_beperking(user)
    if gemeenten is None:
        return qs
    from regie.accounts.models import User

    beperking = User.gemeenten.through.objects.filter(user_id=OuterRef("gebruiker_id"))
    over_hun_personen = Exists(
        Betrokkene.objects.filter(_in_gemeenten(gemeenten), verwerking_id=OuterRef("pk"))
    )
    zonder_personen = ~Exists(Betrokkene.objects.filter(verwerking_id=OuterRef("pk")))
    door_hun_medewerkers = (
        Q(gebruiker__isnull=True) | ~Exists(beperking) | Exists(beperking.filter(gemeente_id__in=gemeenten))
    )
    return qs.filter(over_hun_personen | (zonder_personen & door_hun_medewerkers))


def zichtbare_betrokkenen(user) -> QuerySet[Betrokkene]:
    """The persons of an entry the user may see named (within `User.gemeenten`)."""
    gemeenten = _gemeente_beperking(user)
    if gemeenten is None:
        return Betrokkene.objects.all()
    return Betrokkene.objects.filter(_in_gemeenten(gemeenten))


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
        qs = qs.filter(betrokkenen__inburgeraar_id__in=_ids_voor_uuid(persoon_uuid))
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
    from regie.inburgeraars.selectors import gemeenten_voor

    if not user.is_authenticated or user.organisatie_id is None:
        return Inburgeraar.objects.none()
    # Not through inburgeraars_voor: the auditor's role reads no case content; this only
    # finds out who a person is, to search the log and answer an access request.
    return Inburgeraar.objects.filter(gemeente__in=gemeenten_voor(user))


def _betrokkenen_in_log(user):
    """The persons named in the user's log, as far as the user may see them named."""
    return zichtbare_betrokkenen(user).filter(verwerking__in=verwerkingen_voor(user))


def inburgeraar_id_voor_bsn(user, bsn: str) -> int | None:
    """The internal id of the organisation's case with this BSN (the BSN itself is not kept)."""
    return _inburgeraars_van_organisatie(user).filter(bsn=bsn.strip()).values_list("pk", flat=True).first()


def _ids_voor_uuid(uuid) -> QuerySet:
    return InburgeraarUuid.objects.filter(uuid=uuid).values("inburgeraar_id")


def uuids_van(inburgeraar_ids) -> dict[int, uuid_module.UUID]:
    """{internal id: uuid} of persons named in the log (one query)."""
    return dict(
        InburgeraarUuid.objects.filter(inburgeraar_id__in=list(inburgeraar_ids)).values_list(
            "inburgeraar_id", "uuid"
        )
    )


def inburgeraar_id_voor_uuid(user, uuid) -> int | None:
    gevonden = _inburgeraars_van_organisatie(user).filter(uuid=uuid).values_list("pk", flat=True).first()
    if gevonden is not None:
        return gevonden
    return (
        _betrokkenen_in_log(user)
        .filter(inburgeraar_id__in=_ids_voor_uuid(uuid))
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
    """404 unless the person is a case of the user's organisation (within `User.gemeenten`), or
    (case removed) appears in its processing log."""
    inburgeraar = _inburgeraars_van_organisatie(user).filter(pk=inburgeraar_id).first()
    if inburgeraar is not None:
        return Persoon(inburgeraar.pk, inburgeraar.uuid, inburgeraar)
    if not _betrokkenen_in_log(user).filter(inburgeraar_id=inburgeraar_id).exists():
        raise Http404("Over deze persoon staat niets in het verwerkingslog van uw organisatie.")
    return Persoon(inburgeraar_id, uuids_van([inburgeraar_id]).get(inburgeraar_id), None)

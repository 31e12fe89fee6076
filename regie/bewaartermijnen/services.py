"""Removing a case whose retention period is over, with its processing-log entry."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from regie.bewaartermijnen.selectors import bewaartermijn_jaren, bewaren_tot, verlopen_dossiers
from regie.inburgeraars.status import Status
from regie.verwerkingslog import log


@dataclass(frozen=True)
class Vernietigd:
    """What remains known of a removed case: no BSN, no name."""

    inburgeraar_id: int
    uuid: str
    gemeente: str
    status: str
    gesloten_op: datetime.date
    bewaren_tot: datetime.date


def reden(inburgeraar) -> str:
    """Why the case goes, in the words the processing log and the command print."""
    gesloten_op = timezone.localdate(inburgeraar.gesloten_op)
    tot = bewaren_tot(inburgeraar.gesloten_op, inburgeraar.status)
    return (
        f"Bewaartermijn verlopen: dossier {Status(inburgeraar.status).label.lower()} op "
        f"{gesloten_op:%d-%m-%Y}, bewaartermijn {bewaartermijn_jaren(inburgeraar.status)} jaar, "
        f"bewaard tot en met {tot:%d-%m-%Y}"
    )


@transaction.atomic
def dossier_vernietigen(*, inburgeraar_id: int, peildatum: datetime.date, door=None) -> Vernietigd | None:
    """Remove one case if it is (still) past retention on `peildatum`; None if not.

    The case is locked and checked again inside the transaction, so a case reopened in
    the meantime stays. Its intake, diplomas, appointments, children, PIPs and timeline go
    with it (on_delete=CASCADE); the processing-log entry, written first in the same
    transaction, stays: it refers to the person only by internal id and uuid.
    """
    inburgeraar = (
        verlopen_dossiers(peildatum=peildatum)
        .select_for_update(of=("self",))
        .filter(pk=inburgeraar_id)
        .first()
    )
    if inburgeraar is None:
        return None
    vernietigd = Vernietigd(
        inburgeraar_id=inburgeraar.pk,
        uuid=str(inburgeraar.uuid),
        gemeente=f"{inburgeraar.gemeente.naam} ({inburgeraar.gemeente.cbs_code})",
        status=inburgeraar.status,
        gesloten_op=timezone.localdate(inburgeraar.gesloten_op),
        bewaren_tot=bewaren_tot(inburgeraar.gesloten_op, inburgeraar.status),
    )
    log.dossier_verwijderd(
        inburgeraar_id=inburgeraar.pk,
        inburgeraar_uuid=inburgeraar.uuid,
        reden=reden(inburgeraar),
        door=door,
        organisatie=inburgeraar.gemeente.organisatie,
    )
    inburgeraar.delete()
    return vernietigd

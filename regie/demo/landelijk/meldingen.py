"""DUO notices for the template's cases, so the copies have a DUO-meldingen list to show.

The demo itself has none (its DUO notices arrive live from the simulator in `make run`). Every case
got DUO's SS101 ("Persoon is inburgeringsplichtig") on the day of the melding; a case still without
a PIP 10 weeks later got SS126, a signal for the consultant that stays open.
"""

from datetime import datetime, time, timedelta

from django.conf import settings

from regie.demo.generator import TZ
from regie.duo.inkomend.gebeurtenissen import SIGNALEN
from regie.duo.inkomend.models import Notificatie
from regie.duo.inkomend.models import Status as MeldingStatus
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import Status

TIEN_WEKEN = timedelta(weeks=10)
ZONDER_PIP = (Status.AANGEMELD, Status.BREDE_INTAKE)


def duo_meldingen_maken(*, vandaag) -> int:
    nu = datetime.combine(vandaag, time(0), tzinfo=TZ)
    meldingen = []
    for inburgeraar in Inburgeraar.objects.select_related("gemeente").order_by("id"):
        melding = datetime.combine(inburgeraar.datum_melding_duo, time(6, 0), tzinfo=TZ)
        meldingen.append(
            _melding(inburgeraar, "SS101", melding, "Dossier bijgewerkt met de gegevens van DUO.")
        )
        signaal = melding + TIEN_WEKEN
        if inburgeraar.status in ZONDER_PIP and signaal < nu:
            meldingen.append(_melding(inburgeraar, "SS126", signaal, SIGNALEN["SS126"], signaal=True))
    Notificatie.objects.bulk_create(meldingen)
    # auto_now_add stamped them with the current time: back to the moment DUO sent them.
    for n in meldingen:
        n.ontvangen_op = n.registratie_datum_tijd + timedelta(minutes=1)
    Notificatie.objects.bulk_update(meldingen, ["ontvangen_op"], batch_size=1000)
    return len(meldingen)


def _melding(inburgeraar, soort, op, effect, *, signaal=False) -> Notificatie:
    return Notificatie(
        bericht_id=f"landelijk-{inburgeraar.pk}-{soort}",
        bron=settings.DUO_OIN,
        doel=inburgeraar.gemeente.oin,
        gemeente=inburgeraar.gemeente,
        bsn=inburgeraar.bsn,
        gebeurtenis_id=soort,
        registratie_datum_tijd=op,
        status=MeldingStatus.VERWERKT,
        effect=effect,
        signaal=signaal,
        inburgeraar=inburgeraar,
        verwerkt_op=op + timedelta(minutes=1, seconds=2),
    )

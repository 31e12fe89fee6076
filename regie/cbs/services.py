"""Making a delivery to CBS: check, write the file, validate it against the schema, keep it."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.cbs.controle import controleren
from regie.cbs.definitie import DEFINITIE, schema_fouten
from regie.cbs.kwartaal import Kwartaal, leverbaar
from regie.cbs.models import Levering
from regie.cbs.selectors import Berichtgever, eerdere_leveringen
from regie.klok import vandaag
from regie.verwerkingslog import log as verwerkingslog


def levering_maken(
    *, door, berichtgever: Berichtgever, kwartaal: Kwartaal, onvolledig_weglaten: bool = False, op=None
) -> Levering:
    """Make and keep the file of `berichtgever` over `kwartaal`.

    Refused (nothing kept) for a quarter that is not over, and while mandatory items are missing,
    unless `onvolledig_weglaten`: then those persons are left out of this file (counted in it; they
    go with the next quarter's file, or a correction of this one once complete). A second file for
    the same berichtgever and quarter is a correction of the latest one. `op`: the moment of making
    (the demo's planned moments); now by default.
    """
    dag = timezone.localdate(op) if op else vandaag()
    op = op or timezone.now()
    if reden := leverbaar(kwartaal, dag):
        raise ValidationError(reden, code="kwartaal")
    controle = controleren(berichtgever, kwartaal)
    if controle.meldingen and not onvolledig_weglaten:
        aantal = len(controle.meldingen)
        raise ValidationError(
            f"Bij {aantal} {'persoon' if aantal == 1 else 'personen'} ontbreken verplichte gegevens. Vul ze"
            " eerst aan in het dossier, of kies ervoor deze personen nu weg te laten.",
            code="onvolledig",
        )
    geleverd = controle.compleet
    with transaction.atomic():
        vorige = eerdere_leveringen(berichtgever, kwartaal).order_by("-gemaakt_op", "-id").first()
        kop = DEFINITIE.Kop(
            berichtgever=berichtgever.naam,
            gemeentecodes=berichtgever.gemeentecodes,
            kwartaal=kwartaal,
            aangemaakt_op=timezone.localtime(op),
            correctie=vorige is not None,
            vervangt=vorige.sha256 if vorige else "",
        )
        inhoud = DEFINITIE.bestand(kop, [DEFINITIE.record(p, kwartaal) for p in geleverd])
        if fouten := schema_fouten(inhoud):  # a fault in the definition itself: never deliver it
            raise ValidationError(
                "Het bestand klopt niet met het schema; er is niets geleverd. " + " ".join(fouten[:3]),
                code="schema",
            )
        levering = Levering.objects.create(
            organisatie=berichtgever.organisatie,
            gemeente=berichtgever.gemeente,
            berichtgever=berichtgever.naam,
            gemeentecodes=",".join(berichtgever.gemeentecodes),
            jaar=kwartaal.jaar,
            kwartaal=kwartaal.nummer,
            definitie=DEFINITIE.VERSIE,
            correctie=vorige is not None,
            vervangt=vorige,
            bestand=inhoud,
            bestandsnaam=(
                f"{DEFINITIE.VERSIE}-{berichtgever.sleutel}-{kwartaal}{'-correctie' if vorige else ''}"
                f"-{timezone.localtime(op):%Y%m%d%H%M%S}.xml"
            ),
            sha256=hashlib.sha256(inhoud).hexdigest(),
            aantal_records=len(geleverd),
            aantal_uitgesloten=len(controle.meldingen),
            inburgeraars=[p.id for p in geleverd],
            gemaakt_door=door,
            gemaakt_op=op,
        )
        verwerkingslog.cbs_levering(
            inburgeraars=[(p.id, p.uuid) for p in geleverd],
            door=door,
            handeling="cbs_levering_gemaakt",
            object_id=str(levering.uuid),
            reden=f"{levering} ({levering.aantal_records} personen)",
        )
    return levering


def levering_gedownload(*, door, levering: Levering) -> None:
    """Every download of a file is written to the processing log, with the persons in it."""
    from regie.inburgeraars.models import Inburgeraar

    personen = list(
        Inburgeraar.objects.filter(pk__in=levering.inburgeraars).values_list("pk", "uuid", "gemeente_id")
    )
    verwerkingslog.cbs_levering(
        inburgeraars=personen,
        door=door,
        handeling="cbs_levering_gedownload",
        object_id=str(levering.uuid),
        reden=f"{levering} gedownload",
    )

"""Receiving, processing and handling DUO's notices.

`notificatie_ontvangen` stores a notice and enqueues its processing in the same transaction, so
a stored notice is always processed (also after a restart) and a refused one leaves nothing.
`verwerk` (run by the task `verwerk_notificatie`) looks up what the notice points to and hands it
to the event's handler (regie.duo.inkomend.gebeurtenissen). DUO unreachable: the notice stays
'ontvangen' and is tried again later with back-off; anything Regie cannot decide: 'geparkeerd'
with a Dutch reason, for a person to handle on the page "DUO-meldingen".
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from regie.accounts.models import Rol, User
from regie.duo import wachttijden
from regie.duo.client import DuoAfwijzing, DuoConfiguratieFout, DuoStoring
from regie.duo.codes import Opzoeker
from regie.duo.inkomend.gebeurtenissen import GEBEURTENISSEN, Parkeren, Verwerking
from regie.duo.inkomend.models import DuoStand, GeweigerdeMelding, Notificatie, Status
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.models import Inburgeraar
from regie.organisaties.models import Gemeente
from regie.taken.organisatie import voor_organisatie
from regie.verwerkingslog.context import systeemcontext

# The loggers keep the names they had before the code moved into regie/duo: log shippers route on them.
logger = logging.getLogger("regie.notificaties")
# Refused requests to the notice endpoint, under the endpoint's name so a log shipper can route
# them to the security log.
beveiligingslog = logging.getLogger("regie.notificaties.ontvangst")


def duo_gebruiker(organisatie) -> User:
    """The account in whose name DUO's notices change cases of `organisatie` (timeline, processing
    log). It cannot log in (inactive, no password) and has the team lead's role so that a case it
    registers gets no vaste consulent: the team lead assigns one."""
    gebruiker, gemaakt = User.objects.get_or_create(
        username=f"duo-koppeling-{organisatie.pk}",
        defaults={
            "first_name": "DUO",
            "last_name": "(koppeling)",
            "organisatie": organisatie,
            "rol": Rol.TEAMLEIDER,
            "is_active": False,
            "systeemaccount": True,
        },
    )
    if gemaakt:
        gebruiker.set_unusable_password()
        gebruiker.save(update_fields=["password"])
    return gebruiker


# --- Receiving ------------------------------------------------------------------------------------


def notificatie_ontvangen(
    *, bericht_id: str, bron: str, doel: str, gemeente, body: dict
) -> tuple[Notificatie, bool]:
    """Store a checked notice and enqueue its processing. A berichtId seen before: the stored
    notice and False, nothing new. No look-up first: the unique berichtId refuses a repeat in the
    INSERT itself, a query less for every new notice."""
    try:
        with transaction.atomic(), voor_organisatie(gemeente.organisatie_id):
            notificatie = Notificatie.objects.create(
                bericht_id=bericht_id,
                bron=bron,
                doel=doel,
                gemeente=gemeente,
                bsn=body.get("bsn") or "",
                v_nummer=body.get("vNummer"),
                gebeurtenis_id=body["gebeurtenisId"],
                registratie_datum_tijd=_tijdstip(body["registratieDatumTijd"]),
            )
            verwerk_notificatie.enqueue(notificatie.pk)
    except IntegrityError:  # a repeat, also one at the same moment from a second connection
        return Notificatie.objects.get(bericht_id=bericht_id), False
    return notificatie, True


def melding_geweigerd(
    *, status: int, reden: str, ip_adres: str | None, bron: str, doel: str, bericht_id: str
):
    """Record a request the endpoint refused (GeweigerdeMelding: what the functioneel beheerder
    sees in Beheer) and write a security log line. The headers are what the sender claimed,
    cut to the field lengths; `doel` names the municipality whose beheerder sees it."""
    gemeente = Gemeente.objects.filter(oin=doel).first() if len(doel) == 20 and doel.isdigit() else None
    geweigerd = GeweigerdeMelding.objects.create(
        status=status,
        reden=reden[:200],
        ip_adres=ip_adres,
        bron=bron[:40],
        doel=doel[:40],
        bericht_id=bericht_id[:64],
        gemeente=gemeente,
    )
    beveiligingslog.warning(
        "DUO-melding geweigerd (%s) van %s, doel %r, berichtId %r: %s",
        status,
        ip_adres or "onbekend adres",
        geweigerd.doel,
        geweigerd.bericht_id,
        reden,
    )
    return geweigerd


def _tijdstip(tekst: str) -> datetime:
    moment = datetime.fromisoformat(tekst.replace("Z", "+00:00"))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


# --- Processing -----------------------------------------------------------------------------------


@task(queue_name="duo", takes_context=True)
def verwerk_notificatie(context, notificatie_id: int) -> str:
    """Process this notice, and with it a batch of other notices that wait in the queue
    (regie.duo.inkomend.batch); safe to run twice (a processed notice is left alone)."""
    from regie.duo.inkomend.batch import verwerk_batch

    worker_ids = context.task_result.worker_ids
    with systeemcontext():
        return verwerk_batch(notificatie_id, worker_id=worker_ids[-1] if worker_ids else "")


def verwerk(notificatie: Notificatie, *, client=None, voorraad=None) -> Notificatie:
    """Process one notice. `voorraad` (a batch's regie.duo.inkomend.batch.Voorraad): what the
    batch has read and looked up already, with the cases locked."""
    if notificatie.status != Status.ONTVANGEN:
        return notificatie
    reden = niet_te_verwerken(notificatie)
    if reden:
        return _parkeer(notificatie, reden)
    gebeurtenis = GEBEURTENISSEN[notificatie.gebeurtenis_id]
    inburgeraar = voorraad.inburgeraar(notificatie) if voorraad else zoek_dossier(notificatie)
    if inburgeraar is None:
        if gebeurtenis.nieuwe_plicht:
            return _parkeer(
                notificatie,
                "Nieuwe inburgeringsplichtige: deze persoon staat nog niet in Regie. DUO geeft geen naam of"
                " geboortedatum door. Registreer de inburgeraar met de gegevens uit de BRP en kies daarna"
                " 'Opnieuw verwerken'.",
            )
        return _parkeer(
            notificatie,
            "Er staat geen inburgeraar met dit BSN in Regie. Zoek uit om wie het gaat, registreer of koppel"
            " het dossier en kies daarna 'Opnieuw verwerken'.",
        )
    return _verwerk_voor(notificatie, inburgeraar, client=client, voorraad=voorraad)


def niet_te_verwerken(notificatie: Notificatie) -> str | None:
    """Why Regie cannot process this notice whoever it is about (Dutch), or None."""
    if notificatie.gebeurtenis_id not in GEBEURTENISSEN:
        return (
            f"Regie kent de gebeurtenis {notificatie.gebeurtenis_id} niet. De melding is bewaard; bekijk bij DUO"
            " wat er is gebeurd en werk het dossier zelf bij."
        )
    if not notificatie.bsn:
        return "De melding heeft geen BSN, dus Regie weet niet om wie het gaat."
    return None


def zoek_dossier(notificatie: Notificatie) -> Inburgeraar | None:
    # Only the cases of the organisation DUO addressed: a BSN that lives in another organisation
    # is unknown here, with the same reason as any unknown BSN (no one learns it exists there).
    return (
        Inburgeraar.objects.select_related("gemeente")
        .filter(bsn=notificatie.bsn, organisatie_id=notificatie.gemeente.organisatie_id)
        .first()
    )


def niet_voor_dit_dossier(notificatie: Notificatie, inburgeraar: Inburgeraar) -> tuple[str, bool] | None:
    """Why the notice cannot change this case (Dutch), and whether the notice is still linked to
    it; None when it can. Checked before anything is looked up at DUO."""
    if inburgeraar.gemeente.organisatie_id != notificatie.gemeente.organisatie_id:
        return (
            "Deze persoon staat in Regie bij een gemeente van een andere organisatie. Regie verwerkt de"
            " melding daarom niet; neem contact op met DUO of met die gemeente.",
            False,
        )
    if (
        inburgeraar.gemeente_id != notificatie.gemeente_id
        and not GEBEURTENISSEN[notificatie.gebeurtenis_id].nieuwe_plicht
    ):
        return (
            f"Deze persoon staat in Regie bij de gemeente {inburgeraar.gemeente.naam}, maar DUO stuurde de"
            f" melding voor {notificatie.gemeente.naam}. Controleer bij DUO in welke gemeente de persoon woont.",
            True,
        )
    return None


def opzoeken(notificatie: Notificatie, client=None) -> dict:
    """What the notice's event needs from DUO: {resource: DUO's answer}. Raises the client's errors."""
    opzoeker = Opzoeker(notificatie.gemeente, client)
    bronnen = GEBEURTENISSEN[notificatie.gebeurtenis_id].bronnen
    return {bron: opzoeker.haal(bron, notificatie.bsn) for bron in bronnen}


def _verwerk_voor(
    notificatie: Notificatie, inburgeraar: Inburgeraar, *, client=None, voorraad=None
) -> Notificatie:
    gebeurtenis = GEBEURTENISSEN[notificatie.gebeurtenis_id]
    belet = niet_voor_dit_dossier(notificatie, inburgeraar)
    if belet:
        reden, gekoppeld = belet
        return _parkeer(notificatie, reden, inburgeraar=inburgeraar if gekoppeld else None)
    try:
        gegevens = voorraad.gegevens(notificatie) if voorraad else opzoeken(notificatie, client)
    except (DuoStoring, DuoConfiguratieFout) as fout:
        return _later_opnieuw(notificatie, str(fout), inburgeraar)
    except DuoAfwijzing as fout:
        return _parkeer(
            notificatie,
            f"DUO gaf geen gegevens bij deze melding (HTTP {fout.status}): {fout.fouttekst}",
            inburgeraar=inburgeraar,
        )
    organisatie = notificatie.gemeente.organisatie
    door = voorraad.gebruiker(organisatie) if voorraad else duo_gebruiker(organisatie)
    try:
        # In a batch its savepoint, which also drops the handler's bundled timeline and log entries.
        with voorraad.savepoint() if voorraad else transaction.atomic():
            if voorraad:  # locked and read by the batch, in this transaction
                stand = voorraad.stand(inburgeraar)
            else:
                inburgeraar = (
                    Inburgeraar.objects.select_for_update(of=("self",))
                    .select_related("gemeente")
                    .get(pk=inburgeraar.pk)
                )
                stand, _ = DuoStand.objects.select_for_update().get_or_create(inburgeraar=inburgeraar)
            verwerking = Verwerking(notificatie, inburgeraar, door, gegevens, stand)
            gebeurtenis.handler(verwerking)
            stand.save()
            notificatie.status = Status.VERWERKT
            notificatie.inburgeraar = inburgeraar
            notificatie.effect = (
                "\n".join(verwerking.effecten) or "Geen wijziging: Regie had deze gegevens van DUO al."
            )
            notificatie.signaal = verwerking.signaal
            notificatie.reden = ""
            notificatie.volgende_poging = None
            notificatie.verwerkt_op = timezone.now()
            notificatie.save(update_fields=_VERWERKT_VELDEN)
    except Parkeren as fout:
        _vergeten(voorraad, inburgeraar)
        return _parkeer(notificatie, fout.reden, inburgeraar=inburgeraar)
    except GelijktijdigGewijzigd:
        _vergeten(voorraad, inburgeraar)
        return _later_opnieuw(
            notificatie, "Het dossier werd tegelijk door iemand anders gewijzigd.", inburgeraar
        )
    except ValidationError as fout:
        _vergeten(voorraad, inburgeraar)
        return _parkeer(
            notificatie,
            "Regie kon het dossier niet bijwerken: " + " ".join(fout.messages),
            inburgeraar=inburgeraar,
        )
    return notificatie


_VERWERKT_VELDEN = ["status", "inburgeraar", "effect", "signaal", "reden", "volgende_poging", "verwerkt_op"]


def _vergeten(voorraad, inburgeraar: Inburgeraar) -> None:
    """The handler's changes were rolled back: the batch reads the case and its stand again."""
    if voorraad:
        voorraad.vergeet(inburgeraar)


def _parkeer(notificatie: Notificatie, reden: str, *, inburgeraar=None) -> Notificatie:
    notificatie.status = Status.GEPARKEERD
    notificatie.reden = reden
    notificatie.volgende_poging = None
    if inburgeraar is not None and inburgeraar.gemeente.organisatie_id == notificatie.gemeente.organisatie_id:
        notificatie.inburgeraar = inburgeraar
    notificatie.save()
    logger.info("DUO-melding %s geparkeerd", notificatie.bericht_id)
    return notificatie


def _later_opnieuw(notificatie: Notificatie, melding: str, inburgeraar=None) -> Notificatie:
    """DUO could not be reached: keep the notice, try again later (regie.duo.wachttijden), park when no attempt is left."""
    notificatie.pogingen += 1
    wacht = wachttijden.wachttijd(notificatie.pogingen)
    if wacht is None:
        return _parkeer(
            notificatie,
            f"DUO bleef onbereikbaar na {notificatie.pogingen} pogingen ({melding}). Kies 'Opnieuw verwerken'"
            " als DUO weer werkt.",
            inburgeraar=inburgeraar,
        )
    notificatie.volgende_poging = timezone.now() + wacht
    notificatie.reden = (
        f"{melding} Poging {notificatie.pogingen}; Regie probeert het opnieuw om"
        f" {timezone.localtime(notificatie.volgende_poging):%d-%m-%Y %H:%M}."
    )
    with transaction.atomic():
        notificatie.save()
        verwerk_notificatie.using(run_after=notificatie.volgende_poging).enqueue(notificatie.pk)
    return notificatie


# --- Handling by a person ----------------------------------------------------------------------


@transaction.atomic
def opnieuw_verwerken(
    *,
    notificatie: Notificatie,
    door: User,
    inburgeraar: Inburgeraar | None = None,
    notitie: str = "Opnieuw verwerken gevraagd.",
) -> Notificatie:
    """Back to 'ontvangen' and processed again (now, in the queue). With `inburgeraar`: the case
    this notice is about, chosen by a person (the case must be one `door` may change; checked by the
    view), used instead of a look-up by BSN. `notitie` goes into the notice's notes."""
    if notificatie.status not in (Status.GEPARKEERD, Status.ONTVANGEN):
        raise ValidationError({"notificatie": ["Deze melding is al verwerkt of afgehandeld."]})
    if inburgeraar is not None and inburgeraar.gemeente.organisatie_id != notificatie.gemeente.organisatie_id:
        raise ValidationError({"inburgeraar": ["Kies een dossier van uw eigen organisatie."]})
    notificatie.status = Status.ONTVANGEN
    notificatie.inburgeraar = inburgeraar or notificatie.inburgeraar
    notificatie.notitie = _notitie_erbij(notificatie.notitie, door, notitie)
    notificatie.pogingen = 0
    notificatie.save()
    verwerk_gekoppeld.enqueue(notificatie.pk, inburgeraar.pk if inburgeraar else None)
    return notificatie


@task(queue_name="duo")
def verwerk_gekoppeld(notificatie_id: int, inburgeraar_id: int | None) -> str:
    """Process a notice again after a person asked to; with the case they linked when given."""
    with systeemcontext():
        notificatie = Notificatie.objects.select_related("gemeente__organisatie").get(pk=notificatie_id)
        if notificatie.status != Status.ONTVANGEN:
            return notificatie.status
        if inburgeraar_id is None:
            return verwerk(notificatie).status
        inburgeraar = Inburgeraar.objects.select_related("gemeente").get(pk=inburgeraar_id)
        if notificatie.gebeurtenis_id not in GEBEURTENISSEN:
            return _parkeer(
                notificatie, f"Regie kent de gebeurtenis {notificatie.gebeurtenis_id} niet."
            ).status
        return _verwerk_voor(notificatie, inburgeraar).status


@transaction.atomic
def afhandelen(
    *, notificatie: Notificatie, door: User, notitie: str, inburgeraar: Inburgeraar | None = None
) -> Notificatie:
    """A person handled the notice (parked, or a signal): mark it so, with a note."""
    notitie = (notitie or "").strip()
    if not notitie:
        raise ValidationError({"notitie": ["Schrijf kort op wat u met deze melding heeft gedaan."]})
    if notificatie.status == Status.AFGEHANDELD:
        raise ValidationError({"notitie": ["Deze melding is al afgehandeld."]})
    if notificatie.status == Status.ONTVANGEN:
        raise ValidationError({"notitie": ["Deze melding wordt nog verwerkt. Wacht tot Regie klaar is."]})
    if notificatie.status == Status.VERWERKT and not notificatie.signaal:
        raise ValidationError({"notitie": ["Deze melding is al vanzelf verwerkt."]})
    if inburgeraar is not None:
        notificatie.inburgeraar = inburgeraar
    notificatie.status = Status.AFGEHANDELD
    notificatie.afgehandeld_door = door
    notificatie.afgehandeld_op = timezone.now()
    notificatie.notitie = _notitie_erbij(notificatie.notitie, door, notitie)
    notificatie.save()
    return notificatie


def _notitie_erbij(oud: str, door: User, tekst: str) -> str:
    regel = f"{timezone.localtime():%d-%m-%Y %H:%M} {door}: {tekst}"
    return f"{oud}\n{regel}".strip()

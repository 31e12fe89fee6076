"""Registering a newcomer from a parked DUO notice.

A notice of a new obligation (SS101, SS128, SS139, SS120, SS121, SS129) for a BSN Regie does not
know is parked: DUO gives no name or birth date (those come from the BRP). A person registers the
newcomer with the registration form, prefilled with what DUO gave (`voorinvulling`), and
`registreren_uit_melding` saves the case and enqueues the notice's processing in the same
transaction, so the case gets DUO's data and the notice becomes 'verwerkt'.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie import klok
from regie.accounts.models import User
from regie.duo.client import DuoFout
from regie.duo.codes import Opzoeker
from regie.duo.inkomend.gebeurtenissen import GEBEURTENISSEN, Verwerking, _pip_elders, doelgroep_uit
from regie.duo.inkomend.models import Notificatie, Status
from regie.duo.inkomend.services import opnieuw_verwerken
from regie.inburgeraars.models import Inburgeraar


def registreerbaar(notificatie: Notificatie) -> str:
    """Empty when a person can register the newcomer from this notice; otherwise why not (Dutch)."""
    gebeurtenis = GEBEURTENISSEN.get(notificatie.gebeurtenis_id)
    if gebeurtenis is None or not gebeurtenis.nieuwe_plicht:
        return (
            "Bij deze melding hoeft u geen inburgeraar te registreren: het is geen melding van een nieuwe"
            " inburgeringsplichtige."
        )
    if notificatie.status == Status.ONTVANGEN:
        return "Regie verwerkt deze melding al. Bekijk de melding over een paar minuten opnieuw."
    if notificatie.status != Status.GEPARKEERD:
        return "Deze melding is al verwerkt of afgehandeld. Er is niets meer te registreren."
    if notificatie.inburgeraar_id:
        return "Deze melding is al aan een dossier gekoppeld. Kies 'Opnieuw verwerken' op de melding."
    if not notificatie.bsn:
        return "De melding heeft geen BSN. Registreer de inburgeraar via 'Nieuwe inburgeraar registreren'."
    return ""


def voorinvulling(notificatie: Notificatie, *, client=None) -> tuple[dict, str]:
    """The registration form's initial values from what DUO gave, and a Dutch warning when DUO
    could not be asked (then the consultant chooses the doelgroep themselves).

    BSN, gemeente (DUO's doel OIN) and datum melding DUO (the notice's registratieDatumTijd, Bi 5.3
    lid 1: the 10 weeks run from it) come from the notice; the doelgroep from DUO's Doelgroep; for
    SS121 also the first PIP's dagtekening and the leerroute of the previous municipality (Wi 11
    lid 3, Wi 15 lid 4) from DUO's PIP and Inburgeringstermijn.
    """
    initial = {
        "bsn": notificatie.bsn,
        "gemeente": notificatie.gemeente_id,
        "datum_melding_duo": min(timezone.localdate(notificatie.registratie_datum_tijd), klok.vandaag()),
    }
    bronnen = ["doelgroep"]
    if notificatie.gebeurtenis_id == "SS121":
        bronnen += ["pip", "inburgeringstermijn"]
    opzoeker = Opzoeker(notificatie.gemeente, client)
    try:
        gegevens = {bron: opzoeker.haal(bron, notificatie.bsn) for bron in bronnen}
    except DuoFout as fout:
        return initial, (
            f"Regie kon de gegevens niet bij DUO opvragen ({fout}). Vul de doelgroep"
            + (" en de gegevens van de vorige gemeente" if len(bronnen) > 1 else "")
            + " zelf in."
        )
    doelgroep = doelgroep_uit(gegevens.get("doelgroep"), None)
    if doelgroep:
        initial["doelgroep"] = str(doelgroep)
    if len(bronnen) > 1:
        initial |= {
            naam: str(waarde) if naam == "leerroute_vorige_gemeente" else waarde
            for naam, waarde in _pip_elders(Verwerking(notificatie, None, None, gegevens, None)).items()
        }
    return initial, ""


@transaction.atomic
def registreren_uit_melding(
    *, notificatie: Notificatie, door: User, kinderen: list[dict] = (), **gegevens
) -> Inburgeraar:
    """Register the newcomer of a parked notice and enqueue the notice's processing for the new
    case, in one transaction: a refusal leaves both as they were. The BSN and the municipality
    must be the notice's (DUO's data is about that person, for that municipality)."""
    from regie.inburgeraars.services import inburgeraar_registreren

    notificatie = (
        Notificatie.objects.select_for_update(of=("self",)).select_related("gemeente").get(pk=notificatie.pk)
    )
    reden = registreerbaar(notificatie)
    if reden:
        raise ValidationError({"notificatie": [reden]})
    fouten = {}
    if gegevens.get("bsn") != notificatie.bsn:
        fouten["bsn"] = [
            "Vul het BSN uit de DUO-melding in. Gaat de melding over iemand anders? Handel de melding dan"
            " af op de pagina van de melding."
        ]
    gemeente = gegevens.get("gemeente")
    if gemeente is not None and gemeente.pk != notificatie.gemeente_id:
        fouten["gemeente"] = [
            f"DUO stuurde de melding voor {notificatie.gemeente.naam}. Registreer de inburgeraar in die gemeente."
        ]
    if fouten:
        raise ValidationError(fouten)
    inburgeraar = inburgeraar_registreren(door=door, kinderen=kinderen, **gegevens)
    opnieuw_verwerken(
        notificatie=notificatie,
        door=door,
        inburgeraar=inburgeraar,
        notitie="Inburgeraar geregistreerd vanuit deze melding; Regie verwerkt de melding opnieuw.",
    )
    return inburgeraar

"""Referrals (verwijzingen) from a PIP component to a provider's contract, and their course:

    verzonden → geaccepteerd | geweigerd (with a reason)
    geaccepteerd → gestart → afgerond | afgebroken
    verzonden | geaccepteerd → ingetrokken (by the municipality, before the start)

Which components a PIP holds is a rule of the law (regie.wet.aanbod); the rest is the
municipality's policy: the contract must be for that component and valid on the day, and a
full contract still takes the referral, on its waiting list. Each service checks everything
first and changes nothing when something is wrong (ValidationError with a Dutch message per
field), runs in one transaction and writes a timeline entry (and so the processing log).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regie.aanbieders.models import Contract, Perceel
from regie.accounts.models import Rol, User
from regie.duo.uitgaand import berichten as duo
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import neem_versie, status_wijzigen
from regie.inburgeraars.status import EINDSTATUSSEN, Status
from regie.klok import vandaag
from regie.pip.models import Pip
from regie.pip.services import huidig_pip
from regie.tijdlijn import events
from regie.trajecten.models import OPEN_STATUSSEN, Verwijzing, VerwijzingStatus
from regie.wet.aanbod import onderdelen_van_pip

S = VerwijzingStatus
MAX_TEKST = 2000

# From which statuses each step may be taken.
VAN = {
    "accepteren": (S.VERZONDEN,),
    "weigeren": (S.VERZONDEN,),
    "starten": (S.GEACCEPTEERD,),
    "afsluiten": (S.GESTART,),
    "intrekken": (S.VERZONDEN, S.GEACCEPTEERD),
}
NIET_MOGELIJK = {
    "accepteren": "Deze verwijzing is {status}. Alleen een verzonden verwijzing kan worden geaccepteerd.",
    "weigeren": "Deze verwijzing is {status}. Alleen een verzonden verwijzing kan worden geweigerd.",
    "starten": "Deze verwijzing is {status}. Alleen een geaccepteerde verwijzing kan starten.",
    "afsluiten": "Deze verwijzing is {status}. Alleen een gestart traject kan worden afgesloten.",
    "intrekken": (
        "Deze verwijzing is {status}. Intrekken kan alleen voordat het traject is gestart en zolang de"
        " aanbieder niet heeft geweigerd."
    ),
}
UITKOMSTEN = (S.AFGEROND, S.AFGEBROKEN)


def onderdelen_in_pip(pip: Pip | None) -> frozenset[str]:
    if pip is None:
        return frozenset()
    return onderdelen_van_pip(
        leerroute=pip.leerroute,
        pvt=pip.pvt,
        map=pip.map,
        maatschappelijke_begeleiding=pip.maatschappelijke_begeleiding,
        tolk=pip.tolk,
    )


def plaatsen_bezet(contract: Contract) -> int:
    """Places taken on a contract: open referrals that are not on its waiting list."""
    return (
        contract.verwijzingen.filter(status__in=OPEN_STATUSSEN)
        .exclude(status=S.VERZONDEN, op_wachtlijst=True)
        .count()
    )


def _tekst(waarde) -> str:
    return (waarde or "").strip()


def _controleer_aanbieder(verwijzing: Verwijzing, door: User) -> None:
    """A provider's employee acts only on referrals to their own provider (the views already
    look the referral up through the scoped selector; this guards every other caller)."""
    if door.rol == Rol.AANBIEDER and (
        door.aanbieder_id is None or door.aanbieder_id != verwijzing.contract.aanbieder_id
    ):
        raise PermissionDenied("Deze verwijzing is niet voor uw organisatie.")


def _vergrendeld(verwijzing: Verwijzing, stap: str) -> Verwijzing:
    """The referral as stored now, locked for this transaction, in a status that allows `stap`."""
    actueel = (
        Verwijzing.objects.select_for_update(of=("self",))
        .select_related("contract__aanbieder", "inburgeraar")
        .get(pk=verwijzing.pk)
    )
    if actueel.status not in VAN[stap]:
        raise ValidationError(
            {"status": [NIET_MOGELIJK[stap].format(status=actueel.get_status_display().lower())]}
        )
    return actueel


def _datum(fouten: dict, veld: str, waarde, leeg: str) -> date | None:
    if waarde is None:
        fouten.setdefault(veld, []).append(leeg)
        return None
    if not isinstance(waarde, date):
        fouten.setdefault(veld, []).append("Vul een geldige datum in.")
        return None
    return waarde


def _bijwerken(doel: Verwijzing, bron: Verwijzing, velden: list[str]) -> None:
    for veld in velden:
        setattr(doel, veld, getattr(bron, veld))


@transaction.atomic
def verwijzen(
    *,
    inburgeraar: Inburgeraar,
    onderdeel: str,
    contract: Contract,
    door: User,
    verzonden_op: date | None = None,
    toelichting: str = "",
    versie: int | None = None,
) -> Verwijzing:
    """Refer the newcomer for one component of the current PIP to a provider's contract.
    A contract at capacity still takes the referral, on its waiting list."""
    verzonden_op = verzonden_op or vandaag()
    toelichting = _tekst(toelichting)
    fouten: dict[str, list[str]] = {}
    if inburgeraar.status in EINDSTATUSSEN:
        fouten["__all__"] = ["Dit dossier is gesloten. Open het eerst opnieuw om te verwijzen."]
    pip = huidig_pip(inburgeraar)
    geldige_onderdelen = {p.value for p in Perceel}
    if onderdeel not in geldige_onderdelen:
        fouten.setdefault("onderdeel", []).append("Kies een onderdeel van het PIP.")
    elif pip is None:
        fouten.setdefault("onderdeel", []).append(
            "Er is nog geen PIP. Stel eerst het PIP vast; daarna kunt u verwijzen."
        )
    elif onderdeel not in onderdelen_in_pip(pip):
        fouten.setdefault("onderdeel", []).append(
            f"{Perceel(onderdeel).label} staat niet in het PIP (versie {pip.versie}). U kunt alleen verwijzen"
            " voor een onderdeel van het PIP. Hoort het er wel bij, wijzig dan eerst het PIP."
            " (Wet inburgering 2021, art. 15; Besluit inburgering 2021, art. 5.3)"
        )
    if not isinstance(contract, Contract):
        fouten.setdefault("contract", []).append("Kies een aanbieder en contract.")
    else:
        if contract.aanbieder.organisatie_id != inburgeraar.gemeente.organisatie_id:
            fouten.setdefault("contract", []).append(
                "Dit contract hoort niet bij uw organisatie. Kies een aanbieder uit de lijst."
            )
        elif not contract.aanbieder.actief:
            fouten.setdefault("contract", []).append(
                f"{contract.aanbieder} is niet meer actief als aanbieder. Kies een andere aanbieder."
            )
        if onderdeel in geldige_onderdelen and contract.perceel != onderdeel:
            fouten.setdefault("contract", []).append(
                f"Dit contract is voor {contract.get_perceel_display()}, niet voor {Perceel(onderdeel).label}."
                " Kies een contract voor dit onderdeel."
            )
        if isinstance(verzonden_op, date) and not contract.is_geldig_op(verzonden_op):
            fouten.setdefault("contract", []).append(
                f"Dit contract geldt niet op {verzonden_op:%d-%m-%Y}"
                f" (looptijd {contract.begindatum:%d-%m-%Y} tot "
                + (f"{contract.einddatum:%d-%m-%Y}" if contract.einddatum else "onbepaalde tijd")
                + "). Kies een geldig contract."
            )
    if not isinstance(verzonden_op, date):
        fouten.setdefault("verzonden_op", []).append("Vul een geldige datum in.")
    elif verzonden_op > vandaag():
        fouten.setdefault("verzonden_op", []).append("De verzenddatum kan niet in de toekomst liggen.")
    if len(toelichting) > MAX_TEKST:
        fouten.setdefault("toelichting", []).append(f"Schrijf niet meer dan {MAX_TEKST} tekens.")
    if not fouten:
        lopend = (
            inburgeraar.verwijzingen.filter(onderdeel=onderdeel, status__in=OPEN_STATUSSEN)
            .select_related("contract__aanbieder")
            .first()
        )
        if lopend is not None:
            fouten["onderdeel"] = [
                f"Er loopt al een verwijzing voor {Perceel(onderdeel).label} naar {lopend.aanbieder}"
                f" ({lopend.get_status_display().lower()}). Trek die eerst in, of wacht tot het traject is"
                " afgesloten."
            ]
    if fouten:
        raise ValidationError(fouten)

    # Lock the contract while counting its places, so two referrals cannot take the last one.
    contract = (
        Contract.objects.select_for_update(of=("self",)).select_related("aanbieder").get(pk=contract.pk)
    )
    verwijzing = Verwijzing(
        inburgeraar=inburgeraar,
        pip=pip,
        onderdeel=onderdeel,
        contract=contract,
        status=S.VERZONDEN,
        op_wachtlijst=plaatsen_bezet(contract) >= contract.capaciteit,
        toelichting=toelichting,
        verzonden_op=verzonden_op,
        verzonden_door=door,
    )
    neem_versie(inburgeraar, versie)
    verwijzing.save()
    events.verwijzing_verzonden(inburgeraar, door, verwijzing)
    return verwijzing


@transaction.atomic
def accepteren(*, verwijzing: Verwijzing, startdatum: date | None, door: User) -> Verwijzing:
    """The provider takes the newcomer in and names the date the trajectory can start."""
    _controleer_aanbieder(verwijzing, door)
    actueel = _vergrendeld(verwijzing, "accepteren")
    fouten: dict[str, list[str]] = {}
    startdatum = _datum(fouten, "startdatum", startdatum, "Vul de datum in waarop het traject kan beginnen.")
    if startdatum is not None:
        if startdatum < actueel.verzonden_op:
            fouten["startdatum"] = [
                f"De startdatum ligt voor de verzenddatum ({actueel.verzonden_op:%d-%m-%Y})."
            ]
        elif actueel.contract.einddatum and startdatum > actueel.contract.einddatum:
            fouten["startdatum"] = [
                f"De startdatum ligt na het einde van het contract ({actueel.contract.einddatum:%d-%m-%Y})."
            ]
    if fouten:
        raise ValidationError(fouten)
    actueel.status = S.GEACCEPTEERD
    actueel.beantwoord_op = max(vandaag(), actueel.verzonden_op)
    actueel.geplande_startdatum = startdatum
    actueel.save(update_fields=["status", "beantwoord_op", "geplande_startdatum", "gewijzigd_op"])
    events.verwijzing_geaccepteerd(actueel.inburgeraar, door, actueel)
    duo.meld_inburgeringsaanbod(actueel, door=door)  # which provider: DUO's Inburgeringsaanbod
    _bijwerken(verwijzing, actueel, ["status", "beantwoord_op", "geplande_startdatum"])
    return actueel


@transaction.atomic
def weigeren(*, verwijzing: Verwijzing, reden: str, door: User) -> Verwijzing:
    """The provider cannot take the newcomer in; the reason is required."""
    _controleer_aanbieder(verwijzing, door)
    actueel = _vergrendeld(verwijzing, "weigeren")
    reden = _tekst(reden)
    if not reden:
        raise ValidationError({"reden": ["Schrijf op waarom u de verwijzing weigert."]})
    if len(reden) > MAX_TEKST:
        raise ValidationError({"reden": [f"Schrijf niet meer dan {MAX_TEKST} tekens."]})
    actueel.status = S.GEWEIGERD
    actueel.beantwoord_op = max(vandaag(), actueel.verzonden_op)
    actueel.reden_weigering = reden
    actueel.save(update_fields=["status", "beantwoord_op", "reden_weigering", "gewijzigd_op"])
    events.verwijzing_geweigerd(actueel.inburgeraar, door, actueel)
    _bijwerken(verwijzing, actueel, ["status", "beantwoord_op", "reden_weigering"])
    return actueel


@transaction.atomic
def starten(*, verwijzing: Verwijzing, startdatum: date | None, door: User) -> Verwijzing:
    """The trajectory has started (reported by the provider or recorded by the municipality). The
    first start moves a case with status 'PIP vastgesteld' to 'In uitvoering'."""
    _controleer_aanbieder(verwijzing, door)
    actueel = _vergrendeld(verwijzing, "starten")
    fouten: dict[str, list[str]] = {}
    startdatum = _datum(fouten, "startdatum", startdatum, "Vul de datum in waarop het traject begon.")
    if startdatum is not None:
        if startdatum < actueel.verzonden_op:
            fouten["startdatum"] = [
                f"De startdatum ligt voor de verzenddatum ({actueel.verzonden_op:%d-%m-%Y})."
            ]
        elif startdatum > vandaag():
            fouten["startdatum"] = [
                "Het traject kan pas starten als de dag gekomen is. Kies vandaag of eerder."
            ]
    if fouten:
        raise ValidationError(fouten)
    van = actueel.status
    actueel.status = S.GESTART
    actueel.startdatum = startdatum
    actueel.save(update_fields=["status", "startdatum", "gewijzigd_op"])
    events.verwijzing_gestart(actueel.inburgeraar, door, actueel, van)
    duo.meld_inburgeringsaanbod(actueel, door=door)  # DUO's Inburgeringsaanbod with the start date
    _bijwerken(verwijzing, actueel, ["status", "startdatum"])
    if _zaak_in_uitvoering(actueel, door) and Verwijzing.inburgeraar.is_cached(verwijzing):
        verwijzing.inburgeraar.refresh_from_db(fields=["status", "einde_reden", "versie", "gewijzigd_op"])
    return actueel


def _zaak_in_uitvoering(verwijzing: Verwijzing, door: User) -> bool:
    """The first trajectory that starts puts a case with a PIP 'in uitvoering', through the case's
    status service (state machine, timeline, processing log). A case in any other status stays."""
    zaak = Inburgeraar.objects.select_for_update().get(pk=verwijzing.inburgeraar_id)
    if zaak.status != Status.PIP_VASTGESTELD:
        return False
    status_wijzigen(
        inburgeraar=zaak,
        door=door,
        naar=Status.IN_UITVOERING,
        toelichting=f"Traject gestart: {verwijzing.get_onderdeel_display()} bij {verwijzing.aanbieder}",
    )
    verwijzing.inburgeraar = zaak
    return True


@transaction.atomic
def afsluiten(
    *, verwijzing: Verwijzing, einddatum: date | None, uitkomst: str, door: User, toelichting: str = ""
) -> Verwijzing:
    """End a started trajectory: `uitkomst` afgerond (finished) or afgebroken (stopped early,
    with a reason in `toelichting`)."""
    _controleer_aanbieder(verwijzing, door)
    actueel = _vergrendeld(verwijzing, "afsluiten")
    toelichting = _tekst(toelichting)
    fouten: dict[str, list[str]] = {}
    if uitkomst not in UITKOMSTEN:
        fouten["uitkomst"] = ["Kies afgerond of afgebroken."]
    elif uitkomst == S.AFGEBROKEN and not toelichting:
        fouten["toelichting"] = ["Schrijf op waarom het traject is afgebroken."]
    if len(toelichting) > MAX_TEKST:
        fouten["toelichting"] = [f"Schrijf niet meer dan {MAX_TEKST} tekens."]
    einddatum = _datum(fouten, "einddatum", einddatum, "Vul de datum in waarop het traject eindigde.")
    if einddatum is not None:
        if einddatum < actueel.startdatum:
            fouten["einddatum"] = [f"De einddatum ligt voor de startdatum ({actueel.startdatum:%d-%m-%Y})."]
        elif einddatum > vandaag():
            fouten["einddatum"] = ["De einddatum kan niet in de toekomst liggen."]
    if fouten:
        raise ValidationError(fouten)
    van = actueel.status
    actueel.status = S(uitkomst)
    actueel.einddatum = einddatum
    actueel.toelichting_einde = toelichting
    actueel.save(update_fields=["status", "einddatum", "toelichting_einde", "gewijzigd_op"])
    events.verwijzing_afgesloten(actueel.inburgeraar, door, actueel, van)
    _bijwerken(verwijzing, actueel, ["status", "einddatum", "toelichting_einde"])
    return actueel


@transaction.atomic
def intrekken(*, verwijzing: Verwijzing, reden: str, door: User, versie: int | None = None) -> Verwijzing:
    """The municipality withdraws a referral before the trajectory started."""
    if door.rol == Rol.AANBIEDER:
        raise PermissionDenied("Alleen de gemeente kan een verwijzing intrekken.")
    actueel = _vergrendeld(verwijzing, "intrekken")
    reden = _tekst(reden)
    if not reden:
        raise ValidationError({"reden": ["Schrijf op waarom u de verwijzing intrekt."]})
    if len(reden) > MAX_TEKST:
        raise ValidationError({"reden": [f"Schrijf niet meer dan {MAX_TEKST} tekens."]})
    van = actueel.status
    neem_versie(actueel.inburgeraar, versie)
    actueel.status = S.INGETROKKEN
    actueel.reden_intrekking = reden
    actueel.save(update_fields=["status", "reden_intrekking", "gewijzigd_op"])
    events.verwijzing_ingetrokken(actueel.inburgeraar, door, actueel, van)
    duo.meld_inburgeringsaanbod_ingetrokken(actueel, door=door)  # DELETE at DUO, when it got one
    _bijwerken(verwijzing, actueel, ["status", "reden_intrekking"])
    return actueel

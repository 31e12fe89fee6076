"""Changing cases. Each service runs in one transaction and writes its timeline entry
in that same transaction."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from regie.accounts.models import User
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.models import Inburgeraar, Kind
from regie.inburgeraars.status import EindeReden, Status, controleer_overgang
from regie.tijdlijn import events

DATUMVELDEN = (
    "datum_melding_duo",
    "datum_koppeling_coa",
    "datum_inschrijving_brp",
    "datum_huisvesting",
)


def vandaag() -> date:
    return timezone.localdate()


def _valideer(inburgeraar: Inburgeraar, door: User) -> None:
    fouten: dict[str, list[str]] = {}
    try:
        inburgeraar.full_clean(exclude=["consulent", "partner"])
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    if "bsn" in fouten:
        fouten["bsn"] = [
            "Er staat al een inburgeraar met dit BSN in Regie." if "bestaat al" in m else m
            for m in fouten["bsn"]
        ]
    if inburgeraar.gemeente_id and inburgeraar.gemeente.organisatie_id != door.organisatie_id:
        fouten.setdefault("gemeente", []).append(
            "U kunt alleen inburgeraars van uw eigen gemeenten registreren."
        )
    if inburgeraar.kern_id and inburgeraar.kern.gemeente_id != inburgeraar.gemeente_id:
        fouten.setdefault("kern", []).append("Deze kern hoort niet bij de gekozen gemeente.")
    if inburgeraar.geboortedatum and inburgeraar.geboortedatum > vandaag():
        fouten.setdefault("geboortedatum", []).append("De geboortedatum mag niet in de toekomst liggen.")
    for veld in DATUMVELDEN:
        waarde = getattr(inburgeraar, veld)
        if waarde is None:
            continue
        label = Inburgeraar._meta.get_field(veld).verbose_name
        if waarde > vandaag():
            fouten.setdefault(veld, []).append(f"De {label} mag niet in de toekomst liggen.")
        elif inburgeraar.geboortedatum and waarde < inburgeraar.geboortedatum:
            fouten.setdefault(veld, []).append(f"De {label} mag niet voor de geboortedatum liggen.")
    if fouten:
        raise ValidationError(fouten)


def neem_versie(inburgeraar: Inburgeraar, versie: int | None) -> None:
    """Claim the next version of the case, or refuse when the form showed an older one."""
    verwacht = inburgeraar.versie if versie is None else versie
    bijgewerkt = Inburgeraar.objects.filter(pk=inburgeraar.pk, versie=verwacht).update(
        versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )
    if not bijgewerkt:
        raise GelijktijdigGewijzigd()
    inburgeraar.versie = verwacht + 1


@transaction.atomic
def inburgeraar_registreren(*, door: User, kinderen: list[dict] = (), **gegevens) -> Inburgeraar:
    inburgeraar = Inburgeraar(**gegevens)
    if inburgeraar.consulent_id is None and not door.is_teamleider:
        inburgeraar.consulent = door
    _valideer(inburgeraar, door)
    inburgeraar.save()
    for kind in kinderen:
        Kind.objects.create(ouder=inburgeraar, **kind)
    events.inburgeraar_geregistreerd(inburgeraar, door)
    if inburgeraar.consulent_id:
        events.consulent_toegewezen(inburgeraar, door, None, inburgeraar.consulent, "Bij registratie")
    return inburgeraar


@transaction.atomic
def inburgeraar_wijzigen(
    *, inburgeraar: Inburgeraar, door: User, versie: int | None, **wijzigingen
) -> Inburgeraar:
    oud = {veld: getattr(inburgeraar, veld) for veld in wijzigingen}
    for veld, waarde in wijzigingen.items():
        setattr(inburgeraar, veld, waarde)
    _valideer(inburgeraar, door)
    veranderd = {
        str(Inburgeraar._meta.get_field(veld).verbose_name): (oud[veld], getattr(inburgeraar, veld))
        for veld in wijzigingen
        if oud[veld] != getattr(inburgeraar, veld)
    }
    if not veranderd:
        return inburgeraar
    neem_versie(inburgeraar, versie)
    inburgeraar.save()
    events.gegevens_gewijzigd(inburgeraar, door, veranderd)
    return inburgeraar


@transaction.atomic
def status_wijzigen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    naar: Status,
    reden: EindeReden | None = None,
    toelichting: str = "",
    versie: int | None = None,
) -> Inburgeraar:
    probleem = controleer_overgang(inburgeraar.status_enum, naar, reden)
    if probleem:
        raise ValidationError({"status": [probleem]})
    van = inburgeraar.status
    neem_versie(inburgeraar, versie)
    inburgeraar.status = naar
    inburgeraar.einde_reden = reden or ""
    inburgeraar.save(update_fields=["status", "einde_reden", "versie", "gewijzigd_op"])
    events.status_gewijzigd(inburgeraar, door, van, naar, reden or "", toelichting)
    return inburgeraar


@transaction.atomic
def consulent_toewijzen(
    *, inburgeraar: Inburgeraar, door: User, consulent: User, reden: str = ""
) -> Inburgeraar:
    """Only a team lead reassigns; the consultant must work for the same organisation."""
    if not door.is_teamleider:
        raise ValidationError({"consulent": ["Alleen een teamleider kan de vaste consulent wijzigen."]})
    if consulent.organisatie_id != inburgeraar.gemeente.organisatie_id or not consulent.is_active:
        raise ValidationError({"consulent": ["Kies een actieve consulent van uw eigen organisatie."]})
    if consulent.pk == inburgeraar.consulent_id:
        return inburgeraar
    van = inburgeraar.consulent
    neem_versie(inburgeraar, None)
    inburgeraar.consulent = consulent
    inburgeraar.save(update_fields=["consulent", "versie", "gewijzigd_op"])
    events.consulent_toegewezen(inburgeraar, door, van, consulent, reden)
    return inburgeraar

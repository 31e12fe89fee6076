"""Recording the brede intake (Wi 14, Bi 5.2) and its appointments."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.accounts.models import User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import neem_versie
from regie.inburgeraars.status import Status
from regie.intake.models import Afspraak, BredeIntake, Diploma
from regie.klok import vandaag
from regie.tijdlijn import events

# The fields of the brede intake a form or the API may set, in the order of the intake talk.
INTAKE_VELDEN = (
    "leerbaarheidstoets_datum",
    "leerbaarheidstoets_resultaat",
    "opleidingsniveau",
    "jaren_onderwijs",
    "opleiding_toelichting",
    "werkervaring",
    "taalniveau_lezen",
    "taalniveau_luisteren",
    "taalniveau_spreken",
    "taalniveau_schrijven",
    "andere_talen",
    "gezondheid_lichamelijk",
    "gezondheid_psychisch",
    "gezin_en_kinderen",
    "vve",
    "financiele_situatie",
    "wensen_en_motivatie",
    "mogelijkheden_werk",
    "mogelijkheden_participatie",
    "deels_alleen_gesproken",
    "tolk_gebruikt",
    "tolk_taal",
    "afgerond_op",
)


def tolk_fouten(*, tolk_gebruikt: bool, tolk_taal: str) -> dict[str, list[str]]:
    """Bi 5.2 asks to record how the talk went: with an interpreter, in which language (also
    checked by BredeIntakeForm, so the message shows with the form's others)."""
    if tolk_gebruikt and not (tolk_taal or "").strip():
        return {"tolk_taal": ["Vul in welke taal de tolk sprak."]}
    return {}


@transaction.atomic
def brede_intake_opslaan(
    *, inburgeraar: Inburgeraar, door: User, versie: int | None, **velden
) -> BredeIntake:
    """Create or update the written record of the brede intake (Wi 14, Bi 5.2). The timeline
    names the changed fields, never their values (health data is special: AVG art. 9)."""
    intake, _ = BredeIntake.objects.get_or_create(inburgeraar=inburgeraar)
    fouten = {}
    for veld in ("leerbaarheidstoets_datum", "afgerond_op"):
        waarde = velden.get(veld)
        if waarde and waarde > vandaag():
            fouten[veld] = ["Deze datum mag niet in de toekomst liggen."]
        elif waarde and inburgeraar.geboortedatum and waarde < inburgeraar.geboortedatum:
            fouten[veld] = ["Deze datum mag niet voor de geboortedatum liggen."]
    # The intake as it will be: a PATCH may switch the interpreter on and leave the language as stored.
    fouten |= tolk_fouten(
        tolk_gebruikt=velden.get("tolk_gebruikt", intake.tolk_gebruikt),
        tolk_taal=velden.get("tolk_taal", intake.tolk_taal),
    )
    if fouten:
        raise ValidationError(fouten)
    gewijzigd = []
    for veld, waarde in velden.items():
        if getattr(intake, veld) != waarde:
            setattr(intake, veld, waarde)
            label = str(BredeIntake._meta.get_field(veld).verbose_name)
            gewijzigd.append(
                label + (" (bijzonder persoonsgegeven)" if veld in BredeIntake.BIJZONDERE_VELDEN else "")
            )
    if not gewijzigd:
        return intake
    intake.gewijzigd_door = door
    intake.full_clean(exclude=["inburgeraar", "gewijzigd_door"])
    neem_versie(inburgeraar, versie)
    intake.save()
    events.brede_intake_opgeslagen(inburgeraar, door, gewijzigd)
    if inburgeraar.status == Status.AANGEMELD:
        inburgeraar.status = Status.BREDE_INTAKE
        inburgeraar.save(update_fields=["status", "versie", "gewijzigd_op"])
        events.status_gewijzigd(
            inburgeraar, door, Status.AANGEMELD, Status.BREDE_INTAKE, None, "Brede intake gestart"
        )
    return intake


@transaction.atomic
def afspraak_plannen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    begint_op: datetime,
    locatie: str,
    uitnodiging_verstuurd_op=None,
    tolk: bool = False,
    notitie: str = "",
) -> Afspraak:
    """Plan an intake appointment. The date the written invitation was sent is kept,
    because a missed appointment after a written summons can be fined (Wi 22)."""
    if uitnodiging_verstuurd_op and uitnodiging_verstuurd_op > vandaag():
        raise ValidationError(
            {"uitnodiging_verstuurd_op": ["De datum van verzending mag niet in de toekomst liggen."]}
        )
    dag = None
    if begint_op:
        dag = timezone.localdate(begint_op) if timezone.is_aware(begint_op) else begint_op.date()
    if uitnodiging_verstuurd_op and dag and uitnodiging_verstuurd_op > dag:
        raise ValidationError(
            {"uitnodiging_verstuurd_op": ["De uitnodiging moet voor de afspraak verstuurd zijn."]}
        )
    afspraak = Afspraak(
        inburgeraar=inburgeraar,
        begint_op=begint_op,
        locatie=locatie,
        uitnodiging_verstuurd_op=uitnodiging_verstuurd_op,
        tolk=tolk,
        notitie=notitie,
    )
    afspraak.full_clean()
    afspraak.save()
    neem_versie(inburgeraar, None)
    events.afspraak_gepland(inburgeraar, door, afspraak)
    return afspraak


@transaction.atomic
def afspraak_status_wijzigen(*, afspraak: Afspraak, door: User, status: str) -> Afspraak:
    """Record whether the appointment took place; "niet verschenen" can lead to a fine (Wi 22)."""
    if status not in Afspraak.Status.values:
        raise ValidationError({"status": ["Kies een geldige status voor de afspraak."]})
    afspraak.status = status
    afspraak.save(update_fields=["status"])
    neem_versie(afspraak.inburgeraar, None)
    events.afspraak_bijgewerkt(afspraak.inburgeraar, door, afspraak)
    return afspraak


@transaction.atomic
def diploma_toevoegen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    naam: str,
    land: str = "",
    jaar: int | None = None,
    gewaardeerd: bool = False,
    versie: int | None = None,
) -> Diploma:
    """Add a diploma to the brede intake (Bi 5.2: education and diplomas)."""
    fouten: dict[str, list[str]] = {}
    if not naam.strip():
        fouten["naam"] = ["Vul de naam van de opleiding of het diploma in."]
    if jaar is not None:
        if jaar > vandaag().year:
            fouten["jaar"] = ["Het jaar mag niet in de toekomst liggen."]
        elif inburgeraar.geboortedatum and jaar < inburgeraar.geboortedatum.year:
            fouten["jaar"] = ["Het jaar mag niet voor het geboortejaar liggen."]
    if fouten:
        raise ValidationError(fouten)
    intake, _ = BredeIntake.objects.get_or_create(inburgeraar=inburgeraar)
    diploma = Diploma(intake=intake, naam=naam.strip(), land=land.strip(), jaar=jaar, gewaardeerd=gewaardeerd)
    diploma.full_clean(exclude=["intake"])
    neem_versie(inburgeraar, versie)
    diploma.save()
    events.diploma_toegevoegd(inburgeraar, door, diploma)
    return diploma


@transaction.atomic
def diploma_verwijderen(
    *, inburgeraar: Inburgeraar, door: User, diploma: Diploma, versie: int | None = None
) -> None:
    if diploma.intake.inburgeraar_id != inburgeraar.pk:
        raise ValueError("Dit diploma hoort niet bij deze inburgeraar.")
    neem_versie(inburgeraar, versie)
    naam = diploma.naam
    diploma.delete()
    events.diploma_verwijderd(inburgeraar, door, naam)

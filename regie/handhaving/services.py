"""The written warning before a fine.

Why a warning first: the Wet inburgering 2021 lets the college fine an inburgeringsplichtige who
culpably does not cooperate with the PIP (Wi 23). Before a fine the person must be heard
(zienswijze: Awb 4:8). Awb 5:53 (a report and always a zienswijze) applies when the fine that
"kan worden opgelegd" exceeds EUR 340: the statutory maximum for the offence, not the amount
imposed, so every Wi 23 fine (maximum EUR 800) goes through it, also one of EUR 50. The fine's
steps are in regie.handhaving.boetes. A written warning before that step is how municipalities
apply the fine in practice and what the domain reference asks; whether Besluit inburgering 2021
chapter 7 makes it compulsory is not verified here, so Regie treats it as policy.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from regie.accounts.models import User
from regie.handhaving.models import Aanleiding, Status, Waarschuwing
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import neem_versie
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.klok import vandaag
from regie.tijdlijn import events


@transaction.atomic
def waarschuwing_opstellen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    aanleiding: str,
    omschrijving: str,
    datum: date,
    aanleiding_toelichting: str = "",
    versie: int | None = None,
) -> Waarschuwing:
    """Draft a written warning (status concept)."""
    if inburgeraar.status_enum in EINDSTATUSSEN:
        raise ValidationError(
            {"__all__": ["Dit dossier is gesloten. Een waarschuwing kan alleen bij een open dossier."]}
        )
    fouten: dict[str, list[str]] = {}
    if aanleiding not in Aanleiding.values:
        fouten["aanleiding"] = ["Kies de aanleiding van de waarschuwing."]
    if not (omschrijving or "").strip():
        fouten["omschrijving"] = ["Schrijf op wat er mis ging en wat u van de inburgeraar verwacht."]
    if datum is None:
        fouten["datum"] = ["Vul de datum van de waarschuwing in."]
    if fouten:
        raise ValidationError(fouten)
    waarschuwing = Waarschuwing(
        inburgeraar=inburgeraar,
        aanleiding=aanleiding,
        aanleiding_toelichting=aanleiding_toelichting.strip(),  # full_clean refuses more than 500
        omschrijving=omschrijving.strip(),
        datum=datum,
        door=door,
    )
    waarschuwing.full_clean(exclude=["inburgeraar", "door"])
    waarschuwing.save()
    neem_versie(inburgeraar, versie)
    events.waarschuwing_opgesteld(inburgeraar, door, waarschuwing)
    return waarschuwing


@transaction.atomic
def waarschuwing_verzonden(
    *, waarschuwing: Waarschuwing, door: User, verzonden_op: date | None = None
) -> Waarschuwing:
    """Record that the warning letter was sent. Only a concept can be sent, once."""
    if waarschuwing.status != Status.CONCEPT:
        raise ValidationError({"__all__": ["Deze waarschuwing is al verzonden."]})
    verzonden_op = verzonden_op or vandaag()
    if verzonden_op > vandaag():
        raise ValidationError({"verzonden_op": ["De verzenddatum kan niet in de toekomst liggen."]})
    waarschuwing.status = Status.VERZONDEN
    waarschuwing.verzonden_op = verzonden_op
    waarschuwing.save(update_fields=["status", "verzonden_op"])
    neem_versie(waarschuwing.inburgeraar, None)
    events.waarschuwing_verzonden(waarschuwing.inburgeraar, door, waarschuwing)
    return waarschuwing

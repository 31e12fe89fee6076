"""Changing targets and council reports. Keyword-only arguments, one transaction, Dutch
messages; nothing is saved when a check fails."""

import hashlib
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht
from regie.inburgeraars.selectors import gemeenten_voor
from regie.klok import vandaag
from regie.organisaties.models import Gemeente
from regie.rapportage.kpi import STREEFBAAR
from regie.rapportage.models import (
    DEFINITIEF_ONVERANDERLIJK,
    Raadsrapportage,
    RapportStatus,
    Soort,
    Streefwaarde,
)

NIET_UW_GEMEENTE = "U werkt niet voor deze gemeente. Kies een gemeente van uw eigen organisatie."
GEEN_GETAL = "Vul een getal in, bijvoorbeeld 80 of 62,5 (zonder %-teken is ook goed)."
BUITEN_BEREIK = "Een streefwaarde is een percentage: een getal van 0 tot en met 100."
VERSIE_VEROUDERD = "Iemand anders heeft deze rapportage intussen gewijzigd. Open de pagina opnieuw; uw tekst is niet opgeslagen."


def _eigen_gemeente(door: User, gemeente: Gemeente) -> None:
    if not gemeenten_voor(door).filter(pk=gemeente.pk).exists():
        raise ValidationError({"gemeente": [NIET_UW_GEMEENTE]})


def percentage(waarde) -> Decimal:
    """A target as typed: '80', '62,5', '62.5 %'. Raises ValidationError in Dutch otherwise."""
    tekst = str(waarde if waarde is not None else "").strip().removesuffix("%").strip().replace(",", ".")
    try:
        getal = Decimal(tekst)
    except InvalidOperation:
        raise ValidationError({"waarde": [GEEN_GETAL]}) from None
    if not getal.is_finite():
        raise ValidationError({"waarde": [GEEN_GETAL]})
    if getal < 0 or getal > 100:
        raise ValidationError({"waarde": [BUITEN_BEREIK]})
    return getal.quantize(Decimal("0.1"))


@transaction.atomic
def streefwaarde_vastleggen(
    *, door: User, gemeente: Gemeente, kpi: str, jaar: int, waarde, toelichting: str = ""
) -> Streefwaarde:
    """Record (or replace) a municipality's target for one KPI and year."""
    if not heeft_recht(door, Recht.STREEFWAARDEN):
        raise ValidationError({"gemeente": ["U mag geen streefwaarden vastleggen."]})
    _eigen_gemeente(door, gemeente)
    if kpi not in STREEFBAAR:
        raise ValidationError({"kpi": ["Kies een indicator uit de lijst."]})
    getal = percentage(waarde)
    streef, _ = Streefwaarde.objects.select_for_update().get_or_create(
        gemeente=gemeente, kpi=kpi, jaar=jaar, defaults={"waarde": getal}
    )
    streef.waarde = getal
    streef.toelichting = toelichting
    streef.gewijzigd_door = door
    streef.full_clean()
    streef.save()
    return streef


@transaction.atomic
def raadsrapportage_aanmaken(*, door: User, gemeente: Gemeente, jaar: int, soort: str) -> Raadsrapportage:
    """A new draft report for a municipality the user works for, for a year that has begun."""
    if not heeft_recht(door, Recht.RAADSRAPPORTAGE):
        raise ValidationError({"gemeente": ["U mag geen raadsrapportage maken."]})
    _eigen_gemeente(door, gemeente)
    if soort not in Soort.values:
        raise ValidationError({"soort": ["Kies een soort rapportage uit de lijst."]})
    if jaar > vandaag().year:
        raise ValidationError(
            {"jaar": [f"{jaar} is nog niet begonnen. Kies {vandaag().year} of een eerder jaar."]}
        )
    if Raadsrapportage.objects.filter(gemeente=gemeente, jaar=jaar, soort=soort).exists():
        raise ValidationError(
            {
                "jaar": [
                    f"Er is al een {Soort(soort).label.lower()} {jaar} voor {gemeente.naam}. Open die in de lijst."
                ]
            }
        )
    rapport = Raadsrapportage(
        gemeente=gemeente, jaar=jaar, soort=soort, aangemaakt_door=door, gewijzigd_door=door
    )
    rapport.full_clean()
    rapport.save()
    return rapport


def _wijzigbaar(door: User, rapport: Raadsrapportage, versie: int) -> Raadsrapportage:
    if not heeft_recht(door, Recht.RAADSRAPPORTAGE):
        raise ValidationError("U mag deze rapportage niet wijzigen.")
    _eigen_gemeente(door, rapport.gemeente)
    actueel = Raadsrapportage.objects.select_for_update().get(pk=rapport.pk)
    if actueel.status == RapportStatus.DEFINITIEF:
        raise ValidationError(DEFINITIEF_ONVERANDERLIJK, code="definitief")
    if actueel.versie != versie:
        raise ValidationError(VERSIE_VEROUDERD, code="versie")
    return actueel


@transaction.atomic
def raadsrapportage_opslaan(
    *, door: User, rapport: Raadsrapportage, versie: int, inleiding: str, resultaten: str, vooruitblik: str
) -> Raadsrapportage:
    """Save the texts of a draft (only a draft, and only over the version the user saw)."""
    actueel = _wijzigbaar(door, rapport, versie)
    actueel.inleiding, actueel.resultaten, actueel.vooruitblik = inleiding, resultaten, vooruitblik
    actueel.gewijzigd_door = door
    actueel.versie += 1
    actueel.full_clean()
    actueel.save()
    return actueel


@transaction.atomic
def raadsrapportage_definitief_maken(*, door: User, rapport: Raadsrapportage, versie: int) -> Raadsrapportage:
    """Produce the PDF from today's figures and the saved texts, store it with its SHA-256 and
    make the report final: from then on it is what the council received."""
    from regie.rapportage.rapport import raadsrapportage_pdf

    actueel = _wijzigbaar(door, rapport, versie)
    if not (actueel.inleiding.strip() and actueel.resultaten.strip()):
        raise ValidationError("Schrijf eerst de inleiding en de toelichting op de resultaten, en sla ze op.")
    inhoud = raadsrapportage_pdf(actueel, definitief_op=timezone.now(), door=door)
    actueel.pdf = inhoud
    actueel.sha256 = hashlib.sha256(inhoud).hexdigest()
    actueel.status = RapportStatus.DEFINITIEF
    actueel.definitief_door = door
    actueel.definitief_op = timezone.now()
    actueel.versie += 1
    actueel.save()
    return actueel

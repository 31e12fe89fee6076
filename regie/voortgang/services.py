"""Recording what a provider reports. Every function takes keyword-only arguments and
`door`, runs in one transaction, checks with `regie.voortgang.regels` and writes a timeline
entry (and so the processing log). Bad input: `ValidationError({field: [Dutch message]})`,
nothing stored.

Idempotent: sending the same thing again changes nothing (no new row, no timeline entry) and
returns `wijziging="ongewijzigd"`. Different values for the same week are a correction: the
new report becomes the current one, the earlier one stays as history (`actueel=False`,
`vervangen_door`). Progress, exams and results are keyed by (date, component) or by kind; a
correction there changes the row and the timeline keeps what it was.

Reports need a referral that is `rapporteerbaar` (accepted or started). The end report may
also follow when the referral has just ended (afgerond or afgebroken): that is when it is
written.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils import timezone

from regie.duo.uitgaand import berichten as duo
from regie.klok import vandaag
from regie.tijdlijn import events
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.voortgang import rapportagemoment, regels
from regie.voortgang.models import (
    Bron,
    Eindrapport,
    Examenonderdeel,
    Examenpoging,
    Niveau,
    Onderdeelresultaat,
    Resultaatsoort,
    Uitslag,
    Vaardigheid,
    Voortgangsmeting,
    Weekrapportage,
)
from regie.voortgang.selectors import uren_voor_duo

NIEUW, CORRECTIE, ONGEWIJZIGD = "nieuw", "correctie", "ongewijzigd"

# Which kind of result fits which referral (perceel of the contract).
RESULTAAT_PERCELEN = {
    Resultaatsoort.PVT: {"pvt", "maatschappelijke_begeleiding"},
    Resultaatsoort.MAP: {"map", "b1_route", "z_route"},
    Resultaatsoort.ZROUTE: {"z_route"},
}
EINDRAPPORT_STATUSSEN = {
    VerwijzingStatus.GEACCEPTEERD,
    VerwijzingStatus.GESTART,
    VerwijzingStatus.AFGEROND,
    VerwijzingStatus.AFGEBROKEN,
}


@dataclass(frozen=True)
class Vastgelegd:
    object: object
    wijziging: str  # NIEUW, CORRECTIE or ONGEWIJZIGD

    @property
    def gewijzigd(self) -> bool:
        return self.wijziging != ONGEWIJZIGD


def niet_rapporteerbaar(verwijzing: Verwijzing) -> str:
    """The Dutch reason a provider cannot report on this referral, or ''."""
    if verwijzing.rapporteerbaar:
        return ""
    if verwijzing.status == VerwijzingStatus.VERZONDEN:
        return "Accepteer de verwijzing eerst; daarna kunt u erover rapporteren."
    return (
        f"Deze verwijzing is {verwijzing.get_status_display().lower()}. U kunt er niet meer over rapporteren."
        " Klopt dat niet, neem dan contact op met de consulent van de gemeente."
    )


def begin_van(verwijzing: Verwijzing) -> date | None:
    """Where the referral's period starts: the start date, or while it has not started the date
    the provider planned when accepting."""
    return verwijzing.startdatum or getattr(verwijzing, "geplande_startdatum", None)


def _vergrendel(verwijzing: Verwijzing) -> Verwijzing:
    """The referral again, locked: its status is read fresh and reports for it queue up."""
    return (
        Verwijzing.objects.select_for_update(of=("self",))
        .select_related("contract__aanbieder")
        .get(pk=verwijzing.pk)
    )


def _als_decimal(waarde) -> Decimal | None:
    if waarde is None or waarde == "":
        return None
    if isinstance(waarde, Decimal):
        return waarde
    try:
        return Decimal(str(waarde).replace(",", "."))
    except ArithmeticError:
        return Decimal("-1")


# The longest texts a provider writes: the forms and the API offer these limits, the services
# refuse more (with the message of Django's MaxLengthValidator, as the forms show it).
MAX_TEKST = 2000  # opmerking, toelichting
MAX_RAPPORT = 5000  # samenvatting and advies of the end report


def _lengte(fouten: dict, veld: str, tekst: str, maximum: int = MAX_TEKST) -> None:
    try:
        MaxLengthValidator(maximum)(tekst)
    except ValidationError as fout:
        fouten.setdefault(veld, []).extend(fout.messages)


def weekrapportage_fouten(
    verwijzing: Verwijzing,
    *,
    week: date | None,
    uren: dict,
    opmerking: str = "",
    peildatum: date | None = None,
) -> dict[str, list[str]]:
    """Every problem of a week's report, without storing anything (also for the CSV preview)."""
    fouten: dict[str, list[str]] = {}
    _lengte(fouten, "opmerking", (opmerking or "").strip())
    reden = niet_rapporteerbaar(verwijzing)
    if reden:
        fouten["verwijzing"] = [reden]
    if week is None:
        fouten["week"] = ["Vul de week in."]
    else:
        weekfouten = regels.week_fouten(
            week,
            startdatum=begin_van(verwijzing),
            einddatum=verwijzing.einddatum,
            vandaag=peildatum or vandaag(),
        )
        if weekfouten:
            fouten["week"] = weekfouten
    for veld, meldingen in regels.uren_fouten(uren).items():
        fouten.setdefault(veld, []).extend(meldingen)
    return fouten


def huidige_weekrapportage(verwijzing: Verwijzing, week: date) -> Weekrapportage | None:
    return Weekrapportage.objects.filter(verwijzing=verwijzing, week=week, actueel=True).first()


def is_gelijk(rapportage: Weekrapportage, uren: dict, opmerking: str) -> bool:
    return all(getattr(rapportage, veld) == uren[veld] for veld in regels.UREN) and (
        rapportage.opmerking == (opmerking or "").strip()
    )


@transaction.atomic
def weekrapportage_vastleggen(
    *,
    verwijzing: Verwijzing,
    week: date,
    uren_aangeboden,
    uren_gevolgd,
    uren_afwezig_ziek=0,
    uren_afwezig_afspraak=0,
    uren_afwezig_ongeoorloofd=0,
    opmerking: str = "",
    bron: str = Bron.PORTAAL,
    door,
    upload=None,
) -> Vastgelegd:
    verwijzing = _vergrendel(verwijzing)
    uren = {
        "uren_aangeboden": _als_decimal(uren_aangeboden),
        "uren_gevolgd": _als_decimal(uren_gevolgd),
        "uren_afwezig_ziek": _als_decimal(uren_afwezig_ziek),
        "uren_afwezig_afspraak": _als_decimal(uren_afwezig_afspraak),
        "uren_afwezig_ongeoorloofd": _als_decimal(uren_afwezig_ongeoorloofd),
    }
    opmerking = (opmerking or "").strip()
    fouten = weekrapportage_fouten(verwijzing, week=week, uren=uren, opmerking=opmerking)
    if fouten:
        raise ValidationError(fouten)
    vorige = (
        Weekrapportage.objects.select_for_update()
        .filter(verwijzing=verwijzing, week=week, actueel=True)
        .first()
    )
    if vorige is not None and is_gelijk(vorige, uren, opmerking):
        return Vastgelegd(vorige, ONGEWIJZIGD)
    if vorige is not None:
        vorige.actueel = False
        vorige.save(update_fields=["actueel"])
    rapportage = Weekrapportage.objects.create(
        verwijzing=verwijzing,
        week=week,
        opmerking=opmerking,
        bron=bron,
        ingediend_door=door,
        upload=upload,
        **uren,
    )
    rapportagemoment.gemeld(rapportage)
    if vorige is not None:
        vorige.vervangen_door = rapportage
        vorige.save(update_fields=["vervangen_door"])
    events.weekrapportage_vastgelegd(verwijzing.inburgeraar, door, rapportage, vorige)
    # changed hours totals to DUO
    duo.meld_gevolgde_uren(verwijzing.inburgeraar, uren_voor_duo(verwijzing.inburgeraar), door=door)
    return Vastgelegd(rapportage, CORRECTIE if vorige else NIEUW)


def _keuze(waarde, keuzes, veld: str, melding: str, fouten: dict) -> None:
    if waarde not in keuzes.values:
        fouten.setdefault(veld, []).append(melding)


def _basis(verwijzing: Verwijzing, datum, fouten: dict, *, veld="datum", statussen=None) -> None:
    if statussen is None:
        reden = niet_rapporteerbaar(verwijzing)
    else:
        reden = "" if verwijzing.status in statussen else niet_rapporteerbaar(verwijzing)
    if reden:
        fouten.setdefault("verwijzing", []).append(reden)
    for naam, meldingen in regels.datum_fouten(
        datum, startdatum=begin_van(verwijzing), vandaag=vandaag(), veld=veld
    ).items():
        fouten.setdefault(naam, []).extend(meldingen)


def _vastleggen_per_sleutel(
    model, *, sleutel: dict, waarden: dict, bron: str, door, gebeurtenis
) -> Vastgelegd:
    """Progress, exams, results and the end report keep one row per key (date and component, or
    kind), so the same report again is ONGEWIJZIGD and other values correct that row in place.
    `gebeurtenis(rij, vorig)` writes the timeline entry (and any message to DUO); `vorig` holds the
    values before a correction, None for a new row."""
    bestaand = model.objects.filter(**sleutel).first()
    if bestaand is None:
        rij = model.objects.create(**sleutel, **waarden, bron=bron, ingediend_door=door)
        rapportagemoment.gemeld(rij)
        gebeurtenis(rij, None)
        return Vastgelegd(rij, NIEUW)
    if all(getattr(bestaand, k) == v for k, v in waarden.items()):
        return Vastgelegd(bestaand, ONGEWIJZIGD)
    vorig = {k: getattr(bestaand, k) for k in waarden}
    for k, v in waarden.items():
        setattr(bestaand, k, v)
    bestaand.bron, bestaand.ingediend_door, bestaand.ingediend_op = bron, door, timezone.now()
    bestaand.save()
    rapportagemoment.gemeld(bestaand)
    gebeurtenis(bestaand, vorig)
    return Vastgelegd(bestaand, CORRECTIE)


@transaction.atomic
def voortgang_vastleggen(
    *,
    verwijzing: Verwijzing,
    datum: date,
    onderdeel: str,
    niveau: str,
    toelichting: str = "",
    bron: str = Bron.PORTAAL,
    door,
) -> Vastgelegd:
    verwijzing = _vergrendel(verwijzing)
    fouten: dict[str, list[str]] = {}
    _basis(verwijzing, datum, fouten)
    _keuze(onderdeel, Vaardigheid, "onderdeel", "Kies een onderdeel.", fouten)
    _keuze(
        niveau, Niveau, "niveau", "Kies een niveau (A0 tot en met B2), of op koers / niet op koers.", fouten
    )
    _lengte(fouten, "toelichting", (toelichting or "").strip())
    if fouten:
        raise ValidationError(fouten)
    return _vastleggen_per_sleutel(
        Voortgangsmeting,
        sleutel={"verwijzing": verwijzing, "datum": datum, "onderdeel": onderdeel},
        waarden={"niveau": niveau, "toelichting": (toelichting or "").strip()},
        bron=bron,
        door=door,
        gebeurtenis=lambda meting, vorig: events.voortgangsmeting_vastgelegd(
            verwijzing.inburgeraar, door, meting, vorig_niveau=vorig["niveau"] if vorig else None
        ),
    )


@transaction.atomic
def examenpoging_vastleggen(
    *,
    verwijzing: Verwijzing,
    datum: date,
    onderdeel: str,
    uitslag: str,
    niveau: str = "",
    toelichting: str = "",
    bron: str = Bron.PORTAAL,
    door,
) -> Vastgelegd:
    verwijzing = _vergrendel(verwijzing)
    fouten: dict[str, list[str]] = {}
    _basis(verwijzing, datum, fouten)
    _keuze(onderdeel, Examenonderdeel, "onderdeel", "Kies het onderdeel van het examen.", fouten)
    _keuze(uitslag, Uitslag, "uitslag", "Kies de uitslag: behaald, niet behaald of niet verschenen.", fouten)
    niveau = niveau or ""
    if niveau and niveau not in {"A1", "A2", "B1", "B2"}:
        fouten.setdefault("niveau", []).append("Kies als niveau A1, A2, B1 of B2.")
    elif onderdeel == Examenonderdeel.KNM and niveau:
        fouten.setdefault("niveau", []).append("Het examen KNM heeft geen taalniveau. Laat het niveau leeg.")
    elif onderdeel != Examenonderdeel.KNM and uitslag != Uitslag.NIET_VERSCHENEN and not niveau:
        fouten.setdefault("niveau", []).append("Vul het niveau van het examen in (A1, A2, B1 of B2).")
    _lengte(fouten, "toelichting", (toelichting or "").strip())
    if fouten:
        raise ValidationError(fouten)
    toelichting = (toelichting or "").strip()
    waarden = {"uitslag": uitslag, "niveau": niveau, "toelichting": toelichting}
    return _vastleggen_per_sleutel(
        Examenpoging,
        sleutel={"verwijzing": verwijzing, "datum": datum, "onderdeel": onderdeel},
        waarden=waarden,
        bron=bron,
        door=door,
        gebeurtenis=lambda poging, vorig: events.examenpoging_vastgelegd(
            verwijzing.inburgeraar, door, poging, correctie=vorig is not None
        ),
    )


@transaction.atomic
def onderdeelresultaat_vastleggen(
    *,
    verwijzing: Verwijzing,
    soort: str,
    afgerond_op: date,
    uren_taal: int | None = None,
    uren_participatie: int | None = None,
    eindgesprek_op: date | None = None,
    toelichting: str = "",
    bron: str = Bron.PORTAAL,
    door,
) -> Vastgelegd:
    verwijzing = _vergrendel(verwijzing)
    fouten: dict[str, list[str]] = {}
    _basis(verwijzing, afgerond_op, fouten, veld="afgerond_op")
    _keuze(soort, Resultaatsoort, "soort", "Kies PVT, MAP of Z-route.", fouten)
    if (
        soort in Resultaatsoort.values
        and verwijzing.onderdeel not in RESULTAAT_PERCELEN[Resultaatsoort(soort)]
    ):
        fouten.setdefault("soort", []).append(
            f"Een resultaat {Resultaatsoort(soort).label} past niet bij deze verwijzing"
            f" ({verwijzing.get_onderdeel_display()})."
        )
    if soort == Resultaatsoort.ZROUTE:
        for veld, waarde in (("uren_taal", uren_taal), ("uren_participatie", uren_participatie)):
            if waarde is None:
                fouten.setdefault(veld, []).append("Vul het aantal uren in.")
            elif waarde < 0 or waarde > 9999:
                fouten.setdefault(veld, []).append("Vul een aantal uren in van 0 tot en met 9999.")
        if eindgesprek_op is None:
            fouten.setdefault("eindgesprek_op", []).append("Vul de datum van het eindgesprek in.")
        elif eindgesprek_op > vandaag():
            fouten.setdefault("eindgesprek_op", []).append(
                "De datum van het eindgesprek ligt in de toekomst."
            )
    elif soort in Resultaatsoort.values:
        for veld, waarde in (
            ("uren_taal", uren_taal),
            ("uren_participatie", uren_participatie),
            ("eindgesprek_op", eindgesprek_op),
        ):
            if waarde is not None:
                fouten.setdefault(veld, []).append("Dit vult u alleen in bij de Z-route.")
    _lengte(fouten, "toelichting", (toelichting or "").strip())
    if fouten:
        raise ValidationError(fouten)
    waarden = {
        "afgerond_op": afgerond_op,
        "uren_taal": uren_taal,
        "uren_participatie": uren_participatie,
        "eindgesprek_op": eindgesprek_op,
        "toelichting": (toelichting or "").strip(),
    }

    def gebeurtenis(resultaat, vorig):
        events.onderdeelresultaat_vastgelegd(
            verwijzing.inburgeraar, door, resultaat, correctie=vorig is not None
        )
        duo.meld_resultaat(resultaat, door=door)  # PVT/MAP/Z-route date to DUO
        if resultaat.soort == Resultaatsoort.ZROUTE:  # the Z-route's language and participation hours
            inburgeraar = verwijzing.inburgeraar
            duo.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar), door=door)

    return _vastleggen_per_sleutel(
        Onderdeelresultaat,
        sleutel={"verwijzing": verwijzing, "soort": soort},
        waarden=waarden,
        bron=bron,
        door=door,
        gebeurtenis=gebeurtenis,
    )


@transaction.atomic
def eindrapport_vastleggen(
    *,
    verwijzing: Verwijzing,
    datum: date,
    samenvatting: str,
    advies: str = "",
    bron: str = Bron.PORTAAL,
    door,
) -> Vastgelegd:
    verwijzing = _vergrendel(verwijzing)
    fouten: dict[str, list[str]] = {}
    _basis(verwijzing, datum, fouten, statussen=EINDRAPPORT_STATUSSEN)
    samenvatting, advies = (samenvatting or "").strip(), (advies or "").strip()
    if not samenvatting:
        fouten.setdefault("samenvatting", []).append("Schrijf een samenvatting van het traject.")
    _lengte(fouten, "samenvatting", samenvatting, MAX_RAPPORT)
    _lengte(fouten, "advies", advies, MAX_RAPPORT)
    if fouten:
        raise ValidationError(fouten)
    waarden = {"datum": datum, "samenvatting": samenvatting, "advies": advies}
    return _vastleggen_per_sleutel(
        Eindrapport,
        sleutel={"verwijzing": verwijzing},
        waarden=waarden,
        bron=bron,
        door=door,
        gebeurtenis=lambda rapport, vorig: events.eindrapport_vastgelegd(
            verwijzing.inburgeraar, door, rapport, correctie=vorig is not None
        ),
    )

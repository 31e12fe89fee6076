"""The checks on an attendance report, pure Python: the service, the portal's preview and the
API all use these, so a row gets the same Dutch message everywhere.

Decisions (not rules of the law, so they live here and not in regie/wet):
- hours followed are at most the hours offered;
- every hour offered and not followed has a reason: followed + ill + appointment + unexcused
  = offered (so the share of unexcused absence can be trusted);
- the week is a Monday; it lies in the referral's period (from the start date to the end date,
  or today while the referral runs): the week counts when any of its days is in the period;
- a week in the future cannot be reported (the current week can).
"""

from datetime import date, timedelta
from decimal import Decimal

UREN = (
    "uren_aangeboden",
    "uren_gevolgd",
    "uren_afwezig_ziek",
    "uren_afwezig_afspraak",
    "uren_afwezig_ongeoorloofd",
)
MAX_UREN = Decimal("60")


def uur_tekst(waarde) -> str:
    """Hours as a Dutch reader writes them: 12, 7,5 (never 1E+1)."""
    tekst = f"{Decimal(waarde):f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


_uur = uur_tekst


def uren_fouten(uren: dict[str, Decimal | None]) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    for veld in UREN:
        waarde = uren.get(veld)
        if waarde is None:
            fouten.setdefault(veld, []).append("Vul het aantal uren in (0 als er geen uren waren).")
        elif waarde < 0:
            fouten.setdefault(veld, []).append("Het aantal uren kan niet negatief zijn.")
        elif waarde > MAX_UREN:
            fouten.setdefault(veld, []).append(f"Meer dan {_uur(MAX_UREN)} uur in één week kan niet.")
        elif waarde != waarde.quantize(Decimal("0.01")):
            fouten.setdefault(veld, []).append("Gebruik hoogstens twee cijfers achter de komma.")
    if fouten:
        return fouten
    aangeboden, gevolgd = uren["uren_aangeboden"], uren["uren_gevolgd"]
    if gevolgd > aangeboden:
        fouten["uren_gevolgd"] = [
            f"Er zijn meer uren gevolgd ({_uur(gevolgd)}) dan aangeboden ({_uur(aangeboden)}). Dat kan niet."
        ]
        return fouten
    afwezig = uren["uren_afwezig_ziek"] + uren["uren_afwezig_afspraak"] + uren["uren_afwezig_ongeoorloofd"]
    if gevolgd + afwezig != aangeboden:
        fouten["__all__"] = [
            f"De uren tellen niet op: gevolgd {_uur(gevolgd)} + afwezig {_uur(afwezig)} ="
            f" {_uur(gevolgd + afwezig)} uur, maar er zijn {_uur(aangeboden)} uur aangeboden. Geef voor elk"
            " gemist uur een reden: ziek, afspraak of ongeoorloofd."
        ]
    return fouten


def week_fouten(week: date, *, startdatum: date | None, einddatum: date | None, vandaag: date) -> list[str]:
    if week.weekday() != 0:
        return ["Een week begint op maandag. Vul de datum van de maandag in."]
    zondag = week + timedelta(days=6)
    if week > vandaag:
        return [f"De week van {week:%d-%m-%Y} ligt in de toekomst. U kunt alleen gevolgde weken melden."]
    if startdatum is None:
        return ["Deze verwijzing heeft nog geen startdatum. Meld eerst de start."]
    if zondag < startdatum:
        return [f"De week van {week:%d-%m-%Y} ligt voor de start van de verwijzing ({startdatum:%d-%m-%Y})."]
    if einddatum is not None and week > einddatum:
        return [f"De week van {week:%d-%m-%Y} ligt na het einde van de verwijzing ({einddatum:%d-%m-%Y})."]
    return []


def datum_fouten(datum: date | None, *, startdatum: date | None, vandaag: date, veld: str = "datum") -> dict:
    """For progress, exams, results and the end report: a date, not in the future, not before the start."""
    if datum is None:
        return {veld: ["Vul de datum in."]}
    if datum > vandaag:
        return {veld: ["De datum ligt in de toekomst."]}
    if startdatum is not None and datum < startdatum:
        return {veld: [f"De datum ligt voor de start van de verwijzing ({startdatum:%d-%m-%Y})."]}
    return {}

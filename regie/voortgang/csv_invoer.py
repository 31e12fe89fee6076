"""Reading a provider's attendance file (CSV), without Django: bytes in, rows with problems out.

The file is the one schools already keep: one row per person per week. What it tolerates:
- encoding UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (Excel's "CSV");
- separator `;` (Dutch Excel), `,` or a tab, recognised from the header line;
- column names in any case, with spaces or hyphens, and a few common alternatives
  (`ziek` for `afwezig_ziek`, `verwijzing_id` for `verwijzing`, ...); columns such as `naam`
  or `klas` are ignored; any other column is an error for the whole file;
- a person by `bsn` (8 digits are completed with a leading zero: Excel drops it) or by the
  referral's id (`verwijzing`, the uuid), or both;
- the week as a date dd-mm-jjjj (also d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj or jjjj-mm-dd; any day
  counts as the week it falls in) or as ISO week `2026-W47`;
- hours with a decimal comma or point (`2,5`), at most two decimals; an empty absence cell is 0.

What a row means (is the person known, is the referral open, is it a change) is checked by
`regie.voortgang.upload` with the database; this module only reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from stdnum.nl import bsn as stdnum_bsn

from regie.csvbestand import CsvFout, rijen_van, tekst_van

UREN_VELDEN = (
    "uren_aangeboden",
    "uren_gevolgd",
    "uren_afwezig_ziek",
    "uren_afwezig_afspraak",
    "uren_afwezig_ongeoorloofd",
)

# Column in the file (canonical name) -> the names a school may use for it.
KOLOMMEN: dict[str, tuple[str, ...]] = {
    "bsn": ("bsn", "burgerservicenummer"),
    "verwijzing": ("verwijzing", "verwijzing_id", "verwijzingsnummer", "verwijzing_uuid"),
    "week": ("week", "weeknummer", "week_van", "datum", "maandag"),
    "uren_aangeboden": ("uren_aangeboden", "aangeboden", "aangeboden_uren"),
    "uren_gevolgd": ("uren_gevolgd", "gevolgd", "gevolgde_uren", "aanwezig", "uren_aanwezig"),
    "uren_afwezig_ziek": ("afwezig_ziek", "uren_afwezig_ziek", "ziek"),
    "uren_afwezig_afspraak": ("afwezig_afspraak", "uren_afwezig_afspraak", "afspraak"),
    "uren_afwezig_ongeoorloofd": (
        "afwezig_ongeoorloofd",
        "uren_afwezig_ongeoorloofd",
        "ongeoorloofd",
        "ongeoorloofd_afwezig",
    ),
    "opmerking": ("opmerking", "opmerkingen", "toelichting"),
}
NAAM_IN_BESTAND = {
    "uren_afwezig_ziek": "afwezig_ziek",
    "uren_afwezig_afspraak": "afwezig_afspraak",
    "uren_afwezig_ongeoorloofd": "afwezig_ongeoorloofd",
}
VERPLICHT = ("week", "uren_aangeboden", "uren_gevolgd")
GENEGEERD = {
    "naam",
    "voornaam",
    "achternaam",
    "voornamen",
    "geslachtsnaam",
    "klas",
    "groep",
    "docent",
    "locatie",
}
MAX_REGELS = 5000
MAX_UREN_PER_WEEK = Decimal("60")

VOORBEELD = (
    "bsn;verwijzing;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd;opmerking\n"
    "123456782;;16-11-2026;12;10;2;0;0;Griep op dinsdag\n"
    ";3f2b6c1e-8d4a-4c3b-9a57-2f0c1d9e4b21;2026-W47;12;7,5;0;1,5;3;\n"
)

_ALIAS = {alias: kolom for kolom, namen in KOLOMMEN.items() for alias in namen}
_ISO_WEEK = re.compile(r"^(\d{4})-?[wW](\d{1,2})(?:-?([1-7]))?$")
_NL_DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$")
_ISO_DATUM = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UREN = re.compile(r"^\d{1,4}(?:[.,]\d{1,2})?$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


@dataclass
class Regel:
    """One data row of the file. `nummer` is the line in the file (the header is line 1)."""

    nummer: int
    bsn: str = ""
    verwijzing: str = ""
    week: date | None = None
    uren: dict[str, Decimal | None] = field(default_factory=dict)
    opmerking: str = ""
    fouten: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.fouten


@dataclass
class Bestand:
    regels: list[Regel]
    fouten: list[str]  # problems of the whole file (then no row is read)
    scheidingsteken: str = ";"
    codering: str = "utf-8"
    kolommen: list[str] = field(default_factory=list)


def maandag_van(dag: date) -> date:
    return dag - timedelta(days=dag.weekday())


def week_tekst(maandag: date) -> str:
    jaar, week, _ = maandag.isocalendar()
    return f"{jaar}-W{week:02d}"


def lees_week(tekst: str) -> tuple[date | None, str]:
    """(Monday of the week, "") or (None, Dutch message)."""
    tekst = (tekst or "").strip()
    if not tekst:
        return None, "De week ontbreekt. Vul een datum in (dd-mm-jjjj) of een weeknummer (2026-W47)."
    if m := _ISO_WEEK.match(tekst):
        jaar, week = int(m[1]), int(m[2])
        try:
            return date.fromisocalendar(jaar, week, 1), ""
        except ValueError:
            return None, f"Week '{tekst}' bestaat niet. Een jaar heeft week 1 tot en met 52 of 53."
    if m := _NL_DATUM.match(tekst):
        if len(m[3]) != 4:
            return None, f"Datum '{tekst}': schrijf het jaar met vier cijfers (dd-mm-jjjj)."
        dag, maand, jaar = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO_DATUM.match(tekst):
        jaar, maand, dag = int(m[1]), int(m[2]), int(m[3])
    else:
        return (
            None,
            f"'{tekst}' is geen datum of week. Schrijf dd-mm-jjjj (16-11-2026) of jjjj-Www (2026-W47).",
        )
    try:
        return maandag_van(date(jaar, maand, dag)), ""
    except ValueError:
        return None, f"Datum '{tekst}' bestaat niet."


def lees_uren(tekst: str, *, verplicht: bool) -> tuple[Decimal | None, str]:
    tekst = (tekst or "").strip().replace(" ", "")
    if not tekst:
        return (None, "vul het aantal uren in") if verplicht else (Decimal("0"), "")
    if not _UREN.match(tekst):
        if tekst.startswith("-"):
            return None, f"'{tekst}' is negatief"
        return None, f"'{tekst}' is geen aantal uren (bijvoorbeeld 12 of 2,5)"
    waarde = Decimal(tekst.replace(",", "."))
    if waarde > MAX_UREN_PER_WEEK:
        return None, f"{tekst} uur in één week kan niet (meer dan {MAX_UREN_PER_WEEK})"
    return waarde, ""


def lees_bsn(tekst: str) -> tuple[str, str]:
    tekst = re.sub(r"[\s.]", "", tekst or "")
    if not tekst:
        return "", ""
    if tekst.isdigit() and len(tekst) == 8:
        tekst = "0" + tekst  # Excel drops the leading zero
    if not stdnum_bsn.is_valid(tekst):
        return "", f"BSN '{tekst}' klopt niet: een BSN heeft 9 cijfers en doorstaat de elfproef."
    return tekst, ""


def _normaliseer_kop(naam: str) -> str:
    return re.sub(r"[\s\-]+", "_", (naam or "").strip().strip("\ufeff").strip('"').lower())


def lees_bestand(inhoud: bytes) -> Bestand:
    """Read the whole file; every problem of every row is collected, nothing is stopped early.
    The size limit (REGIE_MAX_UPLOAD_MB) is checked by the page and the API before."""
    try:
        tekst, codering = tekst_van(inhoud)
    except CsvFout as fout:
        return Bestand([], [fout.melding])
    try:
        teken, rijen = rijen_van(tekst)
    except CsvFout as fout:
        return Bestand([], [fout.melding], "", codering)
    kop = [_normaliseer_kop(k) for k in rijen[0]]
    fouten: list[str] = []
    indeling: dict[str, int] = {}
    onbekend = []
    for index, naam in enumerate(kop):
        if not naam or naam in GENEGEERD:
            continue
        kolom = _ALIAS.get(naam)
        if kolom is None:
            onbekend.append(rijen[0][index].strip())
        elif kolom in indeling:
            fouten.append(f"De kolom '{rijen[0][index].strip()}' staat twee keer in de eerste regel.")
        else:
            indeling[kolom] = index
    verwacht = ", ".join(NAAM_IN_BESTAND.get(k, k) for k in KOLOMMEN)
    if onbekend:
        fouten.append(
            "Onbekende kolom"
            + ("men" if len(onbekend) > 1 else "")
            + ": "
            + ", ".join(f"'{o}'" for o in onbekend)
            + f". De kolommen zijn: {verwacht}."
        )
    ontbreekt = [k for k in VERPLICHT if k not in indeling]
    if "bsn" not in indeling and "verwijzing" not in indeling:
        ontbreekt.insert(0, "bsn of verwijzing")
    if ontbreekt:
        fouten.append(
            "De eerste regel moet de kolomnamen bevatten. Deze kolom"
            + ("men ontbreken" if len(ontbreekt) > 1 else " ontbreekt")
            + ": "
            + ", ".join(NAAM_IN_BESTAND.get(k, k) for k in ontbreekt)
            + (
                f". Gebruikt u wel het scheidingsteken ; of , ? De kolommen zijn: {verwacht}."
                if not indeling
                else "."
            )
        )
    if fouten:
        return Bestand([], fouten, teken, codering, kop)
    data = [(nummer, rij) for nummer, rij in enumerate(rijen[1:], start=2) if any(c.strip() for c in rij)]
    if not data:
        return Bestand([], ["Het bestand bevat alleen de kolomnamen en geen regels."], teken, codering, kop)
    if len(data) > MAX_REGELS:
        return Bestand(
            [],
            [f"Het bestand heeft {len(data)} regels; het maximum is {MAX_REGELS}. Splits het bestand."],
            teken,
            codering,
            kop,
        )
    regels = [_lees_regel(nummer, rij, indeling, len(kop)) for nummer, rij in data]
    return Bestand(regels, [], teken, codering, kop)


def _lees_regel(nummer: int, rij: list[str], indeling: dict[str, int], breedte: int) -> Regel:
    regel = Regel(nummer=nummer)

    def cel(kolom: str) -> str:
        index = indeling.get(kolom)
        return rij[index].strip() if index is not None and index < len(rij) else ""

    if len(rij) > breedte and any(c.strip() for c in rij[breedte:]):
        regel.fouten.append(
            f"Deze regel heeft {len(rij)} waarden, de eerste regel {breedte} kolommen. Staat er een"
            " scheidingsteken in een waarde (bijvoorbeeld 2,5 in een bestand met komma's)? Zet die waarde tussen"
            ' aanhalingstekens ("2,5") of gebruik de puntkomma als scheidingsteken.'
        )
    regel.bsn, fout = lees_bsn(cel("bsn"))
    if fout:
        regel.fouten.append(fout)
    verwijzing = cel("verwijzing")
    if verwijzing:
        if _UUID.match(verwijzing):
            regel.verwijzing = verwijzing.lower()
        else:
            regel.fouten.append(f"'{verwijzing}' is geen verwijzingsnummer van Regie.")
    if not cel("bsn") and not verwijzing:
        regel.fouten.append("Vul het BSN of het verwijzingsnummer in.")
    regel.week, fout = lees_week(cel("week"))
    if fout:
        regel.fouten.append(fout)
    for veld in UREN_VELDEN:
        waarde, fout = lees_uren(cel(veld), verplicht=veld in VERPLICHT)
        regel.uren[veld] = waarde
        if fout:
            regel.fouten.append(f"{KOLOMNAAM[veld]}: {fout}.")
    regel.opmerking = cel("opmerking")  # whole: a too long one is refused (weekrapportage_fouten)
    return regel


KOLOMNAAM = {
    "uren_aangeboden": "Uren aangeboden",
    "uren_gevolgd": "Uren gevolgd",
    "uren_afwezig_ziek": "Afwezig ziek",
    "uren_afwezig_afspraak": "Afwezig afspraak",
    "uren_afwezig_ongeoorloofd": "Afwezig ongeoorloofd",
}


def to_decimal(waarde) -> Decimal:
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, TypeError):
        return Decimal("0")

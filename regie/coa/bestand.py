"""Reading a COA koppelingen file (docs/coa-koppelingen.md): bytes -> rows with their problems.

No database here: this module checks the file itself (encoding, columns, every value, the
households, duplicates). What needs the database (does the municipality belong to the
organisation, is the person already known) is checked in `regie.coa.services`.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from stdnum.nl import bsn as stdnum_bsn

from regie.csvbestand import CsvFout, rijen_van
from regie.wet.leeftijd import MINIMUMLEEFTIJD, heeft_minimumleeftijd

MAX_RIJEN = 5000

VERPLICHT = (
    "huishouden",
    "rol",
    "bsn",
    "voornamen",
    "geslachtsnaam",
    "geboortedatum",
    "gemeente",
    "datum_koppeling",
)
OPTIONEEL = (
    "v_nummer",
    "tussenvoegsel",
    "geslacht",
    "nationaliteit",
    "geboorteland",
    "datum_huisvesting_verwacht",
    "datum_huisvesting",
    "talen",
    "voorinburgering_gestart",
    "voorinburgering_niveau",
    "voorinburgering_uren",
    "voorinburgering_opmerking",
)
KOLOMMEN = VERPLICHT + OPTIONEEL
# Other names COA's or a municipality's spreadsheets use for the same column.
SYNONIEMEN = {
    "huishoudnummer": "huishouden",
    "huishouden_id": "huishouden",
    "gezin": "huishouden",
    "rol_in_huishouden": "rol",
    "burgerservicenummer": "bsn",
    "vnummer": "v_nummer",
    "vreemdelingennummer": "v_nummer",
    "achternaam": "geslachtsnaam",
    "gekoppelde_gemeente": "gemeente",
    "gemeentecode": "gemeente",
    "cbs_code": "gemeente",
    "koppeldatum": "datum_koppeling",
    "verwachte_datum_huisvesting": "datum_huisvesting_verwacht",
    "huisvestingsdatum": "datum_huisvesting",
}
MAX_LENGTE = {
    "huishouden": 50,
    "v_nummer": 20,
    "voornamen": 200,
    "tussenvoegsel": 20,
    "geslachtsnaam": 200,
    "nationaliteit": 100,
    "geboorteland": 100,
    "talen": 300,
    "voorinburgering_niveau": 20,
    "voorinburgering_opmerking": 1000,
}
ROLLEN = {
    "hoofd": "hoofd",
    "hoofdpersoon": "hoofd",
    "aanvrager": "hoofd",
    "partner": "partner",
    "echtgenoot": "partner",
    "echtgenote": "partner",
    "kind": "kind",
}
GESLACHTEN = {
    "m": "man",
    "man": "man",
    "v": "vrouw",
    "vrouw": "vrouw",
    "x": "onbekend",
    "o": "onbekend",
    "onbekend": "onbekend",
    "": "onbekend",
}
JA_NEE = {"ja": True, "j": True, "yes": True, "1": True, "nee": False, "n": False, "no": False, "0": False}
ROL_NAAM = {"hoofd": "het hoofd", "partner": "de partner", "kind": "het kind"}


@dataclass
class Rij:
    nummer: int  # line number in the file (the header is line 1)
    ruw: dict[str, str]
    waarden: dict = field(default_factory=dict)
    problemen: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)

    @property
    def rol(self) -> str:
        return self.waarden.get("rol", "")

    @property
    def volwassen(self) -> bool:
        """Gets a case of its own: the head, the partner, and a child of 16 or older."""
        return self.waarden.get("eigen_dossier", False)

    @property
    def naam(self) -> str:
        delen = (
            self.ruw.get("voornamen", ""),
            self.ruw.get("tussenvoegsel", ""),
            self.ruw.get("geslachtsnaam", ""),
        )
        return " ".join(d for d in delen if d)


@dataclass
class Bestand:
    kolommen: list[str]
    scheidingsteken: str
    codering: str
    rijen: list[Rij]


def _kolomnaam(naam: str) -> str:
    sleutel = re.sub(r"[\s\-./]+", "_", naam.strip().strip("\ufeff").lower()).strip("_")
    return SYNONIEMEN.get(sleutel, sleutel)


def kop_lezen(tekst: str) -> tuple[list[str], str, list[list[str]]]:
    """The column names, the delimiter and the data lines; CsvFout for a wrong header."""
    teken, alle = rijen_van(tekst)
    kop = [_kolomnaam(naam) for naam in alle[0]]
    problemen = []
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        problemen.append("Deze verplichte kolommen ontbreken: " + ", ".join(ontbreekt) + ".")
    onbekend = [naam for naam, k in zip(alle[0], kop, strict=True) if k not in KOLOMMEN and k]
    if onbekend:
        problemen.append(
            "Deze kolommen kent Regie niet: " + ", ".join(n.strip() for n in onbekend) + ". Controleer de"
            " spelling (zie de handleiding)."
        )
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    if dubbel:
        problemen.append("Deze kolommen staan er meer dan eens in: " + ", ".join(dubbel) + ".")
    if problemen:
        raise CsvFout(" ".join(problemen) + " De eerste regel moet de kolomnamen bevatten.")
    data = alle[1:]
    if not any(any(v.strip() for v in regel) for regel in data):
        raise CsvFout("Het bestand heeft kolomnamen maar geen rijen met personen.")
    if len(data) > MAX_RIJEN:
        raise CsvFout(f"Het bestand heeft meer dan {MAX_RIJEN} rijen. Splits het in kleinere bestanden.")
    return kop, teken, data


DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def datum(tekst: str) -> date:
    """dd-mm-jjjj (also with / or . and without leading zeros) or jjjj-mm-dd; ValueError otherwise."""
    tekst = tekst.strip()
    if m := DATUM.match(tekst):
        dag, maand, jaar = (int(x) for x in m.groups())
    elif m := ISO.match(tekst):
        jaar, maand, dag = (int(x) for x in m.groups())
    else:
        raise ValueError(tekst)
    return datetime(jaar, maand, dag).date()


def _datumveld(rij: Rij, veld: str, label: str, vandaag: date, *, verplicht: bool, toekomst: bool) -> None:
    tekst = rij.ruw.get(veld, "")
    if not tekst:
        if verplicht:
            rij.problemen.append(f"De {label} ontbreekt.")
        rij.waarden[veld] = None
        return
    try:
        waarde = datum(tekst)
    except ValueError:
        rij.problemen.append(
            f"De {label} ‘{tekst}’ is geen geldige datum. Schrijf de datum als dd-mm-jjjj, bijvoorbeeld"
            " 05-03-2025."
        )
        rij.waarden[veld] = None
        return
    if waarde > vandaag and not toekomst:
        rij.problemen.append(f"De {label} ({waarde:%d-%m-%Y}) mag niet in de toekomst liggen.")
    rij.waarden[veld] = waarde


def _controleer_rij(rij: Rij, vandaag: date) -> None:
    ruw, w = rij.ruw, rij.waarden
    for veld, lengte in MAX_LENGTE.items():
        if len(ruw.get(veld, "")) > lengte:
            rij.problemen.append(f"De waarde in kolom {veld} is te lang (hoogstens {lengte} tekens).")
    rol = ROLLEN.get(ruw.get("rol", "").lower())
    if not ruw.get("rol"):
        rij.problemen.append("De rol in het huishouden ontbreekt (hoofd, partner of kind).")
    elif rol is None:
        rij.problemen.append(f"De rol ‘{ruw['rol']}’ is onbekend. Gebruik hoofd, partner of kind.")
    w["rol"] = rol or ""
    if not ruw.get("huishouden"):
        rij.problemen.append("De sleutel van het huishouden ontbreekt.")
    for veld, label in (("voornamen", "voornamen"), ("geslachtsnaam", "geslachtsnaam")):
        if not ruw.get(veld):
            rij.problemen.append(
                f"De {label} ontbreken." if veld == "voornamen" else f"De {label} ontbreekt."
            )
    _datumveld(rij, "geboortedatum", "geboortedatum", vandaag, verplicht=True, toekomst=False)
    geboren = w["geboortedatum"]
    w["eigen_dossier"] = rol in ("hoofd", "partner") or (
        rol == "kind" and geboren is not None and heeft_minimumleeftijd(geboren, vandaag)
    )
    if rol in ("hoofd", "partner") and geboren and not heeft_minimumleeftijd(geboren, vandaag):
        rij.problemen.append(
            f"{ROL_NAAM[rol].capitalize()} is jonger dan {MINIMUMLEEFTIJD} jaar en kan geen eigen dossier"
            " krijgen (Wi 3 lid 1)."
            " Controleer de rol of de geboortedatum."
        )
    if rol == "kind" and w["eigen_dossier"]:
        rij.meldingen.append(
            f"Dit kind is {MINIMUMLEEFTIJD} jaar of ouder en krijgt een eigen dossier (Wi 3 lid 1)."
        )

    bsn = re.sub(r"[\s.]", "", ruw.get("bsn", ""))
    if bsn.isdigit() and 7 <= len(bsn) < 9:
        bsn = bsn.zfill(9)  # a spreadsheet drops leading zeros
    w["bsn"] = bsn
    if not bsn:
        if w["eigen_dossier"] or not rol:
            rij.problemen.append("Het BSN ontbreekt.")
    elif not stdnum_bsn.is_valid(bsn):
        rij.problemen.append(
            f"Het BSN ‘{ruw['bsn']}’ is ongeldig: een BSN heeft 9 cijfers en moet de elfproef doorstaan."
        )

    _datumveld(
        rij, "datum_koppeling", "datum koppeling", vandaag, verplicht=w["eigen_dossier"], toekomst=False
    )
    _datumveld(
        rij,
        "datum_huisvesting_verwacht",
        "verwachte datum huisvesting",
        vandaag,
        verplicht=False,
        toekomst=True,
    )
    _datumveld(rij, "datum_huisvesting", "datum huisvesting", vandaag, verplicht=False, toekomst=False)
    if w["datum_huisvesting"] and w["datum_koppeling"] and w["datum_huisvesting"] < w["datum_koppeling"]:
        rij.problemen.append("De datum huisvesting ligt voor de datum koppeling.")
    for veld in ("datum_koppeling", "datum_huisvesting"):
        if w[veld] and geboren and w[veld] < geboren:
            rij.problemen.append(f"De {veld.replace('_', ' ')} ligt voor de geboortedatum.")

    geslacht = GESLACHTEN.get(ruw.get("geslacht", "").lower())
    if geslacht is None:
        rij.problemen.append(f"Het geslacht ‘{ruw['geslacht']}’ is onbekend. Gebruik M, V of X.")
    w["geslacht"] = geslacht or "onbekend"

    code = ruw.get("gemeente", "").upper().removeprefix("GM")
    if not code:
        rij.problemen.append("De gemeente (CBS-code) ontbreekt.")
    elif not code.isdigit() or len(code) > 4:
        rij.problemen.append(
            f"De gemeente ‘{ruw['gemeente']}’ is geen CBS-code. Een CBS-code heeft vier cijfers, bijvoorbeeld 0303."
        )
    w["gemeente"] = code.zfill(4) if code.isdigit() and len(code) <= 4 else ""

    gestart = ruw.get("voorinburgering_gestart", "").lower()
    if gestart and gestart not in JA_NEE:
        rij.problemen.append(f"Voorinburgering gestart ‘{ruw['voorinburgering_gestart']}’: vul ja of nee in.")
    w["voorinburgering_gestart"] = JA_NEE.get(gestart) if gestart else None
    uren = ruw.get("voorinburgering_uren", "")
    w["voorinburgering_uren"] = None
    if uren:
        if uren.isdigit() and int(uren) <= 10_000:
            w["voorinburgering_uren"] = int(uren)
        else:
            rij.problemen.append(f"De uren voorinburgering ‘{uren}’ zijn geen heel getal van 0 tot 10.000.")
    for veld in (
        "huishouden",
        "v_nummer",
        "voornamen",
        "tussenvoegsel",
        "geslachtsnaam",
        "nationaliteit",
        "geboorteland",
        "talen",
        "voorinburgering_niveau",
        "voorinburgering_opmerking",
    ):
        w[veld] = ruw.get(veld, "")


def _controleer_huishoudens(rijen: list[Rij]) -> None:
    per_huishouden: dict[str, list[Rij]] = {}
    for rij in rijen:
        if rij.ruw.get("huishouden"):
            per_huishouden.setdefault(rij.ruw["huishouden"], []).append(rij)
    for sleutel, leden in per_huishouden.items():
        hoofden = [r for r in leden if r.rol == "hoofd"]
        partners = [r for r in leden if r.rol == "partner"]
        probleem = ""
        if not hoofden:
            probleem = f"Huishouden {sleutel} heeft geen hoofd. Geef precies één persoon de rol hoofd."
        elif len(hoofden) > 1:
            rijnummers = ", ".join(str(r.nummer) for r in hoofden)
            probleem = f"Huishouden {sleutel} heeft meer dan één hoofd (rijen {rijnummers})."
        elif len(partners) > 1:
            rijnummers = ", ".join(str(r.nummer) for r in partners)
            probleem = f"Huishouden {sleutel} heeft meer dan één partner (rijen {rijnummers})."
        if probleem:
            for rij in leden:
                rij.problemen.append(probleem)
        gemeenten = {r.waarden.get("gemeente") for r in leden if r.waarden.get("gemeente")}
        if len(gemeenten) > 1:
            for rij in leden:
                rij.problemen.append(
                    f"De leden van huishouden {sleutel} hebben verschillende gemeenten ({', '.join(sorted(gemeenten))})."
                )


def _controleer_dubbele_bsns(rijen: list[Rij]) -> None:
    per_bsn: dict[str, list[Rij]] = {}
    for rij in rijen:
        if rij.waarden.get("bsn"):
            per_bsn.setdefault(rij.waarden["bsn"], []).append(rij)
    for dubbel in per_bsn.values():
        if len(dubbel) > 1:
            for rij in dubbel:
                andere = ", ".join(str(r.nummer) for r in dubbel if r is not rij)
                rij.problemen.append(f"Dit BSN staat meer dan eens in het bestand (ook in rij {andere}).")


def ontleed(tekst: str, *, vandaag: date, codering: str = "UTF-8") -> Bestand:
    """Every row with its values and problems. CsvFout when the file as a whole is wrong."""
    kop, teken, data = kop_lezen(tekst)
    rijen = []
    for index, velden in enumerate(data, start=2):
        if not any(v.strip() for v in velden):
            continue  # an empty line, or ';;;;' as a spreadsheet leaves it
        ruw = {k: (velden[i].strip() if i < len(velden) else "") for i, k in enumerate(kop) if k}
        rij = Rij(nummer=index, ruw=ruw)
        if len(velden) > len(kop):
            rij.problemen.append(
                f"Deze rij heeft {len(velden)} velden en het bestand {len(kop)} kolommen. Staat er een"
                f" ‘{teken}’ in een naam of opmerking? Zet die tekst dan tussen aanhalingstekens."
            )
        _controleer_rij(rij, vandaag)
        rijen.append(rij)
    _controleer_huishoudens(rijen)
    _controleer_dubbele_bsns(rijen)
    return Bestand(kolommen=kop, scheidingsteken=teken, codering=codering, rijen=rijen)

"""DUO's API endpoints under /v1: one handler per operation of the specs (regie/duo/specs).

Each handler gets a `Verzoek` (asking municipality, person, body) and returns `(status, body)`
or raises `Fout`. Routing, headers, schema checks and the relevance rule are in `app.py`."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from . import regels
from .gegevens import actuele_pip, iso, verantwoordelijke_gemeente


class Fout(Exception):
    """A refusal: 400/404 carry one Foutmelding, 403 a list of them (as DUO's specs define)."""

    def __init__(self, status: int, teksten: str | list[str]):
        self.status = status
        self.teksten = [teksten] if isinstance(teksten, str) else list(teksten)
        super().__init__("; ".join(self.teksten))


@dataclass
class Verzoek:
    api: str
    methode: str
    pad: str
    parameters: dict
    gemeentecode: str
    toestand: object
    persoon: dict | None
    body: object
    vandaag: object

    @property
    def gegevens(self) -> dict:
        return self.toestand.gegevens


def _niet_gevonden(tekst: str):
    raise Fout(404, tekst)


def _afwijzen(fouten: list[str]):
    if fouten:
        raise Fout(403, fouten)


# -- Inburgeringsplicht ------------------------------------------------------------------------
def doelgroep(v: Verzoek):
    return 200, v.persoon.get("doelgroep") or _niet_gevonden("Er is geen doelgroep bekend voor deze persoon.")


def doelgroephistorie(v: Verzoek):
    historie = list(v.persoon.get("doelgroephistorie") or [])
    actueel = v.persoon.get("doelgroep")
    if actueel:
        historie.append({k: actueel[k] for k in ("indeling", "begindatum") if k in actueel})
    return 200, historie


_PLICHT_HISTORIE = ("indicatorInburgeringsplicht", "begindatum", "einddatum", "wijzigingsdatum")


def inburgeringsplicht(v: Verzoek):
    return 200, v.persoon["inburgeringsplicht"]


def inburgeringsplichthistorie(v: Verzoek):
    historie = list(v.persoon.get("inburgeringsplichthistorie") or [])
    actueel = v.persoon["inburgeringsplicht"]
    historie.append({k: actueel[k] for k in _PLICHT_HISTORIE if k in actueel})
    return 200, historie


# -- Inburgeringstermijn -----------------------------------------------------------------------
def inburgeringstermijn(v: Verzoek):
    return 200, v.persoon.get("inburgeringstermijn") or _niet_gevonden(
        "Er is nog geen inburgeringstermijn vastgesteld voor deze persoon."
    )


def inburgeringstermijnhistorie(v: Verzoek):
    historie = list(v.persoon.get("inburgeringstermijnhistorie") or [])
    actueel = v.persoon.get("inburgeringstermijn")
    if actueel:
        historie.append({k: w for k, w in actueel.items() if k != "startdatum"})
    return 200, historie


def verlengingsgronden(v: Verzoek):
    return 200, v.gegevens["verlengingsgronden"]


# -- Leerbaarheidstoets ------------------------------------------------------------------------
def lbt_examennummer(v: Verzoek):
    return 200, v.persoon.get("lbt") or _niet_gevonden(
        "De persoon is niet aangemeld voor de leerbaarheidstoets."
    )


def lbt_overslaan(v: Verzoek):
    if not v.persoon.get("lbt"):
        _niet_gevonden("De persoon is niet aangemeld voor de leerbaarheidstoets.")
    if v.persoon.get("lbtResultaten"):
        raise Fout(
            403, "De leerbaarheidstoets is al afgenomen; het examennummer kan niet worden ingetrokken."
        )
    v.persoon["lbt"] = None
    v.persoon["lbtOvergeslagen"] = iso(v.vandaag)
    return 200, None


def lbt_resultaten(v: Verzoek):
    return 200, v.persoon.get("lbtResultaten") or []


# -- Examen, Vrijstelling, Ontheffing ----------------------------------------------------------
def examenresultaten(v: Verzoek):
    return 200, v.persoon.get("examenresultaten") or []


def gratispogingen(v: Verzoek):
    return 200, v.persoon.get("gratispogingen") or []


def vrijstellingen(v: Verzoek):
    return 200, v.persoon.get("vrijstellingen") or []


def ontheffingen(v: Verzoek):
    return 200, v.persoon.get("ontheffingen") or []


# -- PIP ---------------------------------------------------------------------------------------
def pip_raadplegen(v: Verzoek):
    actueel = actuele_pip(v.persoon) or _niet_gevonden("Er is geen PIP bekend voor deze persoon.")
    return 200, {"gemeentecode": actueel["gemeentecode"], "pip": actueel["pip"]}


def pip_aanleveren(v: Verzoek):
    _afwijzen(regels.pip_aanleveren(v.persoon, v.body, v.gemeentecode))
    v.persoon.setdefault("pips", []).append(
        {
            "gemeentecode": v.gemeentecode,
            "pip": regels.pip_met_standaardniveau(v.body),
            "registratiedatum": iso(v.vandaag),
        }
    )
    return 201, None


def pip_verwijderen(v: Verzoek):
    if not actuele_pip(v.persoon):
        _niet_gevonden("Er is geen PIP bekend voor deze persoon.")
    _afwijzen(regels.pip_verwijderen(v.persoon, v.gemeentecode))
    v.persoon["pips"].pop()
    return 200, None


# -- Gevolgde uren -----------------------------------------------------------------------------
_UREN = {
    "/personen/{bsn}/uren/bredeintake/taallesknm": "TaallesEnKnmBredeIntake",
    "/personen/{bsn}/uren/participatieactiviteiten": "ParticipatieactiviteitenBredeIntake",
    "/personen/{bsn}/uren/participatietaalles": "ParticipatieAlsTaalles",
}


def uren_raadplegen(v: Verzoek):
    antwoord = []
    for code, uren in sorted((v.persoon.get("uren") or {}).items()):
        regel = {"gemeentecode": code, **{k: w for k, w in uren.items() if k in _UREN.values()}}
        if uren.get("bekendTot"):
            regel["bekendTot"] = uren["bekendTot"]
        antwoord.append(regel)
    return 200, antwoord


def uren_muteren(v: Verzoek):
    soort = _UREN[v.pad]
    _afwijzen(regels.uren(v.persoon, soort, v.gemeentecode))
    v.persoon.setdefault("uren", {}).setdefault(v.gemeentecode, {})[soort] = {"uren": v.body["uren"]}
    return 200, None


# -- MAP, PVT, Z-route -------------------------------------------------------------------------
def map_raadplegen(v: Verzoek):
    gegeven = v.persoon.get("map") or {}
    if not gegeven.get("datumEindgesprekMap"):
        _niet_gevonden("Er is geen datum eindgesprek MAP bekend voor deze persoon.")
    return 200, {"datumEindgesprekMap": gegeven["datumEindgesprekMap"]}


def pvt_raadplegen(v: Verzoek):
    gegeven = v.persoon.get("pvt") or {}
    if not gegeven.get("datumOndertekeningPvt"):
        _niet_gevonden("Er is geen datum ondertekening PVT bekend voor deze persoon.")
    return 200, {"datumOndertekeningPvt": gegeven["datumOndertekeningPvt"]}


def _resultaat_vervangen(v: Verzoek, soort: str):
    """PUT replaces the whole resource; an empty body withdraws it (README MAP/PVT)."""
    if v.body:
        v.persoon[soort] = {**copy.deepcopy(v.body), "gemeentecode": v.gemeentecode}
    else:
        v.persoon[soort] = None
    return 200, None


def map_muteren(v: Verzoek):
    _afwijzen(regels.map_of_pvt(v.persoon, v.body, v.gemeentecode, soort="map", vandaag=v.vandaag))
    return _resultaat_vervangen(v, "map")


def pvt_muteren(v: Verzoek):
    _afwijzen(regels.map_of_pvt(v.persoon, v.body, v.gemeentecode, soort="pvt", vandaag=v.vandaag))
    return _resultaat_vervangen(v, "pvt")


def zroute_muteren(v: Verzoek):
    _afwijzen(regels.zroute(v.persoon, v.body, v.gemeentecode, vandaag=v.vandaag))
    return _resultaat_vervangen(v, "zroute")


# -- Inburgeringsaanbod ------------------------------------------------------------------------
def instellingen(v: Verzoek):
    return 200, v.gegevens["instellingen"]


def _instelling(v: Verzoek) -> dict | None:
    nummer = v.parameters["instellingsnummer"]
    return next((i for i in v.gegevens["instellingen"] if i["instellingsnummer"] == nummer), None)


def aanbod_registreren(v: Verzoek):
    _afwijzen(regels.inburgeringsaanbod(v.persoon, v.body, _instelling(v), v.gemeentecode))
    v.persoon.setdefault("inburgeringsaanbod", {})[v.parameters["instellingsnummer"]] = {
        **copy.deepcopy(v.body),
        "gemeentecode": v.gemeentecode,
    }
    return 201, None


def aanbod_verwijderen(v: Verzoek):
    aanbod = v.persoon.get("inburgeringsaanbod") or {}
    nummer = v.parameters["instellingsnummer"]
    if nummer not in aanbod:
        _niet_gevonden("Er is geen inburgeringsaanbod bekend bij deze instelling.")
    if aanbod[nummer].get("gemeentecode") not in (None, v.gemeentecode):
        raise Fout(403, "Het inburgeringsaanbod is niet door uw gemeente aangeleverd.")
    del aanbod[nummer]
    return 204, None


# -- Contactpersoon ----------------------------------------------------------------------------
def _contactpersoon(v: Verzoek) -> dict:
    gevonden = v.gegevens["contactpersonen"].get(str(v.parameters["id"]))
    if not gevonden or gevonden["gemeentecode"] != v.gemeentecode:
        _niet_gevonden("De contactpersoon is niet bekend bij uw gemeente.")
    return gevonden


def contactpersoon_registreren(v: Verzoek):
    nummer = v.gegevens["volgendContactpersoonId"]
    if nummer > 99999:
        raise Fout(403, "Het maximale aantal contactpersonen is bereikt.")
    v.gegevens["volgendContactpersoonId"] = nummer + 1
    v.gegevens["contactpersonen"][str(nummer)] = {
        "id": nummer,
        "gemeentecode": v.gemeentecode,
        "contactpersoongegevens": copy.deepcopy(v.body),
    }
    return 201, {"id": nummer, "contactpersoongegevens": v.body}


def contactpersoon_wijzigen(v: Verzoek):
    _contactpersoon(v)["contactpersoongegevens"] = copy.deepcopy(v.body)
    return 200, None


def contactpersoon_verwijderen(v: Verzoek):
    """README: removing a contact person also removes its links to persons."""
    nummer = _contactpersoon(v)["id"]
    del v.gegevens["contactpersonen"][str(nummer)]
    for persoon in v.gegevens["personen"].values():
        if persoon.get("contactpersoon") == nummer:
            persoon["contactpersoon"] = None
    return 200, None


def contactpersoon_koppelen(v: Verzoek):
    """README: linking overwrites an existing link to another contact person."""
    nummer = _contactpersoon(v)["id"]
    if verantwoordelijke_gemeente(v.persoon) != v.gemeentecode:
        raise Fout(403, "De persoon is niet gevestigd in of gekoppeld aan uw gemeente.")
    v.persoon["contactpersoon"] = nummer
    return 201, None


def contactpersoon_ontkoppelen(v: Verzoek):
    nummer = _contactpersoon(v)["id"]
    if v.persoon.get("contactpersoon") != nummer:
        _niet_gevonden("Deze contactpersoon is niet gekoppeld aan de persoon.")
    v.persoon["contactpersoon"] = None
    return 200, None


# (api, method, path) -> handler; every operation of every spec except the Notificatie API
# (that one is the municipality's side).
HANDLERS = {
    ("Inburgeringsplicht", "get", "/personen/{bsn}/doelgroep"): doelgroep,
    ("Inburgeringsplicht", "get", "/personen/{bsn}/doelgroep/historie"): doelgroephistorie,
    ("Inburgeringsplicht", "get", "/personen/{bsn}/inburgeringsplicht"): inburgeringsplicht,
    ("Inburgeringsplicht", "get", "/personen/{bsn}/inburgeringsplicht/historie"): inburgeringsplichthistorie,
    ("Inburgeringstermijn", "get", "/personen/{bsn}/inburgeringstermijn"): inburgeringstermijn,
    (
        "Inburgeringstermijn",
        "get",
        "/personen/{bsn}/inburgeringstermijn/historie",
    ): inburgeringstermijnhistorie,
    ("Inburgeringstermijn", "get", "/verlengingsgronden"): verlengingsgronden,
    ("Leerbaarheidstoets", "get", "/personen/{bsn}/lbt/examennummer"): lbt_examennummer,
    ("Leerbaarheidstoets", "delete", "/personen/{bsn}/lbt/examennummer"): lbt_overslaan,
    ("Leerbaarheidstoets", "get", "/personen/{bsn}/lbt/resultaten"): lbt_resultaten,
    ("Examen", "get", "/personen/{bsn}/examens/resultaten"): examenresultaten,
    ("Examen", "get", "/personen/{bsn}/examens/gratispogingen"): gratispogingen,
    ("Vrijstelling", "get", "/personen/{bsn}/vrijstellingen"): vrijstellingen,
    ("Ontheffing", "get", "/personen/{bsn}/ontheffingen"): ontheffingen,
    ("PIP", "get", "/personen/{bsn}/PIP"): pip_raadplegen,
    ("PIP", "post", "/personen/{bsn}/PIP"): pip_aanleveren,
    ("PIP", "delete", "/personen/{bsn}/PIP"): pip_verwijderen,
    ("GevolgdeUren", "get", "/personen/{bsn}/uren"): uren_raadplegen,
    ("GevolgdeUren", "put", "/personen/{bsn}/uren/bredeintake/taallesknm"): uren_muteren,
    ("GevolgdeUren", "put", "/personen/{bsn}/uren/participatieactiviteiten"): uren_muteren,
    ("GevolgdeUren", "put", "/personen/{bsn}/uren/participatietaalles"): uren_muteren,
    ("MAP-PVT-Zroute", "get", "/personen/{bsn}/map"): map_raadplegen,
    ("MAP-PVT-Zroute", "put", "/personen/{bsn}/map"): map_muteren,
    ("MAP-PVT-Zroute", "get", "/personen/{bsn}/pvt"): pvt_raadplegen,
    ("MAP-PVT-Zroute", "put", "/personen/{bsn}/pvt"): pvt_muteren,
    ("MAP-PVT-Zroute", "put", "/personen/{bsn}/zroute"): zroute_muteren,
    ("Inburgeringsaanbod", "get", "/instellingen"): instellingen,
    (
        "Inburgeringsaanbod",
        "post",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
    ): aanbod_registreren,
    (
        "Inburgeringsaanbod",
        "delete",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
    ): aanbod_verwijderen,
    ("Contactpersoon", "post", "/contactpersonen"): contactpersoon_registreren,
    ("Contactpersoon", "put", "/contactpersonen/{id}"): contactpersoon_wijzigen,
    ("Contactpersoon", "delete", "/contactpersonen/{id}"): contactpersoon_verwijderen,
    ("Contactpersoon", "post", "/contactpersonen/{id}/personen/{bsn}"): contactpersoon_koppelen,
    ("Contactpersoon", "delete", "/contactpersonen/{id}/personen/{bsn}"): contactpersoon_ontkoppelen,
}

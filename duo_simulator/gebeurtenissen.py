"""Events at DUO (specs' Gebeurtenissen.md): each code changes the person's state the way the
event says, after which DUO sends the thin notification (Notificatie API) to the municipality.

`toepassen(persoon, code, gegevens, ...)` changes the person in place; `gegevens` may carry
the event's details (`datum`, `gemeentecode`, `onderdeel`, `resultaat`, ...), otherwise
realistic values are chosen. Unknown codes change nothing (the notification still goes out:
Regie must park it)."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from regie.wet.perioden import overeenkomstige_dag

from .api import Fout
from .gegevens import ONDERDELEN, actuele_pip, datum, iso, termijn_bij_pip

# as regie/duo/inkomend/ontvangst.py checks them
HANDTEKENING_HEADER = "X-Duo-Signature"
TIJDSTIP_HEADER = "X-Duo-Timestamp"

OMSCHRIJVING = {
    "SS101": "Persoon is inburgeringsplichtig.",
    "SS128": "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden.",
    "SS139": "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen leerroute is gestart.",
    "SS129": "Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend.",
    "SS120": "Inburgeringsplichtige in gemeente gevestigd zonder PIP.",
    "SS121": "Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente.",
    "SS124": "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd.",
    "SS125": "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd.",
    "SS109": "Tijdelijke vrijstelling toegekend.",
    "SS110": "Inburgeringsplicht ingetrokken.",
    "SS111": "Persoon is overleden.",
    "SS106": "Diploma behaald.",
    "SS107": "Gehele vrijstelling toegekend.",
    "SS108": "Gehele ontheffing toegekend.",
    "SS137": "Persoon is aangemeld voor de leerbaarheidstoets.",
    "SS131": "Leerbaarheidstoets is afgenomen en resultaat is bekend.",
    "SS102": "Inburgeringstermijn gestart.",
    "SS199": "Uitslag examen bekend.",
    "SS103": "Termijn ambtshalve verlengd.",
    "SS104": "Termijn op verzoek verlengd.",
    "SS130": "Tijdelijke vrijstelling ingetrokken, PIP al bekend.",
    "SS113": "Verzoek verlenging afgewezen.",
    "SS114": "Verzoek gehele vrijstelling afgewezen.",
    "SS115": "Verzoek tijdelijke vrijstelling afgewezen.",
    "SS116": "Verzoek gedeeltelijke vrijstelling afgewezen.",
    "SS117": "Verzoek gedeeltelijke vrijstelling toegekend.",
    "SS118": "Verzoek ontheffing afgewezen.",
    "SS119": "Verzoek gedeeltelijke ontheffing toegekend.",
}
CODES = tuple(OMSCHRIJVING)
NIEUWE_PLICHT = ("SS101", "SS128", "SS139")  # may register a person DUO did not know yet


def _plicht(persoon: dict, dag: date, **wijziging) -> None:
    """Change the obligation, keeping the previous version in its history."""
    oud = persoon["inburgeringsplicht"]
    vorige = {**oud, "einddatum": oud.get("einddatum") or iso(dag)}
    persoon.setdefault("inburgeringsplichthistorie", []).append(
        {
            k: vorige[k]
            for k in ("indicatorInburgeringsplicht", "begindatum", "einddatum", "wijzigingsdatum")
            if k in vorige
        }
    )
    nieuw = {k: w for k, w in oud.items() if k not in ("einddatum", "redenGeenInburgeringsplicht")}
    nieuw.update({"wijzigingsdatum": iso(dag)}, **wijziging)
    persoon["inburgeringsplicht"] = nieuw


def _plicht_beëindigen(persoon: dict, dag: date, reden: str) -> None:
    _plicht(
        persoon, dag, indicatorInburgeringsplicht=False, einddatum=iso(dag), redenGeenInburgeringsplicht=reden
    )


def _plicht_starten(persoon: dict, dag: date) -> None:
    oud = persoon["inburgeringsplicht"]
    if oud.get("indicatorInburgeringsplicht") and not oud.get("einddatum"):
        oud.update(begindatum=oud.get("begindatum") or iso(dag), datumKennisgevingInburgeringsplicht=iso(dag))
        return
    _plicht(
        persoon,
        dag,
        indicatorInburgeringsplicht=True,
        begindatum=iso(dag),
        datumKennisgevingInburgeringsplicht=iso(dag),
    )


def _doelgroep(persoon: dict, dag: date, indeling: str, gedetailleerd: str, rechten: str) -> None:
    oud = persoon.get("doelgroep")
    if oud:
        persoon.setdefault("doelgroephistorie", []).append(
            {
                "indeling": oud["indeling"],
                "begindatum": oud.get("begindatum", iso(dag)),
                "einddatum": iso(dag - timedelta(days=1)),
            }
        )
    persoon["doelgroep"] = {
        "indeling": indeling,
        "begindatum": iso(dag),
        "gedetailleerdeDoelgroep": gedetailleerd,
        "asielrechtenWijzigingVerblijfsdoel": rechten,
    }


def _termijn_verlengen(persoon: dict, dag: date, maanden: int, grond: dict) -> None:
    termijn = persoon.get("inburgeringstermijn")
    if not termijn:
        raise Fout(400, "Verlengen kan niet: er is nog geen inburgeringstermijn.")
    persoon.setdefault("inburgeringstermijnhistorie", []).append(
        {k: w for k, w in termijn.items() if k != "startdatum"}
    )
    termijn.update(
        # The extension follows the old end, counted as every period (regie.wet.perioden):
        # DUO's einddatum is exclusive, so the new one is its date `maanden` months later.
        einddatum=iso(overeenkomstige_dag(datum(termijn["einddatum"]), maanden)),
        wijzigingsdatum=iso(dag),
        verlengingsgrondcode=grond["code"],
        verlengingsgrondomschrijving=grond["omschrijving"],
    )


def _grond(gegevens: dict, toestand_gegevens: dict, standaard: str) -> dict:
    code = str(gegevens.get("verlengingsgrondcode", standaard))
    for grond in toestand_gegevens["verlengingsgronden"]:
        if grond["code"] == code:
            return grond
    raise Fout(400, f"Onbekende verlengingsgrond {code}.")


def _vrijstelling(persoon: dict, soort: str, inhoud: dict) -> None:
    persoon.setdefault("vrijstellingen", []).append({soort: inhoud})


def toepassen(persoon: dict, code: str, gegevens: dict, *, toestand_gegevens: dict, vandaag: date) -> None:
    """Change `persoon` as event `code` means. Raises Fout(400) when the event cannot happen."""
    dag = datum(gegevens.get("datum")) or vandaag
    kans = random.Random(f"{persoon['bsn']}-{code}-{len(persoon.get('examenresultaten', []))}")
    if code in ("SS101", "SS128", "SS139"):
        _plicht_starten(persoon, dag)
        if gegevens.get("doelgroep") and gegevens["doelgroep"] != (persoon.get("doelgroep") or {}).get(
            "indeling"
        ):
            indeling = gegevens["doelgroep"]
            _doelgroep(
                persoon,
                dag,
                indeling,
                "Asielstatushouder" if indeling == "Asielstatushouder" else "Overig",
                "Asielrechten toegekend"
                if indeling == "Asielstatushouder"
                else "Op verzoek behoud rechten van gezins- en overige migrant",
            )
        if code == "SS139":
            persoon["coaLocatie"] = False
            persoon["vestigingsdatum"] = iso(dag)
    elif code in ("SS120", "SS121"):
        nieuw = gegevens.get("gemeentecode")
        if not nieuw:
            raise Fout(400, f"{code} vraagt de nieuwe gemeentecode (veld gemeentecode).")
        oud = persoon.get("gemeentecode")
        if oud and oud != nieuw:
            persoon.setdefault("uren", {}).get(oud, {}).update(bekendTot=iso(dag - timedelta(days=1)))
        persoon.update(gemeentecode=nieuw, coaLocatie=False, coaGemeentecode=None, vestigingsdatum=iso(dag))
        if code == "SS121" and not persoon.get("pips"):
            raise Fout(400, "SS121 vraagt een PIP van de vorige gemeente.")
        if code == "SS120" and persoon.get("pips"):
            raise Fout(400, "SS120 is voor een persoon zonder PIP; gebruik SS121.")
    elif code == "SS124":
        _doelgroep(
            persoon,
            dag,
            "Gezinsmigrant en overige migrant",
            "Gezinsvormer",
            "Op verzoek rechten van gezins- en overige migrant toegekend",
        )
    elif code == "SS125":
        _doelgroep(
            persoon, dag, "Asielstatushouder", "Gezinsvormer met Asielstatushouder", "Asielrechten toegekend"
        )
    elif code == "SS109":
        einde = datum(gegevens.get("einddatum")) or dag + relativedelta(years=1)
        _vrijstelling(
            persoon,
            "TijdelijkeVrijstelling",
            {
                "oordeel": "Toekenning",
                "reden": gegevens.get("reden", "OPL"),
                "datumOordeel": iso(dag),
                "startdatum": iso(dag),
                "einddatum": iso(einde),
            },
        )
        _plicht_beëindigen(persoon, dag, "Tijdelijke vrijstelling")
    elif code in ("SS129", "SS130"):
        tijdelijk = [
            v["TijdelijkeVrijstelling"]
            for v in persoon.get("vrijstellingen", [])
            if "TijdelijkeVrijstelling" in v and v["TijdelijkeVrijstelling"]["oordeel"] == "Toekenning"
        ]
        if not tijdelijk:
            raise Fout(400, f"{code} vraagt een toegekende tijdelijke vrijstelling.")
        tijdelijk[-1]["einddatum"] = iso(dag)
        if code == "SS130" and not persoon.get("pips"):
            raise Fout(400, "SS130 vraagt een bekende PIP; gebruik SS129.")
        if code == "SS129" and persoon.get("pips"):
            raise Fout(400, "SS129 is voor een persoon zonder PIP; gebruik SS130.")
        _plicht(persoon, dag, indicatorInburgeringsplicht=True, begindatum=iso(dag))
        if code == "SS130" and persoon.get("inburgeringstermijn"):
            start = datum(tijdelijk[-1].get("startdatum")) or dag
            maanden = max(1, (dag.year - start.year) * 12 + dag.month - start.month)
            _termijn_verlengen(
                persoon, dag, maanden, _grond({"verlengingsgrondcode": "6"}, toestand_gegevens, "6")
            )
    elif code == "SS110":
        _plicht_beëindigen(persoon, dag, gegevens.get("reden", "Vertrek uit Nederland langer dan een jaar"))
    elif code == "SS111":
        _plicht_beëindigen(persoon, dag, "Overlijden")
        persoon["overleden"] = iso(dag)
    elif code == "SS106":
        for onderdeel in ONDERDELEN:
            if not any(
                r["onderdeel"] == onderdeel and r["resultaat"] == "Geslaagd"
                for r in persoon.get("examenresultaten", [])
            ):
                persoon.setdefault("examenresultaten", []).append(
                    {
                        "examendatum": iso(dag - timedelta(days=14)),
                        "resultaat": "Geslaagd",
                        "onderdeel": onderdeel,
                        "niveau": "B1",
                    }
                )
        _plicht_beëindigen(persoon, dag, "Inburgeringsplicht voldaan")
    elif code == "SS107":
        _vrijstelling(
            persoon,
            "GeheleVrijstelling",
            {"oordeel": "Toekenning", "reden": gegevens.get("reden", "DIP"), "datumOordeel": iso(dag)},
        )
        _plicht_beëindigen(persoon, dag, "Volledige vrijstelling")
    elif code == "SS108":
        persoon.setdefault("ontheffingen", []).append(
            {
                "GeheleOntheffing": {
                    "oordeel": "Toekenning",
                    "datumOordeel": iso(dag),
                    "grond": gegevens.get("grond", "MED"),
                }
            }
        )
        _plicht_beëindigen(persoon, dag, "Volledige ontheffing")
    elif code == "SS137":
        persoon["lbt"] = {"examennummer": gegevens.get("examennummer") or f"LBT{persoon['bsn']}"}
    elif code == "SS131":
        if not persoon.get("lbt"):
            persoon["lbt"] = {"examennummer": f"LBT{persoon['bsn']}"}
        haalbaar = gegevens.get("resultaat", "B1-route haalbaar")
        score = gegevens.get("behaaldeScore") or ("72,50" if haalbaar == "B1-route haalbaar" else "41,25")
        persoon.setdefault("lbtResultaten", []).append(
            {
                "resultaat": haalbaar,
                "behaaldeScore": score,
                "benodigdeScore": "60,00",
                "datumAfname": iso(dag),
            }
        )
    elif code == "SS102":
        pips = persoon.get("pips") or []
        if persoon.get("inburgeringstermijn"):
            raise Fout(400, "De inburgeringstermijn is al gestart.")
        if not pips and not gegevens.get("dagtekening"):
            raise Fout(400, "SS102 vraagt een PIP (of het veld dagtekening).")
        dagtekening = datum(gegevens.get("dagtekening")) or datum(pips[0]["pip"]["dagtekeningPip"])
        persoon["inburgeringstermijn"] = termijn_bij_pip(dagtekening)
    elif code in ("SS103", "SS104"):
        standaard = "1" if code == "SS103" else "2"
        _termijn_verlengen(
            persoon, dag, int(gegevens.get("maanden", 6)), _grond(gegevens, toestand_gegevens, standaard)
        )
    elif code == "SS199":
        onderdeel = gegevens.get("onderdeel") or kans.choice(ONDERDELEN)
        resultaat = gegevens.get("resultaat") or kans.choice(["Geslaagd", "Geslaagd", "Gezakt"])
        regel = {
            "examendatum": gegevens.get("examendatum") or iso(dag - timedelta(days=21)),
            "resultaat": resultaat,
            "onderdeel": onderdeel,
        }
        if onderdeel != "KNM":
            regel["niveau"] = gegevens.get("niveau", "B1")
        if resultaat == "Geen":
            regel["redenGeenResultaat"] = gegevens.get("redenGeenResultaat", "Absent")
        persoon.setdefault("examenresultaten", []).append(regel)
        for tegoed in persoon.get("gratispogingen", []):
            if tegoed["onderdeel"] == onderdeel and tegoed["gratisPogingenTegoed"] > 0:
                tegoed["gratisPogingenTegoed"] -= 1
    elif code == "SS114":
        _vrijstelling(
            persoon,
            "GeheleVrijstelling",
            {"oordeel": "Afwijzing", "reden": gegevens.get("reden", "DOC"), "datumOordeel": iso(dag)},
        )
    elif code == "SS115":
        _vrijstelling(
            persoon,
            "TijdelijkeVrijstelling",
            {"oordeel": "Afwijzing", "reden": gegevens.get("reden", "INS"), "datumOordeel": iso(dag)},
        )
    elif code in ("SS116", "SS117"):
        _vrijstelling(
            persoon,
            "GedeeltelijkeVrijstelling",
            {
                "reden": "GED",
                "oordeel": "Afwijzing" if code == "SS116" else "Toekenning",
                "datumOordeel": iso(dag),
                "examenonderdeel": gegevens.get("onderdeel", "LE"),
                "examenniveau": gegevens.get("niveau", "B1"),
            },
        )
    elif code == "SS118":
        persoon.setdefault("ontheffingen", []).append(
            {
                "GeheleOntheffing": {
                    "oordeel": "Afwijzing",
                    "datumOordeel": iso(dag),
                    "grond": gegevens.get("grond", "MED"),
                }
            }
        )
    elif code == "SS119":
        persoon.setdefault("ontheffingen", []).append(
            {
                "GedeeltelijkeOntheffing": {
                    "oordeel": "Toekenning",
                    "datumOordeel": iso(dag),
                    "grond": gegevens.get("grond", "MED"),
                    "examenonderdeel": gegevens.get("onderdeel", "SP"),
                }
            }
        )
    # SS113 (verlenging afgewezen) and unknown codes change nothing DUO's APIs show.


def notificatie(persoon: dict, code: str, *, nu: datetime | None = None) -> dict:
    """The thin notice of the Notificatie API (schema Notificatie)."""
    bericht = {
        "registratieDatumTijd": (nu or datetime.now(UTC))
        .isoformat(timespec="seconds")
        .replace("+00:00", "Z"),
        "bsn": persoon["bsn"],
        "gebeurtenisId": code,
    }
    if persoon.get("vNummer"):
        bericht["vNummer"] = persoon["vNummer"]
    return bericht


def handtekening(body: bytes, geheim: str, *, tijdstip: str, bericht_id: str, bron: str, doel: str) -> str:
    """`sha256=<hex>` HMAC-SHA256 with the shared secret over `tijdstip.berichtId.bron.doel.` and
    then the exact body bytes: the scheme of regie/duo/inkomend/ontvangst.py (its docstring)."""
    bericht = f"{tijdstip}.{bericht_id}.{bron}.{doel}.".encode() + body
    return "sha256=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def headers(
    body: bytes,
    *,
    duo_oin: str,
    gemeente_oin: str,
    geheim: str | None,
    bericht_id: str | None = None,
    tijdstip: int | None = None,
) -> dict:
    """DUO's headers for a notice (a new berichtId unless given: a retry keeps it), signed with
    `geheim` (when set) at `tijdstip` (Unix seconds, now unless given): Regie refuses a signature
    older than a few minutes, so every delivery is signed again."""
    resultaat = {
        "Content-Type": "application/json",
        "bron": duo_oin,
        "doel": gemeente_oin,
        "berichtId": bericht_id or str(uuid.uuid4()),
    }
    if geheim:
        resultaat[TIJDSTIP_HEADER] = str(int(time.time()) if tijdstip is None else tijdstip)
        resultaat[HANDTEKENING_HEADER] = handtekening(
            body,
            geheim,
            tijdstip=resultaat[TIJDSTIP_HEADER],
            bericht_id=resultaat["berichtId"],
            bron=duo_oin,
            doel=gemeente_oin,
        )
    return resultaat


def versturen(url: str, body: bytes, kop: dict, *, timeout: float = 10) -> dict:
    """POST the notice; returns {"status", "antwoord"} (status None when Regie was unreachable)."""
    verzoek = urllib.request.Request(url, data=body, headers=kop, method="POST")
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:
            return {"status": antwoord.status, "antwoord": antwoord.read().decode("utf-8", "replace")[:500]}
    except urllib.error.HTTPError as fout:
        return {"status": fout.code, "antwoord": fout.read().decode("utf-8", "replace")[:500]}
    except (urllib.error.URLError, OSError) as fout:
        return {"status": None, "antwoord": f"Niet bereikbaar: {fout}"}


def encode(bericht: dict) -> bytes:
    return json.dumps(bericht, separators=(",", ":")).encode()


def demo_gebeurtenis(persoon: dict, kans: random.Random) -> str | None:
    """A realistic next event for a person, given where they are in the chain (demo mode)."""
    plicht = persoon.get("inburgeringsplicht") or {}
    if not plicht.get("indicatorInburgeringsplicht") or persoon.get("overleden"):
        return None
    if not persoon.get("pips"):
        if not persoon.get("lbt"):
            return "SS137"
        if not persoon.get("lbtResultaten"):
            return "SS131"
        return None
    if not persoon.get("inburgeringstermijn"):
        return "SS102"
    geslaagd = {r["onderdeel"] for r in persoon.get("examenresultaten", []) if r["resultaat"] == "Geslaagd"}
    if actuele_pip(persoon)["pip"]["leerroute"] == "B" and set(ONDERDELEN) <= geslaagd:
        return "SS106"
    return kans.choice(["SS199"] * 6 + ["SS103", "SS117"])

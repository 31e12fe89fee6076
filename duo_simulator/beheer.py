"""Control endpoints under /_simulator/ (not part of DUO's APIs; for the demo and the tests).

GET    /_simulator/                     this list
GET    /_simulator/personen             all persons (bsn, gemeentecode, summary)
POST   /_simulator/personen             add or replace persons: one object or a list; missing
                                        fields get realistic defaults (see gegevens.nieuwe_persoon)
PUT    /_simulator/personen             replace ALL persons by the given list
GET    /_simulator/personen/{bsn}       one person's full record
PUT    /_simulator/personen/{bsn}       replace one person
DELETE /_simulator/personen/{bsn}       forget a person (DUO then answers 404)
POST   /_simulator/gebeurtenissen       {"bsn", "gebeurtenisId": "SS102", "notificeer": true, ...details}:
                                        change the person as the event means, then POST the
                                        notification to Regie (unless notificeer is false)
GET    /_simulator/notificaties         the notifications sent, with Regie's answer
GET    /_simulator/ontvangen            what Regie sent to /v1 (?methode=POST&bsn=...&api=PIP)
DELETE /_simulator/ontvangen            clear that list
POST   /_simulator/storingen            {"status": 500|503|400|"timeout"|"traag", "aantal": 1,
                                        "vertraging": 5, "fouttekst": "..."}: the next `aantal`
                                        /v1 requests fail ("timeout": wait `vertraging` s, then
                                        504; "traag": wait, then answer normally)
GET    /_simulator/storingen            pending failures;  DELETE clears them
POST   /_simulator/reset                empty state (reference data stays)
GET    /_simulator/toestand             the whole state;  PUT replaces it
PUT    /_simulator/gemeenten            {"0303": "<OIN>"}: OINs beyond the demo's OIN pattern
"""

from __future__ import annotations

import copy
import json
import re
from urllib.parse import parse_qs

from regie.duo import specificaties

from . import gebeurtenissen
from .api import Fout
from .gegevens import aanvullen, nieuwe_persoon, vandaag, verantwoordelijke_gemeente
from .toestand import lege_gegevens

# person field -> (api, schema, is a list)
_SPEC_DELEN = {
    "inburgeringsplicht": ("Inburgeringsplicht", "Inburgeringsplicht", False),
    "inburgeringsplichthistorie": ("Inburgeringsplicht", "Inburgeringsplichthistorie", True),
    "doelgroep": ("Inburgeringsplicht", "Doelgroep", False),
    "doelgroephistorie": ("Inburgeringsplicht", "Doelgroephistorie", True),
    "inburgeringstermijn": ("Inburgeringstermijn", "Inburgeringstermijn", False),
    "inburgeringstermijnhistorie": ("Inburgeringstermijn", "Inburgeringstermijnhistorie", True),
    "lbt": ("Leerbaarheidstoets", "Examennummer", False),
    "lbtResultaten": ("Leerbaarheidstoets", "Resultaat", True),
    "vrijstellingen": ("Vrijstelling", "Vrijstelling", True),
    "ontheffingen": ("Ontheffing", "Ontheffing", True),
    "examenresultaten": ("Examen", "Examenresultaat", True),
    "gratispogingen": ("Examen", "GratisPogingTegoed", True),
}


def persoon_fouten(persoon: dict) -> list[str]:
    """How a person record breaks the specs' schemas (checked when it is added)."""
    fouten = []
    if not re.fullmatch(r"\d{9}", str(persoon.get("bsn", ""))):
        fouten.append("bsn: moet uit 9 cijfers bestaan")
    for veld in ("gemeentecode", "coaGemeentecode"):
        waarde = persoon.get(veld)
        if waarde is not None and not re.fullmatch(r"\d{4}", str(waarde)):
            fouten.append(f"{veld}: moet uit 4 cijfers bestaan")
    for veld, (api, schema, lijst) in _SPEC_DELEN.items():
        waarde = persoon.get(veld)
        if waarde is None:
            continue
        for i, regel in enumerate(waarde if lijst else [waarde]):
            fouten += [
                f"{veld}[{i}].{f}" if lijst else f"{veld}.{f}"
                for f in specificaties.fouten(api, schema, regel)
            ]
    for i, pip in enumerate(persoon.get("pips") or []):
        if not re.fullmatch(r"\d{4}", str(pip.get("gemeentecode", ""))):
            fouten.append(f"pips[{i}].gemeentecode: moet uit 4 cijfers bestaan")
        fouten += [f"pips[{i}].pip.{f}" for f in specificaties.fouten("PIP", "PIP", pip.get("pip"))]
    return fouten


def personen_toevoegen(toestand, personen: list[dict]) -> list[str]:
    """Complete, check and store persons (replacing those with the same BSN); Fout(400) if any is wrong."""
    aangevuld = []
    for gegeven in personen:
        if not isinstance(gegeven, dict) or "bsn" not in gegeven:
            raise Fout(400, "Elke persoon is een object met minstens een bsn.")
        persoon = aanvullen(gegeven)
        fouten = persoon_fouten(persoon)
        if fouten:
            raise Fout(400, f"Persoon {persoon['bsn']}: " + "; ".join(fouten))
        aangevuld.append(persoon)
    with toestand.slot:
        for persoon in aangevuld:
            toestand.personen[persoon["bsn"]] = persoon
        toestand.bewaar()
    return [p["bsn"] for p in aangevuld]


def gebeurtenis(sim, bsn: str, code: str, gegevens: dict | None = None, *, notificeer: bool = True) -> dict:
    """Apply event `code` to the person and build (and unless `notificeer` is false, send) the
    notification. Returns {"notificatie", "headers", "url", "aflevering", "persoon"}."""
    gegevens = dict(gegevens or {})
    if not re.fullmatch(r"[0-9A-Z]{1,6}", code or ""):
        raise Fout(400, "gebeurtenisId moet uit 1 tot 6 hoofdletters of cijfers bestaan.")
    toestand = sim.toestand
    with toestand.slot:
        persoon = toestand.persoon(bsn)
        if persoon is None and code in gebeurtenissen.NIEUWE_PLICHT:
            # a newcomer: DUO registers the person with the obligation (details may set
            # gemeentecode, doelgroep, datum)
            if not re.fullmatch(r"\d{9}", bsn):
                raise Fout(400, "bsn moet uit 9 cijfers bestaan.")
            dag = gegevens.get("datum") or vandaag().isoformat()
            persoon = nieuwe_persoon(
                bsn,
                str(gegevens.get("gemeentecode", "0303")),
                begindatum=dag,
                doelgroep=gegevens.get("doelgroep"),
            )
        if persoon is None:
            raise Fout(404, "De persoon is niet bekend bij de simulator.")
        nieuw = copy.deepcopy(persoon)
        gebeurtenissen.toepassen(
            nieuw, code, gegevens, toestand_gegevens=toestand.gegevens, vandaag=vandaag()
        )
        fouten = persoon_fouten(nieuw)
        if fouten:
            raise Fout(400, "Na de gebeurtenis klopt de persoon niet: " + "; ".join(fouten))
        toestand.personen[bsn] = nieuw
        bericht = gebeurtenissen.notificatie(nieuw, code)
        assert not specificaties.fouten("Notificatie", "Notificatie", bericht), bericht
        gemeente_oin = toestand.gemeente_oin(verantwoordelijke_gemeente(nieuw))
        if not gemeente_oin:
            raise Fout(400, "De persoon hoort bij geen gemeente; de notificatie heeft geen doel.")
        body = gebeurtenissen.encode(bericht)
        kop = gebeurtenissen.headers(body, duo_oin=sim.duo_oin, gemeente_oin=gemeente_oin, geheim=sim.geheim)
        regel = {
            "notificatie": bericht,
            "headers": kop,
            "body": body.decode(),
            "url": sim.notificatie_url,
            "omschrijving": gebeurtenissen.OMSCHRIJVING.get(code, "Onbekende gebeurtenis"),
            "aflevering": None,
        }
        toestand.log("notificaties", regel)
        toestand.bewaar()
    if notificeer:
        regel["aflevering"] = gebeurtenissen.versturen(sim.notificatie_url, body, kop)
        regel["pogingen"] = 1
        toestand.bewaar()
    return {**regel, "persoon": nieuw}


MAX_POGINGEN = 10


def opnieuw_afleveren(sim) -> list[dict]:
    """Send again every notification Regie did not accept (unreachable or 5xx), with the same
    body and berichtId, as DUO retries, signed again now (Regie refuses an old signature); at
    most MAX_POGINGEN attempts. Returns those retried."""
    with sim.toestand.slot:
        open_staand = [
            regel
            for regel in sim.toestand.gegevens["notificaties"]
            if regel.get("aflevering") is not None
            and (regel["aflevering"]["status"] is None or regel["aflevering"]["status"] >= 500)
            and regel.get("pogingen", 1) < MAX_POGINGEN
        ]
    for regel in open_staand:
        body, kop = regel["body"].encode(), regel["headers"]
        regel["headers"] = gebeurtenissen.headers(
            body,
            duo_oin=kop["bron"],
            gemeente_oin=kop["doel"],
            geheim=sim.geheim,
            bericht_id=kop["berichtId"],
        )
        regel["aflevering"] = gebeurtenissen.versturen(sim.notificatie_url, body, regel["headers"])
        regel["pogingen"] = regel.get("pogingen", 1) + 1
    if open_staand:
        sim.toestand.bewaar()
    return open_staand


def _json(sim, environ):
    ruw = sim.lees_body(environ)
    if not ruw:
        return None
    try:
        return json.loads(ruw)
    except ValueError:
        raise Fout(400, "De inhoud is geen geldige JSON.") from None


def _samenvatting(persoon: dict) -> dict:
    pips = persoon.get("pips") or []
    return {
        "bsn": persoon["bsn"],
        "gemeentecode": persoon.get("gemeentecode"),
        "inburgeringsplichtig": (persoon.get("inburgeringsplicht") or {}).get("indicatorInburgeringsplicht"),
        "doelgroep": (persoon.get("doelgroep") or {}).get("indeling"),
        "leerroute": pips[-1]["pip"]["leerroute"] if pips else None,
        "termijnEinddatum": (persoon.get("inburgeringstermijn") or {}).get("einddatum"),
    }


def afhandelen(sim, environ, pad: str):
    try:
        return _afhandelen(sim, environ, pad.rstrip("/") or "/", environ["REQUEST_METHOD"].upper())
    except Fout as fout:
        return fout.status, {"fouttekst": "; ".join(fout.teksten)[:2000]}, {}


def _afhandelen(sim, environ, pad: str, methode: str):
    toestand = sim.toestand
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    if pad == "/" and methode == "GET":
        return 200, {"endpoints": [r.strip() for r in __doc__.splitlines()[2:] if r.strip()]}, {}
    if pad == "/personen":
        if methode == "GET":
            return 200, [_samenvatting(p) for p in toestand.personen.values()], {}
        inhoud = _json(sim, environ)
        lijst = inhoud if isinstance(inhoud, list) else [inhoud]
        if methode == "PUT":
            with toestand.slot:
                bsns = personen_toevoegen_vervangend(toestand, lijst)
            return 200, {"personen": bsns}, {}
        if methode == "POST":
            return 201, {"personen": personen_toevoegen(toestand, lijst)}, {}
    treffer = re.fullmatch(r"/personen/(\d{9})", pad)
    if treffer:
        bsn = treffer.group(1)
        if methode == "GET":
            persoon = toestand.persoon(bsn)
            if not persoon:
                raise Fout(404, "De persoon is niet bekend bij de simulator.")
            return 200, persoon, {}
        if methode == "PUT":
            return (
                200,
                {"personen": personen_toevoegen(toestand, [{**(_json(sim, environ) or {}), "bsn": bsn}])},
                {},
            )
        if methode == "DELETE":
            with toestand.slot:
                if toestand.personen.pop(bsn, None) is None:
                    raise Fout(404, "De persoon is niet bekend bij de simulator.")
                toestand.bewaar()
            return 200, {"verwijderd": bsn}, {}
    if pad == "/gebeurtenissen" and methode == "POST":
        inhoud = _json(sim, environ) or {}
        if not isinstance(inhoud, dict) or "bsn" not in inhoud or "gebeurtenisId" not in inhoud:
            raise Fout(400, "Geef bsn en gebeurtenisId.")
        details = {k: v for k, v in inhoud.items() if k not in ("bsn", "gebeurtenisId", "notificeer")}
        resultaat = gebeurtenis(
            sim,
            str(inhoud["bsn"]),
            str(inhoud["gebeurtenisId"]),
            details,
            notificeer=inhoud.get("notificeer", True),
        )
        return 201, resultaat, {}
    if pad == "/notificaties" and methode == "GET":
        return 200, toestand.gegevens["notificaties"], {}
    if pad == "/notificaties/opnieuw" and methode == "POST":
        return 200, opnieuw_afleveren(sim), {}
    if pad == "/ontvangen":
        if methode == "GET":
            regels = toestand.gegevens["ontvangen"]
            if "methode" in query:
                regels = [r for r in regels if r["methode"] == query["methode"].upper()]
            if "api" in query:
                regels = [r for r in regels if r["api"] == query["api"]]
            if "bsn" in query:
                regels = [r for r in regels if f"/{query['bsn']}/" in r["pad"] + "/"]
            return 200, regels, {}
        if methode == "DELETE":
            with toestand.slot:
                toestand.gegevens["ontvangen"] = []
                toestand.bewaar()
            return 200, {"ontvangen": []}, {}
    if pad == "/storingen":
        if methode == "GET":
            return 200, toestand.storingen, {}
        if methode == "POST":
            storing = _json(sim, environ) or {}
            storing_toevoegen(toestand, storing)
            return 201, storing, {}
        if methode == "DELETE":
            with toestand.slot:
                toestand.storingen.clear()
            return 200, {"storingen": []}, {}
    if pad == "/reset" and methode == "POST":
        toestand.reset()
        return 200, {"reset": True}, {}
    if pad == "/toestand":
        if methode == "GET":
            return 200, toestand.gegevens, {}
        if methode == "PUT":
            inhoud = _json(sim, environ)
            if not isinstance(inhoud, dict):
                raise Fout(400, "Geef de hele toestand als object.")
            with toestand.slot:
                nieuw = lege_gegevens()
                nieuw.update(inhoud)
                toestand.gegevens = nieuw
                toestand.bewaar()
            return 200, {"personen": len(toestand.personen)}, {}
    if pad == "/gemeenten" and methode == "PUT":
        inhoud = _json(sim, environ) or {}
        with toestand.slot:
            toestand.gegevens["gemeenten"].update({str(k): str(v) for k, v in inhoud.items()})
            toestand.bewaar()
        return 200, toestand.gegevens["gemeenten"], {}
    raise Fout(404, f"Onbekend beheerpad {methode} /_simulator{pad}; zie GET /_simulator/.")


def personen_toevoegen_vervangend(toestand, lijst: list[dict]) -> list[str]:
    with toestand.slot:
        oud = toestand.gegevens["personen"]
        toestand.gegevens["personen"] = {}
        try:
            return personen_toevoegen(toestand, lijst)
        except Fout:
            toestand.gegevens["personen"] = oud
            raise


def storing_toevoegen(toestand, storing: dict) -> None:
    soort = storing.get("status")
    if soort not in ("timeout", "traag") and not (isinstance(soort, int) and 400 <= soort <= 599):
        raise Fout(400, "status moet 'timeout', 'traag' of een HTTP-status 400-599 zijn.")
    aantal = storing.get("aantal", 1)
    if not isinstance(aantal, int) or aantal < 1:
        raise Fout(400, "aantal moet een positief geheel getal zijn.")
    toestand.storing_toevoegen({**storing, "aantal": aantal})

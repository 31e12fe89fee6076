"""The demo's persons as DUO knows them: the DUO simulator's state (duo_simulator/) built from
the demo cases in the database, with a few deliberate differences so the reconciliation report
(Regie vs DUO) has something to show. Used by `manage.py duo_simulator_vullen` (`make run`).

What DUO knows follows what Regie holds: obligation and doelgroep from the DUO notice, every PIP
version Regie decided (replayed through DUO's own PIP conditions: a version DUO would refuse is
not there), the termijn from the first PIP (Wi 11), the learnability test from the intake, the
end of the obligation for closed cases. The differences are listed in `demoVerschillen`.
DUO's list of instellingen also holds the demo providers that have an instellingsnummer.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from duo_simulator import regels
from duo_simulator.gebeurtenissen import toepassen
from duo_simulator.gegevens import iso, nieuwe_persoon, termijn_bij_pip
from duo_simulator.toestand import lege_gegevens
from regie import klok
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import EindeReden, Status
from regie.organisaties.models import Gemeente

VORIGE_GEMEENTE = "0344"  # Utrecht: where people who moved in had their first PIP
NIEUWE_GEMEENTE = "0363"  # Amsterdam: where people who moved away live now

_LEERROUTE = {"b1": "B", "onderwijsroute": "O", "z_route": "Z"}
_DOELGROEP = {
    "asielstatushouder": ("Asielstatushouder", "Asielstatushouder"),
    "gezinsmigrant": ("Gezinsmigrant en overige migrant", "Gezinsvormer"),
    "overige_migrant": ("Gezinsmigrant en overige migrant", "Overig"),
}
_REDEN_GEEN_PLICHT = {
    EindeReden.DIPLOMA: "Inburgeringsplicht voldaan",
    EindeReden.Z_ROUTE_VOLTOOID: "Inburgeringsplicht voldaan",
    EindeReden.ONDERWIJSROUTE_VOLTOOID: "Inburgeringsplicht voldaan",
    EindeReden.VRIJSTELLING: "Volledige vrijstelling",
    EindeReden.ONTHEFFING: "Volledige ontheffing",
    EindeReden.NATURALISATIE: "Overig",
    EindeReden.VERTREK: "Vertrek uit Nederland langer dan een jaar",
    EindeReden.AOW_LEEFTIJD: "Overig",
    EindeReden.OVERLIJDEN: "Overlijden",
}
# kinds of deliberate difference, how many of each, and what the reconciliation should see
VERSCHILLEN = {
    "pip_niet_ontvangen": "DUO kent de laatste PIP-versie niet (nooit aangekomen).",
    "termijn_verlengd": "DUO heeft de inburgeringstermijn met 6 maanden verlengd (SS103).",
    "diploma_bij_duo": "DUO registreerde een diploma (plicht voldaan, SS106); de zaak loopt in Regie nog.",
    "doelgroep_gewijzigd": "DUO wijzigde de doelgroep naar gezinsmigrant en overige migrant (SS124).",
    "onbekend_bij_duo": "DUO kent deze persoon niet (404).",
}
PER_SOORT = 2


def _pip(pip, asiel: bool) -> dict:
    leerroute = _LEERROUTE[pip.leerroute]
    inhoud = {"dagtekeningPip": iso(pip.dagtekening), "leerroute": leerroute}
    if pip.taalniveau:
        inhoud["niveau"] = pip.taalniveau
    if pip.geschatte_intensiteit_uren and leerroute == "B" and asiel:
        inhoud["geschatteIntensiteitB1Route"] = pip.geschatte_intensiteit_uren
    if pip.mag_opleiding_afmaken:
        inhoud["indicatorMagOpleidingAfmaken"] = True
    if pip.alfabetisering:
        inhoud["indicatorAlfabetiseringsonderwijs"] = pip.alfabetisering
    return inhoud


def persoon_bij_duo(inburgeraar: Inburgeraar, vandaag: date) -> dict:
    """The DUO simulator's record of one demo case."""
    code = inburgeraar.gemeente.cbs_code
    pips = sorted(inburgeraar.pips.all(), key=lambda p: p.versie)
    eerste_dagtekening = inburgeraar.dagtekening_eerste_pip_elders or (pips[0].dagtekening if pips else None)
    bekend = [
        d
        for d in (
            inburgeraar.datum_melding_duo,
            inburgeraar.datum_koppeling_coa,
            inburgeraar.datum_inschrijving_brp,
        )
        if d
    ]
    begin = min(bekend + ([eerste_dagtekening] if eerste_dagtekening else [])) if bekend else None
    begin = begin or (inburgeraar.aangemaakt_op.date() if inburgeraar.aangemaakt_op else vandaag)
    vestiging = inburgeraar.datum_inschrijving_brp or inburgeraar.datum_huisvesting or begin
    if pips:
        vestiging = min(vestiging, pips[0].dagtekening)
    indeling, gedetailleerd = _DOELGROEP[inburgeraar.doelgroep]
    asiel = indeling == "Asielstatushouder"
    in_coa = bool(inburgeraar.datum_koppeling_coa and not inburgeraar.datum_inschrijving_brp)
    persoon = nieuwe_persoon(
        inburgeraar.bsn,
        code,
        begindatum=iso(begin),
        vestigingsdatum=iso(vestiging),
        coaLocatie=in_coa,
        coaGemeentecode=code if in_coa else None,
    )
    persoon["doelgroep"] = {
        "indeling": indeling,
        "begindatum": iso(begin),
        "gedetailleerdeDoelgroep": gedetailleerd,
    }
    if inburgeraar.datum_melding_duo:
        persoon["inburgeringsplicht"]["datumKennisgevingInburgeringsplicht"] = iso(
            inburgeraar.datum_melding_duo
        )
    if inburgeraar.dagtekening_eerste_pip_elders:
        persoon["pips"].append(
            {
                "gemeentecode": VORIGE_GEMEENTE,
                "pip": {
                    "dagtekeningPip": iso(inburgeraar.dagtekening_eerste_pip_elders),
                    "leerroute": _LEERROUTE.get(inburgeraar.leerroute_vorige_gemeente or "b1", "B"),
                },
                "registratiedatum": iso(inburgeraar.dagtekening_eerste_pip_elders),
            }
        )
    for pip in pips:  # every version through DUO's own conditions, as if Regie sent it that day
        inhoud = _pip(pip, asiel)
        if not regels.pip_aanleveren(persoon, inhoud, code):
            persoon["pips"].append(
                {
                    "gemeentecode": code,
                    "pip": regels.pip_met_standaardniveau(inhoud),
                    "registratiedatum": iso(pip.dagtekening),
                }
            )
    if persoon["pips"]:
        persoon["inburgeringstermijn"] = termijn_bij_pip(
            date.fromisoformat(persoon["pips"][0]["pip"]["dagtekeningPip"])
        )
    intake = getattr(inburgeraar, "brede_intake", None)
    if intake is not None and intake.leerbaarheidstoets_datum:
        persoon["lbt"] = {"examennummer": f"LBT{inburgeraar.bsn}"}
        if intake.leerbaarheidstoets_resultaat:
            haalbaar = intake.leerbaarheidstoets_resultaat == "B1-route haalbaar"
            persoon["lbtResultaten"] = [
                {
                    "resultaat": intake.leerbaarheidstoets_resultaat,
                    "behaaldeScore": "72,50" if haalbaar else "44,00",
                    "benodigdeScore": "60,00",
                    "datumAfname": iso(intake.leerbaarheidstoets_datum),
                }
            ]
    kans = random.Random(inburgeraar.bsn)
    termijn = persoon["inburgeringstermijn"]
    if termijn and inburgeraar.status == Status.IN_UITVOERING:
        # some exam results for those well into their termijn
        start = date.fromisoformat(termijn["startdatum"])
        for i, onderdeel in enumerate(("KNM", "LU", "LE", "SP", "SC")):
            examendatum = start + relativedelta(months=10 + 3 * i)
            if examendatum >= vandaag - timedelta(days=14):
                break
            toepassen(
                persoon,
                "SS199",
                {
                    "onderdeel": onderdeel,
                    "examendatum": iso(examendatum),
                    "resultaat": kans.choice(["Geslaagd", "Geslaagd", "Gezakt"]),
                },
                toestand_gegevens=lege_gegevens(),
                vandaag=vandaag,
            )
    einde = inburgeraar.gewijzigd_op.date() if inburgeraar.gewijzigd_op else vandaag
    if inburgeraar.status in (Status.AFGEROND, Status.BEEINDIGD) and inburgeraar.einde_reden:
        reden = EindeReden(inburgeraar.einde_reden)
        if reden == EindeReden.Z_ROUTE_VOLTOOID and persoon["pips"]:
            persoon["zroute"] = {"datumAfrondingZroute": iso(einde), "gemeentecode": code}
        if reden == EindeReden.VRIJSTELLING:
            persoon["vrijstellingen"].append(
                {"GeheleVrijstelling": {"oordeel": "Toekenning", "reden": "DIP", "datumOordeel": iso(einde)}}
            )
        if reden == EindeReden.ONTHEFFING:
            persoon["ontheffingen"].append(
                {"GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": iso(einde), "grond": "MED"}}
            )
        persoon["inburgeringsplichthistorie"].append(
            {
                k: persoon["inburgeringsplicht"][k]
                for k in ("indicatorInburgeringsplicht", "begindatum", "wijzigingsdatum")
            }
            | {"einddatum": iso(einde)}
        )
        persoon["inburgeringsplicht"] = {
            "indicatorInburgeringsplicht": False,
            "begindatum": persoon["inburgeringsplicht"]["begindatum"],
            "einddatum": iso(einde),
            "wijzigingsdatum": iso(einde),
            "datumKennisgevingInburgeringsplicht": persoon["inburgeringsplicht"][
                "datumKennisgevingInburgeringsplicht"
            ],
            "redenGeenInburgeringsplicht": _REDEN_GEEN_PLICHT[reden],
        }
    elif inburgeraar.status == Status.VERHUISD:
        persoon.update(gemeentecode=NIEUWE_GEMEENTE, vestigingsdatum=iso(einde))
    return persoon


def _verschil(soort: str, persoon: dict, vandaag: date) -> bool:
    """Apply one deliberate difference; False when it does not fit this person."""
    lopend = persoon["inburgeringsplicht"]["indicatorInburgeringsplicht"]
    if soort == "pip_niet_ontvangen":
        if (
            not lopend
            or not persoon["pips"]
            or persoon["pips"][-1]["gemeentecode"] != persoon["gemeentecode"]
        ):
            return False
        persoon["pips"].pop()
        if not persoon["pips"]:
            persoon["inburgeringstermijn"] = None
        return True
    if soort == "termijn_verlengd":
        if not lopend or not persoon["inburgeringstermijn"]:
            return False
        toepassen(
            persoon,
            "SS103",
            {"maanden": 6, "datum": iso(vandaag - timedelta(days=7))},
            toestand_gegevens=lege_gegevens(),
            vandaag=vandaag,
        )
        return True
    if soort == "diploma_bij_duo":
        if not lopend or not persoon["inburgeringstermijn"]:
            return False
        toepassen(
            persoon,
            "SS106",
            {"datum": iso(vandaag - timedelta(days=3))},
            toestand_gegevens=lege_gegevens(),
            vandaag=vandaag,
        )
        return True
    if soort == "doelgroep_gewijzigd":
        if not lopend or persoon["doelgroep"]["indeling"] != "Asielstatushouder":
            return False
        toepassen(
            persoon,
            "SS124",
            {"datum": iso(vandaag - timedelta(days=10))},
            toestand_gegevens=lege_gegevens(),
            vandaag=vandaag,
        )
        return True
    return soort == "onbekend_bij_duo"


def instellingen_aanvullen(gegevens: dict) -> list[dict]:
    """Add the demo providers (regie.trajecten.demo) to DUO's list of instellingen in the simulator
    state `gegevens`, so DUO takes their inburgeringsaanbod; returns the ones added."""
    from regie.trajecten.demo import instellingen_bij_duo

    bekend = {i["instellingsnummer"] for i in gegevens.setdefault("instellingen", [])}
    nieuw = [i for i in instellingen_bij_duo() if i["instellingsnummer"] not in bekend]
    gegevens["instellingen"].extend(nieuw)
    return nieuw


def duo_toestand(vandaag: date | None = None, *, verschillen: bool = True) -> dict:
    """The whole simulator state (see duo_simulator.toestand) for the cases in the database."""
    vandaag = vandaag or klok.vandaag()
    gegevens = lege_gegevens()
    inburgeraars = (
        Inburgeraar.objects.select_related("gemeente", "brede_intake")
        .prefetch_related("pips")
        .order_by("bsn")
    )
    for inburgeraar in inburgeraars:
        gegevens["personen"][inburgeraar.bsn] = persoon_bij_duo(inburgeraar, vandaag)
    # the municipalities Regie serves, with their OIN: the simulator's demo mode only sends
    # notices about persons of these (another municipality's notices go to another system)
    gegevens["gemeenten"] = dict(Gemeente.objects.values_list("cbs_code", "oin"))
    instellingen_aanvullen(gegevens)
    gegevens["demoVerschillen"] = []
    if verschillen:
        kans = random.Random(20211)
        bsns = sorted(gegevens["personen"])
        kans.shuffle(bsns)
        for soort, toelichting in VERSCHILLEN.items():
            gekozen = 0
            for bsn in list(bsns):
                if gekozen == PER_SOORT:
                    break
                if _verschil(soort, gegevens["personen"][bsn], vandaag):
                    bsns.remove(bsn)
                    gekozen += 1
                    gegevens["demoVerschillen"].append(
                        {"bsn": bsn, "soort": soort, "toelichting": toelichting}
                    )
                    if soort == "onbekend_bij_duo":
                        del gegevens["personen"][bsn]
    return gegevens

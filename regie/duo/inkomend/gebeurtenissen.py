"""One handler per DUO event code (regie/duo/specs/Gebeurtenissen.md and Attentiesignalen.md).

A handler gets what Regie looked up at DUO for the notice (`Verwerking.gegevens`, see
`GEBEURTENISSEN[code].bronnen`) and changes the case only through the existing services
(regie.inburgeraars.services, regie.intake.services), which write the timeline and the processing
log. Every handler compares DUO's answer with what Regie already has (the case's fields and
`DuoStand`), so the same event processed twice, also under a new berichtId, changes nothing the
second time. A handler that cannot decide raises `Parkeren` with a Dutch reason: the notice is kept
for a person to handle.

docs/duo-gebeurtenissen.md is generated from GEBEURTENISSEN (`tabel_markdown()`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from regie import klok
from regie.duo.codes import laatste_dag_termijn
from regie.inburgeraars.models import Doelgroep, Leerroute
from regie.inburgeraars.status import EINDSTATUSSEN, EindeReden, Status


class Parkeren(Exception):
    """The notice cannot be processed automatically; `reden` says why, in Dutch."""

    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden


@dataclass
class Verwerking:
    """Everything a handler works with for one notice."""

    notificatie: object
    inburgeraar: object
    door: object  # the system user of the organisation (regie.duo.inkomend.services.duo_gebruiker)
    gegevens: dict  # resource name -> DUO's answer
    stand: object  # DuoStand of the case
    effecten: list[str] = field(default_factory=list)
    signaal: bool = False

    @property
    def code(self) -> str:
        return self.notificatie.gebeurtenis_id

    @property
    def datum(self) -> date:
        return timezone.localdate(self.notificatie.registratie_datum_tijd)


@dataclass(frozen=True)
class Gebeurtenis:
    code: str
    omschrijving: str
    bronnen: tuple[str, ...]  # what Regie looks up at DUO (keys of regie.duo.codes.BRONNEN)
    effect: str  # the effect on the case, for docs/duo-gebeurtenissen.md
    handler: Callable[[Verwerking], None]
    nieuwe_plicht: bool = False  # may arrive for a person Regie does not know yet, or moved in
    attentiesignaal: bool = False


# --- Helpers ------------------------------------------------------------------------------------


def _datum(tekst) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def _nl(dag: date | None) -> str:
    return f"{dag:%d-%m-%Y}" if dag else "(onbekend)"


def _wijzig(v: Verwerking, **velden) -> None:
    """Change the case's own data through the service, only the fields that really differ."""
    from regie.inburgeraars.services import inburgeraar_wijzigen

    anders = {naam: waarde for naam, waarde in velden.items() if getattr(v.inburgeraar, naam) != waarde}
    if not anders:
        return
    try:
        inburgeraar_wijzigen(inburgeraar=v.inburgeraar, door=v.door, versie=None, **anders)
    except ValidationError as fout:
        raise Parkeren("Regie kon het dossier niet bijwerken: " + _fouttekst(fout)) from fout
    v.effecten.append("Gegevens bijgewerkt: " + ", ".join(_veldnaam(n) for n in anders))


def _veldnaam(naam: str) -> str:
    from regie.inburgeraars.models import Inburgeraar

    return str(Inburgeraar._meta.get_field(naam).verbose_name)


def _fouttekst(fout: ValidationError) -> str:
    return " ".join(fout.messages)  # `messages` flattens a per-field error too


def _status(v: Verwerking, naar: Status, reden: EindeReden | None = None, toelichting: str = "") -> None:
    """Move the case to `naar` through the state machine; nothing when it is there already."""
    from regie.inburgeraars.services import status_wijzigen

    inburgeraar = v.inburgeraar
    if inburgeraar.status == naar and (inburgeraar.einde_reden or None) == (reden or None):
        return
    try:
        status_wijzigen(
            inburgeraar=inburgeraar,
            door=v.door,
            naar=naar,
            reden=reden,
            toelichting=toelichting or f"Melding {v.code} van DUO",
        )
    except ValidationError as fout:
        raise Parkeren(
            f"DUO meldt dat het dossier '{Status(naar).label}' moet worden"
            + (f" ({EindeReden(reden).label})" if reden else "")
            + f", maar dat kan niet vanuit de status '{inburgeraar.status_enum.label}': {_fouttekst(fout)}"
            " Pas het dossier zelf aan en markeer deze melding als afgehandeld."
        ) from fout
    v.effecten.append(f"Status: {Status(naar).label}" + (f" ({EindeReden(reden).label})" if reden else ""))


def _verhuis(v: Verwerking, datum_melding_duo: date) -> None:
    """A move within the organisation, through the same service as the consultant's by-hand move."""
    from regie.overdracht.services import verhuizen_binnen_organisatie

    van = v.inburgeraar.gemeente.naam
    try:
        verhuizen_binnen_organisatie(
            inburgeraar=v.inburgeraar,
            door=v.door,
            naar_gemeente=v.notificatie.gemeente,
            datum_melding_duo=datum_melding_duo,
            aanleiding=f"melding {v.code} van DUO",
        )
    except ValidationError as fout:
        raise Parkeren("Regie kon het dossier niet verhuizen: " + _fouttekst(fout)) from fout
    v.effecten.append(f"Verhuisd binnen de organisatie: van {van} naar {v.notificatie.gemeente.naam}")


def _vernieuw(v: Verwerking, bron: str):
    """(old, new) of one resource in DuoStand; stores the new answer."""
    oud = v.stand.gegevens.get(bron)
    nieuw = v.gegevens.get(bron)
    v.stand.gegevens[bron] = nieuw
    return oud, nieuw


def _tijdlijn(v: Verwerking, tekst: str, wijzigingen: dict | None = None) -> None:
    from regie.tijdlijn import events

    events.duo_melding_verwerkt(v.inburgeraar, v.door, v.code, tekst, wijzigingen)
    v.effecten.append(tekst)


def _signaleer(v: Verwerking, tekst: str) -> None:
    """A signal for the consultant: on the timeline once per event (code + DUO's registration time)."""
    from regie.tijdlijn import events

    sleutel = f"{v.code}|{v.notificatie.registratie_datum_tijd.isoformat()}"
    if sleutel in v.stand.signalen:
        return
    v.stand.signalen = [*v.stand.signalen, sleutel]
    events.duo_signaal(v.inburgeraar, v.door, v.code, tekst)
    v.effecten.append(f"Signaal voor de consulent: {tekst}")
    v.signaal = True


def _plicht_open(v: Verwerking) -> dict:
    plicht = v.gegevens.get("inburgeringsplicht")
    if not plicht or not plicht.get("indicatorInburgeringsplicht"):
        reden = (plicht or {}).get("redenGeenInburgeringsplicht") or "geen reden opgegeven"
        raise Parkeren(
            f"DUO meldt {v.code}, maar volgens de Inburgeringsplicht bij DUO is deze persoon niet"
            f" (meer) inburgeringsplichtig ({reden}). Controleer het dossier en neem zo nodig contact op"
            " met DUO."
        )
    return plicht


def _plicht_niet_open(v: Verwerking, wat: str) -> dict:
    plicht = v.gegevens.get("inburgeringsplicht")
    if plicht and plicht.get("indicatorInburgeringsplicht"):
        raise Parkeren(
            f"DUO meldt '{wat}', maar volgens de Inburgeringsplicht bij DUO loopt de plicht nog. Regie"
            " wijzigt het dossier daarom niet. Controleer dit bij DUO."
        )
    return plicht or {}


# DUO's doelgroep (Inburgeringsplicht API, Doelgroep) in Regie's terms.
GEZINSMIGRANT_DETAIL = {
    "Gezinshereniger",
    "Gezinshereniger met Asielstatushouder",
    "Gezinsvormer",
    "Gezinsvormer met Asielstatushouder",
}


def doelgroep_uit(duo: dict | None, huidig: str | None) -> str | None:
    """Regie's doelgroep for DUO's answer; None when DUO gave none."""
    if not duo or not duo.get("indeling"):
        return None
    if duo["indeling"] == "Asielstatushouder":
        return Doelgroep.ASIELSTATUSHOUDER
    detail = duo.get("gedetailleerdeDoelgroep")
    if detail in GEZINSMIGRANT_DETAIL:
        return Doelgroep.GEZINSMIGRANT
    if detail in {"Geestelijk bedienaar", "Overig"}:
        return Doelgroep.OVERIGE_MIGRANT
    if huidig in {Doelgroep.GEZINSMIGRANT, Doelgroep.OVERIGE_MIGRANT}:
        return huidig
    return Doelgroep.GEZINSMIGRANT


LEERROUTE_DUO = {"B": Leerroute.B1, "O": Leerroute.ONDERWIJSROUTE, "Z": Leerroute.Z_ROUTE}


def _pip_elders(v: Verwerking) -> dict:
    """Wi 11 lid 3 and Wi 15 lid 4: after a move the termijn keeps its start (the day after the
    dagtekening of the first PIP, Wi 11 lid 2) and the leerroute of the previous municipality stays.
    Regie records both from DUO's PIP and Inburgeringstermijn when the PIP is another municipality's."""
    pip = v.gegevens.get("pip")
    if not pip or pip.get("gemeentecode") == v.notificatie.gemeente.cbs_code:
        return {}
    velden = {}
    leerroute = LEERROUTE_DUO.get((pip.get("pip") or {}).get("leerroute"))
    if leerroute:
        velden["leerroute_vorige_gemeente"] = leerroute
    termijn = v.gegevens.get("inburgeringstermijn")
    if termijn and termijn.get("startdatum"):
        # The termijn starts the day after the first PIP's dagtekening (Wi 11 lid 2).
        velden["dagtekening_eerste_pip_elders"] = _datum(termijn["startdatum"]) - timedelta(days=1)
    elif (pip.get("pip") or {}).get("dagtekeningPip"):
        velden["dagtekening_eerste_pip_elders"] = _datum(pip["pip"]["dagtekeningPip"])
    return velden


# --- Nieuwe inburgeringsplichtige / wijziging van gemeente -----------------------------------


def _nieuwe_plicht(v: Verwerking, *, pip_elders: bool = False) -> None:
    plicht = _plicht_open(v)
    inburgeraar = v.inburgeraar
    velden: dict = {}
    # DUO's start of the obligation: a PIP may not be dated before it (DUO PIP API, dagtekening).
    begin = _datum(plicht.get("begindatum"))
    if begin:
        velden["begindatum_inburgeringsplicht"] = begin
    heropend = inburgeraar.status in EINDSTATUSSEN
    verhuisd = inburgeraar.gemeente_id != v.notificatie.gemeente_id
    doelgroep = doelgroep_uit(v.gegevens.get("doelgroep"), inburgeraar.doelgroep)
    if doelgroep:
        velden["doelgroep"] = doelgroep
    # Bi 5.3 lid 1: the 10 weeks for the PIP run from DUO's notice. The first notice counts; a
    # move or a new obligation after the case ended starts them again.
    if inburgeraar.datum_melding_duo is None or verhuisd or heropend:
        velden["datum_melding_duo"] = min(v.datum, klok.vandaag())
    if pip_elders:
        velden |= _pip_elders(v)
    if heropend and inburgeraar.status == Status.AFGEROND:
        raise Parkeren(
            f"DUO meldt {v.code} (opnieuw inburgeringsplichtig), maar het dossier is afgerond. Een afgerond"
            " dossier gaat niet vanzelf weer open: bekijk het dossier en registreer zo nodig opnieuw."
        )
    if verhuisd:  # moved within the organisation (e.g. Dordrecht -> Zwijndrecht)
        _verhuis(v, velden.pop("datum_melding_duo"))
    _wijzig(v, **velden)
    if heropend:
        _status(v, Status.AANGEMELD, toelichting=f"Opnieuw inburgeringsplichtig (DUO {v.code})")
    for bron in ("inburgeringsplicht", "doelgroep", "inburgeringstermijn", "pip", "vrijstellingen"):
        if bron in v.gegevens:
            _vernieuw(v, bron)


def ss101(v):
    _nieuwe_plicht(v)


def ss128(v):
    _nieuwe_plicht(v)
    _signaleer(v, "De persoon bereikt binnen 6 maanden de AOW-leeftijd.")


def ss139(v):
    _nieuwe_plicht(v)


def ss129(v):
    _nieuwe_plicht(v)


def ss120(v):
    _nieuwe_plicht(v)


def ss121(v):
    _nieuwe_plicht(v, pip_elders=True)


# --- Wijziging doelgroep -----------------------------------------------------------------------


def _doelgroep(v: Verwerking) -> None:
    doelgroep = doelgroep_uit(v.gegevens.get("doelgroep"), v.inburgeraar.doelgroep)
    if doelgroep is None:
        raise Parkeren(f"DUO meldt {v.code} (doelgroep gewijzigd), maar gaf geen doelgroep terug.")
    _wijzig(v, doelgroep=doelgroep)
    _vernieuw(v, "doelgroep")


ss124 = ss125 = _doelgroep


# --- Intrekken inburgeringsplicht / plicht voldaan ----------------------------------------------


def _toegekend(v: Verwerking, bron: str, soort: str) -> dict:
    for item in v.gegevens.get(bron) or []:
        besluit = item.get(soort)
        if besluit and besluit.get("oordeel") == "Toekenning":
            return besluit
    return {}


def ss109(v):
    _plicht_niet_open(v, "tijdelijke vrijstelling toegekend")
    besluit = _toegekend(v, "vrijstellingen", "TijdelijkeVrijstelling")
    tot = f" tot {_nl(_datum(besluit.get('einddatum')))}" if besluit.get("einddatum") else ""
    _status(v, Status.BEEINDIGD, EindeReden.VRIJSTELLING, f"Tijdelijke vrijstelling van DUO{tot}")
    _vernieuw(v, "vrijstellingen")
    _vernieuw(v, "inburgeringsplicht")


# redenGeenInburgeringsplicht -> (status, einde-reden). 'Verblijfsdoel gewijzigd' and 'Overig'
# (e.g. naturalisation or AOW age) say too little: a person chooses.
EINDE_PER_REDEN = {
    "Vertrek uit Nederland langer dan een jaar": (Status.BEEINDIGD, EindeReden.VERTREK),
    "Overlijden": (Status.BEEINDIGD, EindeReden.OVERLIJDEN),
    "Tijdelijke vrijstelling": (Status.BEEINDIGD, EindeReden.VRIJSTELLING),
    "Volledige vrijstelling": (Status.AFGEROND, EindeReden.VRIJSTELLING),
    "Volledige ontheffing": (Status.AFGEROND, EindeReden.ONTHEFFING),
    "Inburgeringsplicht voldaan": (Status.AFGEROND, EindeReden.DIPLOMA),
}


def ss110(v):
    plicht = _plicht_niet_open(v, "inburgeringsplicht ingetrokken")
    reden = plicht.get("redenGeenInburgeringsplicht")
    if reden not in EINDE_PER_REDEN:
        raise Parkeren(
            f"DUO heeft de inburgeringsplicht ingetrokken (reden bij DUO: {reden or 'geen'}). Daaruit kan"
            " Regie niet afleiden of het om naturalisatie, de AOW-leeftijd of iets anders gaat. Beëindig het"
            " dossier zelf met de juiste reden en markeer deze melding als afgehandeld."
        )
    naar, einde = EINDE_PER_REDEN[reden]
    _status(v, naar, einde, f"Inburgeringsplicht ingetrokken door DUO: {reden}")
    _vernieuw(v, "inburgeringsplicht")


def ss111(v):
    _status(v, Status.BEEINDIGD, EindeReden.OVERLIJDEN, "DUO meldt dat de persoon is overleden")
    _vernieuw(v, "inburgeringsplicht")


def ss106(v):
    _plicht_niet_open(v, "diploma behaald")
    _status(v, Status.AFGEROND, EindeReden.DIPLOMA, "DUO meldt: inburgeringsdiploma behaald")
    _vernieuw(v, "inburgeringsplicht")


def ss107(v):
    _plicht_niet_open(v, "gehele vrijstelling toegekend")
    besluit = _toegekend(v, "vrijstellingen", "GeheleVrijstelling")
    if not besluit:
        raise Parkeren(
            "DUO meldt een gehele vrijstelling, maar bij DUO staat geen toegekende gehele vrijstelling."
        )
    _status(
        v, Status.AFGEROND, EindeReden.VRIJSTELLING, f"Gehele vrijstelling (reden {besluit.get('reden')})"
    )
    _vernieuw(v, "vrijstellingen")
    _vernieuw(v, "inburgeringsplicht")


def ss108(v):
    _plicht_niet_open(v, "gehele ontheffing toegekend")
    besluit = _toegekend(v, "ontheffingen", "GeheleOntheffing")
    if not besluit:
        raise Parkeren(
            "DUO meldt een gehele ontheffing, maar bij DUO staat geen toegekende gehele ontheffing."
        )
    _status(v, Status.AFGEROND, EindeReden.ONTHEFFING, f"Gehele ontheffing (grond {besluit.get('grond')})")
    _vernieuw(v, "ontheffingen")
    _vernieuw(v, "inburgeringsplicht")


# --- Leerroute en termijn ----------------------------------------------------------------------


def ss137(v):
    oud, nieuw = _vernieuw(v, "lbt_examennummer")
    if nieuw and nieuw != oud:
        _tijdlijn(v, f"Aangemeld voor de leerbaarheidstoets (examennummer {nieuw.get('examennummer')})")


def ss131(v):
    from regie.intake.models import BredeIntake
    from regie.intake.services import brede_intake_opslaan

    _vernieuw(v, "lbt_resultaten")
    resultaten = [r for r in v.gegevens.get("lbt_resultaten") or [] if r.get("datumAfname")]
    if not resultaten:
        raise Parkeren("DUO meldt een uitslag van de leerbaarheidstoets, maar DUO gaf geen resultaat terug.")
    laatste = max(resultaten, key=lambda r: r["datumAfname"])
    datum, resultaat = _datum(laatste["datumAfname"]), laatste["resultaat"]
    intake = BredeIntake.objects.filter(inburgeraar=v.inburgeraar).first()
    if (
        intake
        and intake.leerbaarheidstoets_datum == datum
        and intake.leerbaarheidstoets_resultaat == resultaat
    ):
        return
    try:
        brede_intake_opslaan(
            inburgeraar=v.inburgeraar,
            door=v.door,
            versie=None,
            leerbaarheidstoets_datum=datum,
            leerbaarheidstoets_resultaat=resultaat,
        )
    except ValidationError as fout:
        raise Parkeren("Regie kon de uitslag niet in de brede intake zetten: " + _fouttekst(fout)) from fout
    v.effecten.append(
        f"Leerbaarheidstoets in de brede intake: {resultaat} op {_nl(datum)}"
        f" (score {laatste.get('behaaldeScore')} van {laatste.get('benodigdeScore')} nodig)"
    )


def _termijn(v: Verwerking, wat: str, *, verlengd: bool = False) -> None:
    """DUO's termijn on the timeline. When DUO extended it (SS103/SS104, or a termijn that carries
    a verlengingsgrond), DUO's end becomes the case's end of the termijn (Wi 12) through
    termijn_verlengd_door_duo."""
    from regie.inburgeraars.services import termijn_verlengd_door_duo

    oud, nieuw = _vernieuw(v, "inburgeringstermijn")
    if not nieuw:
        raise Parkeren(f"DUO meldt {v.code} ({wat}), maar DUO gaf geen inburgeringstermijn terug.")
    if nieuw == oud:
        return
    einde = laatste_dag_termijn(nieuw)
    grond = nieuw.get("verlengingsgrondomschrijving") or ""
    if verlengd or grond or nieuw.get("verlengingsgrondcode"):
        termijn_verlengd_door_duo(
            inburgeraar=v.inburgeraar,
            door=v.door,
            laatste_dag=einde,
            bericht_van=v.datum,
            grond=grond,
            aanleiding=f"DUO {v.code}: {wat}",
        )
        v.effecten.append(f"{wat}: de termijn loopt nu tot en met {_nl(einde)}")
        return
    tekst = f"{wat}: {_nl(_datum(nieuw.get('startdatum')))} tot en met {_nl(einde)}"
    _tijdlijn(
        v,
        tekst,
        {"einde inburgeringstermijn (DUO)": [(oud or {}).get("einddatum"), nieuw.get("einddatum")]},
    )


def ss102(v):
    _termijn(v, "Inburgeringstermijn volgens DUO")


def ss103(v):
    _termijn(v, "Termijn ambtshalve verlengd door DUO", verlengd=True)


def ss104(v):
    _termijn(v, "Termijn op verzoek verlengd door DUO", verlengd=True)


def ss130(v):
    _plicht_open(v)
    velden = _pip_elders(v)
    _wijzig(v, **velden)
    if v.inburgeraar.status == Status.BEEINDIGD:
        _status(v, Status.AANGEMELD, toelichting="Tijdelijke vrijstelling ingetrokken; de plicht loopt weer")
    _termijn(v, "Inburgeringsplicht hervat; termijn volgens DUO")
    for bron in ("inburgeringsplicht", "pip", "vrijstellingen"):
        _vernieuw(v, bron)


# --- Examenresultaten --------------------------------------------------------------------------


def ss199(v):
    oud, nieuw = _vernieuw(v, "examenresultaten")
    bekend = oud or []
    for r in nieuw or []:
        if r in bekend:
            continue
        niveau = f" {r['niveau']}" if r.get("niveau") else ""
        reden = f" ({r['redenGeenResultaat']})" if r.get("redenGeenResultaat") else ""
        _tijdlijn(
            v,
            f"Examen {r.get('onderdeel')}{niveau} op {_nl(_datum(r.get('examendatum')))}: {r.get('resultaat')}{reden}",
        )


# --- Verzoeken inburgeraar ----------------------------------------------------------------------


def _besluit_tekst(v: Verwerking, bron: str, soort: str, oordeel: str) -> str:
    for item in v.gegevens.get(bron) or []:
        besluit = item.get(soort)
        if besluit and besluit.get("oordeel") == oordeel:
            delen = [f"{k} {w}" for k, w in besluit.items() if k not in {"oordeel"} and w not in (None, "")]
            return " (" + ", ".join(delen) + ")" if delen else ""
    return ""


def ss113(v):
    _signaleer(v, "DUO heeft het verzoek om verlenging van de termijn afgewezen.")


def ss114(v):
    _vernieuw(v, "vrijstellingen")
    extra = _besluit_tekst(v, "vrijstellingen", "GeheleVrijstelling", "Afwijzing")
    _signaleer(v, "DUO heeft het verzoek om gehele vrijstelling afgewezen" + extra + ".")


def ss115(v):
    _vernieuw(v, "vrijstellingen")
    extra = _besluit_tekst(v, "vrijstellingen", "TijdelijkeVrijstelling", "Afwijzing")
    _signaleer(v, "DUO heeft het verzoek om tijdelijke vrijstelling afgewezen" + extra + ".")


def ss116(v):
    _vernieuw(v, "vrijstellingen")
    extra = _besluit_tekst(v, "vrijstellingen", "GedeeltelijkeVrijstelling", "Afwijzing")
    _signaleer(v, "DUO heeft het verzoek om gedeeltelijke vrijstelling afgewezen" + extra + ".")


def ss117(v):
    oud, _ = _vernieuw(v, "vrijstellingen")
    _vernieuw(v, "examenresultaten")
    extra = _besluit_tekst(v, "vrijstellingen", "GedeeltelijkeVrijstelling", "Toekenning")
    _signaleer(
        v,
        "DUO heeft een gedeeltelijke vrijstelling toegekend"
        + extra
        + ". Bekijk of het PIP moet worden aangepast.",
    )


def ss118(v):
    _vernieuw(v, "ontheffingen")
    extra = _besluit_tekst(v, "ontheffingen", "GeheleOntheffing", "Afwijzing") or _besluit_tekst(
        v, "ontheffingen", "GedeeltelijkeOntheffing", "Afwijzing"
    )
    _signaleer(v, "DUO heeft het verzoek om ontheffing afgewezen" + extra + ".")


def ss119(v):
    _vernieuw(v, "ontheffingen")
    _vernieuw(v, "examenresultaten")
    extra = _besluit_tekst(v, "ontheffingen", "GedeeltelijkeOntheffing", "Toekenning")
    _signaleer(
        v,
        "DUO heeft een gedeeltelijke ontheffing toegekend"
        + extra
        + ". Bekijk of het PIP moet worden aangepast.",
    )


# --- Attentiesignalen (SDI008, nog niet als API bij DUO: Regie zoekt niets op) ----------------


def ss122(v):
    if v.inburgeraar.status not in EINDSTATUSSEN:
        _status(v, Status.VERHUISD, toelichting="DUO meldt: vertrokken naar een andere gemeente")
    _signaleer(
        v,
        "Vertrokken naar een andere gemeente. Geef zo nodig de inspanningen en resultaten nog door aan DUO.",
    )


def _signaal(tekst: str) -> Callable[[Verwerking], None]:
    def handler(v: Verwerking) -> None:
        _signaleer(v, tekst)

    return handler


SIGNALEN = {
    "SS123": "Vertrokken uit Nederland. Geef zo nodig de inspanningen en resultaten nog door aan DUO.",
    "SS126": "De 10 weken zijn voorbij en er is nog geen leerroute (PIP) bij DUO bekend.",
    "SS127": "Nog geen inburgeringsaanbod bij DUO, terwijl de leerroute al vaststaat (asielmigrant).",
    "SS132": "DUO ontving een opleidingscontract, maar er is nog geen PIP.",
    "SS133": "DUO ontving een opleidingscontract met een taalniveau dat niet past bij de leerroute.",
    "SS135": "DUO ontving een opleidingscontract met een te hoog taalniveau voor de Z-route.",
    "SS136": "DUO ontving een opleidingscontract voor een taalschakeltraject, maar de leerroute is geen"
    " onderwijsroute.",
    "SS140": "Verzoek om ontheffing wegens bijzondere individuele omstandigheden: DUO vraagt uw advies.",
    "SS141": "Z-route voldaan: de tekst voor het certificaat staat klaar in het portaal van DUO.",
    "SS142": "Niet-vrijstellende opleiding beëindigd wegens uitschrijving. Neem zo nodig contact op en herzie"
    " het PIP.",
    "SS112": "De inburgeraar heeft bij DUO verlenging van de termijn aangevraagd.",
}


# --- The table ------------------------------------------------------------------------------------

NIEUW_EFFECT = (
    "Dossier bijwerken: doelgroep uit DUO, datum melding DUO (Bi 5.3 lid 1: start van de 10 weken) als die"
    " nog leeg is; verhuisd binnen de organisatie: nieuwe gemeente; verhuisd of beëindigd dossier weer"
    " 'aangemeld'. Persoon nog niet in Regie: geparkeerd (DUO geeft geen naam of geboortedatum); met"
    " 'Inburgeraar registreren' (formulier vooraf ingevuld met BSN, doelgroep, datum melding DUO en gemeente)"
    " maakt de medewerker het dossier en verwerkt Regie de melding vanzelf opnieuw."
)

_LIJST = [
    Gebeurtenis(
        "SS101",
        "Persoon is inburgeringsplichtig",
        ("inburgeringsplicht", "doelgroep"),
        NIEUW_EFFECT,
        ss101,
        True,
    ),
    Gebeurtenis(
        "SS128",
        "Inburgeringsplichtig, bereikt AOW-leeftijd binnen 6 maanden",
        ("inburgeringsplicht", "doelgroep"),
        NIEUW_EFFECT + " Plus een signaal voor de consulent.",
        ss128,
        True,
    ),
    Gebeurtenis(
        "SS139",
        "Inburgeringsplichtig, 10 weken voor de leerroute gestart (ook na uitstroom COA)",
        ("inburgeringsplicht", "doelgroep"),
        NIEUW_EFFECT,
        ss139,
        True,
    ),
    Gebeurtenis(
        "SS129",
        "Tijdelijke vrijstelling ingetrokken, nog geen leerroute",
        ("inburgeringsplicht", "doelgroep", "vrijstellingen"),
        NIEUW_EFFECT,
        ss129,
        True,
    ),
    Gebeurtenis(
        "SS120",
        "In gemeente gevestigd zonder PIP",
        ("inburgeringsplicht", "doelgroep"),
        NIEUW_EFFECT,
        ss120,
        True,
    ),
    Gebeurtenis(
        "SS121",
        "In gemeente gevestigd met PIP van de vorige gemeente",
        ("inburgeringsplicht", "doelgroep", "inburgeringstermijn", "pip"),
        NIEUW_EFFECT
        + " Ook leerroute en dagtekening eerste PIP van de vorige gemeente (Wi 11 lid 3, Wi 15 lid 4):"
        " dagtekening = startdatum termijn min één dag (Wi 11 lid 2).",
        ss121,
        True,
    ),
    Gebeurtenis(
        "SS124",
        "Doelgroep van asielstatushouder naar gezinsmigrant/overige migrant",
        ("doelgroep",),
        "Doelgroep van het dossier wijzigen (via de dossierservice, op de tijdlijn).",
        ss124,
    ),
    Gebeurtenis(
        "SS125",
        "Doelgroep van gezinsmigrant/overige migrant naar asielstatushouder",
        ("doelgroep",),
        "Doelgroep van het dossier wijzigen (via de dossierservice, op de tijdlijn).",
        ss125,
    ),
    Gebeurtenis(
        "SS109",
        "Tijdelijke vrijstelling toegekend",
        ("inburgeringsplicht", "vrijstellingen"),
        "Status 'Beëindigd', reden Vrijstelling (met einddatum van de vrijstelling). Plicht volgens DUO nog"
        " open: geparkeerd.",
        ss109,
    ),
    Gebeurtenis(
        "SS110",
        "Inburgeringsplicht ingetrokken",
        ("inburgeringsplicht",),
        "Status volgens de reden bij DUO: vertrek → Beëindigd (Vertrek), overlijden → Beëindigd (Overleden),"
        " volledige vrijstelling/ontheffing → Afgerond. Reden 'Verblijfsdoel gewijzigd' of 'Overig'"
        " (naturalisatie? AOW?): geparkeerd, de consulent kiest.",
        ss110,
    ),
    Gebeurtenis(
        "SS111",
        "Persoon is overleden",
        ("inburgeringsplicht",),
        "Status 'Beëindigd', reden Overleden.",
        ss111,
    ),
    Gebeurtenis(
        "SS106",
        "Diploma behaald",
        ("inburgeringsplicht",),
        "Status 'Afgerond', reden Diploma behaald (Wi 6 lid 1). Plicht volgens DUO nog open: geparkeerd.",
        ss106,
    ),
    Gebeurtenis(
        "SS107",
        "Gehele vrijstelling toegekend",
        ("inburgeringsplicht", "vrijstellingen"),
        "Status 'Afgerond', reden Vrijstelling.",
        ss107,
    ),
    Gebeurtenis(
        "SS108",
        "Gehele ontheffing toegekend",
        ("inburgeringsplicht", "ontheffingen"),
        "Status 'Afgerond', reden Ontheffing.",
        ss108,
    ),
    Gebeurtenis(
        "SS137",
        "Aangemeld voor de leerbaarheidstoets",
        ("lbt_examennummer",),
        "Op de tijdlijn: aangemeld, met examennummer.",
        ss137,
    ),
    Gebeurtenis(
        "SS131",
        "Leerbaarheidstoets afgenomen, resultaat bekend",
        ("lbt_resultaten",),
        "Datum en resultaat van de leerbaarheidstoets in de brede intake (via de intakeservice).",
        ss131,
    ),
    Gebeurtenis(
        "SS102",
        "Inburgeringstermijn gestart",
        ("inburgeringstermijn",),
        "Termijn volgens DUO op de tijdlijn en in de stand bij DUO; verschil met Regie's berekening (Wi 11)"
        " staat in de afstemming.",
        ss102,
    ),
    Gebeurtenis(
        "SS199", "Uitslag examen bekend", ("examenresultaten",), "Elke nieuwe uitslag op de tijdlijn.", ss199
    ),
    Gebeurtenis(
        "SS103",
        "Termijn ambtshalve verlengd",
        ("inburgeringstermijn",),
        "Het einde van DUO wordt het einde van de termijn in heel Regie (Wi 12): werkvoorraad, tab"
        " Termijnen, API, planning van gesprekken, afstemming. Op de tijdlijn met grond en datum bericht.",
        ss103,
    ),
    Gebeurtenis(
        "SS104",
        "Termijn op verzoek verlengd",
        ("inburgeringstermijn",),
        "Het einde van DUO wordt het einde van de termijn in heel Regie (Wi 12), zoals bij SS103.",
        ss104,
    ),
    Gebeurtenis(
        "SS130",
        "Tijdelijke vrijstelling ingetrokken, PIP al bekend",
        ("inburgeringsplicht", "inburgeringstermijn", "pip", "vrijstellingen"),
        "Beëindigd dossier weer 'aangemeld'; leerroute en eerste PIP van een vorige gemeente vastleggen;"
        " termijn volgens DUO op de tijdlijn.",
        ss130,
    ),
    Gebeurtenis("SS113", "Verzoek verlenging afgewezen", (), "Signaal voor de consulent.", ss113),
    Gebeurtenis(
        "SS114",
        "Verzoek gehele vrijstelling afgewezen",
        ("vrijstellingen",),
        "Signaal met het besluit.",
        ss114,
    ),
    Gebeurtenis(
        "SS115",
        "Verzoek tijdelijke vrijstelling afgewezen",
        ("vrijstellingen",),
        "Signaal met het besluit.",
        ss115,
    ),
    Gebeurtenis(
        "SS116",
        "Verzoek gedeeltelijke vrijstelling afgewezen",
        ("vrijstellingen",),
        "Signaal met het besluit.",
        ss116,
    ),
    Gebeurtenis(
        "SS117",
        "Verzoek gedeeltelijke vrijstelling toegekend",
        ("vrijstellingen", "examenresultaten"),
        "Signaal: PIP bekijken; vrijstelling en examens in de stand bij DUO.",
        ss117,
    ),
    Gebeurtenis(
        "SS118", "Verzoek ontheffing afgewezen", ("ontheffingen",), "Signaal met het besluit.", ss118
    ),
    Gebeurtenis(
        "SS119",
        "Verzoek gedeeltelijke ontheffing toegekend",
        ("ontheffingen", "examenresultaten"),
        "Signaal: PIP bekijken; ontheffing en examens in de stand bij DUO.",
        ss119,
    ),
    Gebeurtenis(
        "SS122",
        "Attentiesignaal: vertrokken naar andere gemeente",
        (),
        "Actief dossier naar status 'Verhuisd' en een signaal: resultaten nog aan DUO doorgeven.",
        ss122,
        attentiesignaal=True,
    ),
    *[
        Gebeurtenis(
            code,
            "Attentiesignaal: " + tekst.split(".")[0],
            (),
            "Signaal voor de consulent.",
            _signaal(tekst),
            attentiesignaal=True,
        )
        for code, tekst in SIGNALEN.items()
    ],
]

GEBEURTENISSEN: dict[str, Gebeurtenis] = {g.code: g for g in _LIJST}


def tabel_markdown() -> str:
    """The table of docs/duo-gebeurtenissen.md."""
    from regie.duo.codes import BRONNEN

    regels = [
        "| Code | Gebeurtenis | Regie zoekt op bij DUO | Effect op het dossier |",
        "| --- | --- | --- | --- |",
    ]
    for g in _LIJST:
        bronnen = (
            ", ".join(f"{BRONNEN[b][0]} `{BRONNEN[b][1]}`" for b in g.bronnen) or "niets (geen API bij DUO)"
        )
        regels.append(f"| {g.code} | {g.omschrijving} | {bronnen} | {g.effect} |")
    return "\n".join(regels) + "\n"

"""Every kind of entry on a case's timeline, one named function each.

Services call these inside their transaction, so a change and its record are
stored together or not at all. `_schrijf` also writes the change to the processing log
(regie.verwerkingslog), in that same transaction.
"""

from django.utils import timezone

from regie.tijdlijn.bundel import bewaar
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.models import Actie
from regie.wet.einde import EindeReden

# Per kind of entry: what the processing log records (actie, onderdeel).
VERWERKING = {
    Soort.GEREGISTREERD: (Actie.AANMAKEN, "dossier"),
    Soort.GEGEVENS_GEWIJZIGD: (Actie.WIJZIGEN, "dossier"),
    Soort.STATUS_GEWIJZIGD: (Actie.WIJZIGEN, "dossier"),
    Soort.CONSULENT_TOEGEWEZEN: (Actie.WIJZIGEN, "dossier"),
    Soort.BREDE_INTAKE: (Actie.WIJZIGEN, "brede intake"),
    Soort.AFSPRAAK: (Actie.WIJZIGEN, "afspraak"),
    Soort.PIP_VASTGESTELD: (Actie.AANMAKEN, "pip"),
    Soort.COA_KOPPELING: (Actie.WIJZIGEN, "coa koppeling"),
    Soort.KIND_TOEGEVOEGD: (Actie.AANMAKEN, "dossier"),
    Soort.DUO_MELDING: (Actie.WIJZIGEN, "dossier"),
    Soort.DUO_SIGNAAL: (Actie.WIJZIGEN, "dossier"),
    Soort.TERMIJN_VERLENGD: (Actie.WIJZIGEN, "dossier"),
    Soort.VERWIJZING: (Actie.WIJZIGEN, "traject"),
    Soort.VOORTGANGSGESPREK_GEPLAND: (Actie.AANMAKEN, "voortgangsgesprek"),
    Soort.VOORTGANGSGESPREK_VASTGELEGD: (Actie.WIJZIGEN, "voortgangsgesprek"),
    Soort.WAARSCHUWING: (Actie.AANMAKEN, "waarschuwing"),
    Soort.DUO_BERICHT: (Actie.EXPORTEREN, "duo"),
    Soort.ONTZORGING: (Actie.WIJZIGEN, "ontzorging"),
    Soort.OVERDRACHT: (Actie.EXPORTEREN, "overdracht"),
    Soort.BOETE: (Actie.WIJZIGEN, "boete"),
}


def _schrijf(
    inburgeraar, door, soort: Soort, omschrijving: str, *, _actie=None, _velden=None, **gegevens
) -> Gebeurtenis:
    """The timeline entry and its processing-log entry. `_velden` ({field: [old, new]})
    for the log when the entry's `gegevens` do not hold the change as such."""
    gebeurtenis = bewaar(
        Gebeurtenis(
            inburgeraar=inburgeraar, door=door, soort=soort, omschrijving=omschrijving, gegevens=gegevens
        )
    )
    actie, onderdeel = VERWERKING.get(soort, (Actie.WIJZIGEN, "dossier"))
    verwerkingslog.gewijzigd(
        inburgeraar=inburgeraar,
        door=door,
        onderdeel=onderdeel,
        actie=_actie or actie,
        velden=_velden if _velden is not None else gegevens.get("wijzigingen", {}),
        handeling=soort,
    )
    return gebeurtenis


def _tekst(waarde) -> str:
    if waarde in (None, ""):
        return "(leeg)"
    return str(waarde)


def _tijd(moment) -> str:
    """Date and time as the user reads them: in Dutch local time, not in UTC as stored."""
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


def inburgeraar_geregistreerd(inburgeraar, door) -> Gebeurtenis:
    return _schrijf(inburgeraar, door, Soort.GEREGISTREERD, f"{inburgeraar.naam} is geregistreerd")


def gegevens_gewijzigd(inburgeraar, door, wijzigingen: dict[str, tuple]) -> Gebeurtenis:
    """`wijzigingen` maps a field's label to (old, new)."""
    velden = ", ".join(wijzigingen)
    return _schrijf(
        inburgeraar,
        door,
        Soort.GEGEVENS_GEWIJZIGD,
        f"Gegevens gewijzigd: {velden}",
        wijzigingen={veld: [_tekst(oud), _tekst(nieuw)] for veld, (oud, nieuw) in wijzigingen.items()},
    )


def status_gewijzigd(inburgeraar, door, van, naar, reden: EindeReden | None, toelichting: str) -> Gebeurtenis:
    """`van` and `naar` are the case's `Status` (regie.inburgeraars.status): members with a
    label, passed in because the timeline sits below the case app."""
    omschrijving = f"Status van '{van.label}' naar '{naar.label}'"
    if reden:
        omschrijving += f" ({reden.label})"
    reden = reden or ""
    return _schrijf(
        inburgeraar,
        door,
        Soort.STATUS_GEWIJZIGD,
        omschrijving,
        _velden={"status": [van, naar], **({"einde_reden": ["", reden]} if reden else {})},
        van=van,
        naar=naar,
        reden=reden,
        toelichting=toelichting,
    )


def consulent_toegewezen(inburgeraar, door, van, naar, reden: str) -> Gebeurtenis:
    omschrijving = f"Vaste consulent: {naar}" + (f" (was {van})" if van else "")
    return _schrijf(
        inburgeraar,
        door,
        Soort.CONSULENT_TOEGEWEZEN,
        omschrijving,
        _velden={"consulent": [getattr(van, "pk", None), naar.pk]},
        van=getattr(van, "pk", None),
        naar=naar.pk,
        reden=reden,
    )


def brede_intake_opgeslagen(inburgeraar, door, velden: list[str]) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.BREDE_INTAKE,
        "Brede intake bijgewerkt: " + ", ".join(velden),
        # Only the names of the changed fields: special data stays out of the log.
        _velden={veld: ["(gewijzigd)", "(gewijzigd)"] for veld in velden},
        velden=velden,
    )


def diploma_toegevoegd(inburgeraar, door, diploma) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.BREDE_INTAKE,
        f"Diploma toegevoegd aan de brede intake: {diploma.naam}",
        _actie=Actie.AANMAKEN,
        _velden={"diploma": [None, diploma.pk]},
        diploma=diploma.pk,
    )


def diploma_verwijderd(inburgeraar, door, naam: str) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.BREDE_INTAKE,
        f"Diploma verwijderd uit de brede intake: {naam}",
        _actie=Actie.VERWIJDEREN,
        _velden={"diploma": [naam, None]},
    )


def afspraak_gepland(inburgeraar, door, afspraak) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.AFSPRAAK,
        f"Afspraak brede intake gepland op {_tijd(afspraak.begint_op)} ({afspraak.locatie})",
        _actie=Actie.AANMAKEN,
        _velden={"afspraak": [None, afspraak.pk]},
        afspraak=afspraak.pk,
    )


def afspraak_bijgewerkt(inburgeraar, door, afspraak) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.AFSPRAAK,
        f"Afspraak van {_tijd(afspraak.begint_op)}: {afspraak.get_status_display().lower()}",
        _velden={"status": [None, afspraak.status]},
        afspraak=afspraak.pk,
        status=afspraak.status,
    )


def pip_vastgesteld(inburgeraar, door, pip) -> Gebeurtenis:
    omschrijving = (
        f"PIP versie {pip.versie} vastgesteld: {pip.get_leerroute_display()}"
        + (f", taaldoel {pip.taalniveau}" if pip.taalniveau else "")
        + f", dagtekening {pip.dagtekening:%d-%m-%Y}"
        + (" (vastgesteld ondanks waarschuwingen: zie het PIP)" if pip.waarschuwingen else "")
    )
    return _schrijf(
        inburgeraar,
        door,
        Soort.PIP_VASTGESTELD,
        omschrijving,
        _velden={"pip": [None, pip.pk], "versie": [None, pip.versie]},
        pip=pip.pk,
        reden=pip.reden,
    )


def voortgangsgesprekken_gepland(inburgeraar, door, gesprekken, aanleiding: str) -> Gebeurtenis:
    """One entry for one or more planned progress talks (regie.voortgangsgesprekken)."""
    datums = ", ".join(f"{g.gepland_op:%d-%m-%Y}" for g in gesprekken)
    woord = "Voortgangsgesprek" if len(gesprekken) == 1 else f"{len(gesprekken)} voortgangsgesprekken"
    return _schrijf(
        inburgeraar,
        door,
        Soort.VOORTGANGSGESPREK_GEPLAND,
        f"{woord} gepland: {datums}"[:500],
        _velden={"voortgangsgesprek": [None, [g.pk for g in gesprekken]]},
        gesprekken=[g.pk for g in gesprekken],
        aanleiding=aanleiding,
    )


def voortgangsgesprek_vastgelegd(inburgeraar, door, gesprek) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.VOORTGANGSGESPREK_VASTGELEGD,
        f"Voortgangsgesprek gevoerd op {gesprek.gevoerd_op:%d-%m-%Y}: {gesprek.get_uitkomst_display().lower()}",
        _velden={"uitkomst": [None, gesprek.uitkomst], "gevoerd_op": [None, gesprek.gevoerd_op.isoformat()]},
        gesprek=gesprek.pk,
        uitkomst=gesprek.uitkomst,
    )


def waarschuwing_opgesteld(inburgeraar, door, waarschuwing) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.WAARSCHUWING,
        f"Schriftelijke waarschuwing opgesteld (concept): {waarschuwing.get_aanleiding_display().lower()}",
        _velden={"waarschuwing": [None, waarschuwing.pk]},
        waarschuwing=waarschuwing.pk,
        aanleiding=waarschuwing.aanleiding,
        stand="Waarschuwing (concept)",
    )


def waarschuwing_verzonden(inburgeraar, door, waarschuwing) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.WAARSCHUWING,
        f"Schriftelijke waarschuwing verzonden op {waarschuwing.verzonden_op:%d-%m-%Y}",
        _actie=Actie.WIJZIGEN,
        _velden={"status": ["concept", "verzonden"]},
        waarschuwing=waarschuwing.pk,
        stand="Waarschuwing verzonden",
    )


# --- Fines (regie.handhaving.services) -------------------------------------------------------


def boete_stap(inburgeraar, door, boete, omschrijving: str, *, van: str) -> Gebeurtenis:
    """One step of a fine: `van` the status before, the fine's status now after."""
    return _schrijf(
        inburgeraar,
        door,
        Soort.BOETE,
        omschrijving,
        _velden={"status": [van or None, boete.status]},
        boete=str(boete.uuid),
        status=boete.status,
        stand=f"Boete: {boete.get_status_display().lower()}",
    )


# --- Referrals to providers (regie.trajecten.services) ------------------------------------


def _verwijzing(inburgeraar, door, verwijzing, omschrijving: str, *, van: str, _actie=None, **gegevens):
    return _schrijf(
        inburgeraar,
        door,
        Soort.VERWIJZING,
        omschrijving,
        _actie=_actie,
        _velden={"verwijzing": [None, verwijzing.pk]} if _actie else {"status": [van, verwijzing.status]},
        verwijzing=str(verwijzing.uuid),
        status=verwijzing.status,
        **gegevens,
    )


def verwijzing_verzonden(inburgeraar, door, verwijzing) -> Gebeurtenis:
    omschrijving = (
        f"Verwezen naar {verwijzing.contract.aanbieder} voor {verwijzing.get_onderdeel_display()}"
        + (" (capaciteit vol: op de wachtlijst)" if verwijzing.op_wachtlijst else "")
    )
    return _verwijzing(inburgeraar, door, verwijzing, omschrijving, van="", _actie=Actie.AANMAKEN)


def verwijzing_geaccepteerd(inburgeraar, door, verwijzing) -> Gebeurtenis:
    omschrijving = (
        f"{verwijzing.contract.aanbieder} accepteert de verwijzing voor {verwijzing.get_onderdeel_display()}"
        + (f", start {verwijzing.geplande_startdatum:%d-%m-%Y}" if verwijzing.geplande_startdatum else "")
    )
    return _verwijzing(inburgeraar, door, verwijzing, omschrijving, van="verzonden")


def verwijzing_geweigerd(inburgeraar, door, verwijzing) -> Gebeurtenis:
    omschrijving = (
        f"{verwijzing.contract.aanbieder} weigert de verwijzing voor {verwijzing.get_onderdeel_display()}"
    )
    return _verwijzing(
        inburgeraar, door, verwijzing, omschrijving, van="verzonden", reden=verwijzing.reden_weigering
    )


def verwijzing_gestart(inburgeraar, door, verwijzing, van: str) -> Gebeurtenis:
    omschrijving = (
        f"{verwijzing.get_onderdeel_display()} bij {verwijzing.contract.aanbieder} gestart op"
        f" {verwijzing.startdatum:%d-%m-%Y}"
    )
    return _verwijzing(inburgeraar, door, verwijzing, omschrijving, van=van)


def verwijzing_afgesloten(inburgeraar, door, verwijzing, van: str) -> Gebeurtenis:
    omschrijving = (
        f"{verwijzing.get_onderdeel_display()} bij {verwijzing.contract.aanbieder}"
        f" {verwijzing.get_status_display().lower()} op {verwijzing.einddatum:%d-%m-%Y}"
    )
    return _verwijzing(
        inburgeraar, door, verwijzing, omschrijving, van=van, toelichting=verwijzing.toelichting_einde
    )


def verwijzing_ingetrokken(inburgeraar, door, verwijzing, van: str) -> Gebeurtenis:
    omschrijving = (
        f"Verwijzing naar {verwijzing.contract.aanbieder} voor {verwijzing.get_onderdeel_display()}"
        " ingetrokken"
    )
    return _verwijzing(
        inburgeraar, door, verwijzing, omschrijving, van=van, reden=verwijzing.reden_intrekking
    )


def duo_melding_verwerkt(
    inburgeraar, door, gebeurtenis_id: str, omschrijving: str, wijzigingen=None
) -> Gebeurtenis:
    """What a DUO notice (regie.duo.inkomend) changed or added to the case. `wijzigingen`:
    {field: [old, new]} of data read from DUO, for the processing log."""
    return _schrijf(
        inburgeraar,
        door,
        Soort.DUO_MELDING,
        f"DUO {gebeurtenis_id}: {omschrijving}"[:500],
        _velden=wijzigingen or {"duo": [None, gebeurtenis_id]},
        gebeurtenis=gebeurtenis_id,
    )


def termijn_verlengd(inburgeraar, door, omschrijving: str, wijzigingen: dict[str, list]) -> Gebeurtenis:
    """DUO extended the termijn (Wi 12): its end is now DUO's end. `wijzigingen`: {field: [old,
    new]} of the case's DUO fields."""
    return _schrijf(inburgeraar, door, Soort.TERMIJN_VERLENGD, omschrijving[:500], wijzigingen=wijzigingen)


def duo_signaal(inburgeraar, door, gebeurtenis_id: str, omschrijving: str) -> Gebeurtenis:
    """A signal from DUO for the consultant (an attentiesignaal or a decision on a request)."""
    return _schrijf(
        inburgeraar,
        door,
        Soort.DUO_SIGNAAL,
        f"Signaal van DUO ({gebeurtenis_id}): {omschrijving}"[:500],
        _velden={"signaal": [None, gebeurtenis_id]},
        gebeurtenis=gebeurtenis_id,
    )


# --- What a provider reports (regie.voortgang) ----------------------------------------------
VERWERKING.update(
    {
        Soort.WEEKRAPPORTAGE: (Actie.AANMAKEN, "voortgang"),
        Soort.VOORTGANGSMETING: (Actie.AANMAKEN, "voortgang"),
        Soort.EXAMENPOGING: (Actie.AANMAKEN, "voortgang"),
        Soort.ONDERDEELRESULTAAT: (Actie.AANMAKEN, "voortgang"),
        Soort.EINDRAPPORT: (Actie.AANMAKEN, "voortgang"),
    }
)


def _correctie(vorige) -> dict:
    return {"_actie": Actie.WIJZIGEN} if vorige is not None else {}


def weekrapportage_vastgelegd(inburgeraar, door, rapportage, vorige=None) -> Gebeurtenis:
    """Attendance of one week; `vorige` is the report it corrects (kept as history)."""
    r = rapportage
    omschrijving = (
        f"{'Correctie aanwezigheid' if vorige else 'Aanwezigheid'} week {r.week_tekst}"
        f" ({r.verwijzing.get_onderdeel_display()}): {r.uren_gevolgd} van {r.uren_aangeboden} uur gevolgd"
    )
    if r.uren_afwezig_ongeoorloofd:
        omschrijving += f", {r.uren_afwezig_ongeoorloofd} uur ongeoorloofd afwezig"
    velden = {
        veld: [str(getattr(vorige, veld)) if vorige else None, str(getattr(r, veld))]
        for veld in (
            "uren_aangeboden",
            "uren_gevolgd",
            "uren_afwezig_ziek",
            "uren_afwezig_afspraak",
            "uren_afwezig_ongeoorloofd",
        )
        if vorige is None or getattr(vorige, veld) != getattr(r, veld)
    }
    return _schrijf(
        inburgeraar,
        door,
        Soort.WEEKRAPPORTAGE,
        omschrijving[:500],
        **_correctie(vorige),
        _velden=velden,
        verwijzing=str(r.verwijzing.uuid),
        weekrapportage=r.pk,
        vervangt=getattr(vorige, "pk", None),
        week=r.week.isoformat(),
        bron=r.bron,
    )


def voortgangsmeting_vastgelegd(inburgeraar, door, meting, vorig_niveau: str | None = None) -> Gebeurtenis:
    omschrijving = (
        f"Voortgang {meting.get_onderdeel_display()}: {meting.get_niveau_display()} ({meting.datum:%d-%m-%Y})"
    )
    if vorig_niveau:
        omschrijving = "Correctie " + omschrijving[0].lower() + omschrijving[1:]
    return _schrijf(
        inburgeraar,
        door,
        Soort.VOORTGANGSMETING,
        omschrijving[:500],
        **({"_actie": Actie.WIJZIGEN} if vorig_niveau else {}),
        _velden={"niveau": [vorig_niveau, meting.niveau]},
        verwijzing=str(meting.verwijzing.uuid),
        meting=meting.pk,
        bron=meting.bron,
    )


def examenpoging_vastgelegd(inburgeraar, door, poging, correctie: bool = False) -> Gebeurtenis:
    niveau = f" {poging.niveau}" if poging.niveau else ""
    omschrijving = (
        f"{'Correctie examen' if correctie else 'Examen'} {poging.get_onderdeel_display()}{niveau}"
        f" op {poging.datum:%d-%m-%Y}: {poging.get_uitslag_display().lower()}"
    )
    return _schrijf(
        inburgeraar,
        door,
        Soort.EXAMENPOGING,
        omschrijving[:500],
        **({"_actie": Actie.WIJZIGEN} if correctie else {}),
        _velden={"uitslag": [None, poging.uitslag], "niveau": [None, poging.niveau]},
        verwijzing=str(poging.verwijzing.uuid),
        examenpoging=poging.pk,
        bron=poging.bron,
    )


def onderdeelresultaat_vastgelegd(inburgeraar, door, resultaat, correctie: bool = False) -> Gebeurtenis:
    omschrijving = f"{resultaat.get_soort_display()} afgerond op {resultaat.afgerond_op:%d-%m-%Y}"
    if resultaat.eindgesprek_op:
        omschrijving += (
            f" ({resultaat.uren_taal} uur taal, {resultaat.uren_participatie} uur participatie,"
            f" eindgesprek {resultaat.eindgesprek_op:%d-%m-%Y})"
        )
    return _schrijf(
        inburgeraar,
        door,
        Soort.ONDERDEELRESULTAAT,
        (("Correctie: " if correctie else "") + omschrijving)[:500],
        **({"_actie": Actie.WIJZIGEN} if correctie else {}),
        _velden={"afgerond_op": [None, resultaat.afgerond_op.isoformat()]},
        verwijzing=str(resultaat.verwijzing.uuid),
        resultaat=resultaat.pk,
        resultaatsoort=resultaat.soort,
        bron=resultaat.bron,
    )


def eindrapport_vastgelegd(inburgeraar, door, eindrapport, correctie: bool = False) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.EINDRAPPORT,
        f"{'Eindrapport gecorrigeerd' if correctie else 'Eindrapport ontvangen'} van"
        f" {eindrapport.verwijzing.aanbieder} ({eindrapport.datum:%d-%m-%Y})",
        **({"_actie": Actie.WIJZIGEN} if correctie else {}),
        _velden={"eindrapport": [None, eindrapport.pk]},
        verwijzing=str(eindrapport.verwijzing.uuid),
        eindrapport=eindrapport.pk,
        bron=eindrapport.bron,
    )


# --- Messages to DUO (regie.duo.uitgaand.berichten) --------------------------------------------------------
# DUO is a recipient of personal data: every attempt to send is a processing ("exporteren") with
# DUO as the receiver and the fields given; a message Regie refused itself is only recorded.


def _duo_bericht(inburgeraar, door, bericht, omschrijving: str, *, gegeven: bool) -> Gebeurtenis:
    velden = {"ontvanger": [None, "DUO"], "bericht": [None, bericht.get_soort_display()]}
    if gegeven and isinstance(bericht.body, dict):
        velden.update({f"duo.{veld}": [None, waarde] for veld, waarde in bericht.body.items()})
    return _schrijf(
        inburgeraar,
        door,
        Soort.DUO_BERICHT,
        omschrijving[:500],
        _actie=None if gegeven else Actie.AANMAKEN,
        _velden=velden,
        bericht=str(bericht.uuid),
        berichtsoort=bericht.soort,
        status=bericht.status,
        poging=bericht.pogingen,
        berichtId=str(bericht.bericht_id or ""),
    )


def duo_bericht_verzonden(inburgeraar, door, bericht) -> Gebeurtenis:
    return _duo_bericht(
        inburgeraar, door, bericht, f"Bericht aan DUO verzonden: {bericht.get_soort_display()}", gegeven=True
    )


def duo_bericht_afgewezen(inburgeraar, door, bericht) -> Gebeurtenis:
    """DUO refused the message (4xx) with its reason in `bericht.fouttekst`."""
    return _duo_bericht(
        inburgeraar,
        door,
        bericht,
        f"DUO heeft het bericht {bericht.get_soort_display()} afgewezen: {bericht.fouttekst}",
        gegeven=True,
    )


def duo_bericht_poging_mislukt(inburgeraar, door, bericht) -> Gebeurtenis:
    """DUO could not be reached or had a failure; `bericht.volgende_poging_op` is set, or the
    message is `mislukt` after the last attempt."""
    if bericht.volgende_poging_op and bericht.status == "wachtrij":
        vervolg = f" Nieuwe poging om {_tijd(bericht.volgende_poging_op)}."
    else:
        vervolg = " Regie probeert het niet meer vanzelf."
    return _duo_bericht(
        inburgeraar,
        door,
        bericht,
        f"Bericht aan DUO ({bericht.get_soort_display()}) niet aangekomen, poging {bericht.pogingen}:"
        f" {bericht.fouttekst}{vervolg}",
        gegeven=True,
    )


def duo_bericht_niet_verstuurd(inburgeraar, door, bericht) -> Gebeurtenis:
    """Regie did not send the message: it breaks DUO's specification (`bericht.fouten`)."""
    return _duo_bericht(
        inburgeraar,
        door,
        bericht,
        f"Bericht aan DUO niet verstuurd ({bericht.get_soort_display()}): {bericht.fouttekst}",
        gegeven=False,
    )


def coa_koppeling_ontvangen(inburgeraar, door, koppeling, *, nieuw: bool) -> Gebeurtenis:
    """A row of a COA file for this person was processed (regie.coa). The voorinburgering is
    shown as the entry's toelichting; it stays out of the processing log's fields."""
    omschrijving = (
        "Koppeling COA ontvangen"
        if nieuw
        else "Koppeling COA opnieuw ontvangen (bestaat al: koppeling bijgewerkt)"
    ) + f": gekoppeld aan {koppeling.gemeente.naam} op {koppeling.datum_koppeling:%d-%m-%Y}"
    if koppeling.datum_huisvesting:
        omschrijving += f", gehuisvest op {koppeling.datum_huisvesting:%d-%m-%Y}"
    elif koppeling.datum_huisvesting_verwacht:
        omschrijving += f", huisvesting verwacht op {koppeling.datum_huisvesting_verwacht:%d-%m-%Y}"
    voorinburgering = koppeling.voorinburgering_tekst
    return _schrijf(
        inburgeraar,
        door,
        Soort.COA_KOPPELING,
        omschrijving,
        _velden={"coa_koppeling": [None, koppeling.pk]},
        koppeling=koppeling.pk,
        toelichting=f"Voorinburgering: {voorinburgering}" if voorinburgering else "",
    )


def kind_toegevoegd(inburgeraar, door, kind, *, bron: str = "") -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        Soort.KIND_TOEGEVOEGD,
        f"Kind toegevoegd aan het huishouden: {kind.voornaam}, geboren {kind.geboortedatum:%d-%m-%Y}"
        + (f" ({bron})" if bron else ""),
        _velden={"kind": [None, kind.pk]},
        kind=kind.pk,
    )


# --- Participation and the situation at measuring moments (regie.participatie) ----------------
VERWERKING.update(
    {
        Soort.PARTICIPATIE: (Actie.AANMAKEN, "participatie"),
        Soort.SITUATIE: (Actie.AANMAKEN, "participatie"),
    }
)


def participatie_toegevoegd(inburgeraar, door, activiteit) -> Gebeurtenis:
    a = activiteit
    omschrijving = f"Participatie toegevoegd: {a.get_soort_display().lower()} bij {a.partner} vanaf {a.startdatum:%d-%m-%Y}"
    return _schrijf(
        inburgeraar,
        door,
        Soort.PARTICIPATIE,
        omschrijving[:500],
        _velden={"soort": [None, a.soort], "startdatum": [None, a.startdatum.isoformat()]},
        activiteit=str(a.uuid),
    )


def participatie_gewijzigd(inburgeraar, door, activiteit, wijzigingen: dict[str, tuple]) -> Gebeurtenis:
    """`wijzigingen` maps a field's label to (old, new) as text: the old version stays readable here."""
    velden = ", ".join(wijzigingen)
    return _schrijf(
        inburgeraar,
        door,
        Soort.PARTICIPATIE,
        f"Participatie gewijzigd ({activiteit.get_soort_display().lower()} bij {activiteit.partner}): {velden}"[
            :500
        ],
        _actie=Actie.WIJZIGEN,
        activiteit=str(activiteit.uuid),
        wijzigingen={veld: [_tekst(oud), _tekst(nieuw)] for veld, (oud, nieuw) in wijzigingen.items()},
    )


def situatie_vastgelegd(inburgeraar, door, situatie, vorige=None) -> Gebeurtenis:
    """The situation at a measuring moment; `vorige` is the row it corrects (kept as history)."""
    s = situatie
    omschrijving = (
        f"{'Correctie situatie' if vorige else 'Situatie'} {s.get_moment_display().lower()}"
        f" ({s.gemeten_op:%d-%m-%Y}): {s.get_werk_display().lower()}, opleiding {'ja' if s.opleiding else 'nee'},"
        f" {s.get_uitkering_display().lower()}, zelfredzaamheid {s.zelfredzaamheid}"
    )
    velden = {
        veld: [str(getattr(vorige, veld)) if vorige else None, str(getattr(s, veld))]
        for veld in ("gemeten_op", "werk", "opleiding", "uitkering", "zelfredzaamheid")
        if vorige is None or getattr(vorige, veld) != getattr(s, veld)
    }
    return _schrijf(
        inburgeraar,
        door,
        Soort.SITUATIE,
        omschrijving[:500],
        **_correctie(vorige),
        _velden=velden,
        situatie=str(s.uuid),
        vervangt=str(vorige.uuid) if vorige else None,
        moment=s.moment,
    )


# --- Ontzorging (Pw 56a) ---------------------------------------------------------------------


def _ontzorging(inburgeraar, door, omschrijving: str, *, _actie=None, wijzigingen=None, **gegevens):
    wijzigingen = {veld: [_tekst(oud), _tekst(nieuw)] for veld, (oud, nieuw) in (wijzigingen or {}).items()}
    return _schrijf(
        inburgeraar,
        door,
        Soort.ONTZORGING,
        omschrijving[:500],
        _actie=_actie,
        wijzigingen=wijzigingen,
        **gegevens,
    )


def ontzorging_vastgelegd(inburgeraar, door, ontzorging) -> Gebeurtenis:
    o = ontzorging
    return _ontzorging(
        inburgeraar,
        door,
        f"Ontzorging loopt van {o.eerste_bijstand:%d-%m-%Y} tot en met {o.einde:%d-%m-%Y}",
        _actie=Actie.AANMAKEN,
        wijzigingen={"eerste betaling bijstand": (None, f"{o.eerste_bijstand:%d-%m-%Y}")},
        ontzorging=str(o.uuid),
    )


def ontzorging_verlengd(inburgeraar, door, ontzorging, vorig_einde) -> Gebeurtenis:
    o = ontzorging
    return _ontzorging(
        inburgeraar,
        door,
        f"Ontzorging verlengd tot en met {o.verlengd_tot:%d-%m-%Y}, met toestemming van {o.toestemming_op:%d-%m-%Y}",
        wijzigingen={"laatste dag": (f"{vorig_einde:%d-%m-%Y}", f"{o.verlengd_tot:%d-%m-%Y}")},
        ontzorging=str(o.uuid),
        toestemming_op=o.toestemming_op.isoformat(),
    )


def ontzorging_beeindigd(inburgeraar, door, ontzorging, toelichting: str) -> Gebeurtenis:
    o = ontzorging
    return _ontzorging(
        inburgeraar,
        door,
        f"Einde ontzorging op {o.beeindigd_op:%d-%m-%Y}: de inburgeraar betaalt de vaste lasten daarna zelf",
        wijzigingen={"beëindigd op": (None, f"{o.beeindigd_op:%d-%m-%Y}")},
        ontzorging=str(o.uuid),
        toelichting=toelichting,
    )


def vaste_last_toegevoegd(inburgeraar, door, vaste_last, bedrag: str) -> Gebeurtenis:
    v = vaste_last
    return _ontzorging(
        inburgeraar,
        door,
        f"Vaste last toegevoegd: {v.get_soort_display().lower()} aan {v.begunstigde}, {bedrag} per maand",
        _actie=Actie.AANMAKEN,
        wijzigingen={
            "soort": (None, v.soort),
            "begunstigde": (None, v.begunstigde),
            "bedrag": (None, bedrag),
        },
        vaste_last=str(v.uuid),
    )


def vaste_last_gewijzigd(inburgeraar, door, vaste_last, wijzigingen: dict[str, tuple]) -> Gebeurtenis:
    """`wijzigingen` maps a field's label to (old, new) as text: the old value stays readable."""
    v = vaste_last
    return _ontzorging(
        inburgeraar,
        door,
        f"Vaste last gewijzigd ({v.get_soort_display().lower()}, {v.begunstigde}): {', '.join(wijzigingen)}",
        wijzigingen=wijzigingen,
        vaste_last=str(v.uuid),
    )


def bijstand_gemeld(inburgeraar, door, maand, bedrag: str, bron: str) -> Gebeurtenis:
    return _ontzorging(
        inburgeraar,
        door,
        f"Bijstand {maand:%m-%Y} vastgelegd: {bedrag} (bron: {bron})",
        _actie=Actie.AANMAKEN,
        wijzigingen={"bijstand": (None, bedrag)},
        maand=maand.isoformat(),
    )


def budgetcoaching_bijgewerkt(inburgeraar, door, wijzigingen: dict[str, tuple]) -> Gebeurtenis:
    return _ontzorging(
        inburgeraar, door, f"Budgetcoaching: {', '.join(wijzigingen)}", wijzigingen=wijzigingen
    )


def betaling_teruggekomen(inburgeraar, door, betaling) -> Gebeurtenis:
    b = betaling
    return _ontzorging(
        inburgeraar,
        door,
        f"Betaling {b.get_soort_display().lower()} {b.maand:%m-%Y} aan {b.begunstigde} is teruggekomen:"
        f" {b.reden_terug}. Die gaat mee in de volgende betaalrun.",
        wijzigingen={"betaling": ("betaald", "teruggekomen")},
        betaling=b.end_to_end,
    )


# --- Moves: the hand-over package (regie.overdracht.services) ------------------------------------


def overdracht_gemaakt(inburgeraar, door, overdracht) -> Gebeurtenis:
    """The package left the municipality: this entry is also the processing log's record of the
    sharing (actie exporteren, onderdeel overdracht)."""
    wacht = " Het staat klaar in Regie bij de nieuwe gemeente." if overdracht.naar_gemeente_id else ""
    return _schrijf(
        inburgeraar,
        door,
        Soort.OVERDRACHT,
        f"Overdrachtspakket gemaakt voor de gemeente {overdracht.naar_gemeente_naam}.{wacht}",
        _velden={"overdracht": [None, str(overdracht.uuid)], "naar": [None, overdracht.naar_gemeente_naam]},
        overdracht=str(overdracht.uuid),
        naar=overdracht.naar_gemeente_naam,
    )


def overdracht_overgenomen(inburgeraar, door, overdracht) -> Gebeurtenis:
    """On the old case: the new municipality took the case over (without naming its case)."""
    return _schrijf(
        inburgeraar,
        door,
        Soort.OVERDRACHT,
        f"De gemeente {overdracht.naar_gemeente_naam} heeft het overdrachtspakket overgenomen.",
        _actie=Actie.WIJZIGEN,
        _velden={"overdracht": [overdracht.get_status_display(), "Overgenomen door de nieuwe gemeente"]},
        overdracht=str(overdracht.uuid),
    )


def overdracht_ontvangen(inburgeraar, door, ontvangen, wijzigingen: dict) -> Gebeurtenis:
    """The new municipality read a package into this case."""
    return _schrijf(
        inburgeraar,
        door,
        Soort.OVERDRACHT,
        f"Overdrachtspakket van de gemeente {ontvangen.van_gemeente_naam} ingelezen"
        f" ({ontvangen.get_bron_display().lower()}).",
        _actie=Actie.AANMAKEN,
        _velden={k: [_tekst(a), _tekst(b)] for k, (a, b) in wijzigingen.items()},
        pakket=str(ontvangen.uuid),
        van=ontvangen.van_gemeente_naam,
    )


def verhuisd_binnen_organisatie(
    inburgeraar, door, van, naar, consulent, aanleiding: str, wijzigingen: dict[str, tuple]
) -> Gebeurtenis:
    """The case moved to another municipality of the same organisation; `wijzigingen` are the
    case's fields that changed with it ({label: (old, new)}), as gegevens_gewijzigd has them."""
    blijft = f"De vaste consulent is {consulent}." if consulent else "Er is nog geen vaste consulent."
    return _schrijf(
        inburgeraar,
        door,
        Soort.OVERDRACHT,
        f"Verhuisd van {van.naam} naar {naar.naam}, binnen dezelfde organisatie ({aanleiding}). {blijft}",
        _actie=Actie.WIJZIGEN,
        wijzigingen={
            **{veld: [_tekst(oud), _tekst(nieuw)] for veld, (oud, nieuw) in wijzigingen.items()},
            "gemeente": [van.naam, naar.naam],
        },
        van=van.cbs_code,
        naar=naar.cbs_code,
    )

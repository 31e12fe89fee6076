"""The steps of a fine, as a state machine (OVERGANGEN) with the timeline.

sent warning → voornemen with the report of the facts (Awb 5:53) → zienswijze (written, hearing,
or the recorded fact that there was no reaction by the deadline; Awb 4:8) → besluit: boete (the
amount from regie.wet.boetes, moderation with its reason, Awb 5:46) or geen boete with the reason
→ a team lead who did not prepare it approves (four-eyes) → beschikking (PDF) → payment, a payment
arrangement, or set-off against bijstand where the municipality's verordening allows it →
bezwaar with its outcome and effect.

Every service: keyword-only arguments, one transaction, the timeline (and with it the processing
log) in that transaction. Bad input raises ValidationError with a Dutch message and saves
nothing; the refusal and its reason go to the processing log afterwards (`_geweigerd_gelogd`).
"""

from datetime import date, timedelta
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht
from regie.handhaving.models import (
    REGELING_MAX_TERMIJNEN,
    REGELING_MIN_TERMIJNEN,
    Betaalwijze,
    Bezwaar,
    BezwaarUitkomst,
    Boete,
    Boetebeleid,
    BoeteStatus,
    Status,
    Waarschuwing,
    ZienswijzeVorm,
)
from regie.handhaving.selectors import boetes_vorige_gemeente
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.inburgeraars.services import neem_versie
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.klok import vandaag
from regie.tijdlijn import events
from regie.verwerkingslog import log as verwerkingslog
from regie.wet import boetes as wet
from regie.wet.bezwaar import bezwaar_tijdig

# Which step may follow which: a service refuses every other move.
OVERGANGEN: dict[str, set[str]] = {
    "": {BoeteStatus.VOORNEMEN},
    BoeteStatus.VOORNEMEN: {BoeteStatus.ZIENSWIJZE},
    BoeteStatus.ZIENSWIJZE: {BoeteStatus.TER_GOEDKEURING, BoeteStatus.GEEN_BOETE},
    BoeteStatus.TER_GOEDKEURING: {BoeteStatus.OPGELEGD, BoeteStatus.ZIENSWIJZE},
    BoeteStatus.OPGELEGD: {BoeteStatus.BETAALD, BoeteStatus.INGETROKKEN, BoeteStatus.OPGELEGD},
    BoeteStatus.BETAALD: {BoeteStatus.INGETROKKEN},
    BoeteStatus.GEEN_BOETE: set(),
    BoeteStatus.INGETROKKEN: set(),
}
# What still counts toward the cap per termijn and as an earlier fine for a repeat.
GELDENDE_BOETES = (BoeteStatus.TER_GOEDKEURING, BoeteStatus.OPGELEGD, BoeteStatus.BETAALD)


def _fout(tekst: str, veld: str = "__all__") -> ValidationError:
    return ValidationError({veld: [tekst]})


def _boete_herladen_bij_weigering(service):
    """A refused step leaves the fine as the database has it: the services set fields on `boete`
    in memory before they find a reason to refuse."""

    @wraps(service)
    def uitvoeren(**kwargs):
        try:
            return service(**kwargs)
        except ValidationError:
            if kwargs.get("boete") is not None:
                kwargs["boete"].refresh_from_db()
            raise

    return uitvoeren


def _geweigerd_gelogd(service):
    """Refusals of a fine's steps in the processing log, for the person (onderdeel 'boete')."""
    gelogd = verwerkingslog.weigering_gelogd(
        "boete",
        betrokkenen=lambda kw: kw.get("inburgeraar") or getattr(kw.get("boete"), "inburgeraar", None),
        object_id=lambda kw: getattr(kw.get("boete"), "uuid", ""),
    )
    return _boete_herladen_bij_weigering(gelogd(service))


def _naar(boete: Boete, status: str) -> str:
    van = boete.status
    if status not in OVERGANGEN[van]:
        raise _fout(f"Dit kan niet in deze stap. De boete staat op '{boete.get_status_display().lower()}'.")
    boete.status = status
    return van


def beleid_van(inburgeraar: Inburgeraar) -> Boetebeleid:
    """The municipality's choices; without a row the careful defaults (not saved)."""
    return Boetebeleid.objects.filter(gemeente_id=inburgeraar.gemeente_id).first() or Boetebeleid(
        gemeente_id=inburgeraar.gemeente_id
    )


def _verleden(datum: date | None, veld: str, naam: str) -> dict:
    if datum is None:
        return {veld: [f"Vul de {naam} in."]}
    if datum > vandaag():
        return {veld: [f"De {naam} kan niet in de toekomst liggen."]}
    return {}


@_geweigerd_gelogd
@transaction.atomic
def voornemen_opstellen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    waarschuwing: Waarschuwing | None,
    grond: str,
    pleegdatum: date | None,
    feiten: str,
    rapport_datum: date | None,
    zienswijze_uiterlijk: date | None,
    bijstand_verlaagd: bool = False,
    versie: int | None = None,
) -> Boete:
    """The intention to fine, with the report of the facts (Awb 5:53) and the deadline for the
    zienswijze (Awb 4:8). Only after a sent written warning, for conduct after it (policy, see
    services.py); not for an
    asielstatushouder unless the municipality chose so; not where bijstand was already lowered for
    the same conduct (Wi 27)."""
    if inburgeraar.status_enum in EINDSTATUSSEN:
        raise _fout("Dit dossier is gesloten. Een boete kan alleen bij een open dossier.")
    fouten: dict[str, list[str]] = {}
    if grond not in {g.value for g in wet.Grond}:
        fouten["grond"] = ["Kies de grond van de boete: Wi 22 of Wi 23."]
    if waarschuwing is None or waarschuwing.inburgeraar_id != inburgeraar.pk:
        fouten["waarschuwing"] = ["Kies de schriftelijke waarschuwing waar deze boete op volgt."]
    elif waarschuwing.status != Status.VERZONDEN:
        fouten["waarschuwing"] = [
            "Verstuur eerst de schriftelijke waarschuwing. Daarna kan een boete volgen."
        ]
    if not (feiten or "").strip():
        fouten["feiten"] = [
            "Schrijf in het rapport wat er is gebeurd: welke afspraak, wanneer, en wat u weet."
        ]
    fouten |= _verleden(pleegdatum, "pleegdatum", "datum van de gedraging")
    fouten |= _verleden(rapport_datum, "rapport_datum", "datum van het rapport")
    if zienswijze_uiterlijk is None:
        fouten["zienswijze_uiterlijk"] = ["Vul in tot wanneer de inburgeraar kan reageren."]
    elif rapport_datum and zienswijze_uiterlijk <= rapport_datum:
        fouten["zienswijze_uiterlijk"] = [
            "De uiterste datum voor de zienswijze ligt na de datum van het rapport."
        ]
    if pleegdatum and rapport_datum and pleegdatum > rapport_datum:
        fouten["pleegdatum"] = ["De gedraging ligt voor de datum van het rapport."]
    elif pleegdatum and "waarschuwing" not in fouten and pleegdatum <= waarschuwing.verzonden_op:
        fouten["pleegdatum"] = [
            "De boete gaat over wat er na de waarschuwing gebeurde: de gedraging ligt na"
            f" {waarschuwing.verzonden_op:%d-%m-%Y}, de dag waarop de waarschuwing is verzonden."
        ]
    if fouten:
        raise ValidationError(fouten)
    if bijstand_verlaagd:
        raise _fout(
            "Geen boete: de bijstand is al verlaagd voor dezelfde gedraging (Wi 27). Een voornemen kan dan niet.",
            "bijstand_verlaagd",
        )
    if (
        inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
        and not beleid_van(inburgeraar).asielstatushouders_beboeten
    ):
        raise _fout(
            "De gemeente geeft (nog) geen boetes aan asielstatushouders. Dat is een keuze van de gemeente in"
            " Beheer (boetebeleid)."
        )
    boete = Boete(
        inburgeraar=inburgeraar,
        waarschuwing=waarschuwing,
        grond=grond,
        pleegdatum=pleegdatum,
        feiten=feiten.strip(),
        rapport_datum=rapport_datum,
        zienswijze_uiterlijk=zienswijze_uiterlijk,
        bijstand_verlaagd=bijstand_verlaagd,
        opgesteld_door=door,
    )
    boete.save()
    neem_versie(inburgeraar, versie)
    events.boete_stap(
        inburgeraar,
        door,
        boete,
        f"Voornemen tot boete met rapport ({wet.GROND_NAMEN[wet.Grond(grond)]});"
        f" zienswijze uiterlijk {zienswijze_uiterlijk:%d-%m-%Y}",
        van="",
    )
    return boete


@_geweigerd_gelogd
@transaction.atomic
def zienswijze_vastleggen(
    *, boete: Boete, door: User, vorm: str, datum: date | None, samenvatting: str = ""
) -> Boete:
    """The person's zienswijze (Awb 4:8, Awb 5:53): written or at a hearing, with its date and
    what was said; or the fact that no reaction came by the deadline (only after that date)."""
    _naar(boete, BoeteStatus.ZIENSWIJZE)
    fouten: dict[str, list[str]] = {}
    if vorm not in ZienswijzeVorm.values:
        fouten["vorm"] = ["Kies hoe de inburgeraar heeft gereageerd, of dat er geen reactie kwam."]
    fouten |= _verleden(datum, "datum", "datum van de zienswijze")
    if vorm == ZienswijzeVorm.GEEN_REACTIE:
        if boete.zienswijze_uiterlijk >= vandaag():
            fouten["vorm"] = [
                f"De inburgeraar kan nog reageren tot en met {boete.zienswijze_uiterlijk:%d-%m-%Y}. Leg 'geen"
                " reactie' pas vast na die datum."
            ]
    elif not (samenvatting or "").strip():
        fouten["samenvatting"] = ["Schrijf op wat de inburgeraar heeft gezegd of geschreven."]
    if fouten:
        raise ValidationError(fouten)
    boete.zienswijze_vorm = vorm
    boete.zienswijze_datum = datum
    boete.zienswijze_samenvatting = (samenvatting or "").strip()
    boete.save()
    events.boete_stap(
        boete.inburgeraar,
        door,
        boete,
        f"Zienswijze vastgelegd: {boete.get_zienswijze_vorm_display().lower()} ({datum:%d-%m-%Y})",
        van=BoeteStatus.VOORNEMEN,
    )
    return boete


def eerdere_pleegdata(boete: Boete) -> list[date]:
    """The dates of conduct of the person's earlier Wi 23 fines that still count (repeat), also those
    of the previous municipality: the termijn runs on after a move (Wi 15 lid 4)."""
    hier = (
        Boete.objects.filter(
            inburgeraar_id=boete.inburgeraar_id, grond=wet.Grond.PIP_NIET_NAKOMEN, status__in=GELDENDE_BOETES
        )
        .exclude(pk=boete.pk)
        .values_list("pleegdatum", flat=True)
    )
    elders = [
        date.fromisoformat(b["pleegdatum"])
        for b in boetes_vorige_gemeente(boete.inburgeraar)
        if b["grond"] == wet.Grond.PIP_NIET_NAKOMEN
    ]
    return [*hier, *elders]


def al_opgelegd_in_termijn(boete: Boete) -> int:
    """Cents of the person's other fines that still count. A case has one inburgeringstermijn
    (Wi 11; an extension by DUO lengthens it), so every fine of the case counts toward the cap."""
    return (
        Boete.objects.filter(inburgeraar_id=boete.inburgeraar_id, status__in=GELDENDE_BOETES)
        .exclude(pk=boete.pk)
        .aggregate(totaal=Sum("bedrag_centen"))["totaal"]
        or 0
    )


def berekening_voor(boete: Boete, *, matiging: int = 100, matiging_reden: str = "") -> wet.Berekening:
    return wet.bereken(
        grond=wet.Grond(boete.grond),
        pleegdatum=boete.pleegdatum,
        eerdere_pleegdata=eerdere_pleegdata(boete),
        matiging=matiging,
        matiging_reden=matiging_reden,
        al_opgelegd_in_termijn=al_opgelegd_in_termijn(boete),
        bij_vorige_gemeente=sum(b["bedrag_centen"] or 0 for b in boetes_vorige_gemeente(boete.inburgeraar)),
        bijstand_verlaagd=boete.bijstand_verlaagd,
    )


@_geweigerd_gelogd
@transaction.atomic
def besluiten(
    *,
    boete: Boete,
    door: User,
    opleggen: bool,
    matiging: int = 100,
    matiging_reden: str = "",
    reden_geen_boete: str = "",
    bijstand_verlaagd: bool = False,
) -> Boete:
    """The decision after the zienswijze: a fine (the amount from the table, regie.wet.boetes,
    with moderation under Awb 5:46) that goes to a team lead for approval, or no fine with the
    reason. Without a zienswijze (or the recorded lack of one) there is no decision (Awb 4:8); no
    fine when the bijstand has been lowered for the same conduct since the voornemen (Wi 27)."""
    if boete.status == BoeteStatus.VOORNEMEN:
        raise _fout(
            "Eerst de zienswijze: leg vast wat de inburgeraar heeft gezegd, of dat er geen reactie kwam voor de"
            " uiterste datum (Algemene wet bestuursrecht art. 4:8)."
        )
    boete.bijstand_verlaagd = boete.bijstand_verlaagd or bijstand_verlaagd
    if opleggen:
        _naar(boete, BoeteStatus.TER_GOEDKEURING)
        try:
            berekening = berekening_voor(boete, matiging=matiging, matiging_reden=matiging_reden)
        except wet.BoeteGeweigerd as fout:
            raise _fout(str(fout)) from fout
        boete.matiging = berekening.matiging
        boete.matiging_reden = matiging_reden.strip() if berekening.matiging < 100 else ""
        boete.bedrag_centen = berekening.bedrag
        boete.berekening = list(berekening.uitleg)
        omschrijving = f"Besluit: boete van {wet.euro(berekening.bedrag)}, ter goedkeuring bij de teamleider"
    else:
        _naar(boete, BoeteStatus.GEEN_BOETE)
        if not (reden_geen_boete or "").strip():
            raise _fout("Schrijf op waarom er geen boete komt.", "reden_geen_boete")
        boete.reden_geen_boete = reden_geen_boete.strip()
        boete.bedrag_centen = None
        boete.berekening = []
        omschrijving = "Besluit: geen boete"
    boete.besloten_door = door
    boete.besloten_op = vandaag()
    boete.save()
    events.boete_stap(boete.inburgeraar, door, boete, omschrijving, van=BoeteStatus.ZIENSWIJZE)
    return boete


def _vier_ogen(boete: Boete, door: User) -> None:
    if not heeft_recht(door, Recht.BOETES_GOEDKEUREN):
        raise _fout("Alleen een teamleider keurt een boete goed.")
    if door.pk in (boete.besloten_door_id, boete.opgesteld_door_id):
        raise _fout(
            "U hebt deze boete zelf voorbereid. Een andere teamleider moet het besluit goedkeuren (vier ogen)."
        )


@_geweigerd_gelogd
@transaction.atomic
def goedkeuren(*, boete: Boete, door: User) -> Boete:
    """Four-eyes approval of a decision to fine by a team lead who did not prepare it; the
    beschikking is dated today (its dagtekening starts the six weeks for bezwaar, Awb 6:7)."""
    _vier_ogen(boete, door)
    _naar(boete, BoeteStatus.OPGELEGD)
    boete.goedgekeurd_door = door
    boete.dagtekening = vandaag()
    boete.save()
    events.boete_stap(
        boete.inburgeraar,
        door,
        boete,
        f"Boete van {boete.bedrag_tekst} goedgekeurd; beschikking met dagtekening {boete.dagtekening:%d-%m-%Y}",
        van=BoeteStatus.TER_GOEDKEURING,
    )
    return boete


@_geweigerd_gelogd
@transaction.atomic
def afkeuren(*, boete: Boete, door: User, reden: str) -> Boete:
    """The team lead sends the decision back to the consultant, with the reason."""
    _vier_ogen(boete, door)
    if not (reden or "").strip():
        raise _fout("Schrijf op waarom u het besluit niet goedkeurt.", "reden")
    _naar(boete, BoeteStatus.ZIENSWIJZE)
    boete.bedrag_centen = None
    boete.berekening = []
    boete.save()
    events.boete_stap(
        boete.inburgeraar,
        door,
        boete,
        f"Besluit tot boete niet goedgekeurd: {reden.strip()}"[:500],
        van=BoeteStatus.TER_GOEDKEURING,
    )
    return boete


@_geweigerd_gelogd
@transaction.atomic
def betaling_vastleggen(
    *,
    boete: Boete,
    door: User,
    betaalwijze: str,
    aantal_termijnen: int | None = None,
    betaald_op: date | None = None,
) -> Boete:
    """How the fine is paid: at once, by arrangement (number of instalments), or set off against
    bijstand only where the municipality's verordening allows it (Boetebeleid); with `betaald_op`
    the fine is paid in full."""
    if betaalwijze not in Betaalwijze.values:
        raise _fout("Kies hoe de boete wordt betaald.", "betaalwijze")
    if betaalwijze == Betaalwijze.VERREKENING and not beleid_van(boete.inburgeraar).verrekenen_met_bijstand:
        raise _fout(
            "Verrekenen met de bijstand kan alleen als de verordening van de gemeente dat toestaat. Dat staat niet"
            " aan in het boetebeleid van deze gemeente.",
            "betaalwijze",
        )
    if betaalwijze == Betaalwijze.REGELING and not (
        aantal_termijnen and REGELING_MIN_TERMIJNEN <= aantal_termijnen <= REGELING_MAX_TERMIJNEN
    ):
        raise _fout(
            "Vul het aantal termijnen van de regeling in:"
            f" {REGELING_MIN_TERMIJNEN} tot en met {REGELING_MAX_TERMIJNEN}.",
            "aantal_termijnen",
        )
    if betaald_op is not None:
        if betaald_op > vandaag():
            raise _fout("De betaaldatum kan niet in de toekomst liggen.", "betaald_op")
        if boete.dagtekening and betaald_op < boete.dagtekening:
            raise _fout("De betaaldatum ligt niet voor de dagtekening van de beschikking.", "betaald_op")
    van = _naar(boete, BoeteStatus.BETAALD if betaald_op else BoeteStatus.OPGELEGD)
    boete.betaalwijze = betaalwijze
    boete.aantal_termijnen = aantal_termijnen if betaalwijze == Betaalwijze.REGELING else None
    boete.betaald_op = betaald_op
    boete.save()
    tekst = boete.get_betaalwijze_display().lower()
    if boete.aantal_termijnen:
        tekst += f" in {boete.aantal_termijnen} termijnen"
    omschrijving = f"Boete betaald op {betaald_op:%d-%m-%Y} ({tekst})" if betaald_op else f"Betaling: {tekst}"
    events.boete_stap(boete.inburgeraar, door, boete, omschrijving, van=van)
    return boete


@_geweigerd_gelogd
@transaction.atomic
def bezwaar_registreren(*, boete: Boete, door: User, ontvangen_op: date | None) -> Bezwaar:
    """A bezwaar against the fine decision; whether it came within six weeks (Awb 6:7) is recorded,
    the decision on a late one stays with the bezwaar officer."""
    if boete.status not in (BoeteStatus.OPGELEGD, BoeteStatus.BETAALD):
        raise _fout("Bezwaar kan alleen tegen een opgelegde boete.")
    if hasattr(boete, "bezwaar"):
        raise _fout("Tegen deze boete is al bezwaar geregistreerd.")
    fouten = _verleden(ontvangen_op, "ontvangen_op", "datum waarop het bezwaar binnenkwam")
    if not fouten and ontvangen_op < boete.dagtekening:
        fouten = {"ontvangen_op": ["Het bezwaar kwam na de dagtekening van de beschikking binnen."]}
    if fouten:
        raise ValidationError(fouten)
    bezwaar = Bezwaar.objects.create(
        boete=boete,
        ontvangen_op=ontvangen_op,
        tijdig=bezwaar_tijdig(boete.dagtekening, ontvangen_op),
        door=door,
    )
    events.boete_stap(
        boete.inburgeraar,
        door,
        boete,
        f"Bezwaar ontvangen op {ontvangen_op:%d-%m-%Y}"
        + ("" if bezwaar.tijdig else " (na de bezwaartermijn)"),
        van=boete.status,
    )
    return bezwaar


@_geweigerd_gelogd
@transaction.atomic
def bezwaar_beslissen(
    *,
    boete: Boete,
    door: User,
    uitkomst: str,
    beslist_op: date | None,
    toelichting: str,
    nieuw_bedrag_centen: int | None = None,
) -> Bezwaar:
    """The outcome of the bezwaar and its effect: gegrond withdraws the fine, deels gegrond lowers
    it (never to nothing, and a bezwaar never makes it higher), ongegrond keeps it."""
    bezwaar = getattr(boete, "bezwaar", None)
    if bezwaar is None:
        raise _fout("Registreer eerst het bezwaar.")
    if bezwaar.uitkomst:
        raise _fout("Op dit bezwaar is al beslist.")
    fouten: dict[str, list[str]] = {}
    if uitkomst not in BezwaarUitkomst.values:
        fouten["uitkomst"] = ["Kies de uitkomst van het bezwaar."]
    fouten |= _verleden(beslist_op, "beslist_op", "datum van de beslissing op bezwaar")
    if not (toelichting or "").strip():
        fouten["toelichting"] = ["Schrijf kort op waarom het bezwaar zo is beslist."]
    if uitkomst == BezwaarUitkomst.DEELS_GEGROND and not (
        nieuw_bedrag_centen and 0 < nieuw_bedrag_centen < (boete.bedrag_centen or 0)
    ):
        fouten["nieuw_bedrag"] = [
            f"Vul het nieuwe, lagere bedrag in: meer dan € 0 en minder dan {boete.bedrag_tekst}."
        ]
    if fouten:
        raise ValidationError(fouten)
    van = boete.status
    bezwaar.uitkomst = uitkomst
    bezwaar.beslist_op = beslist_op
    bezwaar.toelichting = toelichting.strip()
    bezwaar.oud_bedrag_centen = boete.bedrag_centen
    if uitkomst == BezwaarUitkomst.GEGROND:
        _naar(boete, BoeteStatus.INGETROKKEN)
        effect = "de boete is ingetrokken"
    elif uitkomst == BezwaarUitkomst.DEELS_GEGROND:
        boete.bedrag_centen = nieuw_bedrag_centen
        boete.berekening = [*boete.berekening, f"Na bezwaar verlaagd naar {wet.euro(nieuw_bedrag_centen)}."]
        effect = f"de boete is verlaagd naar {wet.euro(nieuw_bedrag_centen)}"
    else:
        effect = "de boete blijft"
    bezwaar.save()
    boete.save()
    events.boete_stap(
        boete.inburgeraar,
        door,
        boete,
        f"Beslissing op bezwaar: {bezwaar.get_uitkomst_display().split(':')[0].lower()}; {effect}",
        van=van,
    )
    return bezwaar


def zienswijze_termijn_voorstel(rapport_datum: date) -> date:
    """A proposal for the form: two weeks to react (the Awb fixes no period; a usual choice)."""
    return rapport_datum + timedelta(weeks=2)

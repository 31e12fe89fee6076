"""Ontzorging on the case (Pw 56a): starting it, continuing it with consent, ending it with the
letter, the bijstand the Participatiewet system reported, the household's fixed costs and the
budget-coaching checklist.

Each service checks everything first and saves nothing when something is wrong (ValidationError
with a Dutch message per field), runs in one transaction, claims the case's version (a form
opened before a colleague's change is refused) and writes the timeline, and so the processing
log, in that transaction. A refusal is written to the processing log afterwards, with its reason
(`_weigering_gelogd`): the change concerned a person even though nothing was saved."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumFout

from regie.accounts.models import User
from regie.accounts.rechten import Recht, mag
from regie.financien.bedragen import euro
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import neem_versie
from regie.klok import vandaag
from regie.ontzorging.models import (
    MAX_BEDRAG,
    Bijstandsbedrag,
    Kostensoort,
    Ontzorging,
    VasteLast,
    VasteLastWijziging,
    Vergunning,
)
from regie.ontzorging.zelfredzaamheid import CHECKLIST
from regie.tijdlijn import events
from regie.verwerkingslog import log as verwerkingslog
from regie.wet import ontzorging as wet

ONDERDEEL = "ontzorging"
WIJZIGEN = Recht.DOSSIERS_WIJZIGEN_EIGEN


def _betrokkene(kwargs: dict):
    """The case a refused ontzorging service was called for."""
    if kwargs.get("inburgeraar") is not None:
        return kwargs["inburgeraar"]
    if kwargs.get("ontzorging") is not None:
        return kwargs["ontzorging"].inburgeraar
    if kwargs.get("vaste_last") is not None:
        return kwargs["vaste_last"].ontzorging.inburgeraar
    return None


_weigering_gelogd = verwerkingslog.weigering_gelogd(ONDERDEEL, betrokkenen=_betrokkene)


def _mag_wijzigen(door: User, inburgeraar: Inburgeraar) -> None:
    if not mag(door, WIJZIGEN, inburgeraar):
        raise ValidationError("U mag dit dossier niet wijzigen: u bent niet de vaste consulent.")


def _partner_heeft_ontzorging(inburgeraar: Inburgeraar) -> bool:
    """The household already has ontzorging on the partner's case (either side of the link)."""
    partners = Inburgeraar.objects.filter(partner=inburgeraar).values("pk")
    return (
        Ontzorging.objects.filter(inburgeraar_id=inburgeraar.partner_id).exists()
        if inburgeraar.partner_id
        else False
    ) or Ontzorging.objects.filter(inburgeraar__in=partners).exists()


@_weigering_gelogd
@transaction.atomic
def ontzorging_vastleggen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    vergunning: str,
    eerste_bijstand: date | None,
    versie: int | None = None,
) -> Ontzorging:
    """Record that ontzorging applies (Pw 56a), from the first bijstand payment the
    Participatiewet system reported."""
    _mag_wijzigen(door, inburgeraar)
    fouten: dict[str, list[str]] = {}
    if vergunning not in Vergunning.values:
        fouten["vergunning"] = ["Kies de verblijfsvergunning uit de lijst."]
    else:
        oordeel = wet.valt_onder_ontzorging(
            inburgeringsplichtig=True,
            vergunning=wet.Vergunning(vergunning),
            bijstand=eerste_bijstand is not None,
        )
        if not oordeel.van_toepassing:
            fouten["vergunning" if eerste_bijstand else "eerste_bijstand"] = [oordeel.uitleg]
    if eerste_bijstand is not None and eerste_bijstand > vandaag():
        fouten["eerste_bijstand"] = [
            "De eerste betaling van de bijstand ligt na vandaag. Leg die vast als hij er is."
        ]
    if Ontzorging.objects.filter(inburgeraar=inburgeraar).exists():
        fouten["__all__"] = ["Voor dit dossier is de ontzorging al vastgelegd."]
    elif _partner_heeft_ontzorging(inburgeraar):
        fouten["__all__"] = [
            "De partner heeft al ontzorging voor dit huishouden. De vaste lasten staan bij het dossier van de"
            " partner; zo worden ze niet twee keer betaald."
        ]
    if fouten:
        raise ValidationError(fouten)
    neem_versie(inburgeraar, versie)
    ontzorging = Ontzorging.objects.create(
        inburgeraar=inburgeraar,
        vergunning=vergunning,
        eerste_bijstand=eerste_bijstand,
        einde=wet.einde_ontzorging(eerste_bijstand),
        aangemaakt_door=door,
    )
    events.ontzorging_vastgelegd(inburgeraar, door, ontzorging)
    return ontzorging


@_weigering_gelogd
@transaction.atomic
def ontzorging_verlengen(
    *,
    ontzorging: Ontzorging,
    door: User,
    maanden: int,
    toestemming_op: date | None,
    versie: int | None = None,
) -> Ontzorging:
    """Continue ontzorging with the person's consent (Pw 56a), in whole months."""
    inburgeraar = ontzorging.inburgeraar
    _mag_wijzigen(door, inburgeraar)
    fouten: dict[str, list[str]] = {}
    if ontzorging.beeindigd_op is not None:
        fouten["__all__"] = ["De ontzorging is beëindigd en kan niet meer worden verlengd."]
    vorig_einde = ontzorging.laatste_dag
    fout = wet.verlenging_fout(toestemming_op=toestemming_op, huidig_einde=vorig_einde, vandaag=vandaag())
    if fout:
        fouten["toestemming_op"] = [fout]
    if not 1 <= (maanden or 0) <= wet.MAX_VERLENGING_MAANDEN:
        fouten["maanden"] = [f"Verleng met 1 tot {wet.MAX_VERLENGING_MAANDEN} maanden tegelijk."]
    if fouten:
        raise ValidationError(fouten)
    neem_versie(inburgeraar, versie)
    ontzorging.verlengd_tot = wet.verlengd_einde(vorig_einde, maanden)
    ontzorging.toestemming_op = toestemming_op
    ontzorging.toestemming_door = door
    ontzorging.save(update_fields=["verlengd_tot", "toestemming_op", "toestemming_door"])
    events.ontzorging_verlengd(inburgeraar, door, ontzorging, vorig_einde)
    return ontzorging


@_weigering_gelogd
@transaction.atomic
def ontzorging_beeindigen(
    *, ontzorging: Ontzorging, door: User, op: date | None, toelichting: str = "", versie: int | None = None
) -> Ontzorging:
    """End ontzorging: at its legal end, or earlier when the bijstand stops. The letter to the
    person follows (`brief_gemaakt`); fixed costs after that day are not paid any more."""
    inburgeraar = ontzorging.inburgeraar
    _mag_wijzigen(door, inburgeraar)
    fouten: dict[str, list[str]] = {}
    if ontzorging.beeindigd_op is not None:
        fouten["__all__"] = ["De ontzorging is al beëindigd."]
    if op is None:
        fouten["op"] = ["Vul de laatste dag van de ontzorging in."]
    elif op < ontzorging.eerste_bijstand:
        fouten["op"] = ["De laatste dag ligt voor de eerste betaling van de bijstand."]
    elif op > (ontzorging.verlengd_tot or ontzorging.einde):
        fouten["op"] = [
            f"De ontzorging loopt tot en met {(ontzorging.verlengd_tot or ontzorging.einde):%d-%m-%Y}. Kies die dag"
            " of eerder, of verleng eerst met toestemming."
        ]
    if fouten:
        raise ValidationError(fouten)
    neem_versie(inburgeraar, versie)
    ontzorging.beeindigd_op = op
    ontzorging.einde_toelichting = (toelichting or "").strip()[:500]
    ontzorging.save(update_fields=["beeindigd_op", "einde_toelichting"])
    events.ontzorging_beeindigd(inburgeraar, door, ontzorging, ontzorging.einde_toelichting)
    return ontzorging


@transaction.atomic
def brief_gemaakt(*, ontzorging: Ontzorging, door: User) -> None:
    """The letter about the end of ontzorging was made (its download is logged by the view)."""
    if ontzorging.brief_op is None:
        ontzorging.brief_op = vandaag()
        ontzorging.save(update_fields=["brief_op"])


@_weigering_gelogd
@transaction.atomic
def bijstand_vastleggen(
    *, inburgeraar: Inburgeraar, door: User, maand: date | None, bedrag: int | None, bron: str
) -> Bijstandsbedrag:
    """Keep the bijstand of a month as the Participatiewet system reported it (a correction
    replaces the month's amount; the timeline keeps both)."""
    _mag_wijzigen(door, inburgeraar)
    fouten: dict[str, list[str]] = {}
    if maand is None:
        fouten["maand"] = ["Vul de maand in."]
    elif maand > vandaag():
        fouten["maand"] = ["Deze maand ligt na vandaag."]
    if bedrag is None or not 0 <= bedrag <= MAX_BEDRAG:
        fouten["bedrag"] = ["Vul het bedrag in, bijvoorbeeld 1.150,00."]
    bron = (bron or "").strip()
    if not bron:
        fouten["bron"] = ["Vul in waar het bedrag vandaan komt, bijvoorbeeld 'overzicht bijstand'."]
    if fouten:
        raise ValidationError(fouten)
    maand = maand.replace(day=1)
    bijstand, _ = Bijstandsbedrag.objects.update_or_create(
        inburgeraar=inburgeraar,
        maand=maand,
        defaults={"bedrag": bedrag, "bron": bron[:100], "vastgelegd_door": door},
    )
    events.bijstand_gemeld(inburgeraar, door, maand, euro(bedrag), bron[:100])
    return bijstand


# --- Fixed costs -------------------------------------------------------------------------------

VASTE_LAST_VELDEN = {
    "soort": "soort",
    "begunstigde": "naam begunstigde",
    "iban": "IBAN",
    "bic": "BIC",
    "bedrag": "bedrag per maand",
    "van": "vanaf maand",
    "tot": "tot en met maand",
    "kenmerk": "betalingskenmerk",
    "toestemming_anders": "toestemming andere vaste last",
}


def schone_iban(tekst: str) -> str:
    return stdnum_iban.compact(tekst or "")


def iban_fout(tekst: str) -> str:
    """Why this is not a valid IBAN (country, length and check digits, python-stdnum), or ''."""
    if not (tekst or "").strip():
        return "Vul het IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00."
    try:
        stdnum_iban.validate(tekst)
    except StdnumFout:
        return (
            f"‘{tekst.strip()}’ is geen geldig IBAN. Controleer het nummer: een Nederlands IBAN heeft 18 tekens,"
            " bijvoorbeeld NL91 ABNA 0417 1643 00."
        )
    return ""


def bic_fout(tekst: str) -> str:
    if not (tekst or "").strip():
        return ""
    try:
        stdnum_bic.validate(tekst)
    except StdnumFout:
        return f"‘{tekst.strip()}’ is geen geldige BIC. Een BIC heeft 8 of 11 tekens, bijvoorbeeld ABNANL2A."
    return ""


def _vaste_last_invoer(g: dict) -> tuple[dict, dict[str, list[str]]]:
    g = dict(g)
    for tekst in ("soort", "begunstigde", "kenmerk", "iban", "bic"):
        g[tekst] = " ".join((g.get(tekst) or "").split())
    g["toestemming_anders"] = bool(g.get("toestemming_anders"))
    fouten: dict[str, list[str]] = {}

    def fout(veld, tekst):
        fouten.setdefault(veld, []).append(tekst)

    if g["soort"] not in Kostensoort.values:
        fout("soort", "Kies de soort vaste last uit de lijst.")
    elif g["soort"] == Kostensoort.ANDERS and not g["toestemming_anders"]:
        fout(
            "toestemming_anders",
            "De wet noemt huur, energie, water en zorgverzekering. Een andere vaste last betaalt de gemeente alleen"
            " met toestemming van de inburgeraar: vink aan dat die er is.",
        )
    if not g["begunstigde"]:
        fout("begunstigde", "Vul de naam van de begunstigde in, zoals die bij de bank bekend is.")
    elif len(g["begunstigde"]) > 70:
        fout("begunstigde", "Een naam heeft hoogstens 70 tekens (de bank neemt er niet meer over).")
    if melding := iban_fout(g["iban"]):
        fout("iban", melding)
    else:
        g["iban"] = schone_iban(g["iban"])
    if melding := bic_fout(g["bic"]):
        fout("bic", melding)
    else:
        g["bic"] = stdnum_bic.compact(g["bic"]) if g["bic"] else ""
    bedrag = g.get("bedrag")
    if bedrag is None or not 0 < bedrag <= MAX_BEDRAG:
        fout("bedrag", f"Vul een bedrag per maand in, groter dan nul en hoogstens {euro(MAX_BEDRAG)}.")
    if g.get("van") is None:
        fout("van", "Vul de eerste maand in.")
    else:
        g["van"] = g["van"].replace(day=1)
    if g.get("tot") is not None:
        g["tot"] = g["tot"].replace(day=1)
        if g.get("van") is not None and g["tot"] < g["van"]:
            fout("tot", "De laatste maand ligt voor de eerste.")
    if not g["kenmerk"]:
        fout(
            "kenmerk",
            "Vul het betalingskenmerk in: het nummer dat de begunstigde nodig heeft, zoals het huurcontract.",
        )
    elif len(g["kenmerk"]) > 140:
        fout("kenmerk", "Een betalingskenmerk heeft hoogstens 140 tekens.")
    return g, fouten


def _dubbel(ontzorging: Ontzorging, g: dict, *, behalve: int | None = None) -> bool:
    return (
        ontzorging.vaste_lasten.filter(soort=g["soort"], iban=g["iban"], tot__isnull=True)
        .exclude(pk=behalve)
        .exists()
    )


@_weigering_gelogd
@transaction.atomic
def vaste_last_toevoegen(
    *, ontzorging: Ontzorging, door: User, versie: int | None = None, **gegevens
) -> VasteLast:
    """A new fixed cost of the household: payee (name required), IBAN (checked), BIC when given,
    amount a month, months and payment reference."""
    inburgeraar = ontzorging.inburgeraar
    _mag_wijzigen(door, inburgeraar)
    g, fouten = _vaste_last_invoer({veld: gegevens.get(veld) for veld in VASTE_LAST_VELDEN})
    if not fouten and _dubbel(ontzorging, g):
        fouten["iban"] = [
            "Deze vaste last staat er al, met hetzelfde IBAN. Wijzig die in plaats van hem nog een keer toe te voegen."
        ]
    if fouten:
        raise ValidationError(fouten)
    neem_versie(inburgeraar, versie)
    vaste_last = VasteLast.objects.create(
        ontzorging=ontzorging, aangemaakt_door=door, gewijzigd_door=door, **g
    )
    events.vaste_last_toegevoegd(inburgeraar, door, vaste_last, euro(vaste_last.bedrag))
    return vaste_last


def _als_tekst(veld: str, waarde) -> str:
    if waarde in (None, ""):
        return ""
    if veld == "bedrag":
        return euro(waarde)
    if veld in ("van", "tot"):
        return f"{waarde:%m-%Y}"
    if veld == "toestemming_anders":
        return "ja" if waarde else "nee"
    if veld == "soort":
        return Kostensoort(waarde).label
    return str(waarde)


@_weigering_gelogd
@transaction.atomic
def vaste_last_wijzigen(
    *, vaste_last: VasteLast, door: User, versie: int | None = None, **gegevens
) -> VasteLast:
    """Change a fixed cost in place; the history keeps who changed what when, old and new."""
    inburgeraar = vaste_last.ontzorging.inburgeraar
    _mag_wijzigen(door, inburgeraar)
    g, fouten = _vaste_last_invoer({veld: gegevens.get(veld) for veld in VASTE_LAST_VELDEN})
    if not fouten and _dubbel(vaste_last.ontzorging, g, behalve=vaste_last.pk):
        fouten["iban"] = ["Er is al een andere vaste last van deze soort met dit IBAN."]
    if fouten:
        raise ValidationError(fouten)
    wijzigingen = {
        label: (_als_tekst(veld, getattr(vaste_last, veld)), _als_tekst(veld, g[veld]))
        for veld, label in VASTE_LAST_VELDEN.items()
        if getattr(vaste_last, veld) != g[veld]
    }
    if not wijzigingen:
        return vaste_last
    neem_versie(inburgeraar, versie)
    for veld, waarde in g.items():
        setattr(vaste_last, veld, waarde)
    vaste_last.gewijzigd_door = door
    vaste_last.save()
    VasteLastWijziging.objects.create(
        vaste_last=vaste_last, door=door, wijzigingen={k: list(v) for k, v in wijzigingen.items()}
    )
    events.vaste_last_gewijzigd(inburgeraar, door, vaste_last, wijzigingen)
    return vaste_last


# --- Budget coaching ----------------------------------------------------------------------------


@_weigering_gelogd
@transaction.atomic
def checklist_bijwerken(
    *, ontzorging: Ontzorging, door: User, afgevinkt: set[str], versie: int | None = None
) -> Ontzorging:
    """Tick or untick the points of the budget-coaching checklist (the date of ticking stays)."""
    inburgeraar = ontzorging.inburgeraar
    _mag_wijzigen(door, inburgeraar)
    onbekend = set(afgevinkt) - set(CHECKLIST)
    if onbekend:
        raise ValidationError({"afgevinkt": ["Kies punten uit de lijst."]})
    oud = dict(ontzorging.checklist or {})
    nieuw = {code: oud.get(code, vandaag().isoformat()) for code in CHECKLIST if code in afgevinkt}
    wijzigingen = {
        CHECKLIST[code]: ("afgevinkt" if code in oud else "open", "afgevinkt" if code in nieuw else "open")
        for code in CHECKLIST
        if (code in oud) != (code in nieuw)
    }
    if not wijzigingen:
        return ontzorging
    neem_versie(inburgeraar, versie)
    ontzorging.checklist = nieuw
    ontzorging.save(update_fields=["checklist"])
    events.budgetcoaching_bijgewerkt(inburgeraar, door, wijzigingen)
    return ontzorging

"""Recording participation activities and the situation at the measuring moments. Each service
runs in one transaction, checks the input (a Dutch message per field, nothing saved on bad input)
and writes the timeline entry, and so the processing log, in that transaction.

A closed case still takes outcomes: the measurement after 36 months often falls after the end of
the obligation, and that is exactly when the municipality wants to know how someone is doing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from regie.accounts.models import User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import neem_versie
from regie.klok import vandaag
from regie.participatie.models import (
    MAX_UREN_PER_WEEK,
    ZELFREDZAAMHEID,
    Activiteit,
    Contractvorm,
    Resultaat,
    Situatie,
    Soort,
    Uitkering,
    Werk,
)
from regie.participatie.selectors import termijn_start_van
from regie.tijdlijn import events
from regie.wet.meetmomenten import Meetmoment, nog_niet_meetbaar

ACTIVITEIT_VELDEN = (
    "soort",
    "omschrijving",
    "partner",
    "aanbieder",
    "startdatum",
    "einddatum",
    "uren_per_week",
    "contractvorm",
    "resultaat",
    "reden",
)


def _activiteit_fouten(inburgeraar: Inburgeraar, g: dict) -> dict[str, list[str]]:
    """Every rule an activity must meet, for the page and the API alike."""
    fouten: dict[str, list[str]] = {}

    def fout(veld, tekst):
        fouten.setdefault(veld, []).append(tekst)

    if g["soort"] not in Soort.values:
        fout("soort", "Kies wat voor activiteit het is.")
    if not g["partner"].strip():
        fout("partner", "Vul de naam van de werkgever of organisatie in.")
    start, einde = g["startdatum"], g["einddatum"]
    if start is None:
        fout("startdatum", "Vul de startdatum in.")
    if start is not None and einde is not None and einde < start:
        fout(
            "einddatum", "De einddatum ligt voor de startdatum. Vul een einddatum in op of na de startdatum."
        )
    uren = g["uren_per_week"]
    if uren is not None and not 0 <= uren <= MAX_UREN_PER_WEEK:
        fout("uren_per_week", f"Vul een aantal uren per week in van 0 tot en met {MAX_UREN_PER_WEEK}.")
    if g["soort"] == Soort.BETAALD_WERK:
        if not g["contractvorm"]:
            fout("contractvorm", "Kies de contractvorm van het betaalde werk.")
        if uren is None:
            fout("uren_per_week", "Vul in hoeveel uur per week de inburgeraar werkt.")
    elif g["contractvorm"]:
        fout("contractvorm", "Een contractvorm hoort alleen bij betaald werk. Laat dit veld leeg.")
    if g["contractvorm"] and g["contractvorm"] not in Contractvorm.values:
        fout("contractvorm", "Kies een contractvorm uit de lijst.")
    if g["resultaat"] not in Resultaat.values:
        fout("resultaat", "Kies het resultaat uit de lijst.")
    elif g["resultaat"] != Resultaat.LOOPT:
        if einde is None:
            fout("einddatum", "Vul de einddatum in: de activiteit is afgelopen.")
        elif einde > vandaag():
            fout("einddatum", "De activiteit is afgelopen, dus de einddatum kan niet in de toekomst liggen.")
    if g["resultaat"] == Resultaat.VOORTIJDIG_GESTOPT and not g["reden"].strip():
        fout("reden", "Vul in waarom de activiteit voortijdig is gestopt.")
    aanbieder = g["aanbieder"]
    if aanbieder is not None and aanbieder.organisatie_id != inburgeraar.organisatie_id:
        fout("aanbieder", "Deze aanbieder werkt niet voor uw organisatie. Kies een aanbieder uit de lijst.")
    return fouten


def _invoer(**gegevens) -> dict:
    g = {veld: gegevens.get(veld) for veld in ACTIVITEIT_VELDEN}
    for tekst in ("soort", "omschrijving", "partner", "contractvorm", "resultaat", "reden"):
        g[tekst] = (g[tekst] or "").strip()
    g["resultaat"] = g["resultaat"] or Resultaat.LOOPT
    return g


@transaction.atomic
def activiteit_toevoegen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    soort: str,
    partner: str,
    startdatum: date,
    einddatum: date | None = None,
    uren_per_week: int | None = None,
    contractvorm: str = "",
    resultaat: str = Resultaat.LOOPT,
    reden: str = "",
    omschrijving: str = "",
    aanbieder=None,
    versie: int | None = None,
) -> Activiteit:
    """A new participation activity of the case."""
    g = _invoer(
        soort=soort,
        omschrijving=omschrijving,
        partner=partner,
        aanbieder=aanbieder,
        startdatum=startdatum,
        einddatum=einddatum,
        uren_per_week=uren_per_week,
        contractvorm=contractvorm,
        resultaat=resultaat,
        reden=reden,
    )
    fouten = _activiteit_fouten(inburgeraar, g)
    if fouten:
        raise ValidationError(fouten)
    activiteit = Activiteit(inburgeraar=inburgeraar, aangemaakt_door=door, gewijzigd_door=door, **g)
    activiteit.full_clean(exclude=["inburgeraar", "aangemaakt_door", "gewijzigd_door", "aanbieder"])
    activiteit.save()
    neem_versie(inburgeraar, versie)
    events.participatie_toegevoegd(inburgeraar, door, activiteit)
    return activiteit


def _als_tekst(activiteit: Activiteit, veld: str) -> str:
    waarde = getattr(activiteit, veld)
    if waarde in (None, ""):
        return ""
    weergave = getattr(activiteit, f"get_{veld}_display", None)
    if weergave is not None:
        return weergave()
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


@transaction.atomic
def activiteit_wijzigen(
    *, activiteit: Activiteit, door: User, versie: int | None = None, **gegevens
) -> Activiteit:
    """Change an activity (for example: it ended, with its result). Only the fields given change;
    the timeline keeps each old and new value."""
    onbekend = set(gegevens) - set(ACTIVITEIT_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    inburgeraar = activiteit.inburgeraar
    g = _invoer(**({veld: getattr(activiteit, veld) for veld in ACTIVITEIT_VELDEN} | gegevens))
    fouten = _activiteit_fouten(inburgeraar, g)
    if fouten:
        raise ValidationError(fouten)
    oud = {veld: _als_tekst(activiteit, veld) for veld in ACTIVITEIT_VELDEN}
    for veld, waarde in g.items():
        setattr(activiteit, veld, waarde)
    wijzigingen = {
        str(Activiteit._meta.get_field(veld).verbose_name): (oud[veld], _als_tekst(activiteit, veld))
        for veld in ACTIVITEIT_VELDEN
        if oud[veld] != _als_tekst(activiteit, veld)
    }
    if not wijzigingen:
        return activiteit
    activiteit.gewijzigd_door = door
    activiteit.full_clean(exclude=["inburgeraar", "aangemaakt_door", "gewijzigd_door", "aanbieder"])
    activiteit.save()
    neem_versie(inburgeraar, versie)
    events.participatie_gewijzigd(inburgeraar, door, activiteit, wijzigingen)
    return activiteit


@transaction.atomic
def situatie_vastleggen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    moment: str,
    gemeten_op: date,
    werk: str,
    opleiding: bool,
    uitkering: str,
    zelfredzaamheid: int,
    toelichting: str = "",
    versie: int | None = None,
) -> Situatie:
    """The situation at a measuring moment. Recording a moment that already has one is a
    correction: the earlier row stays, marked as replaced."""
    fouten: dict[str, list[str]] = {}
    if moment not in {m.value for m in Meetmoment}:
        raise ValidationError({"moment": ["Onbekend meetmoment."]})
    moment = Meetmoment(moment)
    if gemeten_op is None:
        fouten["gemeten_op"] = ["Vul de datum van de meting in."]
    elif gemeten_op > vandaag():
        fouten["gemeten_op"] = [
            "De datum van de meting ligt in de toekomst. Leg de situatie vast als u die kent."
        ]
    else:
        reden = nog_niet_meetbaar(moment, termijn_start=termijn_start_van(inburgeraar), op=gemeten_op)
        if reden:
            fouten["gemeten_op"] = [reden]
    if werk not in Werk.values:
        fouten["werk"] = ["Kies of de inburgeraar betaald werk heeft."]
    if uitkering not in Uitkering.values:
        fouten["uitkering"] = ["Kies of de inburgeraar bijstand krijgt."]
    if zelfredzaamheid not in ZELFREDZAAMHEID:
        fouten["zelfredzaamheid"] = ["Kies een cijfer voor zelfredzaamheid van 1 tot en met 5."]
    if fouten:
        raise ValidationError(fouten)
    vorige = (
        Situatie.objects.select_for_update()
        .filter(inburgeraar=inburgeraar, moment=moment, actueel=True)
        .first()
    )
    if vorige is not None:
        Situatie.objects.filter(pk=vorige.pk).update(actueel=False)
    situatie = Situatie.objects.create(
        inburgeraar=inburgeraar,
        moment=moment,
        gemeten_op=gemeten_op,
        werk=werk,
        opleiding=bool(opleiding),
        uitkering=uitkering,
        zelfredzaamheid=zelfredzaamheid,
        toelichting=(toelichting or "").strip(),
        vastgelegd_door=door,
    )
    if vorige is not None:
        Situatie.objects.filter(pk=vorige.pk).update(vervangen_door=situatie)
    neem_versie(inburgeraar, versie)
    events.situatie_vastgelegd(inburgeraar, door, situatie, vorige)
    return situatie

"""Changing money: entering a budget and registering a provider's invoice (or credit invoice)
against a referral. Each service checks everything first and saves nothing when something is
wrong (ValidationError with a Dutch message per field), and runs in one transaction.

An invoice touches a person's referral, so registering one writes the processing log (the
person, not the invoice's content). It does not change the case: no timeline entry.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from regie.accounts.rechten import Recht, heeft_recht
from regie.financien.bedragen import euro
from regie.financien.models import MAX_BEDRAG, Budget, Categorie, Factuur, Soort
from regie.financien.selectors import VERPLICHTEND, gemeenten_voor_geldzaken, verwijzing_voor_factuur
from regie.klok import vandaag
from regie.organisaties.models import Gemeente
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.models import Actie

ONDERDEEL = "factuur"
DUBBEL = "{aanbieder} heeft al een factuur met nummer {nummer}. Een factuur kan maar één keer worden geregistreerd."


def _mag(door, gemeente: Gemeente) -> None:
    if not heeft_recht(door, Recht.GELDZAKEN):
        raise ValidationError({"gemeente": ["U mag geen budgetten of facturen vastleggen."]})
    if not gemeenten_voor_geldzaken(door).filter(pk=gemeente.pk).exists():
        raise ValidationError({"gemeente": ["Kies een gemeente waarvoor u werkt."]})


@transaction.atomic
def budget_vastleggen(
    *, door, gemeente: Gemeente, jaar: int, categorie: str, bedrag: int, toelichting: str = ""
) -> Budget:
    """Enter (or correct) the budget of a municipality, year and category, in cents."""
    _mag(door, gemeente)
    if categorie not in Categorie.values:
        raise ValidationError({"categorie": ["Kies een categorie uit de lijst."]})
    budget = (
        Budget.objects.select_for_update().filter(gemeente=gemeente, jaar=jaar, categorie=categorie).first()
    )
    budget = budget or Budget(gemeente=gemeente, jaar=jaar, categorie=categorie)
    budget.bedrag = bedrag
    budget.toelichting = toelichting
    budget.gewijzigd_door = door
    budget.gewijzigd_op = timezone.now()
    budget.full_clean()
    budget.save()
    return budget


@transaction.atomic
def budgetten_vastleggen(
    *, door, gemeente: Gemeente, jaar: int, bedragen: dict[str, int], toelichting: str = ""
) -> list[Budget]:
    """Enter the budget of several categories at once: all of them, or none."""
    return [
        budget_vastleggen(
            door=door,
            gemeente=gemeente,
            jaar=jaar,
            categorie=categorie,
            bedrag=bedrag,
            toelichting=toelichting,
        )
        for categorie, bedrag in bedragen.items()
    ]


@transaction.atomic
def factuur_registreren(
    *,
    door,
    gemeente: Gemeente,
    verwijzing_kenmerk: str,
    factuurnummer: str,
    factuurdatum: date,
    periode_van: date,
    periode_tot: date,
    bedrag: int,
    soort: str = Soort.FACTUUR,
    crediteert_nummer: str = "",
) -> Factuur:
    """Register a provider's invoice for a referral of a case of `gemeente`. `bedrag` is what the
    invoice says, in cents and above zero; a credit invoice is stored as a negative amount and
    names the invoice it corrects (of the same provider and referral)."""
    _mag(door, gemeente)
    fouten: dict[str, list[str]] = {}
    verwijzing = verwijzing_voor_factuur(gemeente, (verwijzing_kenmerk or "").strip())
    if verwijzing is None:
        fouten["verwijzing"] = [
            f"Er is geen verwijzing met dit kenmerk voor een inburgeraar van {gemeente.naam}. Een factuur voor"
            " een verwijzing van een andere gemeente of organisatie kan hier niet worden geregistreerd."
            " Controleer het kenmerk op de factuur."
        ]
    elif verwijzing.status not in VERPLICHTEND:
        fouten["verwijzing"] = [
            f"Deze verwijzing is {verwijzing.get_status_display().lower()}. Alleen voor een verwijzing die de"
            " aanbieder heeft geaccepteerd, kan een factuur komen."
        ]
    factuurnummer = (factuurnummer or "").strip()
    if not factuurnummer:
        fouten["factuurnummer"] = ["Vul het factuurnummer in."]
    elif len(factuurnummer) > Factuur._meta.get_field("factuurnummer").max_length:
        fouten["factuurnummer"] = ["Een factuurnummer heeft hoogstens 60 tekens."]
    if soort not in Soort.values:
        fouten["soort"] = ["Kies factuur of creditfactuur."]
    if not 0 < bedrag <= MAX_BEDRAG:
        fouten["bedrag"] = ["Vul een bedrag groter dan nul in (ook bij een creditfactuur)."]
    fouten.update(_periode_fouten(factuurdatum, periode_van, periode_tot))
    aanbieder = (
        verwijzing.contract.aanbieder if verwijzing is not None and "verwijzing" not in fouten else None
    )
    if (
        aanbieder is not None
        and "factuurnummer" not in fouten
        and Factuur.objects.filter(aanbieder=aanbieder, factuurnummer=factuurnummer).exists()
    ):
        fouten["factuurnummer"] = [DUBBEL.format(aanbieder=aanbieder.naam, nummer=factuurnummer)]
    crediteert = None
    if soort == Soort.CREDITFACTUUR and aanbieder is not None and "bedrag" not in fouten:
        crediteert, fout = _gecrediteerde(verwijzing, (crediteert_nummer or "").strip(), bedrag)
        if fout:
            fouten["crediteert_nummer"] = [fout]
    if fouten:
        raise ValidationError(fouten)

    factuur = Factuur(
        verwijzing=verwijzing,
        aanbieder=aanbieder,
        gemeente=gemeente,
        categorie=verwijzing.onderdeel,
        soort=soort,
        factuurnummer=factuurnummer,
        factuurdatum=factuurdatum,
        periode_van=periode_van,
        periode_tot=periode_tot,
        bedrag=-bedrag if soort == Soort.CREDITFACTUUR else bedrag,
        crediteert=crediteert,
        ingevoerd_door=door,
    )
    try:
        with transaction.atomic():
            factuur.save()
    except IntegrityError as exc:  # the same number registered at the same moment by a colleague
        raise ValidationError(
            {"factuurnummer": [DUBBEL.format(aanbieder=aanbieder.naam, nummer=factuurnummer)]}
        ) from exc
    verwerkingslog.gewijzigd(
        inburgeraar=verwijzing.inburgeraar,
        door=door,
        onderdeel=ONDERDEEL,
        actie=Actie.AANMAKEN,
        handeling=f"{factuur.get_soort_display()} geregistreerd bij een verwijzing",
        velden={"aanbieder": aanbieder.naam, "factuurnummer": factuurnummer, "bedrag": euro(factuur.bedrag)},
        object_id=str(factuur.uuid),
    )
    return factuur


def _periode_fouten(factuurdatum: date, van: date, tot: date) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    if factuurdatum > vandaag():
        fouten["factuurdatum"] = ["De factuurdatum ligt na vandaag. Registreer een factuur als u hem heeft."]
    if tot < van:
        fouten["periode_tot"] = ["Het einde van de periode ligt voor het begin."]
    elif van.year != tot.year:
        fouten["periode_tot"] = [
            "De periode loopt over de jaarwisseling. Vraag de aanbieder om een factuur per kalenderjaar: de"
            " besteding wordt per jaar verantwoord (SiSa)."
        ]
    elif van > vandaag():
        fouten["periode_van"] = [
            "De periode begint na vandaag. Een factuur gaat over geleverde uren of trajecten."
        ]
    return fouten


def _gecrediteerde(verwijzing, nummer: str, bedrag: int) -> tuple[Factuur | None, str]:
    """The invoice a credit invoice corrects, or the reason it cannot."""
    if not nummer:
        return None, "Vul het nummer in van de factuur die deze creditfactuur terugdraait."
    origineel = Factuur.objects.filter(
        aanbieder_id=verwijzing.contract.aanbieder_id,
        verwijzing=verwijzing,
        factuurnummer=nummer,
        soort=Soort.FACTUUR,
    ).first()
    if origineel is None:
        return None, (
            f"Er is geen factuur {nummer} van deze aanbieder voor deze verwijzing. Een creditfactuur draait een"
            " eerdere factuur voor dezelfde verwijzing terug."
        )
    al_gecrediteerd = -(origineel.creditfacturen.aggregate(som=Sum("bedrag"))["som"] or 0)
    if al_gecrediteerd + bedrag > origineel.bedrag:
        return None, (
            f"Factuur {nummer} was {euro(origineel.bedrag)}; daarvan is al {euro(al_gecrediteerd)}"
            f" teruggedraaid. Er kan nog hoogstens {euro(origineel.bedrag - al_gecrediteerd)} af."
        )
    return origineel, ""

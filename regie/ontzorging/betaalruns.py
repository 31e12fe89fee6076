"""The monthly payment run of ontzorging per municipality: prepare (the preview is the prepared
run), approve by another financieel medewerker (four eyes), the pain.001 file, paid, and a
returned payment that the next run pays again.

Nothing is paid twice: a payment that is not returned is unique per household, fixed cost and
month in the database (`ontzorging_niet_twee_keer_betalen`), and a run only takes what has no
such payment yet; a prepared run that is removed and made again takes the same payments.

A run concerns the households whose costs it pays: preparing, approving, the file and a return
are written to the processing log for them. A refusal that concerns a run (approving one's own)
is logged with its reason for those households."""

from datetime import date, timedelta
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht
from regie.klok import vandaag
from regie.ontzorging import sepa
from regie.ontzorging.models import (
    Betaalrekening,
    Betaalrun,
    Betaling,
    Betalingstatus,
    Kostensoort,
    Runstatus,
    VasteLast,
)
from regie.ontzorging.selectors import (
    betaalrekening_van,
    gemeenten_voor_betalen,
    teruggekomen_voor,
    vaste_lasten_voor_maand,
)
from regie.ontzorging.services import bic_fout, iban_fout, schone_iban
from regie.organisaties.models import Gemeente
from regie.tijdlijn import events
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.models import Actie
from regie.wet.perioden import eerste_van_maand, plus_maanden

ONDERDEEL = "ontzorging betaalrun"
ZELF_GOEDKEUREN = (
    "U heeft deze betaalrun zelf voorbereid. Een andere financieel medewerker moet hem goedkeuren: zo kijken"
    " altijd twee mensen naar een betaling (vier ogen). Er is niets goedgekeurd."
)


def huishoudens(run: Betaalrun) -> list:
    return list(
        run.betalingen.values_list(
            "inburgeraar_id", "inburgeraar__uuid", "inburgeraar__gemeente_id"
        ).distinct()
    )


# A refusal of a run with payments: its reason to the processing log, for the households it pays.
_weigering_gelogd = verwerkingslog.weigering_gelogd(
    ONDERDEEL,
    betrokkenen=lambda kw: huishoudens(kw["run"]) if kw.get("run") is not None and kw["run"].pk else [],
    object_id=lambda kw: kw["run"].uuid,
)


def _mag(door: User, gemeente: Gemeente) -> None:
    if not heeft_recht(door, Recht.ONTZORGING_BETALEN):
        raise ValidationError("U mag geen betaalruns van de ontzorging maken of goedkeuren.")
    if not gemeenten_voor_betalen(door).filter(pk=gemeente.pk).exists():
        raise ValidationError("Kies een gemeente waarvoor u werkt.")


def _log(run: Betaalrun, door: User, actie: str, handeling: str, velden: dict | None = None) -> None:
    betrokken = huishoudens(run)
    if betrokken:
        verwerkingslog.gewijzigd(
            inburgeraar=betrokken,
            door=door,
            onderdeel=ONDERDEEL,
            actie=actie,
            handeling=handeling,
            velden=velden or {},
            object_id=str(run.uuid),
        )


@transaction.atomic
def betaalrekening_vastleggen(
    *, gemeente: Gemeente, door: User, naam: str, iban: str, bic: str = ""
) -> Betaalrekening:
    """The municipality's account the payments go from (the debtor in the file)."""
    _mag(door, gemeente)
    naam = " ".join((naam or "").split())
    fouten: dict[str, list[str]] = {}
    if not naam:
        fouten["naam"] = ["Vul de naam van de rekeninghouder in, bijvoorbeeld Gemeente Dronten."]
    elif len(naam) > 70:
        fouten["naam"] = ["Een naam heeft hoogstens 70 tekens."]
    if melding := iban_fout(iban):
        fouten["iban"] = [melding]
    if melding := bic_fout(bic):
        fouten["bic"] = [melding]
    if fouten:
        raise ValidationError(fouten)
    rekening, _ = Betaalrekening.objects.update_or_create(
        gemeente=gemeente,
        defaults={
            "naam": naam,
            "iban": schone_iban(iban),
            "bic": (bic or "").replace(" ", "").upper(),
            "gewijzigd_door": door,
        },
    )
    return rekening


def omschrijving(soort: str, maand: date, kenmerk: str) -> str:
    """The text on the payee's statement: what, which month, and their own reference."""
    return f"{Kostensoort(soort).label.split(' (')[0]} {maand:%m-%Y} {kenmerk}"[:140]


def _end_to_end() -> str:
    return "ONTZ" + uuid4().hex[:31]


def betaling_voor(
    run: Betaalrun,
    vaste_last: VasteLast,
    maand: date,
    *,
    bedrag: int | None = None,
    end_to_end: str | None = None,
) -> Betaling:
    """The payment of one fixed cost for one month in `run` (not saved): a new one, or one that
    came back (`bedrag` then is what was paid before). The demo passes a repeatable `end_to_end`."""
    v = vaste_last
    return Betaling(
        run=run,
        inburgeraar_id=v.ontzorging.inburgeraar_id,
        vaste_last=v,
        maand=maand,
        soort=v.soort,
        begunstigde=v.begunstigde,
        iban=v.iban,
        bic=v.bic,
        bedrag=v.bedrag if bedrag is None else bedrag,
        omschrijving=omschrijving(v.soort, maand, v.kenmerk),
        end_to_end=end_to_end or _end_to_end(),
    )


@transaction.atomic  # a refused run is not kept: it would wait for approval and block the next
def run_voorbereiden(*, gemeente: Gemeente, door: User, maand: date) -> Betaalrun:
    """Prepare the run of `maand`: every fixed cost due that month and not yet paid, and every
    returned payment not yet paid again. The prepared run is the preview the approver sees."""
    _mag(door, gemeente)
    maand = eerste_van_maand(maand)
    fouten: dict[str, list[str]] = {}
    if maand > plus_maanden(vandaag(), 1):
        fouten["maand"] = ["U kunt een run voorbereiden voor deze maand of de volgende, niet verder vooruit."]
    if betaalrekening_van(gemeente) is None:
        fouten["__all__"] = [
            "Leg eerst de betaalrekening van de gemeente vast: daarvan gaan de betalingen af."
        ]
    if Betaalrun.objects.filter(gemeente=gemeente, status=Runstatus.VOORBEREID).exists():
        fouten["__all__"] = [
            "Er wacht al een betaalrun van deze gemeente op goedkeuring. Keur die eerst goed of verwijder hem."
        ]
    if fouten:
        raise ValidationError(fouten)
    run = Betaalrun.objects.create(gemeente=gemeente, maand=maand, voorbereid_door=door)
    betalingen = [betaling_voor(run, v, maand) for v in vaste_lasten_voor_maand(gemeente, maand)]
    betalingen += [
        betaling_voor(run, terug.vaste_last, terug.maand, bedrag=terug.bedrag)
        for terug in teruggekomen_voor(gemeente, maand)
    ]
    if not betalingen:
        raise ValidationError({"maand": [f"Voor {maand:%m-%Y} is er niets (meer) te betalen."]})
    try:
        with transaction.atomic():
            Betaling.objects.bulk_create(betalingen)
    except IntegrityError as exc:  # a colleague prepared the same payments at the same moment
        raise ValidationError(
            "Een deel van deze betalingen staat intussen al in een andere run. Open de pagina opnieuw."
        ) from exc
    run.aantal = len(betalingen)
    run.totaal = sum(b.bedrag for b in betalingen)
    run.save(update_fields=["aantal", "totaal"])
    _log(run, door, Actie.AANMAKEN, "betaalrun voorbereid", {"totaal": [None, run.totaal]})
    return run


@transaction.atomic
def run_verwijderen(*, run: Betaalrun, door: User) -> None:
    """Remove a prepared run (not yet approved): its payments are free for a new run."""
    _mag(door, run.gemeente)
    if run.status != Runstatus.VOORBEREID:
        raise ValidationError("Een goedgekeurde run kan niet meer worden verwijderd.")
    _log(run, door, Actie.VERWIJDEREN, "betaalrun verwijderd")
    run.delete()


@_weigering_gelogd
@transaction.atomic
def run_goedkeuren(*, run: Betaalrun, door: User) -> Betaalrun:
    """Approve a run prepared by a colleague and make its pain.001 file, checked against the
    schema. The preparer cannot approve (four eyes)."""
    _mag(door, run.gemeente)
    list(Betaalrun.objects.select_for_update().filter(pk=run.pk).values_list("pk"))  # one approver at a time
    run.refresh_from_db(fields=["status", "voorbereid_door"])
    if run.status != Runstatus.VOORBEREID:
        raise ValidationError("Deze run is al goedgekeurd.")
    if run.voorbereid_door_id == door.pk:
        raise ValidationError(ZELF_GOEDKEUREN)
    rekening = betaalrekening_van(run.gemeente)
    if rekening is None:
        raise ValidationError("Leg eerst de betaalrekening van de gemeente vast.")
    uitvoerdatum = max(vandaag(), run.maand - timedelta(days=3))
    inhoud, bericht_id = sepa.overboekingen(
        naam=rekening.naam,
        iban=rekening.iban,
        bic=rekening.bic,
        uitvoerdatum=uitvoerdatum,
        betalingen=run.betalingen.order_by("id"),
    )
    if fouten := sepa.schemafouten(inhoud):
        raise ValidationError(
            "Het betaalbestand klopt niet met het schema van de bank (pain.001): " + "; ".join(fouten[:3])
        )
    run.status = Runstatus.GEEXPORTEERD
    run.goedgekeurd_door = door
    run.goedgekeurd_op = timezone.now()
    run.uitvoerdatum = uitvoerdatum
    run.bericht_id = bericht_id[:35]
    run.bestand = inhoud
    run.save()
    _log(run, door, Actie.EXPORTEREN, "betaalrun goedgekeurd, betaalbestand gemaakt")
    return run


@transaction.atomic
def run_betaald(*, run: Betaalrun, door: User) -> Betaalrun:
    """The bank carried out the file: every payment of the run that did not come back is paid."""
    _mag(door, run.gemeente)
    if run.status != Runstatus.GEEXPORTEERD:
        raise ValidationError(
            "Alleen een goedgekeurde run met een betaalbestand kan als betaald worden gemeld."
        )
    run.betalingen.filter(status=Betalingstatus.OPEN).update(status=Betalingstatus.BETAALD)
    run.status = Runstatus.BETAALD
    run.betaald_door = door
    run.betaald_op = timezone.now()
    run.save(update_fields=["status", "betaald_door", "betaald_op"])
    _log(run, door, Actie.WIJZIGEN, "betaalrun betaald")
    return run


@verwerkingslog.weigering_gelogd(ONDERDEEL, betrokkenen=lambda kw: kw["betaling"].inburgeraar)
def betaling_teruggekomen(*, betaling: Betaling, door: User, reden: str) -> Betaling:
    """The bank returned a payment (storno, for example a closed account): it goes into the next
    run again, with the payee as the fixed cost has it then (correct the IBAN first)."""
    run = betaling.run
    _mag(door, run.gemeente)
    reden = " ".join((reden or "").split())
    fouten: dict[str, list[str]] = {}
    if run.status == Runstatus.VOORBEREID:
        fouten["__all__"] = ["Deze run is nog niet goedgekeurd: er is nog niets betaald dat terug kan komen."]
    elif betaling.status == Betalingstatus.TERUGGEKOMEN:
        fouten["__all__"] = ["Deze betaling is al als teruggekomen vastgelegd."]
    if not reden:
        fouten["reden"] = ["Vul de reden in die de bank geeft, bijvoorbeeld 'rekening opgeheven'."]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        betaling.status = Betalingstatus.TERUGGEKOMEN
        betaling.reden_terug = reden[:300]
        betaling.teruggemeld_door = door
        betaling.teruggemeld_op = timezone.now()
        betaling.save(update_fields=["status", "reden_terug", "teruggemeld_door", "teruggemeld_op"])
        events.betaling_teruggekomen(betaling.inburgeraar, door, betaling)
    return betaling

"""Moves: the hand-over package out, into a case, through the inbox, and a move within one
organisation. Keyword-only arguments, one transaction, Dutch messages, timeline and processing
log in the same transaction (the refusal of a package is logged outside it, so it stays)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.accounts.models import User
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import gemeenten_voor
from regie.inburgeraars.services import (
    consulent_toewijzen,
    gegevens_bijwerken,
    inburgeraar_registreren,
    neem_versie,
    status_wijzigen,
)
from regie.inburgeraars.status import Status
from regie.organisaties.models import Gemeente
from regie.overdracht.models import Bron, OntvangenPakket, Overdracht
from regie.overdracht.models import Status as OverdrachtStatus
from regie.overdracht.pakket import bouw_pakket
from regie.overdracht.schema import fouten_in
from regie.tijdlijn import events
from regie.verwerkingslog import log as verwerkingslog

ANDER_BSN = (
    "Dit overdrachtspakket gaat over een ander BSN dan dit dossier. Er is niets opgeslagen. Controleer of u"
    " het goede bestand koos."
)


def _fout(veld: str, tekst: str) -> ValidationError:
    return ValidationError({veld: [tekst]})


# --- Outgoing -------------------------------------------------------------------------------------


@transaction.atomic
def pakket_maken(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    naar_gemeente: Gemeente | None = None,
    naar_gemeente_naam: str = "",
    naar_cbs_code: str = "",
) -> Overdracht:
    """Make the hand-over package for the new municipality: one on this installation gets it in
    its inbox, one elsewhere by the PDF or JSON the consultant sends. The sharing is this service's
    timeline entry (processing log: exporteren, onderdeel overdracht)."""
    if inburgeraar.status in (Status.AFGEROND, Status.BEEINDIGD):
        raise _fout(
            "__all__", "Dit dossier is afgerond of beëindigd. Er is geen inburgering om over te dragen."
        )
    naar_gemeente_naam = (naar_gemeente_naam or "").strip()
    naar_cbs_code = (naar_cbs_code or "").strip()
    if naar_gemeente is not None:
        if naar_gemeente.organisatie_id == inburgeraar.organisatie_id:
            raise _fout(
                "naar_gemeente",
                f"{naar_gemeente.naam} hoort bij uw eigen organisatie. Gebruik 'Verhuizen binnen de organisatie'.",
            )
        naar_gemeente_naam, naar_cbs_code = naar_gemeente.naam, naar_gemeente.cbs_code
    elif not naar_gemeente_naam:
        raise _fout("naar_gemeente_naam", "Kies de nieuwe gemeente of vul de naam van de nieuwe gemeente in.")
    if naar_cbs_code and not (len(naar_cbs_code) == 4 and naar_cbs_code.isdigit()):
        raise _fout("naar_cbs_code", "Een CBS-code heeft vier cijfers, bijvoorbeeld 0171.")
    if naar_cbs_code == inburgeraar.gemeente.cbs_code:
        raise _fout("naar_gemeente_naam", "De nieuwe gemeente is dezelfde als de huidige gemeente.")
    if inburgeraar.overdrachten.filter(status=OverdrachtStatus.VERZONDEN).exists():
        raise _fout(
            "__all__", "Er wacht al een overdracht op de nieuwe gemeente. Daar hoeft geen tweede bij."
        )
    pakket = bouw_pakket(inburgeraar, naar_gemeente_naam=naar_gemeente_naam, naar_cbs_code=naar_cbs_code)
    fouten = fouten_in(pakket)
    if fouten:  # Regie's own package: a mistake in Regie, never the user's
        raise RuntimeError(f"Het overdrachtspakket klopt niet met het eigen schema: {fouten}")
    overdracht = Overdracht.objects.create(
        inburgeraar=inburgeraar,
        van_gemeente=inburgeraar.gemeente,
        naar_gemeente=naar_gemeente,
        naar_gemeente_naam=naar_gemeente_naam,
        naar_cbs_code=naar_cbs_code,
        schema_versie=pakket["schema_versie"],
        pakket=pakket,
        status=OverdrachtStatus.VERZONDEN if naar_gemeente else OverdrachtStatus.GEMAAKT,
        gemaakt_door=door,
    )
    neem_versie(inburgeraar, None)
    events.overdracht_gemaakt(inburgeraar, door, overdracht)
    return overdracht


# --- Incoming ---------------------------------------------------------------------------------------


def pakket_fouten(pakket, *, inburgeraar: Inburgeraar) -> list[str]:
    """Why this package cannot be read into this case (empty: it can)."""
    fouten = fouten_in(pakket)
    if not fouten and pakket["persoon"]["bsn"] != inburgeraar.bsn:
        fouten = [ANDER_BSN]
    return fouten


def pakket_inlezen(
    *, inburgeraar: Inburgeraar, door: User, pakket, bron: str, kanaal: str | None = None
) -> OntvangenPakket:
    """Read a package (upload or API) into the case: the previous municipality's PIP is kept to show,
    and the leerroute (Wi 15 lid 4) and the first PIP's dagtekening (Wi 11 lid 3) are filled in.
    A package for another BSN, of an unknown schema version or not valid against the schema:
    nothing is saved and the reason goes to the processing log."""
    fouten = pakket_fouten(pakket, inburgeraar=inburgeraar)
    if fouten:
        verwerkingslog.overdracht_geweigerd(
            inburgeraar=inburgeraar, door=door, reden=" ".join(fouten), kanaal=kanaal
        )
        raise ValidationError({"pakket": fouten})
    return _inlezen(inburgeraar=inburgeraar, door=door, pakket=pakket, bron=bron)


def _datum(tekst):
    from datetime import date

    return date.fromisoformat(tekst) if tekst else None


@transaction.atomic
def _inlezen(*, inburgeraar: Inburgeraar, door: User, pakket: dict, bron: str) -> OntvangenPakket:
    velden = {}
    leerroute = pakket["leerroute"]["leerroute"]
    if leerroute and leerroute != inburgeraar.leerroute_vorige_gemeente:
        velden["leerroute_vorige_gemeente"] = leerroute
    eerste = _datum(pakket["termijn"]["dagtekening_eerste_pip"])
    if eerste and eerste != inburgeraar.dagtekening_eerste_pip_elders:
        velden["dagtekening_eerste_pip_elders"] = eerste
    if velden:
        wijzigingen = gegevens_bijwerken(inburgeraar=inburgeraar, door=door, versie=None, **velden)
    else:
        wijzigingen = {}
        neem_versie(inburgeraar, None)
    ontvangen = OntvangenPakket.objects.create(
        inburgeraar=inburgeraar,
        van_gemeente_naam=pakket["van"]["gemeente"],
        van_cbs_code=pakket["van"]["cbs_code"],
        schema_versie=pakket["schema_versie"],
        pakket=pakket,
        bron=bron,
        ontvangen_door=door,
    )
    events.overdracht_ontvangen(inburgeraar, door, ontvangen, wijzigingen)
    return ontvangen


# --- Between two organisations of this installation: the inbox -----------------------------------


@transaction.atomic
def overdracht_accepteren(*, overdracht: Overdracht, door: User) -> Inburgeraar:
    """The new municipality takes the package over: its case (registered now, or the one it already
    has for this BSN) is filled from the package, and the old case is closed as verhuisd, keeping
    its history for the retention period. Neither organisation gets to see the other's case."""
    # The row alone: PostgreSQL locks no nullable side of an outer join (naar_gemeente).
    overdracht = Overdracht.objects.select_for_update().get(pk=overdracht.pk)
    if overdracht.status != OverdrachtStatus.VERZONDEN:
        raise _fout("__all__", "Deze overdracht is al overgenomen.")
    if not gemeenten_voor(door).filter(pk=overdracht.naar_gemeente_id).exists():
        raise _fout("__all__", "Deze overdracht is niet voor een gemeente waarvoor u werkt.")
    pakket = overdracht.pakket
    persoon = pakket["persoon"]
    nieuw = Inburgeraar.objects.filter(organisatie_id=door.organisatie_id, bsn=persoon["bsn"]).first()
    if nieuw is not None and not gemeenten_voor(door).filter(pk=nieuw.gemeente_id).exists():
        raise _fout(
            "__all__",
            "Uw organisatie heeft al een dossier voor deze persoon bij een gemeente waarvoor u niet werkt."
            " Vraag een collega van die gemeente de overdracht over te nemen.",
        )
    if nieuw is None:
        nieuw = inburgeraar_registreren(
            door=door,
            bsn=persoon["bsn"],
            voornamen=persoon["voornamen"],
            tussenvoegsel=persoon["tussenvoegsel"],
            geslachtsnaam=persoon["geslachtsnaam"],
            geboortedatum=_datum(persoon["geboortedatum"]),
            doelgroep=persoon["doelgroep"],
            gemeente=overdracht.naar_gemeente,
        )
    _inlezen(inburgeraar=nieuw, door=door, pakket=pakket, bron=Bron.REGIE)
    overdracht.status = OverdrachtStatus.GEACCEPTEERD
    overdracht.nieuw_dossier = nieuw
    overdracht.geaccepteerd_door = door
    overdracht.geaccepteerd_op = timezone.now()
    overdracht.save(update_fields=["status", "nieuw_dossier", "geaccepteerd_door", "geaccepteerd_op"])
    _oude_dossier_sluiten(overdracht)
    return nieuw


def _oude_dossier_sluiten(overdracht: Overdracht) -> None:
    """The old case as verhuisd (the date of that entry starts its retention period); without a
    user of the other organisation on its timeline."""
    oud = overdracht.inburgeraar
    oud.refresh_from_db()
    if oud.status != Status.VERHUISD:
        status_wijzigen(
            inburgeraar=oud,
            door=None,
            naar=Status.VERHUISD,
            toelichting=f"Overgenomen door de gemeente {overdracht.naar_gemeente_naam}",
        )
    events.overdracht_overgenomen(oud, None, overdracht)


# --- Within one organisation ------------------------------------------------------------------------


@transaction.atomic
def verhuizen_binnen_organisatie(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    naar_gemeente: Gemeente,
    consulent: User | None = None,
    datum_melding_duo=None,
    aanleiding: str = "vastgelegd door de consulent",
    versie: int | None = None,
) -> Inburgeraar:
    """The case moves to another municipality of the same organisation (Dordrecht to Zwijndrecht):
    the same case, the same history, the termijn and leerroute unchanged (Wi 11 lid 3, Wi 15 lid 4);
    the vaste consulent stays unless a team lead chooses another. DUO's notice of a move (regie.duo
    .inkomend.gebeurtenissen) passes `datum_melding_duo`: the ten weeks for the PIP start again."""
    van = inburgeraar.gemeente
    if naar_gemeente.organisatie_id != inburgeraar.organisatie_id:
        raise _fout(
            "naar_gemeente",
            "Deze gemeente hoort niet bij uw organisatie. Maak een overdrachtspakket voor de nieuwe gemeente.",
        )
    if naar_gemeente.pk == van.pk:
        raise _fout("naar_gemeente", f"Het dossier hoort al bij {van.naam}.")
    if not gemeenten_voor(door).filter(pk=naar_gemeente.pk).exists():
        raise _fout("naar_gemeente", f"U werkt niet voor {naar_gemeente.naam}. Vraag uw teamleider.")
    velden = {"gemeente": naar_gemeente, "kern": None}
    if datum_melding_duo is not None:
        velden["datum_melding_duo"] = datum_melding_duo
    wijzigingen = gegevens_bijwerken(inburgeraar=inburgeraar, door=door, versie=versie, **velden)
    if consulent is not None and consulent.pk != inburgeraar.consulent_id:
        consulent_toewijzen(
            inburgeraar=inburgeraar,
            door=door,
            consulent=consulent,
            reden=f"Verhuisd naar {naar_gemeente.naam}",
        )
    events.verhuisd_binnen_organisatie(
        inburgeraar, door, van, naar_gemeente, inburgeraar.consulent, aanleiding, wijzigingen
    )
    return inburgeraar


def weiger_onleesbaar(*, inburgeraar: Inburgeraar, door: User, fouten: list[str], kanaal: str | None = None):
    """A file or body that is no JSON at all: refused like an invalid package, with the reason logged."""
    verwerkingslog.overdracht_geweigerd(
        inburgeraar=inburgeraar, door=door, reden=" ".join(fouten), kanaal=kanaal
    )
    raise ValidationError({"pakket": fouten})

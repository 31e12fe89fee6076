"""Importing COA koppelingen: upload (stored server-side), preview, confirm; the taakstelling.

The preview (`voorbeeld`) changes nothing. `bevestigen` reads the stored file again, checks
it again against the database as it is now and creates or updates the cases through the
registration services, one household at a time: a household with a problem in any row is
skipped as a whole, so a family is never split.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.accounts.models import User
from regie.accounts.rechten import Recht, heeft_recht, mag
from regie.beveiliging.grootte import grootte_tekst
from regie.coa import bestand as coa_bestand
from regie.coa.models import CoaImport, CoaKoppeling, ImportStatus, Resultaat, Taakstelling
from regie.csvbestand import CsvFout, tekst_van
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Kind
from regie.inburgeraars.selectors import gemeenten_voor
from regie.inburgeraars.services import inburgeraar_registreren, inburgeraar_wijzigen
from regie.klok import vandaag
from regie.organisaties.models import Gemeente
from regie.tijdlijn import events
from regie.verwerkingslog.log import maskeer_velden

# What the preview says will happen to a row.
FOUT = "fout"
OVERSLAAN = "overslaan"
NIEUW = "nieuw"
BIJWERKEN = "bijwerken"
KIND = "kind"
KIND_BEKEND = "kind_bekend"
UITKOMST = {
    FOUT: "Niet verwerkt: verbeter de rij",
    OVERSLAAN: "Niet verwerkt: probleem in het huishouden",
    NIEUW: "Nieuw dossier",
    BIJWERKEN: "Bestaat al: koppeling bijgewerkt",
    KIND: "Kind bij de ouder",
    KIND_BEKEND: "Kind staat al bij de ouder",
}


@dataclass
class Voorbeeldrij:
    rij: coa_bestand.Rij
    gemeente: Gemeente | None = None
    bestaand: Inburgeraar | None = None
    bestaand_kind: Kind | None = None
    uitkomst: str = NIEUW

    @property
    def problemen(self) -> list[str]:
        return self.rij.problemen

    @property
    def meldingen(self) -> list[str]:
        return self.rij.meldingen

    @property
    def uitkomst_tekst(self) -> str:
        return UITKOMST[self.uitkomst]

    @property
    def verwerkbaar(self) -> bool:
        return self.uitkomst not in (FOUT, OVERSLAAN)


@dataclass
class Voorbeeld:
    bestand: coa_bestand.Bestand
    rijen: list[Voorbeeldrij]
    aantallen: dict[str, int] = field(default_factory=dict)

    @property
    def verwerkbaar(self) -> int:
        return sum(r.verwerkbaar for r in self.rijen)

    @property
    def niet_verwerkbaar(self) -> int:
        return len(self.rijen) - self.verwerkbaar

    @property
    def bestaande_inburgeraars(self) -> list[Inburgeraar]:
        """The cases in Regie the preview shows (for the processing log)."""
        gezien = {r.bestaand.pk: r.bestaand for r in self.rijen if r.bestaand}
        return list(gezien.values())


def _kan_importeren(door: User) -> None:
    if not heeft_recht(door, Recht.DOSSIERS_REGISTREREN) or door.organisatie_id is None:
        raise ValidationError({"bestand": ["U mag geen koppelingen van COA importeren."]})


def _tekst_van(bestand) -> tuple[str, str]:
    bestand.seek(0)
    # One byte more than the limit is enough to know the file is too big.
    inhoud = bestand.read(settings.MAX_UPLOAD_BYTES + 1)
    if len(inhoud) > settings.MAX_UPLOAD_BYTES:  # REGIE_MAX_UPLOAD_MB
        grens = grootte_tekst(settings.MAX_UPLOAD_BYTES)
        raise CsvFout(f"Het bestand is groter dan {grens}. Splits het in kleinere bestanden.")
    return tekst_van(inhoud)


# An upload nobody confirmed or cancelled holds personal data: it is removed after this many days.
BEWAARDAGEN_VOORBEELD = 7


def oude_voorbeelden_opruimen() -> int:
    """Remove uploads that waited longer than BEWAARDAGEN_VOORBEELD days for a confirmation."""
    grens = timezone.now() - timedelta(days=BEWAARDAGEN_VOORBEELD)
    weg, _ = CoaImport.objects.filter(status=ImportStatus.VOORBEELD, geupload_op__lt=grens).delete()
    return weg


@transaction.atomic
def bestand_uploaden(*, door: User, bestand) -> CoaImport:
    """Store an uploaded file for the preview. A file that cannot be read (encoding, no
    CSV, wrong columns, no rows) is refused with a Dutch message and nothing is stored.
    Old unconfirmed uploads (of anyone) are removed on the way."""
    _kan_importeren(door)
    oude_voorbeelden_opruimen()
    naam = (getattr(bestand, "name", "") or "koppelingen.csv").rsplit("/", 1)[-1][:255]
    try:
        tekst, _codering = _tekst_van(bestand)
        coa_bestand.kop_lezen(tekst)
    except CsvFout as exc:
        raise ValidationError({"bestand": [exc.melding]}) from exc
    return CoaImport.objects.create(
        organisatie_id=door.organisatie_id,
        bestandsnaam=naam,
        inhoud=tekst,
        geupload_door=door,
        aantal_rijen=0,
    )


def voorbeeld(*, coa_import: CoaImport, door: User) -> Voorbeeld:
    """What confirming would do with each row, and every row's problems. Changes nothing."""
    bestand = coa_bestand.ontleed(coa_import.inhoud, vandaag=vandaag())
    rijen = [Voorbeeldrij(rij=rij) for rij in bestand.rijen]
    mijn_gemeenten = {g.cbs_code: g for g in gemeenten_voor(door)}
    codes = {r.rij.waarden.get("gemeente") for r in rijen} - {""}
    alle_gemeenten = {g.cbs_code: g for g in Gemeente.objects.filter(cbs_code__in=codes)}
    bsns = [r.rij.waarden["bsn"] for r in rijen if r.rij.waarden.get("bsn")]
    # Only the own organisation's cases: a BSN another organisation knows is a new case here, with
    # the same preview as a BSN no one knows (issue 9: no oracle).
    bekend = {
        i.bsn: i
        for i in Inburgeraar.objects.filter(bsn__in=bsns, organisatie_id=door.organisatie_id).select_related(
            "gemeente"
        )
    }

    for r in rijen:
        w = r.rij.waarden
        code = w.get("gemeente")
        if code:
            r.gemeente = mijn_gemeenten.get(code)
            if r.gemeente is None:
                gemeente = alle_gemeenten.get(code)
                if gemeente is None:
                    r.rij.problemen.append(f"Regie kent geen gemeente met CBS-code {code}.")
                elif gemeente.organisatie_id == door.organisatie_id:
                    r.rij.problemen.append(f"U werkt niet voor de gemeente {gemeente.naam} ({code}).")
                else:
                    r.rij.problemen.append(
                        f"De gemeente {gemeente.naam} ({code}) hoort niet bij uw organisatie. Deze koppeling"
                        " is niet voor u bestemd."
                    )
        if r.rij.volwassen and w.get("bsn") in bekend:
            inburgeraar = bekend[w["bsn"]]
            if inburgeraar.gemeente.cbs_code not in mijn_gemeenten:
                r.rij.problemen.append(
                    "Er staat al een dossier met dit BSN bij uw organisatie, bij een gemeente waar u niet"
                    " voor werkt. Deze rij wordt niet verwerkt; overleg met die gemeente."
                )
            elif not mag(door, Recht.DOSSIERS_WIJZIGEN_EIGEN, inburgeraar):
                # The case pages' check (inburgeraar_voor): a consultant changes only own cases.
                r.rij.problemen.append(
                    "Er staat al een dossier met dit BSN, maar u mag het niet wijzigen: u bent niet de vaste"
                    " consulent. Deze rij wordt niet verwerkt; vraag de vaste consulent of uw teamleider om"
                    " de koppeling in te lezen."
                )
            else:
                r.bestaand = inburgeraar
                if r.gemeente and inburgeraar.gemeente_id != r.gemeente.pk:
                    r.rij.meldingen.append(
                        f"Het dossier staat bij {inburgeraar.gemeente.naam}; die gemeente blijft zo."
                    )

    per_huishouden: dict[str, list[Voorbeeldrij]] = defaultdict(list)
    for r in rijen:
        per_huishouden[r.rij.waarden.get("huishouden", "")].append(r)
    for sleutel, leden in per_huishouden.items():
        fout = any(r.problemen for r in leden) or not sleutel
        hoofd = next((r for r in leden if r.rij.rol == "hoofd"), None)
        for r in leden:
            if r.problemen:
                r.uitkomst = FOUT
            elif fout:
                r.uitkomst = OVERSLAAN
                r.rij.meldingen.append(f"Een ander lid van huishouden {sleutel} heeft een probleem.")
            elif r.rij.volwassen:
                r.uitkomst = BIJWERKEN if r.bestaand else NIEUW
            else:
                r.uitkomst = KIND
                if hoofd and hoofd.bestaand:
                    r.bestaand_kind = _bestaand_kind(hoofd.bestaand, r.rij)
                    if r.bestaand_kind:
                        r.uitkomst = KIND_BEKEND
    aantallen = defaultdict(int)
    for r in rijen:
        aantallen[r.uitkomst] += 1
    return Voorbeeld(bestand=bestand, rijen=rijen, aantallen=dict(aantallen))


def _bestaand_kind(ouder: Inburgeraar, rij: coa_bestand.Rij) -> Kind | None:
    return ouder.kinderen.filter(
        voornaam__iexact=rij.waarden["voornamen"], geboortedatum=rij.waarden["geboortedatum"]
    ).first()


def _persoonsgegevens(w: dict, gemeente: Gemeente) -> dict:
    return {
        "bsn": w["bsn"],
        "voornamen": w["voornamen"],
        "tussenvoegsel": w["tussenvoegsel"],
        "geslachtsnaam": w["geslachtsnaam"],
        "geboortedatum": w["geboortedatum"],
        "geslacht": w["geslacht"],
        "nationaliteit": w["nationaliteit"],
        "geboorteland": w["geboorteland"],
        "talen": w["talen"],
        "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
        "gemeente": gemeente,
        "datum_koppeling_coa": w["datum_koppeling"],
        "datum_huisvesting": w["datum_huisvesting"],
    }


def _koppeling(coa_import, r: Voorbeeldrij, inburgeraar, resultaat, kind=None) -> CoaKoppeling:
    w = r.rij.waarden
    return CoaKoppeling.objects.create(
        coa_import=coa_import,
        rij=r.rij.nummer,
        inburgeraar=inburgeraar,
        kind=kind,
        resultaat=resultaat,
        huishouden=w["huishouden"],
        rol=w["rol"],
        v_nummer=w["v_nummer"],
        gemeente=r.gemeente,
        datum_koppeling=w["datum_koppeling"] or inburgeraar.datum_koppeling_coa or vandaag(),
        datum_huisvesting_verwacht=w["datum_huisvesting_verwacht"],
        datum_huisvesting=w["datum_huisvesting"],
        voorinburgering_gestart=w["voorinburgering_gestart"],
        voorinburgering_niveau=w["voorinburgering_niveau"],
        voorinburgering_uren=w["voorinburgering_uren"],
        voorinburgering_opmerking=w["voorinburgering_opmerking"],
    )


def _volwassene(coa_import, r: Voorbeeldrij, door: User) -> Inburgeraar:
    w = r.rij.waarden
    if r.bestaand is None:
        inburgeraar = inburgeraar_registreren(door=door, **_persoonsgegevens(w, r.gemeente))
        koppeling = _koppeling(coa_import, r, inburgeraar, Resultaat.NIEUW)
        events.coa_koppeling_ontvangen(inburgeraar, door, koppeling, nieuw=True)
        return inburgeraar
    inburgeraar = Inburgeraar.objects.get(pk=r.bestaand.pk)
    wijzigingen = {"datum_koppeling_coa": w["datum_koppeling"]}
    if w["datum_huisvesting"]:
        wijzigingen["datum_huisvesting"] = w["datum_huisvesting"]
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=door, versie=None, **wijzigingen)
    koppeling = _koppeling(coa_import, r, inburgeraar, Resultaat.BIJGEWERKT)
    events.coa_koppeling_ontvangen(inburgeraar, door, koppeling, nieuw=False)
    return inburgeraar


def _huishouden(coa_import, leden: list[Voorbeeldrij], door: User) -> dict[str, int]:
    """One household, in the caller's savepoint: the head first, then the partner, the
    children of 16 and older (own case), and the younger children (with the head)."""
    volgorde = {"hoofd": 0, "partner": 1, "kind": 2}
    leden = sorted(leden, key=lambda r: (volgorde[r.rij.rol], not r.rij.volwassen, r.rij.nummer))
    teller = defaultdict(int)
    hoofd = partner = None
    for r in leden:
        if r.rij.volwassen:
            inburgeraar = _volwassene(coa_import, r, door)
            teller["bijgewerkt" if r.bestaand else "nieuw"] += 1
            if r.rij.rol == "hoofd":
                hoofd = inburgeraar
            elif r.rij.rol == "partner":
                partner = inburgeraar
            continue
        hoofd.refresh_from_db()
        kind = _bestaand_kind(hoofd, r.rij)
        if kind is None:
            kind = Kind.objects.create(
                ouder=hoofd, voornaam=r.rij.waarden["voornamen"], geboortedatum=r.rij.waarden["geboortedatum"]
            )
            events.kind_toegevoegd(hoofd, door, kind, bron=f"koppeling COA, {coa_import.bestandsnaam}")
            _koppeling(coa_import, r, hoofd, Resultaat.KIND, kind=kind)
            teller["kinderen"] += 1
        else:
            _koppeling(coa_import, r, hoofd, Resultaat.KIND_BEKEND, kind=kind)
    if hoofd and partner:
        for persoon, ander in ((hoofd, partner), (partner, hoofd)):
            persoon.refresh_from_db()
            if persoon.partner_id is None:
                inburgeraar_wijzigen(inburgeraar=persoon, door=door, versie=None, partner=ander)
    return teller


def bevestigen(*, coa_import: CoaImport, door: User) -> CoaImport:
    """Process the stored file: every household without problems, each in its own savepoint.
    Refused (nothing changed) when the file was already processed or no row can be."""
    _kan_importeren(door)
    with transaction.atomic():
        coa_import = CoaImport.objects.select_for_update().get(pk=coa_import.pk)
        if coa_import.status != ImportStatus.VOORBEELD:
            raise ValidationError({"bestand": ["Dit bestand is al verwerkt."]})
        try:
            uitkomst = voorbeeld(coa_import=coa_import, door=door)
        except CsvFout as exc:
            raise ValidationError({"bestand": [exc.melding]}) from exc
        if not uitkomst.verwerkbaar:
            raise ValidationError(
                {
                    "bestand": [
                        "Er is geen rij die verwerkt kan worden. Verbeter het bestand en upload het opnieuw."
                    ]
                }
            )
        overgeslagen = [
            [r.rij.nummer, "; ".join(r.problemen) or "; ".join(r.meldingen)]
            for r in uitkomst.rijen
            if not r.verwerkbaar
        ]
        per_huishouden: dict[str, list[Voorbeeldrij]] = defaultdict(list)
        for r in uitkomst.rijen:
            if r.verwerkbaar:
                per_huishouden[r.rij.waarden["huishouden"]].append(r)
        totaal = defaultdict(int)
        for leden in per_huishouden.values():
            try:
                with transaction.atomic():
                    for soort, aantal in _huishouden(coa_import, leden, door).items():
                        totaal[soort] += aantal
            except ValidationError as exc:
                reden = "; ".join(m for berichten in exc.message_dict.values() for m in berichten)
                overgeslagen += [[r.rij.nummer, f"Niet verwerkt: {reden}"] for r in leden]
            except GelijktijdigGewijzigd:
                reden = (
                    "een dossier van dit huishouden werd tegelijk door een ander gewijzigd; lees opnieuw in"
                )
                overgeslagen += [[r.rij.nummer, f"Niet verwerkt: {reden}"] for r in leden]
        coa_import.status = ImportStatus.VERWERKT
        coa_import.inhoud = ""
        coa_import.verwerkt_door = door
        coa_import.verwerkt_op = timezone.now()
        coa_import.aantal_rijen = len(uitkomst.rijen)
        coa_import.aantal_nieuw = totaal["nieuw"]
        coa_import.aantal_bijgewerkt = totaal["bijgewerkt"]
        coa_import.aantal_kinderen = totaal["kinderen"]
        coa_import.aantal_overgeslagen = len(overgeslagen)
        # Reasons may quote a value from the file: no nine-digit number (a BSN) is kept.
        coa_import.overgeslagen = sorted(
            [nummer, maskeer_velden({"reden": reden})["reden"]] for nummer, reden in overgeslagen
        )
        coa_import.save()
        return coa_import


@transaction.atomic
def annuleren(*, coa_import: CoaImport, door: User) -> None:
    """Throw an upload away before it is confirmed."""
    coa_import = CoaImport.objects.select_for_update().get(pk=coa_import.pk)
    if coa_import.status != ImportStatus.VOORBEELD:
        raise ValidationError({"bestand": ["Dit bestand is al verwerkt en kan niet meer worden weggegooid."]})
    coa_import.delete()


# --- Taakstelling -----------------------------------------------------------------------------


@transaction.atomic
def taakstelling_vastleggen(
    *, door: User, gemeente: Gemeente, jaar: int, halfjaar: int, aantal: int, toelichting: str = ""
) -> Taakstelling:
    """Record (or correct) the number the ministry set for a municipality and half year."""
    if not heeft_recht(door, Recht.TAAKSTELLING):
        raise ValidationError({"gemeente": ["U mag de taakstelling niet vastleggen."]})
    if not gemeenten_voor(door).filter(pk=gemeente.pk).exists():
        raise ValidationError({"gemeente": ["Kies een gemeente van uw eigen organisatie."]})
    taakstelling, _ = Taakstelling.objects.select_for_update().get_or_create(
        gemeente=gemeente, jaar=jaar, halfjaar=halfjaar, defaults={"aantal": aantal}
    )
    taakstelling.aantal = aantal
    taakstelling.toelichting = toelichting
    taakstelling.gewijzigd_door = door
    taakstelling.full_clean()
    taakstelling.save()
    return taakstelling

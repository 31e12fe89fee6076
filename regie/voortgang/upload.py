"""The CSV bulk upload of attendance: read (regie.voortgang.csv_invoer), check every row against
the provider's referrals with the same checks as a single report (`weekrapportage_fouten`),
and only after the provider confirms store the good rows, all in one transaction.

Step 1 `voorbeeld_maken` stores a `CsvUpload` with the rows as checked (nothing else is
stored); step 2 `upload_bevestigen` checks the good rows again and stores them. When something
changed in between (another report, a referral closed), nothing is stored and the new check
is kept for a fresh preview (`UploadVeranderd`).

Privacy: an unknown BSN and a BSN of someone not referred to this provider get the same
message, so a provider cannot find out whether a BSN is known at the municipality. The upload
keeps only the referral's id and the last digits of a BSN, never the whole number.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from regie.beveiliging.grootte import grootte_tekst
from regie.trajecten.selectors import verwijzingen_voor
from regie.voortgang import csv_invoer
from regie.voortgang.csv_invoer import KOLOMNAAM, UREN_VELDEN
from regie.voortgang.models import Bron, CsvUpload
from regie.voortgang.regels import uren_fouten, uur_tekst
from regie.voortgang.services import (
    CORRECTIE,
    NIEUW,
    ONGEWIJZIGD,
    begin_van,
    huidige_weekrapportage,
    is_gelijk,
    weekrapportage_fouten,
    weekrapportage_vastleggen,
)

FOUT = "fout"
STATUS_TEKST = {
    NIEUW: "Nieuw",
    CORRECTIE: "Correctie",
    ONGEWIJZIGD: "Al gemeld, geen wijziging",
    FOUT: "Niet goed",
}
ONBEKEND_BSN = (
    "Geen verwijzing naar uw organisatie gevonden voor dit BSN. Controleer het BSN; is het goed, neem dan"
    " contact op met de consulent van de gemeente."
)
ONBEKENDE_VERWIJZING = "Deze verwijzing bestaat niet of is niet voor uw organisatie. Controleer het nummer."


class UploadVeranderd(Exception):
    """Between the preview and the confirmation something changed; nothing was stored."""


@dataclass
class Rij:
    """One row of the preview, as stored in `CsvUpload.regels` (JSON)."""

    nummer: int
    verwijzing: str = ""
    naam: str = ""
    onderdeel: str = ""
    bsn_kort: str = ""
    week: str = ""  # ISO date of the Monday
    week_tekst: str = ""
    uren: dict = field(default_factory=dict)  # field -> "12.5" (string) or None
    opmerking: str = ""
    status: str = FOUT
    fouten: list[str] = field(default_factory=list)
    melding: str = ""

    @property
    def status_tekst(self) -> str:
        return STATUS_TEKST[self.status]

    @property
    def is_fout(self) -> bool:
        return self.status == FOUT

    @property
    def wordt_opgeslagen(self) -> bool:
        return self.status in (NIEUW, CORRECTIE)

    def uren_decimaal(self) -> dict[str, Decimal | None]:
        return {k: (Decimal(v) if v not in (None, "") else None) for k, v in self.uren.items()}

    @property
    def uur_aangeboden(self) -> str:
        return self.uur("uren_aangeboden")

    @property
    def uur_gevolgd(self) -> str:
        return self.uur("uren_gevolgd")

    @property
    def uur_ziek(self) -> str:
        return self.uur("uren_afwezig_ziek")

    @property
    def uur_afspraak(self) -> str:
        return self.uur("uren_afwezig_afspraak")

    @property
    def uur_ongeoorloofd(self) -> str:
        return self.uur("uren_afwezig_ongeoorloofd")

    def uur(self, veld: str) -> str:
        waarde = self.uren.get(veld)
        if waarde in (None, ""):
            return ""
        return uur_tekst(waarde)


def _kort(bsn: str) -> str:
    return f"*******{bsn[-2:]}" if bsn else ""


def _meldingen(fouten: dict[str, list[str]]) -> list[str]:
    uit = []
    for sleutel in ("verwijzing", "week", *UREN_VELDEN, "__all__"):
        for melding in fouten.get(sleutel, []):
            uit.append(f"{KOLOMNAAM[sleutel]}: {melding}" if sleutel in KOLOMNAAM else melding)
    for sleutel, meldingen in fouten.items():
        if sleutel not in ("verwijzing", "week", *UREN_VELDEN, "__all__"):
            uit.extend(meldingen)
    return uit


def _zonder_dubbel(fouten: dict, regel: csv_invoer.Regel) -> dict:
    """The checks of a report without what the reader already named (an unreadable week or hours)."""
    if regel.week is None:
        fouten.pop("week", None)
    if any(v is None for v in regel.uren.values()):
        for sleutel in (*UREN_VELDEN, "__all__"):
            fouten.pop(sleutel, None)
    return fouten


def _kies(kandidaten: list, week: date | None):
    """Of the referrals of one person to this provider, the one the row is about: a reportable
    one whose period holds the week, else the only one; None when that is not clear."""
    if len(kandidaten) == 1:
        return kandidaten[0]
    lopend = [v for v in kandidaten if v.rapporteerbaar]
    if len(lopend) == 1:
        return lopend[0]
    if week is not None and lopend:
        passend = [
            v
            for v in lopend
            if (begin_van(v) is None or begin_van(v) <= week + timedelta(days=6))
            and (v.einddatum is None or v.einddatum >= week)
        ]
        if len(passend) == 1:
            return passend[0]
    return None


def beoordeel(regels: list[csv_invoer.Regel], *, door, peildatum: date | None = None) -> list[Rij]:
    """Check every row; nothing is stored."""
    verwijzingen = verwijzingen_voor(door).select_related("inburgeraar", "contract__aanbieder")
    bsns = {r.bsn for r in regels if r.bsn}
    uuids = {r.verwijzing for r in regels if r.verwijzing}
    per_bsn: dict[str, list] = {}
    per_uuid: dict[str, object] = {}
    if bsns:
        for v in verwijzingen.filter(inburgeraar__bsn__in=bsns).order_by("-verzonden_op", "-id"):
            per_bsn.setdefault(v.inburgeraar.bsn, []).append(v)
    if uuids:
        for v in verwijzingen.filter(uuid__in=uuids):
            per_uuid[str(v.uuid)] = v

    rijen: list[Rij] = []
    gezien: dict[tuple, list[Rij]] = {}
    for regel in regels:
        rij = Rij(
            nummer=regel.nummer,
            bsn_kort=_kort(regel.bsn),
            week=regel.week.isoformat() if regel.week else "",
            week_tekst=csv_invoer.week_tekst(regel.week) if regel.week else "",
            uren={k: (str(v) if v is not None else None) for k, v in regel.uren.items()},
            opmerking=regel.opmerking,
            fouten=list(regel.fouten),
        )
        rijen.append(rij)
        verwijzing = None
        if regel.verwijzing:
            verwijzing = per_uuid.get(regel.verwijzing)
            if verwijzing is None:
                rij.fouten.append(ONBEKENDE_VERWIJZING)
            elif regel.bsn and verwijzing.inburgeraar.bsn != regel.bsn:
                rij.fouten.append("Het BSN hoort niet bij deze verwijzing. Controleer het BSN en het nummer.")
                verwijzing = None
        elif regel.bsn:
            kandidaten = per_bsn.get(regel.bsn, [])
            if not kandidaten:
                rij.fouten.append(ONBEKEND_BSN)
            else:
                verwijzing = _kies(kandidaten, regel.week)
                if verwijzing is None:
                    rij.fouten.append(
                        "Deze persoon heeft meer lopende verwijzingen naar uw organisatie ("
                        + ", ".join(v.get_onderdeel_display() for v in kandidaten if v.rapporteerbaar)
                        + "). Vul in de kolom verwijzing het nummer van de juiste verwijzing in."
                    )
        if verwijzing is not None:
            rij.verwijzing = str(verwijzing.uuid)
            rij.naam = verwijzing.inburgeraar.naam
            rij.onderdeel = verwijzing.get_onderdeel_display()
            rij.fouten.extend(
                _meldingen(
                    _zonder_dubbel(
                        weekrapportage_fouten(
                            verwijzing,
                            week=regel.week,
                            uren=regel.uren,
                            opmerking=regel.opmerking,
                            peildatum=peildatum,
                        ),
                        regel,
                    )
                )
            )
            if regel.week:
                gezien.setdefault((verwijzing.pk, regel.week), []).append(rij)
        elif all(v is not None for v in regel.uren.values()):
            rij.fouten.extend(_meldingen(uren_fouten(regel.uren)))
        if not rij.fouten and verwijzing is not None:
            huidige = huidige_weekrapportage(verwijzing, regel.week)
            if huidige is None:
                rij.status = NIEUW
            elif is_gelijk(huidige, regel.uren, regel.opmerking):
                rij.status = ONGEWIJZIGD
                rij.melding = "Al gemeld, geen wijziging."
            else:
                rij.status = CORRECTIE
                rij.melding = (
                    f"Vervangt de melding van {timezone.localtime(huidige.ingediend_op):%d-%m-%Y}"
                    f" ({_uur(huidige.uren_gevolgd)} van {_uur(huidige.uren_aangeboden)} uur gevolgd)."
                )
    for dubbel in gezien.values():
        if len(dubbel) > 1:
            for rij in dubbel:
                anderen = ", ".join(str(r.nummer) for r in dubbel if r is not rij)
                rij.fouten.append(
                    f"Dubbele regel: deze persoon en week staan ook op regel {anderen}. Laat één regel staan."
                )
    for rij in rijen:
        if rij.fouten:
            rij.status, rij.melding = FOUT, ""
    return rijen


def _uur(waarde) -> str:
    return uur_tekst(waarde)


@dataclass
class Samenvatting:
    totaal: int
    nieuw: int
    correctie: int
    ongewijzigd: int
    fout: int

    @property
    def op_te_slaan(self) -> int:
        return self.nieuw + self.correctie


def samenvatting(rijen: list[Rij]) -> Samenvatting:
    tel = {s: sum(r.status == s for r in rijen) for s in (NIEUW, CORRECTIE, ONGEWIJZIGD, FOUT)}
    return Samenvatting(len(rijen), tel[NIEUW], tel[CORRECTIE], tel[ONGEWIJZIGD], tel[FOUT])


def rijen_van(upload: CsvUpload) -> list[Rij]:
    return [Rij(**r) for r in upload.regels]


BEWAARDAGEN = 7


def opruimen() -> None:
    """The preview holds names: an upload nobody stored is removed after BEWAARDAGEN days, and of a
    stored upload only the counts stay (the reports themselves hold what was stored)."""
    grens = timezone.now() - timedelta(days=BEWAARDAGEN)
    CsvUpload.objects.filter(opgeslagen_op__isnull=True, aangemaakt_op__lt=grens).delete()
    CsvUpload.objects.filter(opgeslagen_op__lt=grens).exclude(regels=[]).update(regels=[])


def voorbeeld_maken(*, inhoud: bytes, bestandsnaam: str, door) -> CsvUpload:
    """Step 1: read and check the file and keep the result for the preview. Nothing else is stored."""
    opruimen()
    if door.aanbieder_id is None:
        raise ValidationError({"bestand": ["Uw account hoort niet bij een aanbieder."]})
    if len(inhoud) > settings.MAX_UPLOAD_BYTES:
        # Too big is refused at the field and nothing is kept, as on the COA import page.
        grens = grootte_tekst(settings.MAX_UPLOAD_BYTES)
        raise ValidationError({"bestand": [f"Het bestand is groter dan {grens}. Splits het bestand."]})
    bestand = csv_invoer.lees_bestand(inhoud)
    rijen = [] if bestand.fouten else beoordeel(bestand.regels, door=door)
    return CsvUpload.objects.create(
        aanbieder_id=door.aanbieder_id,
        door=door,
        bestandsnaam=(bestandsnaam or "")[:255],
        codering=bestand.codering,
        scheidingsteken=bestand.scheidingsteken,
        bestandsfouten=bestand.fouten,
        regels=[asdict(r) for r in rijen],
    )


def _als_regel(rij: Rij) -> csv_invoer.Regel:
    return csv_invoer.Regel(
        nummer=rij.nummer,
        verwijzing=rij.verwijzing,
        week=date.fromisoformat(rij.week),
        uren=rij.uren_decimaal(),
        opmerking=rij.opmerking,
    )


def opslaan(rijen: list[Rij], *, door, bron: str, upload: CsvUpload | None = None) -> int:
    """Store the rows that are new or a correction (the caller holds the transaction)."""
    per_uuid = {
        str(v.uuid): v for v in verwijzingen_voor(door).filter(uuid__in=[r.verwijzing for r in rijen])
    }
    aantal = 0
    for rij in rijen:
        if not rij.wordt_opgeslagen:
            continue
        uren = rij.uren_decimaal()
        uitkomst = weekrapportage_vastleggen(
            verwijzing=per_uuid[rij.verwijzing],
            week=date.fromisoformat(rij.week),
            opmerking=rij.opmerking,
            bron=bron,
            door=door,
            upload=upload,
            **uren,
        )
        aantal += uitkomst.gewijzigd
    return aantal


def upload_bevestigen(*, upload: CsvUpload, door) -> int:
    """Step 2: store every good row of the preview, in one transaction. Returns how many
    reports were stored. Raises `UploadVeranderd` (nothing stored; the upload keeps the new
    check for a fresh preview) when a row would now get another result than the preview showed."""
    with transaction.atomic():
        upload = CsvUpload.objects.select_for_update().get(pk=upload.pk)
        if upload.door_id != door.pk:
            raise ValidationError({"__all__": ["Alleen wie het bestand uploadde kan het opslaan."]})
        if upload.opgeslagen_op is not None:
            raise ValidationError({"__all__": ["Deze upload is al opgeslagen."]})
        if upload.bestandsfouten:
            raise ValidationError(
                {"__all__": ["Dit bestand kan niet worden gelezen. Er is niets opgeslagen."]}
            )
        eerder = rijen_van(upload)
        goed = [r for r in eerder if not r.is_fout]
        opnieuw = beoordeel([_als_regel(r) for r in goed], door=door)
        veranderd = any(
            (oud.status, oud.fouten) != (nieuw.status, nieuw.fouten)
            for oud, nieuw in zip(goed, opnieuw, strict=True)
        )
        if not veranderd:
            aantal = opslaan(goed, door=door, bron=Bron.CSV, upload=upload)
            upload.opgeslagen_op = timezone.now()
            upload.aantal_opgeslagen = aantal
            upload.save(update_fields=["opgeslagen_op", "aantal_opgeslagen"])
            return aantal
    vervangen = {r.nummer: r for r in opnieuw}
    upload.regels = [asdict(vervangen.get(r.nummer, r)) for r in eerder]
    upload.save(update_fields=["regels"])
    raise UploadVeranderd(
        "Sinds het voorbeeld is er iets veranderd (bijvoorbeeld een andere melding of een afgesloten"
        " verwijzing). Er is niets opgeslagen. Bekijk het nieuwe voorbeeld en kies opnieuw Opslaan."
    )

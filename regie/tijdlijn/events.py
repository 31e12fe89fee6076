"""Every kind of entry on a case's timeline, one named function each.

Services call these inside their transaction, so a change and its record are
stored together or not at all. `_schrijf` also writes the change to the processing log
(regie.verwerkingslog), in that same transaction.
"""

from django.utils import timezone

from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog
from regie.verwerkingslog.models import Actie

# Per kind of entry: what the processing log records (actie, onderdeel).
VERWERKING = {
    "geregistreerd": (Actie.AANMAKEN, "dossier"),
    "gegevens_gewijzigd": (Actie.WIJZIGEN, "dossier"),
    "status_gewijzigd": (Actie.WIJZIGEN, "dossier"),
    "consulent_toegewezen": (Actie.WIJZIGEN, "dossier"),
    "brede_intake": (Actie.WIJZIGEN, "brede intake"),
    "afspraak": (Actie.WIJZIGEN, "afspraak"),
    "pip_vastgesteld": (Actie.AANMAKEN, "pip"),
}


def _schrijf(
    inburgeraar, door, soort: str, omschrijving: str, *, _actie=None, _velden=None, **gegevens
) -> Gebeurtenis:
    """The timeline entry and its processing-log entry. `_velden` ({field: [old, new]})
    for the log when the entry's `gegevens` do not hold the change as such."""
    gebeurtenis = Gebeurtenis.objects.create(
        inburgeraar=inburgeraar,
        door=door,
        soort=soort,
        omschrijving=omschrijving,
        gegevens=gegevens,
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
    return _schrijf(inburgeraar, door, "geregistreerd", f"{inburgeraar.naam} is geregistreerd")


def gegevens_gewijzigd(inburgeraar, door, wijzigingen: dict[str, tuple]) -> Gebeurtenis:
    """`wijzigingen` maps a field's label to (old, new)."""
    velden = ", ".join(wijzigingen)
    return _schrijf(
        inburgeraar,
        door,
        "gegevens_gewijzigd",
        f"Gegevens gewijzigd: {velden}",
        wijzigingen={veld: [_tekst(oud), _tekst(nieuw)] for veld, (oud, nieuw) in wijzigingen.items()},
    )


def status_gewijzigd(inburgeraar, door, van: str, naar: str, reden: str, toelichting: str) -> Gebeurtenis:
    from regie.inburgeraars.status import EindeReden, Status

    omschrijving = f"Status van '{Status(van).label}' naar '{Status(naar).label}'"
    if reden:
        omschrijving += f" ({EindeReden(reden).label})"
    return _schrijf(
        inburgeraar,
        door,
        "status_gewijzigd",
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
        "consulent_toegewezen",
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
        "brede_intake",
        "Brede intake bijgewerkt: " + ", ".join(velden),
        # Only the names of the changed fields: special data stays out of the log.
        _velden={veld: ["(gewijzigd)", "(gewijzigd)"] for veld in velden},
        velden=velden,
    )


def diploma_toegevoegd(inburgeraar, door, diploma) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        "brede_intake",
        f"Diploma toegevoegd aan de brede intake: {diploma.naam}",
        _actie=Actie.AANMAKEN,
        _velden={"diploma": [None, diploma.pk]},
        diploma=diploma.pk,
    )


def diploma_verwijderd(inburgeraar, door, naam: str) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        "brede_intake",
        f"Diploma verwijderd uit de brede intake: {naam}",
        _actie=Actie.VERWIJDEREN,
        _velden={"diploma": [naam, None]},
    )


def afspraak_gepland(inburgeraar, door, afspraak) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        "afspraak",
        f"Afspraak brede intake gepland op {_tijd(afspraak.begint_op)} ({afspraak.locatie})",
        _actie=Actie.AANMAKEN,
        _velden={"afspraak": [None, afspraak.pk]},
        afspraak=afspraak.pk,
    )


def afspraak_bijgewerkt(inburgeraar, door, afspraak) -> Gebeurtenis:
    return _schrijf(
        inburgeraar,
        door,
        "afspraak",
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
    )
    return _schrijf(
        inburgeraar,
        door,
        "pip_vastgesteld",
        omschrijving,
        _velden={"pip": [None, pip.pk], "versie": [None, pip.versie]},
        pip=pip.pk,
        reden=pip.reden,
    )

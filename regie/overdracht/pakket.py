"""The hand-over package: one small function per section, so a section is added in one place
(a function here, a property in the schema).

What is in it and what is left out, and why: regie/wet/overdracht.py. The result is plain JSON
(dates as ISO text) and validates against the published schema (regie/overdracht/schema.py).
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from regie.handhaving.models import Bezwaar, BoeteStatus
from regie.handhaving.selectors import boetes_van, waarschuwingen_van
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import dagtekening_eerste_pip, termijnen_voor
from regie.intake.models import BredeIntake
from regie.pip.models import Pip
from regie.trajecten.models import OPEN_STATUSSEN
from regie.voortgang.selectors import totalen
from regie.wet.overdracht import HUIDIGE_SCHEMA_VERSIE, UITGESLOTEN

SOORT = "overdrachtspakket-inburgering"


def _datum(waarde: date | datetime | None) -> str | None:
    return waarde.isoformat() if waarde else None


def _uren(waarde: Decimal | None) -> float:
    return float(waarde or 0)


def persoon(inburgeraar: Inburgeraar) -> dict:
    return {
        "bsn": inburgeraar.bsn,
        "voornamen": inburgeraar.voornamen,
        "tussenvoegsel": inburgeraar.tussenvoegsel,
        "geslachtsnaam": inburgeraar.geslachtsnaam,
        "geboortedatum": _datum(inburgeraar.geboortedatum),
        "doelgroep": inburgeraar.doelgroep,
    }


def _pips(inburgeraar: Inburgeraar) -> list[Pip]:
    # Cached on the case for this build: three sections read the PIPs.
    if not hasattr(inburgeraar, "_overdracht_pips"):
        inburgeraar._overdracht_pips = list(inburgeraar.pips.order_by("-versie"))
    return inburgeraar._overdracht_pips


def leerroute(inburgeraar: Inburgeraar) -> dict:
    """Wi 15 lid 4: the leerroute stays after a move: the current PIP's, else the one this
    municipality received from the municipality before it."""
    pips = _pips(inburgeraar)
    if pips:
        return {"leerroute": pips[0].leerroute, "bron": "pip"}
    if inburgeraar.leerroute_vorige_gemeente:
        return {"leerroute": inburgeraar.leerroute_vorige_gemeente, "bron": "vorige_gemeente"}
    return {"leerroute": None, "bron": None}


def termijn(inburgeraar: Inburgeraar) -> dict:
    """Wi 11 lid 3: the termijn keeps running from the first PIP's dagtekening, wherever it was."""
    return {
        "datum_melding_duo": _datum(inburgeraar.datum_melding_duo),
        "dagtekening_eerste_pip": _datum(dagtekening_eerste_pip(inburgeraar)),
        "einde_termijn_duo": _datum(inburgeraar.einde_termijn_duo),
        "termijnen": [
            {
                "soort": t.soort.value,
                "naam": t.soort.label,
                "datum": _datum(t.datum),
                "grondslag": t.grondslag,
            }
            for t in termijnen_voor(inburgeraar)
        ],
    }


def _pip_versie(pip: Pip) -> dict:
    return {
        "versie": pip.versie,
        "dagtekening": _datum(pip.dagtekening),
        "leerroute": pip.leerroute,
        "taalniveau": pip.taalniveau,
        "alfabetisering": pip.alfabetisering,
        "mag_opleiding_afmaken": pip.mag_opleiding_afmaken,
        "pvt": pip.pvt,
        "map": pip.map,
        "maatschappelijke_begeleiding": pip.maatschappelijke_begeleiding,
        "geschatte_intensiteit_uren": pip.geschatte_intensiteit_uren,
        "aantal_voortgangsgesprekken": pip.aantal_voortgangsgesprekken,
        "participatie_activiteiten": pip.participatie_activiteiten,
        "tolk": pip.tolk,
        "reden": pip.reden,
    }


def pip(inburgeraar: Inburgeraar) -> dict:
    """The current PIP and every earlier version, newest first (VVE for the children is left
    out: it concerns the household, regie/wet/overdracht.py)."""
    pips = _pips(inburgeraar)
    return {"huidige_versie": pips[0].versie if pips else None, "versies": [_pip_versie(p) for p in pips]}


def intake(inburgeraar: Inburgeraar) -> dict | None:
    """A summary of the brede intake without health, household or money (AVG art. 9 and need-to-know)."""
    gevonden = BredeIntake.objects.filter(inburgeraar=inburgeraar).first()
    if gevonden is None:
        return None
    return {
        "afgerond_op": _datum(gevonden.afgerond_op),
        "leerbaarheidstoets_resultaat": gevonden.leerbaarheidstoets_resultaat,
        "opleidingsniveau": gevonden.opleidingsniveau,
        "jaren_onderwijs": gevonden.jaren_onderwijs,
        "taalniveau": {
            "lezen": gevonden.taalniveau_lezen,
            "luisteren": gevonden.taalniveau_luisteren,
            "spreken": gevonden.taalniveau_spreken,
            "schrijven": gevonden.taalniveau_schrijven,
        },
        "werkervaring": gevonden.werkervaring,
        "wensen_en_motivatie": gevonden.wensen_en_motivatie,
        "mogelijkheden_werk": gevonden.mogelijkheden_werk,
        "mogelijkheden_participatie": gevonden.mogelijkheden_participatie,
    }


def verwijzingen(inburgeraar: Inburgeraar) -> list[dict]:
    """Running referrals (sent, accepted or started) with the attendance the provider reported."""
    lopend = inburgeraar.verwijzingen.filter(status__in=OPEN_STATUSSEN).select_related("contract__aanbieder")
    uit = []
    for verwijzing in lopend.order_by("verzonden_op", "id"):
        uren = totalen(verwijzing)
        uit.append(
            {
                "onderdeel": verwijzing.onderdeel,
                "aanbieder": verwijzing.contract.aanbieder.naam,
                "status": verwijzing.status,
                "verzonden_op": _datum(verwijzing.verzonden_op),
                "startdatum": _datum(verwijzing.startdatum),
                "aanwezigheid": {
                    "uren_aangeboden": _uren(uren["aangeboden"]),
                    "uren_gevolgd": _uren(uren["gevolgd"]),
                    "uren_ongeoorloofd_afwezig": _uren(uren["ongeoorloofd"]),
                },
            }
        )
    return uit


def waarschuwingen(inburgeraar: Inburgeraar) -> list[dict]:
    return [
        {
            "aanleiding": w.aanleiding,
            "datum": _datum(w.datum),
            "status": w.status,
            "verzonden_op": _datum(w.verzonden_op),
            "omschrijving": w.omschrijving,
        }
        for w in waarschuwingen_van(inburgeraar)
    ]


# Only decided fines that stand: they count for the repeat and the cap of the termijn, which runs on
# after the move (Wi 11 lid 3). A fine still in procedure stays with the previous municipality.
_GEDEELDE_BOETES = (BoeteStatus.OPGELEGD, BoeteStatus.BETAALD)


def boetes(inburgeraar: Inburgeraar) -> list[dict]:
    return [
        {
            "grond": b.grond,
            "pleegdatum": _datum(b.pleegdatum),
            "dagtekening": _datum(b.dagtekening),
            "bedrag_centen": b.bedrag_centen,
            "status": b.status,
            "bezwaar": _bezwaar(b),
        }
        for b in boetes_van(inburgeraar).filter(status__in=_GEDEELDE_BOETES)
    ]


def _bezwaar(boete) -> str | None:
    """The objection's outcome, 'lopend' while undecided, None without an objection."""
    try:
        return boete.bezwaar.uitkomst or "lopend"
    except Bezwaar.DoesNotExist:
        return None


def contact(inburgeraar: Inburgeraar) -> dict:
    consulent = inburgeraar.consulent
    return {
        "consulent": consulent.get_full_name() or consulent.get_username() if consulent else None,
        "email": (consulent.email or None) if consulent else None,
        "gemeente": inburgeraar.gemeente.naam,
        "organisatie": inburgeraar.gemeente.organisatie.naam,
    }


# The sections in the order of the package; add a section here and in the schema.
SECTIES: tuple[tuple[str, Callable[[Inburgeraar], object]], ...] = (
    ("persoon", persoon),
    ("leerroute", leerroute),
    ("termijn", termijn),
    ("pip", pip),
    ("intake", intake),
    ("verwijzingen", verwijzingen),
    ("waarschuwingen", waarschuwingen),
    ("boetes", boetes),
    ("contact", contact),
)


def bouw_pakket(inburgeraar: Inburgeraar, *, naar_gemeente_naam: str, naar_cbs_code: str = "") -> dict:
    """The package for the new municipality, as plain JSON."""
    pakket = {
        "schema_versie": HUIDIGE_SCHEMA_VERSIE,
        "soort": SOORT,
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "van": {
            "gemeente": inburgeraar.gemeente.naam,
            "cbs_code": inburgeraar.gemeente.cbs_code,
            "organisatie": inburgeraar.gemeente.organisatie.naam,
        },
        "naar": {"gemeente": naar_gemeente_naam, "cbs_code": naar_cbs_code or None},
    }
    for naam, sectie in SECTIES:
        pakket[naam] = sectie(inburgeraar)
    pakket["niet_gedeeld"] = [{"onderdeel": o.naam, "waarom": o.waarom} for o in UITGESLOTEN]
    return pakket

"""Worklist signals: which cases need attention now, and how urgently.

These are product rules, not rules of the law: they use the legal deadlines that
`regie.wet.termijnen` computes and decide when to warn about them. Pure functions of
their arguments (no database), so every boundary can be tested on its own.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.utils import timezone

from regie.inburgeraars.status import ACTIEF, Status
from regie.wet.perioden import laatste_dag
from regie.wet.termijnen import Soort, Termijn, datum_tekst, verlenging_aanvragen_vanaf

PIP_SIGNAAL_DAGEN = 14  # warn two weeks before the PIP deadline
INACTIEF_DAGEN = 42  # six weeks without any entry on the timeline

# Until a PIP is decided the PIP deadline and the intake appointment matter.
VOOR_PIP = frozenset({Status.AANGEMELD, Status.BREDE_INTAKE})


class Ernst(StrEnum):
    URGENT = "urgent"
    LET_OP = "let_op"
    INFO = "info"

    @property
    def label(self) -> str:
        return {Ernst.URGENT: "Urgent", Ernst.LET_OP: "Let op", Ernst.INFO: "Info"}[self]

    @property
    def volgorde(self) -> int:
        return {Ernst.URGENT: 0, Ernst.LET_OP: 1, Ernst.INFO: 2}[self]


class Code(StrEnum):
    PIP_TERMIJN_VERSTREKEN = "pip_termijn_verstreken"
    PIP_TERMIJN_BIJNA = "pip_termijn_bijna"
    GEEN_INTAKEAFSPRAAK = "geen_intakeafspraak"
    INBURGERINGSTERMIJN_VERSTREKEN = "inburgeringstermijn_verstreken"
    INBURGERINGSTERMIJN_BIJNA = "inburgeringstermijn_bijna"
    GEEN_ACTIVITEIT = "geen_activiteit"
    ONGEOORLOOFD_AFWEZIG = "ongeoorloofd_afwezig"
    GEEN_RAPPORTAGE = "geen_rapportage"
    GEEN_VOORTGANG = "geen_voortgang"
    VERWIJZING_NIET_GEACCEPTEERD = "verwijzing_niet_geaccepteerd"

    @property
    def label(self) -> str:
        return CODE_LABELS[self]


# Short names for the filter on the worklist.
CODE_LABELS = {
    Code.PIP_TERMIJN_VERSTREKEN: "PIP te laat",
    Code.PIP_TERMIJN_BIJNA: "PIP binnen 2 weken",
    Code.GEEN_INTAKEAFSPRAAK: "Nog geen intakeafspraak",
    Code.INBURGERINGSTERMIJN_VERSTREKEN: "Inburgeringstermijn voorbij",
    Code.INBURGERINGSTERMIJN_BIJNA: "Inburgeringstermijn eindigt binnen 6 maanden",
    Code.GEEN_ACTIVITEIT: "6 weken geen activiteit",
    Code.ONGEOORLOOFD_AFWEZIG: "Veel ongeoorloofd afwezig",
    Code.GEEN_RAPPORTAGE: "Geen rapportage van de aanbieder",
    Code.GEEN_VOORTGANG: "Lang geen voortgangsmeting",
    Code.VERWIJZING_NIET_GEACCEPTEERD: "Verwijzing niet geaccepteerd",
}

# What a progress talk or warning started from a signal records as its reason.
SIGNAAL_AANLEIDINGEN = {
    Code.ONGEOORLOOFD_AFWEZIG.value: "Signaal: veel ongeoorloofd afwezig bij de cursus",
    Code.GEEN_RAPPORTAGE.value: "Signaal: geen rapportage van de aanbieder",
    Code.GEEN_VOORTGANG.value: "Signaal: lang geen voortgangsmeting",
    Code.VERWIJZING_NIET_GEACCEPTEERD.value: "Signaal: verwijzing niet geaccepteerd",
}


@dataclass(frozen=True)
class Signaal:
    code: Code
    tekst: str
    ernst: Ernst
    link: str = ""  # where the consultant acts on it (the case's Voortgang tab), if anywhere


def _dagen(aantal: int) -> str:
    return f"{aantal} dag" if aantal == 1 else f"{aantal} dagen"


def _termijn(termijnen: list[Termijn], soort: Soort) -> Termijn | None:
    return next((t for t in termijnen if t.soort == soort), None)


def _als_datum(moment: datetime | date) -> date:
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.date()
    return moment


def signalen(
    *,
    termijnen: list[Termijn],
    heeft_intakeafspraak: bool,
    laatste_activiteit: datetime | date | None,
    status: Status | str,
    vandaag: date,
) -> list[Signaal]:
    """The signals of one active case, most severe first. A closed case has none."""
    status = Status(status)
    if status not in ACTIEF:
        return []
    resultaat: list[Signaal] = []

    pip = _termijn(termijnen, Soort.PIP_VASTSTELLEN)
    if pip is not None and status in VOOR_PIP:
        over = (pip.datum - vandaag).days
        if over < 0:
            resultaat.append(
                Signaal(
                    Code.PIP_TERMIJN_VERSTREKEN,
                    f"Het PIP had uiterlijk {datum_tekst(pip.datum)} vastgesteld moeten zijn"
                    f" ({_dagen(-over)} te laat).",
                    Ernst.URGENT,
                )
            )
        elif over == 0:
            resultaat.append(
                Signaal(Code.PIP_TERMIJN_BIJNA, "Het PIP moet vandaag vastgesteld worden.", Ernst.URGENT)
            )
        elif over <= PIP_SIGNAAL_DAGEN:
            resultaat.append(
                Signaal(
                    Code.PIP_TERMIJN_BIJNA,
                    f"Stel het PIP uiterlijk {datum_tekst(pip.datum)} vast (nog {_dagen(over)}).",
                    Ernst.URGENT,
                )
            )

    if status in VOOR_PIP and not heeft_intakeafspraak:
        resultaat.append(
            Signaal(
                Code.GEEN_INTAKEAFSPRAAK,
                "Er is nog geen afspraak voor de brede intake.",
                Ernst.LET_OP,
            )
        )

    einde = _termijn(termijnen, Soort.INBURGERINGSTERMIJN)
    if einde is not None:
        if einde.datum < vandaag:
            resultaat.append(
                Signaal(
                    Code.INBURGERINGSTERMIJN_VERSTREKEN,
                    f"De inburgeringstermijn is voorbij sinds {datum_tekst(einde.datum)}.",
                    Ernst.URGENT,
                )
            )
        # From the day an extension may be asked (Wi 12 jo. Bi 4.1: 6 months before the end), so
        # the warning comes exactly when the consultant can act on it.
        elif vandaag >= verlenging_aanvragen_vanaf(einde.datum).datum:
            resultaat.append(
                Signaal(
                    Code.INBURGERINGSTERMIJN_BIJNA,
                    f"De inburgeringstermijn eindigt op {datum_tekst(einde.datum)}"
                    f" (nog {_dagen((einde.datum - vandaag).days)}). Is verlenging bij DUO nodig?",
                    Ernst.LET_OP,
                )
            )

    if laatste_activiteit is not None:
        stil = (vandaag - _als_datum(laatste_activiteit)).days
        if stil >= INACTIEF_DAGEN:
            resultaat.append(
                Signaal(
                    Code.GEEN_ACTIVITEIT,
                    f"Al {_dagen(stil)} niets vastgelegd in dit dossier.",
                    Ernst.INFO,
                )
            )

    return sorted(resultaat, key=lambda s: s.ernst.volgorde)


def relevante_termijnen(termijnen: list[Termijn], status: Status | str) -> list[Termijn]:
    """The deadlines that still ask something of the consultant in this status."""
    status = Status(status)
    if status not in ACTIEF:
        return []
    return [t for t in termijnen if t.soort != Soort.PIP_VASTSTELLEN or status in VOOR_PIP]


def volgende_termijn(termijnen: list[Termijn], status: Status | str, vandaag: date) -> Termijn | None:
    """The nearest deadline that still counts. A passed PIP deadline or a passed end of the
    termijn keeps counting (something must still happen); a passed 'leerroute wijzigen' or
    'verlenging aanvragen vanaf' date does not."""
    blijven_staan = {Soort.PIP_VASTSTELLEN, Soort.INBURGERINGSTERMIJN}
    open_ = [
        t for t in relevante_termijnen(termijnen, status) if t.datum >= vandaag or t.soort in blijven_staan
    ]
    return min(open_, key=lambda t: t.datum, default=None)


def pip_termijn_verstreken(termijnen: list[Termijn], status: Status | str, vandaag: date) -> bool:
    pip = _termijn(relevante_termijnen(termijnen, status), Soort.PIP_VASTSTELLEN)
    return pip is not None and pip.datum < vandaag


def urgentie_sleutel(termijnen: list[Termijn], status: Status | str, vandaag: date) -> tuple:
    """Sort key: a passed PIP deadline first, then the nearest deadline; no deadline last."""
    volgende = volgende_termijn(termijnen, status, vandaag)
    return (
        0 if pip_termijn_verstreken(termijnen, status, vandaag) else 1,
        volgende.datum if volgende else date.max,
    )


# --- Signals about the trajectory (issue 5): attendance, reports, progress, referrals --------


@dataclass(frozen=True)
class Drempels:
    """When a trajectory signal shows. Policy of the municipality, set in settings
    (REGIE_SIGNAAL_*, see README); the defaults are those of the issue."""

    afwezig_aandeel: float = 0.20  # share of offered hours missed without a valid reason
    afwezig_weken: int = 4  # ... over this many weeks
    geen_rapportage_weken: int = 3
    geen_voortgang_maanden: int = 6
    niet_geaccepteerd_dagen: int = 14


@dataclass(frozen=True)
class Trajectstand:
    """What the trajectory signals of one case need, all read in the worklist's one query.

    `ongeoorloofd_uren` / `aangeboden_uren`: sums over the current weekly reports of the last
    `afwezig_weken` weeks. `oudste_rapportage`: of the referrals a provider reports on (accepted
    or started), the oldest 'last report' (the start when nothing was reported yet).
    `laatste_voortgang`: the last progress measurement, or the start of the first started
    referral when there is none. `oudste_onbeantwoord`: the oldest date a still unanswered
    referral was sent."""

    ongeoorloofd_uren: float | None = None
    aangeboden_uren: float | None = None
    oudste_rapportage: date | None = None
    laatste_voortgang: date | None = None
    oudste_onbeantwoord: date | None = None


def _procent(aandeel: float) -> str:
    return f"{round(aandeel * 100)} %"


def trajectsignalen(
    stand: Trajectstand,
    *,
    status: Status | str,
    vandaag: date,
    drempels: Drempels = Drempels(),
    voortgang_url: str = "",
) -> list[Signaal]:
    """The signals about the course of an active case. Each text says what to do; each links to
    the case's Voortgang tab (with the signal, so a talk or warning started there names it)."""
    if Status(status) not in ACTIEF:
        return []

    def link(code: Code) -> str:
        return f"{voortgang_url}?signaal={code.value}" if voortgang_url else ""

    resultaat: list[Signaal] = []
    if stand.aangeboden_uren and stand.ongeoorloofd_uren is not None:
        aandeel = stand.ongeoorloofd_uren / stand.aangeboden_uren
        if aandeel > drempels.afwezig_aandeel:
            code = Code.ONGEOORLOOFD_AFWEZIG
            resultaat.append(
                Signaal(
                    code,
                    f"{_procent(aandeel)} van de lesuren ongeoorloofd afwezig in de laatste"
                    f" {drempels.afwezig_weken} weken (grens {_procent(drempels.afwezig_aandeel)})."
                    " Plan een voortgangsgesprek; daarna kunt u het PIP aanpassen of een waarschuwing starten.",
                    Ernst.LET_OP,
                    link(code),
                )
            )
    grens = vandaag - timedelta(weeks=drempels.geen_rapportage_weken)
    if stand.oudste_rapportage is not None and stand.oudste_rapportage < grens:
        code = Code.GEEN_RAPPORTAGE
        resultaat.append(
            Signaal(
                code,
                f"Een aanbieder heeft sinds {datum_tekst(stand.oudste_rapportage)} niets gerapporteerd"
                f" (meer dan {drempels.geen_rapportage_weken} weken). Vraag de aanbieder om de aanwezigheid"
                " door te geven.",
                Ernst.LET_OP,
                link(code),
            )
        )
    if (
        stand.laatste_voortgang is not None
        and laatste_dag(stand.laatste_voortgang + timedelta(days=1), maanden=drempels.geen_voortgang_maanden)
        < vandaag
    ):
        code = Code.GEEN_VOORTGANG
        resultaat.append(
            Signaal(
                code,
                f"Geen voortgangsmeting sinds {datum_tekst(stand.laatste_voortgang)} (meer dan"
                f" {drempels.geen_voortgang_maanden} maanden). Vraag een meting bij de aanbieder op en bespreek"
                " de voortgang in een gesprek.",
                Ernst.LET_OP,
                link(code),
            )
        )
    grens = vandaag - timedelta(days=drempels.niet_geaccepteerd_dagen)
    if stand.oudste_onbeantwoord is not None and stand.oudste_onbeantwoord <= grens:
        code = Code.VERWIJZING_NIET_GEACCEPTEERD
        resultaat.append(
            Signaal(
                code,
                f"Een verwijzing van {datum_tekst(stand.oudste_onbeantwoord)} is na"
                f" {_dagen((vandaag - stand.oudste_onbeantwoord).days)} nog niet geaccepteerd. Neem contact op"
                " met de aanbieder, of verwijs naar een andere aanbieder.",
                Ernst.LET_OP,
                link(code),
            )
        )
    return resultaat

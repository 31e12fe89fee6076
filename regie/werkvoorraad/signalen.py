"""Worklist signals: which cases need attention now, and how urgently.

These are product rules, not rules of the law: they use the legal deadlines that
`regie.wet.termijnen` computes and decide when to warn about them. Pure functions of
their arguments (no database), so every boundary can be tested on its own.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from regie.inburgeraars.status import ACTIEF, Status
from regie.wet.termijnen import Soort, Termijn, datum_tekst

PIP_SIGNAAL_DAGEN = 14  # warn two weeks before the PIP deadline
TERMIJN_SIGNAAL_MAANDEN = 6  # warn six months before the inburgeringstermijn ends
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
}


@dataclass(frozen=True)
class Signaal:
    code: Code
    tekst: str
    ernst: Ernst


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
        elif einde.datum <= vandaag + relativedelta(months=TERMIJN_SIGNAAL_MAANDEN):
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

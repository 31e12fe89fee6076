"""Legal deadlines of a case, each with the date, the article and how it was computed.

A deadline's `datum` is always the last day that still counts as on time.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from regie.wet.werkdagen import eerstvolgende_werkdag, soort_vrije_dag

PIP_WEKEN = 10  # Bi 5.3 lid 1
INBURGERINGSTERMIJN_JAREN = 3  # Wi 11 lid 1
LEERROUTE_WIJZIGEN_MAANDEN = 18  # Bi 5.4: the first 1.5 years of the termijn
VERLENGING_AANVRAGEN_MAANDEN = 6  # Wi 12 jo. Bi 4.1: at most 6 months before the end


class Soort(StrEnum):
    """The kinds of deadline of a case; each is computed by the function of the same name."""

    PIP_VASTSTELLEN = "pip_vaststellen"
    INBURGERINGSTERMIJN = "inburgeringstermijn"
    LEERROUTE_WIJZIGEN = "leerroute_wijzigen"
    VERLENGING_AANVRAGEN_VANAF = "verlenging_aanvragen_vanaf"

    @property
    def label(self) -> str:
        """The Dutch name shown on pages (no rule of law)."""
        return {
            Soort.PIP_VASTSTELLEN: "PIP vaststellen uiterlijk",
            Soort.INBURGERINGSTERMIJN: "Einde inburgeringstermijn",
            Soort.LEERROUTE_WIJZIGEN: "Leerroute wijzigen uiterlijk",
            Soort.VERLENGING_AANVRAGEN_VANAF: "Verlenging aanvragen bij DUO vanaf",
        }[self]


@dataclass(frozen=True)
class Termijn:
    """One deadline: the last day that is on time, the article(s) it rests on
    (`grondslag`) and a Dutch sentence that explains how the date was found."""

    soort: Soort
    datum: date
    grondslag: str
    toelichting: str


def datum_tekst(dag: date) -> str:
    """A date as Dutch text, e.g. "5 mei 2026" (formatting only, no rule of law)."""
    maanden = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{dag.day} {maanden[dag.month - 1]} {dag.year}"


def _na_periode(dagtekening: date, periode: relativedelta) -> date:
    """Last day of a period that starts the day after `dagtekening` (Wi 11 lid 2).

    Regie counts a period in months or years the way Verordening (EEG, Euratom)
    1182/71 art. 3 lid 2 onder c does: it ends on the same calendar date as the
    dagtekening, `periode` later; when that month has no such date, on the last day
    of that month (dagtekening 31 August + 18 months = 28 or 29 February).
    """
    return dagtekening + periode


def pip_vaststellen(datum_melding_duo: date | None, datum_inschrijving_brp: date | None) -> Termijn | None:
    """Bi 5.3 lid 1: the PIP is decided within 10 weeks after DUO's notice, or after
    registration in the BRP of the municipality when that is later. Atw art. 1 moves
    a last day on a weekend day or feestdag to the next working day."""
    if datum_melding_duo is None and datum_inschrijving_brp is None:
        return None
    bekend = [d for d in (datum_melding_duo, datum_inschrijving_brp) if d is not None]
    start = max(bekend)
    if (
        datum_inschrijving_brp is not None
        and start == datum_inschrijving_brp
        and (datum_melding_duo is None or datum_inschrijving_brp > datum_melding_duo)
    ):
        vanaf = f"de inschrijving in de BRP op {datum_tekst(start)}"
        if datum_melding_duo is not None:
            vanaf += f" (later dan de melding van DUO op {datum_tekst(datum_melding_duo)})"
    else:
        vanaf = f"de melding van DUO op {datum_tekst(start)}"
    tien_weken = start + timedelta(weeks=PIP_WEKEN)
    uiterlijk = eerstvolgende_werkdag(tien_weken)
    toelichting = f"{PIP_WEKEN} weken na {vanaf} is {datum_tekst(tien_weken)}."
    if uiterlijk != tien_weken:
        toelichting += (
            f" Die dag is {soort_vrije_dag(tien_weken)}. Volgens de Algemene termijnenwet loopt de termijn"
            f" dan door tot en met de eerstvolgende werkdag: {datum_tekst(uiterlijk)}."
        )
    return Termijn(
        Soort.PIP_VASTSTELLEN,
        uiterlijk,
        "Besluit inburgering 2021, art. 5.3 lid 1; Algemene termijnenwet, art. 1",
        toelichting,
    )


def termijn_start(dagtekening_eerste_pip: date) -> date:
    """Wi 11 lid 2: the termijn starts the day after the dagtekening of the first PIP."""
    return dagtekening_eerste_pip + timedelta(days=1)


def inburgeringstermijn(dagtekening_eerste_pip: date) -> Termijn:
    """Wi 11 lid 1 and 2: three years, from the day after the dagtekening of the first
    PIP. Wi 11 lid 3: a later PIP (also after a move) does not move the start, so the
    caller passes the dagtekening of the first PIP ever decided.

    The last day is the dagtekening's calendar date three years later (see
    `_na_periode`): dagtekening 15 January 2024 -> start 16 January 2024 -> last day
    15 January 2027; dagtekening 29 February 2024 -> last day 28 February 2027. The
    Algemene termijnenwet does not move it: the Atw leaves terms longer than three
    months alone (Atw art. 4)."""
    einde = _na_periode(dagtekening_eerste_pip, relativedelta(years=INBURGERINGSTERMIJN_JAREN))
    return Termijn(
        Soort.INBURGERINGSTERMIJN,
        einde,
        "Wet inburgering 2021, art. 11 lid 1, 2 en 3",
        f"De termijn begint op de dag na de dagtekening van het eerste PIP ({datum_tekst(dagtekening_eerste_pip)}),"
        f" dus op {datum_tekst(termijn_start(dagtekening_eerste_pip))}, en duurt {INBURGERINGSTERMIJN_JAREN} jaar:"
        f" de laatste dag is {datum_tekst(einde)}. Een nieuw PIP, ook na een verhuizing, verandert dit niet.",
    )


def leerroute_wijzigen(dagtekening_eerste_pip: date) -> Termijn:
    """Bi 5.4: the leerroute can change in the first 1.5 years of the termijn
    (from the onderwijsroute to the B1-route also later: see regie.wet.leerroute).

    The termijn starts the day after the dagtekening of the first PIP (Wi 11 lid 2);
    the last day on which the route may still change is the dagtekening's calendar
    date 18 months later, on the month's last day when that date does not exist:
    dagtekening 31 August 2024 -> 28 February 2026; 31 August 2026 -> 29 February
    2028. No Atw shift: the window is longer than three months (Atw art. 4)."""
    uiterlijk = _na_periode(dagtekening_eerste_pip, relativedelta(months=LEERROUTE_WIJZIGEN_MAANDEN))
    return Termijn(
        Soort.LEERROUTE_WIJZIGEN,
        uiterlijk,
        "Besluit inburgering 2021, art. 5.4",
        f"De leerroute mag veranderen in de eerste anderhalf jaar van de inburgeringstermijn, die begon op"
        f" {datum_tekst(termijn_start(dagtekening_eerste_pip))}: tot en met {datum_tekst(uiterlijk)}."
        " Van de onderwijsroute naar de B1-route mag ook daarna.",
    )


def verlenging_aanvragen_vanaf(einde_termijn: date) -> Termijn:
    """Wi 12 jo. Bi 4.1: an extension is asked from DUO at most 6 months before the end.

    The termijn ends when its last day `einde_termijn` is over, so the request may go in
    from the day that lies 6 months before the day after it: last day 15 January 2027
    -> from 16 July 2026. When that day does not exist (6 months before 31 August),
    the first day of the next month counts (1 March), so the date shown is never
    more than 6 months before the end. The Algemene termijnenwet does not move a
    term counted backwards (Atw art. 1 lid 2).
    """
    na_einde = einde_termijn + timedelta(days=1)
    vanaf = na_einde - relativedelta(months=VERLENGING_AANVRAGEN_MAANDEN)
    if vanaf.day != na_einde.day:
        vanaf += timedelta(days=1)  # clamped to the month's last day: take the 1st of the next month
    return Termijn(
        Soort.VERLENGING_AANVRAGEN_VANAF,
        vanaf,
        "Wet inburgering 2021, art. 12; Besluit inburgering 2021, art. 4.1",
        f"Verlenging van de inburgeringstermijn vraagt u bij DUO aan, op zijn vroegst"
        f" {VERLENGING_AANVRAGEN_MAANDEN} maanden voor het einde. De laatste dag van de termijn is"
        f" {datum_tekst(einde_termijn)}, dus u kunt de verlenging aanvragen vanaf {datum_tekst(vanaf)}.",
    )


def termijnen(
    *,
    datum_melding_duo: date | None,
    datum_inschrijving_brp: date | None,
    dagtekening_eerste_pip: date | None,
) -> list[Termijn]:
    """Every deadline that can be computed from what is known of the case, in legal order.

    `dagtekening_eerste_pip` is the first PIP ever decided for the person, also by a
    previous municipality (Wi 11 lid 3); the PIP deadline after a move runs from the
    BRP registration in the new municipality (Bi 5.3).
    """
    resultaat = []
    pip = pip_vaststellen(datum_melding_duo, datum_inschrijving_brp)
    if pip is not None:
        resultaat.append(pip)
    if dagtekening_eerste_pip is not None:
        einde = inburgeringstermijn(dagtekening_eerste_pip)
        resultaat += [
            einde,
            leerroute_wijzigen(dagtekening_eerste_pip),
            verlenging_aanvragen_vanaf(einde.datum),
        ]
    return resultaat

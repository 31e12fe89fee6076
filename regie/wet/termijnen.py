"""Legal deadlines of a case, each with the date, the article and how it was computed.

A deadline's `datum` is always the last day that still counts as on time.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from regie.wet.perioden import laatste_dag, overeenkomstige_dag
from regie.wet.werkdagen import besluit_voor, eerstvolgende_werkdag, soort_vrije_dag

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


def pip_vaststellen(datum_melding_duo: date | None, datum_inschrijving_brp: date | None) -> Termijn | None:
    """Bi 5.3 lid 1: the PIP is decided within 10 weeks after DUO's notice, or after
    registration in the BRP of the municipality when that is later. Atw art. 1 moves
    a last day on a weekend day or feestdag to the next working day; when no Royal decree of
    Atw art. 3 lid 3 is recorded for the last day's year, the explanation says so."""
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
    if besluit_voor(uiterlijk.year) is None:
        toelichting += (
            f" Regie kent voor {uiterlijk.year} nog geen besluit dat dagen gelijkstelt met een feestdag"
            " (Algemene termijnenwet, art. 3 lid 3). Kijk in de Staatscourant of"
            f" {datum_tekst(uiterlijk)} zo'n dag is; dan loopt de termijn door tot de werkdag erna."
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


@dataclass(frozen=True)
class VerlengingDuo:
    """DUO's extension of the termijn (Wi 12): the new last day (already converted from DUO's
    exclusive `einddatum`), the day of DUO's notice and the ground as DUO names it."""

    laatste_dag: date
    bericht_van: date | None = None
    grond: str = ""


def inburgeringstermijn(dagtekening_eerste_pip: date, verlenging: VerlengingDuo | None = None) -> Termijn:
    """Wi 11 lid 1 and 2: three years, from the day after the dagtekening of the first
    PIP. Wi 11 lid 3: a later PIP (also after a move) does not move the start, so the
    caller passes the dagtekening of the first PIP ever decided.

    The last day is the day before the start day's date three years later
    (regie.wet.perioden): dagtekening 15 January 2024 -> start 16 January 2024 -> last day
    15 January 2027; dagtekening 30 April 2024 -> start 1 May 2024 -> last day 30 April 2027.
    The Algemene termijnenwet does not move it: a term of at least three months is outside the
    Atw (Atw art. 4 lid 1).

    Wi 12: once DUO has extended the termijn, DUO's end is the end: `verlenging` replaces the
    computed last day, and the explanation names both."""
    start = termijn_start(dagtekening_eerste_pip)
    berekend = laatste_dag(start, jaren=INBURGERINGSTERMIJN_JAREN)
    toelichting = (
        f"De termijn begint op de dag na de dagtekening van het eerste PIP ({datum_tekst(dagtekening_eerste_pip)}),"
        f" dus op {datum_tekst(start)}, en duurt {INBURGERINGSTERMIJN_JAREN} jaar:"
        f" de laatste dag is {datum_tekst(berekend)}. Een nieuw PIP, ook na een verhuizing, verandert dit niet."
    )
    if verlenging is None:
        return Termijn(
            Soort.INBURGERINGSTERMIJN, berekend, "Wet inburgering 2021, art. 11 lid 1, 2 en 3", toelichting
        )
    return Termijn(
        Soort.INBURGERINGSTERMIJN,
        verlenging.laatste_dag,
        "Wet inburgering 2021, art. 11 lid 1, 2 en 3; art. 12",
        f"{_verlengd(verlenging)} Zonder verlenging was de laatste dag {datum_tekst(berekend)}:"
        f" {INBURGERINGSTERMIJN_JAREN} jaar vanaf {datum_tekst(start)}, de dag na de dagtekening van het"
        " eerste PIP.",
    )


def inburgeringstermijn_volgens_duo(verlenging: VerlengingDuo) -> Termijn:
    """Wi 12: DUO extended the termijn, but Regie does not know the dagtekening of the first PIP
    (e.g. decided by a municipality before Regie was used): DUO's end is still the end."""
    return Termijn(
        Soort.INBURGERINGSTERMIJN,
        verlenging.laatste_dag,
        "Wet inburgering 2021, art. 12",
        f"{_verlengd(verlenging)} De dagtekening van het eerste PIP staat niet in Regie; vul die in bij het"
        " dossier als u hem kent.",
    )


def _verlengd(verlenging: VerlengingDuo) -> str:
    bericht = f", bericht van {datum_tekst(verlenging.bericht_van)}" if verlenging.bericht_van else ""
    grond = f" (grond: {verlenging.grond})" if verlenging.grond else ""
    return f"Verlengd door DUO tot en met {datum_tekst(verlenging.laatste_dag)}{bericht}{grond}."


def leerroute_wijzigen(dagtekening_eerste_pip: date) -> Termijn:
    """Bi 5.4: the leerroute can change in the first 1.5 years of the termijn
    (from the onderwijsroute to the B1-route also later: see regie.wet.leerroute).

    The termijn starts the day after the dagtekening of the first PIP (Wi 11 lid 2); the
    window is its first 18 months, counted as every period (regie.wet.perioden): start
    1 September 2024 -> last day 28 February 2026; start 1 September 2026 -> 29 February 2028;
    start 1 July 2024 -> 31 December 2025. A DUO extension (Wi 12) does not lengthen it. No Atw
    shift: the window is longer than three months (Atw art. 4 lid 1)."""
    start = termijn_start(dagtekening_eerste_pip)
    uiterlijk = laatste_dag(start, maanden=LEERROUTE_WIJZIGEN_MAANDEN)
    return Termijn(
        Soort.LEERROUTE_WIJZIGEN,
        uiterlijk,
        "Besluit inburgering 2021, art. 5.4",
        f"De leerroute mag veranderen in de eerste anderhalf jaar van de inburgeringstermijn, die begon op"
        f" {datum_tekst(start)}: tot en met {datum_tekst(uiterlijk)}."
        " Van de onderwijsroute naar de B1-route mag ook daarna.",
    )


def verlenging_aanvragen_vanaf(einde_termijn: date) -> Termijn:
    """Wi 12 jo. Bi 4.1: an extension is asked from DUO at most 6 months before the end.

    The termijn is over when its last day `einde_termijn` has passed, so the request may go in
    from the day 6 months before the day after it, counted as every period (regie.wet.perioden,
    the first of the next month when that date does not exist): last day 15 January 2027 ->
    from 16 July 2026; last day 28 February 2027 -> from 1 September 2026; last day 30 August
    2027 -> from 1 March 2027 (there is no 31 February). The Algemene termijnenwet does not move
    a term counted backwards (Atw art. 1 lid 2).
    """
    vanaf = overeenkomstige_dag(einde_termijn + timedelta(days=1), -VERLENGING_AANVRAGEN_MAANDEN)
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
    verlenging: VerlengingDuo | None = None,
) -> list[Termijn]:
    """Every deadline that can be computed from what is known of the case, in legal order.

    `dagtekening_eerste_pip` is the first PIP ever decided for the person, also by a
    previous municipality (Wi 11 lid 3); the PIP deadline after a move runs from the
    BRP registration in the new municipality (Bi 5.3). `verlenging` is DUO's extension of the
    termijn (Wi 12), when DUO reported one.
    """
    resultaat = []
    pip = pip_vaststellen(datum_melding_duo, datum_inschrijving_brp)
    if pip is not None:
        resultaat.append(pip)
    if dagtekening_eerste_pip is not None:
        einde = inburgeringstermijn(dagtekening_eerste_pip, verlenging)
        resultaat += [
            einde,
            leerroute_wijzigen(dagtekening_eerste_pip),
            verlenging_aanvragen_vanaf(einde.datum),
        ]
    elif verlenging is not None:
        einde = inburgeringstermijn_volgens_duo(verlenging)
        resultaat += [einde, verlenging_aanvragen_vanaf(einde.datum)]
    return resultaat

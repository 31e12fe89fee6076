"""The municipality's fine (bestuurlijke boete) under the Wet inburgering 2021: grounds, amounts,
repeat, moderation and the limits, in one table with the article next to every figure.

Grounds: not appearing at or not cooperating with the brede intake or the drafting of the PIP
after a written summons (Wi 22), and culpably not complying with the PIP (Wi 23). No fine where
the bijstand was already lowered for the same conduct (Wi 27, see `BOETEREGELS["wi27"]`).
Procedure (Awb): the fine is a belastende beschikking, so the person is heard first (Awb 4:8);
where the fine that *can* be imposed exceeds EUR 340 a report of the facts and a zienswijze are
compulsory (Awb 5:53), whatever the amount finally imposed. Moderation for special circumstances
(less culpability, small financial capacity) with the reason recorded (Awb 5:46 lid 2 and 3).

What was checked (December 2026, with the search tool over stored public pages; the texts of
wetten.overheid.nl for Wi BWBR0044770 and Bi BWBR0045555 chapter 7 could not be read here):
- EUR 250 for Wi 22 is a fixed amount set by law ("wettelijk gefixeerd bedrag, te weten
  EUR 250"), lowered only under Awb 5:46 lid 3: Schulinck, "Gefixeerde inburgeringsboete en de
  Algemene wet bestuursrecht" (secondary source);
- at most EUR 800 for a Wi 23 fine: Schulinck, "Samenloop tussen de nieuwe Wet inburgering en de
  Participatiewet" ("De hoogte van de boete bedraagt maximaal EUR 800"; secondary source);
- Awb 5:53 (EUR 340) and Awb 5:46: the Awb's own text (see regie.wet.artikelen).
NOT verified, taken from the domain reference and to be checked against Besluit inburgering 2021
chapter 7 before use in production: the EUR 50 starting amount of a Wi 23 fine, its doubling for
a repeat within twelve months, the EUR 2,400 cap per termijn, the moderation steps of 75, 50 and
25 %, and that Wi 27 is the article of the bijstand rule. Each is one entry of `BOETEREGELS`, so
a municipality's lawyer corrects one line.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Grond(StrEnum):
    BREDE_INTAKE_PIP = "wi22"
    PIP_NIET_NAKOMEN = "wi23"


# As a sentence continues after "De reden:"; a list shows them with a capital (Django's capfirst).
GROND_NAMEN = {
    Grond.BREDE_INTAKE_PIP: "niet verschenen of niet meegewerkt aan de brede intake of het opstellen van het PIP",
    Grond.PIP_NIET_NAKOMEN: "verwijtbaar niet nakomen van het PIP",
}


@dataclass(frozen=True)
class Regel:
    waarde: int
    artikel: str
    gecontroleerd: str  # "wettekst", "secundair: <bron>" or "niet geverifieerd: <waarom>"


NIET_GEVERIFIEERD = (
    "niet geverifieerd: domeinreferentie, te controleren in Besluit inburgering 2021 hoofdstuk 7"
)

# The one table. Amounts in cents, periods in months or weeks, percentages as whole numbers.
BOETEREGELS: dict[str, Regel] = {
    "wi22_bedrag": Regel(25_000, "Wi 22", "secundair: Schulinck, gefixeerde inburgeringsboete (EUR 250)"),
    "wi23_eerste": Regel(5_000, "Wi 23", NIET_GEVERIFIEERD),
    "wi23_maximum": Regel(80_000, "Wi 23", "secundair: Schulinck, samenloop Wi en Pw (maximaal EUR 800)"),
    "herhaling_maanden": Regel(12, "Wi 23", NIET_GEVERIFIEERD),
    "herhaling_factor": Regel(2, "Wi 23", NIET_GEVERIFIEERD),
    "maximum_per_termijn": Regel(240_000, "Wi 23", NIET_GEVERIFIEERD),
    "awb_553_grens": Regel(34_000, "Awb 5:53", "wettekst"),
    "betaaltermijn_weken": Regel(6, "Awb 4:87", "secundair: betaling binnen zes weken na de beschikking"),
    "wi27": Regel(0, "Wi 27", "niet geverifieerd: artikelnummer uit de domeinreferentie"),
}
# Moderation steps (Awb 5:46): the share of the amount that remains (the steps: not verified, see above).
MATIGINGEN = (100, 75, 50, 25)


class BoeteGeweigerd(ValueError):  # noqa: N818 - a refusal the user reads, not a programming error
    """The law does not allow this fine; `str()` is the Dutch message."""


def euro(centen: int) -> str:
    """EUR 1.234,50 as a Dutch reader writes it (formatting helper)."""
    hele, rest = divmod(centen, 100)
    return f"€ {hele:,}".replace(",", ".") + f",{rest:02d}"


def wettelijk_maximum(grond: Grond) -> int:
    """The highest fine that can be imposed for this ground, in cents: EUR 250 fixed (Wi 22),
    at most EUR 800 (Wi 23)."""
    return BOETEREGELS["wi22_bedrag" if grond == Grond.BREDE_INTAKE_PIP else "wi23_maximum"].waarde


def rapport_en_zienswijze_verplicht(grond: Grond) -> bool:
    """Awb 5:53: a report and a zienswijze are compulsory when the fine that can be imposed
    exceeds EUR 340 (the statutory maximum, not the amount imposed). For Wi 22 (EUR 250) Awb 4:8
    still asks for a zienswijze; Regie asks for both for every fine."""
    return wettelijk_maximum(grond) > BOETEREGELS["awb_553_grens"].waarde


def herhalingen(eerdere_pleegdata: list[date], pleegdatum: date) -> int:
    """How many earlier Wi 23 fines fell within twelve months before this conduct (Wi 23;
    repeat window not verified, see BOETEREGELS)."""
    venster = BOETEREGELS["herhaling_maanden"].waarde
    begin = _maanden_terug(pleegdatum, venster)
    return sum(1 for d in eerdere_pleegdata if begin <= d < pleegdatum)


def _maanden_terug(dag: date, maanden: int) -> date:
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    for d in range(dag.day, 0, -1):
        try:
            return date(jaar, maand, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Berekening:
    grond: Grond
    basis: int  # cents, before moderation
    matiging: int  # percentage that remains (100: none)
    bedrag: int  # cents, what is imposed
    uitleg: tuple[str, ...]  # plain Dutch lines, each with its article


def bereken(
    *,
    grond: Grond,
    pleegdatum: date,
    eerdere_pleegdata: list[date] = (),
    matiging: int = 100,
    matiging_reden: str = "",
    al_opgelegd_in_termijn: int = 0,
    bij_vorige_gemeente: int = 0,
    bijstand_verlaagd: bool = False,
) -> Berekening:
    """The amount of a fine (Wi 22, Wi 23), with its moderation (Awb 5:46) and the limits of the
    maximum per fine (Wi 23), the cap per termijn and Wi 27. Raises BoeteGeweigerd with the Dutch
    reason when the law allows no such fine.

    `bij_vorige_gemeente`: cents fined by the municipality the person moved from. The termijn runs on
    after a move (Wi 15 lid 4 keeps the leerroute, Wi 11 the termijn), so those fines count toward
    the same cap; pass their Wi 23 dates in `eerdere_pleegdata` for the repeat."""
    if bijstand_verlaagd:
        raise BoeteGeweigerd(
            "Geen boete: de bijstand is al verlaagd voor dezelfde gedraging (Wi 27). Neem een besluit 'geen boete'."
        )
    if matiging not in MATIGINGEN:
        keuzes = ", ".join(str(m) for m in MATIGINGEN[:-1]) + f" of {MATIGINGEN[-1]}"
        raise BoeteGeweigerd(f"Kies hoeveel van de boete overblijft: {keuzes} procent (Awb 5:46).")
    if matiging < 100 and not matiging_reden.strip():
        raise BoeteGeweigerd(
            "Schrijf op waarom de boete lager is, bijvoorbeeld minder verwijtbaar of weinig geld (Awb 5:46)."
        )
    uitleg = []
    if grond == Grond.BREDE_INTAKE_PIP:
        basis = BOETEREGELS["wi22_bedrag"].waarde
        uitleg.append(
            f"Vast bedrag voor niet meewerken aan de brede intake of het PIP: {euro(basis)} (Wi 22)."
        )
    else:
        keer = herhalingen(list(eerdere_pleegdata), pleegdatum)
        eerste = BOETEREGELS["wi23_eerste"].waarde
        factor = BOETEREGELS["herhaling_factor"].waarde
        maximum = BOETEREGELS["wi23_maximum"].waarde
        basis = min(eerste * factor**keer, maximum)
        uitleg.append(f"Eerste boete voor het niet nakomen van het PIP: {euro(eerste)} (Wi 23).")
        if keer:
            uitleg.append(
                f"Dit is de {keer + 1}e keer binnen {BOETEREGELS['herhaling_maanden'].waarde} maanden:"
                f" het bedrag verdubbelt {keer} keer (Wi 23)."
            )
        if eerste * factor**keer > maximum:
            uitleg.append(f"Een boete is nooit hoger dan {euro(maximum)} (Wi 23).")
    bedrag = basis * matiging // 100
    if matiging < 100:
        uitleg.append(
            f"Verlaagd naar {matiging} procent, {euro(bedrag)}, omdat: {matiging_reden.strip()} (Awb 5:46)."
        )
    toets_maximum(grond, bedrag)
    cap = BOETEREGELS["maximum_per_termijn"].waarde
    al_opgelegd = al_opgelegd_in_termijn + bij_vorige_gemeente
    if al_opgelegd + bedrag > cap:
        elders = (
            f", waarvan {euro(bij_vorige_gemeente)} door de vorige gemeente" if bij_vorige_gemeente else ""
        )
        raise BoeteGeweigerd(
            f"Deze boete past niet meer: in deze inburgeringstermijn is al {euro(al_opgelegd)} aan"
            f" boetes opgelegd{elders}, en samen is dat nooit meer dan {euro(cap)} (Wi 23)."
        )
    if bij_vorige_gemeente:
        uitleg.append(
            f"De vorige gemeente gaf in deze inburgeringstermijn al {euro(bij_vorige_gemeente)} aan boetes."
            f" Dat telt mee: alle boetes samen zijn nooit meer dan {euro(cap)} (Wi 23)."
        )
    uitleg.append(f"Te betalen: {euro(bedrag)}.")
    return Berekening(grond=grond, basis=basis, matiging=matiging, bedrag=bedrag, uitleg=tuple(uitleg))


def toets_maximum(grond: Grond, bedrag: int) -> None:
    """No fine above the statutory amount for its ground (Wi 22: EUR 250; Wi 23: EUR 800), and
    no fine of nothing or less."""
    maximum = wettelijk_maximum(grond)
    artikel = BOETEREGELS["wi22_bedrag" if grond == Grond.BREDE_INTAKE_PIP else "wi23_maximum"].artikel
    if bedrag > maximum:
        raise BoeteGeweigerd(f"Een boete is hier nooit hoger dan {euro(maximum)} ({artikel}).")
    if bedrag <= 0:
        raise BoeteGeweigerd("Een boete is meer dan € 0. Wilt u geen boete geven, kies dan 'geen boete'.")

"""Ontzorging (Pw 56a): for whom, from when, until when and which costs the municipality pays
directly from the bijstand of an inburgeringsplichtige asielstatushouder.

Pw 56a was added to the Participatiewet by the Wet inburgering 2021. Its wording could not be
read in a copy of the law here; what this module follows comes from secondary sources (Schulinck,
"Ontzorgen van inburgeringsplichtige asielstatushouders met recht op bijstand", and the domain
reference of Regie), see regie.wet.artikelen:
- who: an inburgeringsplichtige with a verblijfsvergunning asiel voor bepaalde tijd who has a
  right to bijstand, including a nareiziger with a derived (afhankelijke) asylum permit; not a
  family member with a regular permit, although the Wet inburgering counts that person as an
  asielstatushouder too (Wi 13 lid 1);
- from when and how long: six months from the start of the bijstand, or shorter when the
  bijstand ends; longer only with the person's consent;
- which costs: rent, energy (gas and electricity), water and the health-insurance premium.

Where the sources leave a choice, Regie decides (and says so in the docstring): the period
starts with the first bijstand payment and runs through the last day of the sixth calendar
month, the month of that payment counted as the first. The municipality pays per calendar
month, so six whole months of fixed costs are paid. A continuation with consent runs in whole
months as well, at most six at a time, each with its own recorded consent.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regie.wet.perioden import laatste_van_maand, plus_maanden

DUUR_MAANDEN = 6
MAX_VERLENGING_MAANDEN = 6


class Vergunning(StrEnum):
    ASIEL = "asiel"
    ASIEL_AFGELEID = "asiel_afgeleid"
    REGULIER = "regulier"


VERGUNNING_LABELS = {
    Vergunning.ASIEL: "Verblijfsvergunning asiel voor bepaalde tijd",
    Vergunning.ASIEL_AFGELEID: "Afgeleide verblijfsvergunning asiel (nareiziger)",
    Vergunning.REGULIER: "Reguliere verblijfsvergunning (bijvoorbeeld gezinsmigrant)",
}


class Kostensoort(StrEnum):
    HUUR = "huur"
    ENERGIE = "energie"
    WATER = "water"
    ZORGVERZEKERING = "zorgverzekering"
    ANDERS = "anders"


KOSTENSOORT_LABELS = {
    Kostensoort.HUUR: "Huur (verhuurder)",
    Kostensoort.ENERGIE: "Energie (gas en stroom)",
    Kostensoort.WATER: "Water",
    Kostensoort.ZORGVERZEKERING: "Zorgverzekering",
    Kostensoort.ANDERS: "Anders",
}

# Pw 56a: the fixed costs the law names. Any other cost only with the person's consent.
WETTELIJKE_KOSTEN = frozenset(
    {Kostensoort.HUUR, Kostensoort.ENERGIE, Kostensoort.WATER, Kostensoort.ZORGVERZEKERING}
)


@dataclass(frozen=True)
class Oordeel:
    van_toepassing: bool
    uitleg: str


def valt_onder_ontzorging(*, inburgeringsplichtig: bool, vergunning: Vergunning, bijstand: bool) -> Oordeel:
    """Pw 56a: ontzorging applies to an inburgeringsplichtige with an asylum permit (also a
    derived one) who receives bijstand; not to one with a regular permit."""
    if not inburgeringsplichtig:
        return Oordeel(False, "Ontzorging geldt alleen voor wie inburgeringsplichtig is (Pw 56a).")
    if Vergunning(vergunning) == Vergunning.REGULIER:
        return Oordeel(
            False,
            "Ontzorging geldt niet bij een reguliere verblijfsvergunning, ook niet voor een gezinslid van een"
            " statushouder (Pw 56a). Alleen een asielvergunning, ook een afgeleide, telt.",
        )
    if not bijstand:
        return Oordeel(False, "Ontzorging geldt alleen voor wie bijstand krijgt (Pw 56a).")
    return Oordeel(
        True,
        "Inburgeringsplichtig, met een asielvergunning en bijstand: de gemeente betaalt de eerste zes maanden"
        " de vaste lasten (Pw 56a).",
    )


def einde_ontzorging(eerste_betaling: date) -> date:
    """Pw 56a: the last day of ontzorging, six months from the first bijstand payment: the
    last day of the sixth calendar month, the month of the first payment being the first
    (first payment 15 January 2027 -> 30 June 2027; 3 September 2027 -> 29 February 2028)."""
    return laatste_van_maand(plus_maanden(eerste_betaling, DUUR_MAANDEN - 1))


def loopt_op(*, begin: date, einde: date, dag: date, dossier_open: bool = True) -> bool:
    """Pw 56a: whether ontzorging is running on `dag` (begin and einde both count). It stops when
    the case closes: after a move the new municipality grants the bijstand, and ontzorging is paid
    from the bijstand of the college that grants it; a person who is no longer inburgeringsplichtig
    (afgerond) or whose case ended is outside Pw 56a's group. Regie's reading of 56a, not its text
    (see the module docstring)."""
    return dossier_open and begin <= dag <= einde


def verlengd_einde(huidig_einde: date, maanden_erbij: int) -> date:
    """Pw 56a (continuation with consent, decided by Regie): whole calendar months after the
    current last day, at most six at a time."""
    if not 1 <= maanden_erbij <= MAX_VERLENGING_MAANDEN:
        raise ValueError(f"Verleng met 1 tot {MAX_VERLENGING_MAANDEN} maanden tegelijk.")
    return laatste_van_maand(plus_maanden(huidig_einde, maanden_erbij))


def verlenging_fout(*, toestemming_op: date | None, huidig_einde: date, vandaag: date) -> str:
    """Pw 56a: why ontzorging cannot be continued, or an empty text. It continues only with the
    person's consent, given on a date that is known and not in the future, and only while it
    runs or right after it ended (within a month: the next payment run)."""
    if toestemming_op is None:
        return "Ontzorging loopt alleen langer door met toestemming van de inburgeraar. Vul de datum van de toestemming in."
    if toestemming_op > vandaag:
        return "De datum van de toestemming ligt na vandaag."
    if vandaag > laatste_van_maand(plus_maanden(huidig_einde, 1)):
        return "De ontzorging is al langer dan een maand voorbij en kan niet meer worden verlengd."
    return ""

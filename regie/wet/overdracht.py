"""What a municipality shares with the new municipality when an inburgeringsplichtige moves.

The law keeps the route running after a move: the termijn keeps its start, the day after the
dagtekening of the first PIP of the previous municipality (Wi 11 lid 3), and the leerroute stays
(Wi 15 lid 4). The new college can only carry out that task when it knows the previous PIP, the
termijn and what is running; that is the ground for sharing (AVG art. 6 lid 1 sub e: a task of
public interest laid on the new college by the Wet inburgering 2021).

Which article of the Wet or the Besluit inburgering 2021 governs data from one college to another
could not be verified (December 2026: no copy of the law's text on gegevensverwerking was found
with the search tool). Regie therefore shares the minimum the task needs (AVG art. 5 lid 1 sub c)
and nothing of the special categories (AVG art. 9), which need a specific ground of their own.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Onderdeel:
    naam: str
    waarom: str


# The sections of the hand-over package, in order, and why each is needed (Wi 11 lid 3, Wi 15 lid 4).
GEDEELD: tuple[Onderdeel, ...] = (
    Onderdeel("persoon", "BSN, naam en geboortedatum: om het pakket aan het juiste dossier te koppelen."),
    Onderdeel("leerroute", "De leerroute blijft na een verhuizing dezelfde (Wi 15 lid 4)."),
    Onderdeel("termijn", "De termijn loopt door vanaf het eerste PIP van de vorige gemeente (Wi 11 lid 3)."),
    Onderdeel("pip", "Het PIP dat nu geldt en de eerdere versies: de nieuwe gemeente bouwt erop voort."),
    Onderdeel("intake", "Opleiding, taalniveau, werk en wensen uit de brede intake, zonder gezondheid."),
    Onderdeel("verwijzingen", "Lopende cursussen en de aanwezigheid: zo gaat het traject zonder gat verder."),
    Onderdeel("waarschuwingen", "Schriftelijke waarschuwingen: handhaving begint niet opnieuw bij nul."),
    Onderdeel(
        "boetes",
        "Opgelegde boetes van de gemeente (grond, datum, bedrag, bezwaar): de termijn loopt door (Wi 11 lid 3),"
        " dus tellen ze mee voor een herhaling en het maximum per termijn.",
    ),
    Onderdeel("contact", "De consulent van de vorige gemeente, voor een warme overdracht."),
)

# What Regie knows and leaves out, with the reason (shown on the page and in the PDF).
UITGESLOTEN: tuple[Onderdeel, ...] = (
    Onderdeel(
        "gezondheid",
        "Lichamelijke en psychische gezondheid uit de brede intake: bijzondere persoonsgegevens (AVG art. 9)."
        " Daarvoor is een eigen wettelijke grondslag nodig, die niet is gevonden. De nieuwe gemeente vraagt"
        " ernaar in haar eigen gesprek met de inburgeraar.",
    ),
    Onderdeel(
        "adres en contactgegevens",
        "Adres, telefoon en e-mail: de nieuwe gemeente haalt het adres uit de BRP en vraagt de rest aan de"
        " inburgeraar zelf.",
    ),
    Onderdeel(
        "afkomst",
        "Geboorteland, nationaliteit en talen: niet nodig om de leerroute en de termijn voort te zetten.",
    ),
    Onderdeel(
        "gezin en geld",
        "Gezin, kinderen en de financiële situatie uit de brede intake: niet nodig voor de leerroute of"
        " de termijn; de nieuwe gemeente neemt ze op in haar eigen gesprek.",
    ),
    Onderdeel(
        "boeteprocedures en feiten",
        "Een boete waarover nog geen besluit is, blijft bij de vorige gemeente. Van een opgelegde boete gaan"
        " het rapport van de feiten, de zienswijze en de reden van matiging niet mee: alleen de uitkomst telt"
        " voor de nieuwe gemeente.",
    ),
    Onderdeel("tijdlijn", "De volledige tijdlijn en het verwerkingslog blijven bij de vorige gemeente."),
)

# Versions of the package's schema this Regie reads; a new version gets its own schema file.
SCHEMA_VERSIES = frozenset({"1"})
HUIDIGE_SCHEMA_VERSIE = "1"


def schema_versie_bekend(versie) -> bool:
    """Whether Regie can read a package of this `schema_versie` (a package carries it so that a
    new municipality never reads Wi 11 lid 3 dates from a layout it does not know)."""
    return isinstance(versie, str) and versie in SCHEMA_VERSIES

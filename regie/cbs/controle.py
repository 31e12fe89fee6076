"""The validation report: before a file is made, which mandatory items are missing for whom."""

from collections import Counter
from dataclasses import dataclass

from regie.cbs.definitie import DEFINITIE
from regie.cbs.kwartaal import Kwartaal
from regie.cbs.selectors import Berichtgever, personen


@dataclass(frozen=True)
class Melding:
    persoon: object  # the definition's Persoon
    items: list  # the definition's Items that are missing


@dataclass(frozen=True)
class Controle:
    berichtgever: Berichtgever
    kwartaal: Kwartaal
    personen: list
    meldingen: list[Melding]

    @property
    def compleet(self) -> list:
        onvolledig = {m.persoon.id for m in self.meldingen}
        return [p for p in self.personen if p.id not in onvolledig]

    @property
    def per_consulent(self) -> list[tuple[str, int]]:
        """Persons with something missing, per consultant (most first), to spread the repairs."""
        telling = Counter(m.persoon.consulent or "Geen vaste consulent" for m in self.meldingen)
        return sorted(telling.items(), key=lambda t: (-t[1], t[0]))

    @property
    def per_item(self) -> list[tuple[str, int]]:
        telling = Counter(item.naam for m in self.meldingen for item in m.items)
        return sorted(telling.items(), key=lambda t: (-t[1], t[0]))

    @property
    def nieuw(self) -> int:
        return sum(1 for p in self.personen if self.kwartaal.bevat(p.koppeldatum))


def controleren(berichtgever: Berichtgever, kwartaal: Kwartaal) -> Controle:
    alle = personen(berichtgever.gemeenten, kwartaal)
    meldingen = [Melding(p, items) for p in alle if (items := DEFINITIE.ontbrekend(p, kwartaal))]
    return Controle(berichtgever, kwartaal, alle, meldingen)

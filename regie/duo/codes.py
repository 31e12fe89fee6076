"""Looking up what a DUO notice points to, with the DUO client (regie.duo.client).

One function per resource, each returning DUO's answer as it is (a dict, or a list for the
collection resources). A resource DUO does not have (404) is None for the single resources and
[] for the lists, as DUO's answers for "nothing registered" mean the same. Other refusals and
failures raise the client's errors (DuoAfwijzing, DuoStoring) to the caller.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

from regie.duo.client import DuoClient, DuoNietGevonden

# (api, path template, list resource?) per resource name; the names are the keys of DuoStand.gegevens.
BRONNEN = {
    "inburgeringsplicht": ("Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht", False),
    "doelgroep": ("Inburgeringsplicht", "/personen/{bsn}/doelgroep", False),
    "inburgeringstermijn": ("Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn", False),
    "pip": ("PIP", "/personen/{bsn}/PIP", False),
    "lbt_examennummer": ("Leerbaarheidstoets", "/personen/{bsn}/lbt/examennummer", False),
    "lbt_resultaten": ("Leerbaarheidstoets", "/personen/{bsn}/lbt/resultaten", True),
    "vrijstellingen": ("Vrijstelling", "/personen/{bsn}/vrijstellingen", True),
    "ontheffingen": ("Ontheffing", "/personen/{bsn}/ontheffingen", True),
    "examenresultaten": ("Examen", "/personen/{bsn}/examens/resultaten", True),
}


def laatste_dag_termijn(termijn: dict | None) -> date | None:
    """The last day of DUO's Inburgeringstermijn, the one place Regie converts DUO's end: its
    `einddatum` is exclusive (the spec: "De datum die het einde van de periode aangeeft
    (exclusief)"), so the last day that counts is the day before. Regie's own dates are always
    the last day that still counts (regie.wet.termijnen)."""
    einddatum = (termijn or {}).get("einddatum")
    return date.fromisoformat(einddatum) - timedelta(days=1) if einddatum else None


_PER_THREAD = threading.local()


def gedeelde_client() -> DuoClient:
    """One client (one connection pool) per thread and per DUO configuration: a worker that
    processes thousands of notices keeps its connections to DUO open, and each of the threads that
    look up a batch's notices (regie.duo.inkomend.batch) has its own (requests' Session is not
    made to be shared between threads)."""
    from django.conf import settings

    sleutel = (
        settings.DUO_BASE_URL,
        settings.DUO_CLIENT_CERT,
        settings.DUO_CLIENT_KEY,
        settings.DUO_CA_BUNDLE,
        settings.DUO_OIN,
        settings.DUO_TIMEOUT_SECONDS,
    )
    if getattr(_PER_THREAD, "sleutel", None) != sleutel:
        _PER_THREAD.sleutel, _PER_THREAD.client = sleutel, DuoClient()
    return _PER_THREAD.client


class Opzoeker:
    """Looks resources up for one municipality; remembers the answers within one notice."""

    def __init__(self, gemeente, client: DuoClient | None = None):
        self.gemeente = gemeente
        self.client = client or gedeelde_client()
        self._cache: dict[tuple[str, str], object] = {}

    def haal(self, bron: str, bsn: str):
        sleutel = (bron, bsn)
        if sleutel not in self._cache:
            api, sjabloon, lijst = BRONNEN[bron]
            try:
                antwoord = self.client.raadpleeg(api, sjabloon.format(bsn=bsn), gemeente=self.gemeente)
            except DuoNietGevonden:
                antwoord = [] if lijst else None
            if lijst and isinstance(antwoord, dict):  # an empty body ({}) means nothing registered
                antwoord = [antwoord] if antwoord else []
            self._cache[sleutel] = antwoord
        return self._cache[sleutel]

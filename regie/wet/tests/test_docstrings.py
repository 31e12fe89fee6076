"""Every public function of the rules layer names the article it implements."""

import inspect
import re

import pytest

from regie.wet import leerroute, meetmomenten, plicht, termijnen, werkdagen

ARTIKEL = re.compile(r"\b(Wi|Bi|Atw) (art\. )?\d+(\.\d+)?|DUO PIP API|Verordening")
# Formatting helpers, not rules of law.
GEEN_REGEL = {"datum_tekst"}

FUNCTIES = [
    (module.__name__, naam, functie)
    for module in (termijnen, werkdagen, leerroute, plicht, meetmomenten)
    for naam, functie in inspect.getmembers(module, inspect.isfunction)
    if not naam.startswith("_") and functie.__module__ == module.__name__
]


@pytest.mark.parametrize(("module", "naam", "functie"), FUNCTIES, ids=[f"{m}.{n}" for m, n, _ in FUNCTIES])
def test_publieke_functie_noemt_artikel(module, naam, functie):
    doc = inspect.getdoc(functie)
    assert doc, f"{module}.{naam} has no docstring"
    if naam not in GEEN_REGEL:
        assert ARTIKEL.search(doc), f"{module}.{naam} does not name its article"


def test_alle_functies_gevonden():
    assert {"pip_vaststellen", "inburgeringstermijn", "toets_pip", "eerstvolgende_werkdag"} <= {
        n for _, n, _ in FUNCTIES
    }

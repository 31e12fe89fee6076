"""The check of a municipality's logo (SVG text from Beheer) before it is stored.

The logo is drawn only inside the council report's PDF, where WeasyPrint runs no script and
fetches nothing; the check still keeps out what has no place in a logo, so that the text is
safe wherever it ends up: scripts, event attributes, embedded HTML, links to other files and
DTDs (entity expansion)."""

import re
import xml.etree.ElementTree as ET

MAXIMUM = 100_000
VERBODEN_ELEMENTEN = {"script", "foreignobject", "iframe", "embed", "object", "image", "use", "a", "style"}


def _naam(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def controleer_logo(svg: str) -> str:
    """A Dutch message why this SVG is refused, or "" when it may be stored."""
    if len(svg) > MAXIMUM:
        return f"Het logo is te groot: maximaal {MAXIMUM // 1000} kB SVG-code."
    if re.search(r"<!(DOCTYPE|ENTITY)", svg, re.IGNORECASE):
        return "Het logo mag geen DOCTYPE of ENTITY bevatten. Sla het op als gewone SVG."
    try:
        wortel = ET.fromstring(svg)
    except ET.ParseError:
        return (
            "Dit is geen geldige SVG-code. Open het logo in een tekstverwerker en kopieer alles vanaf <svg."
        )
    if _naam(wortel.tag) != "svg":
        return "De code moet beginnen met een <svg>-element."
    for element in wortel.iter():
        if _naam(element.tag) in VERBODEN_ELEMENTEN:
            return (
                f"Het logo mag geen <{_naam(element.tag)}>-element bevatten: alleen vormen, tekst en kleuren."
            )
        for attribuut, waarde in element.attrib.items():
            naam = _naam(attribuut)
            if naam.startswith("on"):
                return "Het logo mag geen scripts bevatten (attributen die met 'on' beginnen)."
            compact = waarde.replace(" ", "").lower()
            if naam == "href" or ("url(" in compact and "url(#" not in compact):
                return "Het logo mag niet naar andere bestanden verwijzen."
    return ""

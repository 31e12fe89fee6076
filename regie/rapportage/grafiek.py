"""Charts as SVG drawn on the server: no JavaScript, no chart library to build, the same
picture in the page and in the PDF. Colours only through SVG attributes (the page's
Content-Security-Policy allows no inline style). Every chart has a title for screen readers;
the table next to it holds the same figures for whoever cannot see the chart. A suppressed
figure ("<5") gets no bar, only its text."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from regie.rapportage.cijfers import Soort, Tabel

# Distinguishable colours with at least 3:1 contrast against white (WCAG 1.4.11).
KLEUREN = ["#154273", "#b35900", "#2f7d0b", "#a90061", "#00689e", "#673327", "#5a4ea3", "#4d4d4d"]
BREEDTE = 680
LABEL = 270
BALK = 14
TUSSEN = 3
GROEP = 12
LEGENDA = 22


def _tekst(x, y, inhoud, **attrs) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" fill="#1a1a1a"{extra}>{escape(inhoud)}</text>'


def _legenda(reeksen: list[str], y: int, kleuren: list[str]) -> list[str]:
    delen, x = [], 0  # from the left edge: four long municipality names fit on one line
    for i, naam in enumerate(reeksen):
        delen.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{kleuren[i % len(kleuren)]}"/>')
        delen.append(_tekst(x + 16, y + 10, naam))
        x += 24 + 7 * len(naam)
    return delen


def _svg(kenmerk: str, titel: str, hoogte: int, delen: list[str], kleur_kop: str = "") -> SafeString:
    return mark_safe(  # noqa: S308 - every text inside is escaped by _tekst/escape
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {hoogte}" width="100%"'
        f' role="img" aria-labelledby="{kenmerk}-titel" class="regie-grafiek">'
        f'<title id="{kenmerk}-titel">{escape(titel)}</title>{"".join(delen)}</svg>'
    )


def _rijen(tabel: Tabel) -> list:
    """The rows drawn: those in the KPI's own unit (a count next to a share would mislead on one
    axis); the table shows them all."""
    return [r for r in tabel.rijen if r.cellen and r.cellen[0].soort == tabel.soort] or tabel.rijen


def staafgrafiek(tabel: Tabel, kenmerk: str, kleuren: list[str] | None = None) -> SafeString:
    """Horizontal bars: one group per row of the table, one bar per municipality in it."""
    kleuren = kleuren or KLEUREN
    reeksen = tabel.kolommen
    rijen = _rijen(tabel)
    meer = len(reeksen) > 1
    boven = LEGENDA + 6 if meer else 4
    waarden = [c.waarde for r in rijen for c in r.cellen if c.waarde is not None]
    maximum = max(waarden, default=0)
    if tabel.soort == Soort.PROCENT:
        maximum = max(maximum, 100)
    maximum = maximum or 1
    ruimte = BREEDTE - LABEL - 70
    delen = _legenda(reeksen, 2, kleuren) if meer else []
    y = boven
    for rij in rijen:
        groep_hoogte = len(rij.cellen) * (BALK + TUSSEN)
        delen.append(_tekst(LABEL - 8, y + groep_hoogte / 2 + 4, rij.label[:40], text_anchor="end"))
        for i, cel in enumerate(rij.cellen):
            waarde = cel.waarde
            lengte = 0 if waarde is None else max(ruimte * waarde / maximum, 1 if waarde else 0)
            if lengte:
                delen.append(
                    f'<rect x="{LABEL}" y="{y}" width="{lengte:.1f}" height="{BALK}" fill="{kleuren[i % len(kleuren)]}"/>'
                )
            delen.append(_tekst(LABEL + lengte + 4, y + BALK - 3, cel.tekst))
            y += BALK + TUSSEN
        y += GROEP
    delen.append(f'<line x1="{LABEL}" y1="{boven - 2}" x2="{LABEL}" y2="{y - GROEP + 2}" stroke="#4d4d4d"/>')
    return _svg(kenmerk, tabel.titel, y, delen)


def lijngrafiek(tabel: Tabel, kenmerk: str, kleuren: list[str] | None = None) -> SafeString:
    """A line per municipality over the rows of the table (months), 0 to 100 %."""
    kleuren = kleuren or KLEUREN
    reeksen = tabel.kolommen
    boven, links, hoogte_vlak = LEGENDA + 14, 48, 200
    breedte_vlak = BREEDTE - links - 20
    punten_x = max(len(tabel.rijen) - 1, 1)
    delen = _legenda(reeksen, 2, kleuren)
    for stap in range(0, 101, 25):
        y = boven + hoogte_vlak * (1 - stap / 100)
        delen.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{links + breedte_vlak}" y2="{y:.1f}" stroke="#cccccc"/>'
        )
        delen.append(_tekst(links - 6, y + 4, f"{stap}%", text_anchor="end"))
    elke = max(1, -(-len(tabel.rijen) // 7))  # at most 7 labels on the axis
    for i, rij in enumerate(tabel.rijen):
        if i % elke == 0:
            x = links + breedte_vlak * i / punten_x
            delen.append(_tekst(x, boven + hoogte_vlak + 16, rij.label, text_anchor="middle", font_size="10"))
    for s in range(len(reeksen)):
        kleur = kleuren[s % len(kleuren)]
        vorige = None
        for i, rij in enumerate(tabel.rijen):
            waarde = rij.cellen[s].waarde
            if waarde is None:
                vorige = None
                continue
            punt = (links + breedte_vlak * i / punten_x, boven + hoogte_vlak * (1 - min(waarde, 100) / 100))
            if vorige:
                delen.append(
                    f'<line x1="{vorige[0]:.1f}" y1="{vorige[1]:.1f}" x2="{punt[0]:.1f}" y2="{punt[1]:.1f}"'
                    f' stroke="{kleur}" stroke-width="2"/>'
                )
            delen.append(f'<circle cx="{punt[0]:.1f}" cy="{punt[1]:.1f}" r="3" fill="{kleur}"/>')
            vorige = punt
    return _svg(kenmerk, tabel.titel, boven + hoogte_vlak + 26, delen)


def grafiek(tabel: Tabel, kenmerk: str, kleuren: list[str] | None = None) -> SafeString:
    teken = lijngrafiek if tabel.grafiek == "lijn" else staafgrafiek
    return teken(tabel, kenmerk, kleuren)

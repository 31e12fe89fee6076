"""The council report's content and PDF: the municipality's KPIs with target, traffic light and
trend, the charts and tables, the taakstelling per half year and the beleidsmedewerker's texts,
in the municipality's house style (logo, colours, address from Beheer)."""

from datetime import date

from django.utils.safestring import mark_safe

from regie.klok import vandaag as vandaag_
from regie.pdf import pdf_uit_template
from regie.rapportage.cijfers import Filter
from regie.rapportage.geld import geldoverzicht
from regie.rapportage.grafiek import grafiek
from regie.rapportage.kpi import halfjaren_in, taakstelling
from regie.rapportage.logo import controleer_logo
from regie.rapportage.models import Huisstijl, Raadsrapportage, Soort
from regie.rapportage.selectors import kpi_overzichten

JAAR_KPIS = (
    "pip_binnen_termijn",
    "uitkomsten",
    "doorlooptijd_intake",
    "taakstelling",
    "instroom",
    "routemix",
    "onderdelen",
    "aanwezigheid_route",
    "examens_route",
    "voortgangsgesprekken",
    "handhaving",
)
HALFJAAR_KPIS = ("taakstelling", "instroom")


def periode(rapport: Raadsrapportage, *, vandaag: date) -> tuple[date, date]:
    """The report's year or half year, up to today while it is still running."""
    van, tot = date(rapport.jaar, 1, 1), date(rapport.jaar, 12, 31)
    if rapport.soort == Soort.HALFJAAR_1:
        tot = date(rapport.jaar, 6, 30)
    elif rapport.soort == Soort.HALFJAAR_2:
        van = date(rapport.jaar, 7, 1)
    return van, min(tot, vandaag)


def huisstijl_van(gemeente) -> Huisstijl:
    """The municipality's house style, or a neutral one until Beheer sets it."""
    try:
        return gemeente.huisstijl
    except Huisstijl.DoesNotExist:
        return Huisstijl(
            gemeente=gemeente,
            afzender=f"College van burgemeester en wethouders van {gemeente.naam}",
            adres="",
        )


def rapportinhoud(rapport: Raadsrapportage, *, vandaag: date | None = None) -> dict:
    vandaag = vandaag or vandaag_()
    van, tot = periode(rapport, vandaag=vandaag)
    f = Filter((rapport.gemeente,), van, tot)
    codes = HALFJAAR_KPIS if rapport.soort != Soort.JAAR else JAAR_KPIS
    overzichten = kpi_overzichten(f, vandaag=vandaag, codes=codes)
    stijl = huisstijl_van(rapport.gemeente)
    for o in overzichten:
        o.svg = grafiek(o.tabel, f"rapport-{o.kpi.code}", [stijl.kleur_primair, stijl.kleur_accent])
    halfjaren = [
        (jaar, h, taakstelling(f.met_periode(*_halfjaar(jaar, h))))
        for jaar, h in halfjaren_in(date(rapport.jaar, 1, 1), date(rapport.jaar, 12, 31))
        if _halfjaar(jaar, h)[0] <= vandaag
    ]
    kleuren = [stijl.kleur_primair, stijl.kleur_accent, "#4d4d4d"]
    geld = None
    if rapport.soort == Soort.JAAR:
        geld = geldoverzicht(rapport.gemeente, rapport.jaar, peildatum=tot)
        geld["svg"] = grafiek(geld["tabel"], "rapport-geld", kleuren)
    logo = mark_safe(stijl.logo_svg) if stijl.logo_svg and not controleer_logo(stijl.logo_svg) else ""  # noqa: S308 - checked by controleer_logo
    return {
        "rapport": rapport,
        "van": van,
        "tot": tot,
        "overzichten": overzichten,
        "halfjaren": halfjaren,
        "huisstijl": stijl,
        "logo": logo,
        "geld": geld,
    }


def _halfjaar(jaar: int, h: int) -> tuple[date, date]:
    return (date(jaar, 1, 1), date(jaar, 6, 30)) if h == 1 else (date(jaar, 7, 1), date(jaar, 12, 31))


def raadsrapportage_pdf(
    rapport: Raadsrapportage, *, definitief_op=None, door=None, vandaag: date | None = None
) -> bytes:
    context = rapportinhoud(rapport, vandaag=vandaag)
    context.update({"definitief_op": definitief_op, "door": door})
    return pdf_uit_template(
        "rapportage/raadsrapportage_pdf.html", context, css_template="rapportage/raadsrapportage_pdf.css"
    )

"""The council report's money section: the grant (SPUK) per category against commitments, spend
and the forecast, from the financial records (regie.financien.selectors)."""

from datetime import date

from regie.financien.selectors import besteding_per_categorie, totaal_spuk
from regie.rapportage.cijfers import Cel, Rij, Soort, Tabel


def euro(centen: int | None) -> str:
    if centen is None:
        return "–"
    return "€\u00a0" + f"{round(centen / 100):,}".replace(",", ".")  # no break between sign and amount


def geldoverzicht(gemeente, jaar: int, *, peildatum: date) -> dict:
    """The year's categories with amounts as text, the grant's total, and a table for the chart
    (whole euros: budget, spent, forecast per category of the grant)."""
    regels = besteding_per_categorie(gemeente, jaar, peildatum=peildatum)
    totaal = totaal_spuk(regels)

    def tekst(r):
        return {
            "naam": r.naam,
            "budget": euro(r.budget),
            "verplicht": euro(r.verplicht),
            "besteed": euro(r.besteed),
            "prognose": euro(r.prognose),
            "verschil": euro(r.verschil),
        }

    grafiek = Tabel(
        code="geld",
        titel=f"Budget, besteed en prognose per onderdeel {jaar} (euro)",
        uitleg="",
        soort=Soort.AANTAL,
        kolommen=["Budget", "Besteed", "Prognose"],
        rijen=[
            Rij(
                r.naam,
                [
                    Cel(Soort.AANTAL, round((w or 0) / 100), beschermd=False)
                    for w in (r.budget, r.besteed, r.prognose)
                ],
            )
            for r in regels
            if r.spuk
        ],
    )
    return {"regels": [tekst(r) for r in regels], "totaal": tekst(totaal), "tabel": grafiek}

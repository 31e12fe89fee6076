"""The money overviews as files: budget against spend, and the SiSa summary, as CSV (semicolons,
decimal comma, UTF-8 with BOM: what a Dutch spreadsheet opens as it is) and as XLSX (openpyxl,
amounts as numbers in euros with two decimals). Aggregates only: no person, no referral."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from regie.financien.bedragen import euro_kaal
from regie.financien.selectors import Besteding, SisaRegel, totaal_spuk
from regie.organisaties.models import Gemeente

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EURO_OPMAAK = "#,##0.00"


@dataclass(frozen=True)
class Tabel:
    titel: str
    kop: list[str]
    rijen: list[list]  # text, or int cents (an amount), or None (no figure)
    bedragkolommen: frozenset[int]


def besteding_tabel(gemeente: Gemeente, jaar: int, regels: list[Besteding]) -> Tabel:
    rijen = [
        [r.naam, r.budget, r.verplicht, r.besteed, r.prognose, r.verschil]
        for r in [*[r for r in regels if r.spuk], totaal_spuk(regels), *[r for r in regels if not r.spuk]]
    ]
    return Tabel(
        titel=f"Budget en besteding inburgering {gemeente.naam} ({gemeente.cbs_code}) {jaar}",
        kop=["Categorie", "Budget", "Verplicht", "Besteed", "Prognose jaareinde", "Budget min prognose"],
        rijen=rijen,
        bedragkolommen=frozenset({1, 2, 3, 4, 5}),
    )


def sisa_tabel(gemeente: Gemeente, jaar: int, regels: list[SisaRegel]) -> Tabel:
    rijen = [[r.naam, r.budget, r.besteed, r.verschil, r.trajecten] for r in regels]
    rijen.append(
        [
            "Totaal SPUK",
            sum(r.budget for r in regels),
            sum(r.besteed for r in regels),
            sum(r.verschil for r in regels),
            sum(r.trajecten for r in regels),
        ]
    )
    return Tabel(
        titel=f"SiSa-overzicht specifieke uitkering inburgering {gemeente.naam} ({gemeente.cbs_code}) {jaar}",
        kop=["Categorie", "Budget (SPUK)", "Besteding", "Budget min besteding", "Aantal verwijzingen"],
        rijen=rijen,
        bedragkolommen=frozenset({1, 2, 3}),
    )


def als_csv(tabel: Tabel) -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(tabel.kop)
    for rij in tabel.rijen:
        schrijver.writerow(
            [
                ("" if w is None else euro_kaal(w)) if i in tabel.bedragkolommen else w
                for i, w in enumerate(rij)
            ]
        )
    return uit.getvalue().encode("utf-8-sig")


def als_xlsx(tabel: Tabel) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = "Overzicht"
    blad.append([tabel.titel])
    blad["A1"].font = Font(bold=True)
    blad.append([])
    blad.append(tabel.kop)
    for cel in blad[3]:
        cel.font = Font(bold=True)
    for rij in tabel.rijen:
        blad.append(
            [
                (None if w is None else Decimal(w) / 100) if i in tabel.bedragkolommen else w
                for i, w in enumerate(rij)
            ]
        )
        for i in tabel.bedragkolommen:
            blad.cell(row=blad.max_row, column=i + 1).number_format = EURO_OPMAAK
    blad.column_dimensions["A"].width = 45
    for kolom in "BCDEF":
        blad.column_dimensions[kolom].width = 20
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()

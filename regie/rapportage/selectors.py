"""Reading the steering figures. Everything starts at `gemeenten_voor(user)`: a user sees the
figures of the municipalities they work for, never of another organisation, and never a person."""

from dataclasses import dataclass, field
from datetime import date

from django.http import Http404

from regie.inburgeraars.selectors import gemeenten_voor
from regie.rapportage.cijfers import Cel, Filter, Tabel
from regie.rapportage.kpi import KPIS, STREEFBAAR, Kpi
from regie.rapportage.landelijk import landelijk
from regie.rapportage.models import Raadsrapportage, Streefwaarde

RAPPORT_NIET_GEVONDEN = "Deze rapportage bestaat niet, of is van een gemeente waarvoor u niet werkt."
MARGE = 10  # percentage points below the target that still count as "bijna"

STOPLICHT = {
    "groen": "Streefwaarde gehaald",
    "oranje": f"Minder dan {MARGE} procentpunt onder de streefwaarde",
    "rood": "Streefwaarde niet gehaald",
}


def stoplicht(waarde: float | None, doel) -> str | None:
    """Green at or above the target, orange within MARGE points below it, red further below;
    None without a figure or a target."""
    if waarde is None or doel is None:
        return None
    if waarde >= float(doel):
        return "groen"
    if waarde >= float(doel) - MARGE:
        return "oranje"
    return "rood"


@dataclass
class Kerncijfer:
    """One municipality's figure on one KPI with a target: value, target, traffic light, trend."""

    gemeente: object
    cel: Cel
    doel: object | None
    licht: str | None
    trend: list[tuple[int, Cel]] = field(default_factory=list)

    @property
    def licht_tekst(self) -> str:
        return STOPLICHT.get(
            self.licht, "Geen streefwaarde vastgelegd" if self.doel is None else "Geen cijfer"
        )


@dataclass
class KpiOverzicht:
    kpi: Kpi
    tabel: Tabel
    kerncijfers: list[Kerncijfer] = field(default_factory=list)
    landelijk: list[dict] = field(default_factory=list)


def streefwaarden(gemeenten, jaar: int) -> dict[tuple[int, str], Streefwaarde]:
    return {
        (s.gemeente_id, s.kpi): s
        for s in Streefwaarde.objects.filter(gemeente__in=[g.pk for g in gemeenten], jaar=jaar)
    }


def trend(
    kpi: Kpi, f: Filter, *, vandaag: date, jaren: int = 3, bekend=None
) -> dict[int, list[tuple[int, Cel]]]:
    """The KPI's first row per calendar year, the last `jaren` years up to the filter's end year
    (the current year up to today), per municipality. `bekend`: the first row already computed
    for the filter, reused when the filter's period is exactly such a year."""
    per_gemeente = {g.pk: [] for g in f.gemeenten}
    for jaar in range(max(f.tot.year - jaren + 1, 2022), f.tot.year + 1):
        periode = (date(jaar, 1, 1), min(date(jaar, 12, 31), vandaag))
        if bekend is not None and periode == f.periode:
            rij = bekend
        else:
            rij = (kpi.kernrij or kpi.functie)(f.met_periode(*periode))[0]
        for g, cel in zip(f.gemeenten, rij.cellen, strict=True):
            per_gemeente[g.pk].append((jaar, cel))
    return per_gemeente


def kpi_overzichten(f: Filter, *, vandaag: date, codes=None) -> list[KpiOverzicht]:
    """Every KPI's table for the filter; for a KPI with a target, per municipality its first
    row's figure with the target of the filter's end year, the traffic light and the trend."""
    doelen = streefwaarden(f.gemeenten, f.tot.year)
    uit = []
    for kpi in KPIS.values():
        if codes is not None and kpi.code not in codes:
            continue
        overzicht = KpiOverzicht(kpi=kpi, tabel=kpi.tabel(f), landelijk=landelijk(kpi.code))
        if kpi.code in STREEFBAAR:
            trends = trend(kpi, f, vandaag=vandaag, bekend=overzicht.tabel.rijen[0])
            for g, cel in zip(f.gemeenten, overzicht.tabel.rijen[0].cellen, strict=True):
                doel = doelen.get((g.pk, kpi.code))
                waarde = doel.waarde if doel else None
                overzicht.kerncijfers.append(
                    Kerncijfer(g, cel, waarde, stoplicht(cel.waarde, waarde), trends.get(g.pk, []))
                )
        uit.append(overzicht)
    return uit


def kpi_tabel(code: str, f: Filter) -> Tabel:
    try:
        kpi = KPIS[code]
    except KeyError as exc:
        raise Http404("Deze indicator bestaat niet.") from exc
    return kpi.tabel(f)


def raadsrapportages_voor(user):
    return (
        Raadsrapportage.objects.filter(gemeente__in=gemeenten_voor(user))
        .select_related("gemeente", "aangemaakt_door", "definitief_door")
        .defer("pdf")
    )


def raadsrapportage_voor(user, uuid) -> Raadsrapportage:
    """One report of a municipality the user works for; 404 for any other."""
    try:
        return raadsrapportages_voor(user).get(uuid=uuid)
    except (Raadsrapportage.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(RAPPORT_NIET_GEVONDEN) from exc


def opgeslagen_pdf(rapport: Raadsrapportage) -> bytes:
    return bytes(Raadsrapportage.objects.values_list("pdf", flat=True).get(pk=rapport.pk))

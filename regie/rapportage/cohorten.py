"""The cohort view: each year's newcomers followed over time, as CBS's Statistiek Wet
inburgering does (a cohort is the year the obligation started; asylum migrants apart from
family and other migrants)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import ExtractYear

from regie.inburgeraars.models import Doelgroep
from regie.rapportage.cijfers import Cel, Filter, Soort
from regie.rapportage.kpi import dossiers, eerste_pip, start_plicht
from regie.rapportage.landelijk import landelijk

EERSTE_COHORT = 2022  # the Wet inburgering 2021 took effect on 1 January 2022
GROEPEN = {"asiel": "Asielstatushouders", "gezin_overig": "Gezins- en overige migranten"}


@dataclass
class Stand:
    jaar: int
    intake: Cel
    pip: Cel
    landelijk_intake: dict | None = None


@dataclass
class Cohortrij:
    cohort: int
    groep: str
    aantal: Cel
    standen: list[Stand] = field(default_factory=list)

    @property
    def groep_naam(self) -> str:
        return GROEPEN[self.groep]


def cohortoverzicht(f: Filter, *, vandaag: date) -> tuple[list[int], list[Cohortrij]]:
    """Per cohort and group: how many, and at the end of each year since, the share with a
    completed brede intake and with a first PIP (one aggregate query). CBS counts an intake
    that *started*; Regie counts a completed one, so Regie's share is the stricter of the two.
    The filter's cohort and period do not apply: every cohort is shown."""
    jaren = list(range(EERSTE_COHORT, vandaag.year + 1))
    tellingen = {"n": Count("pk")}
    for jaar in jaren:
        einde = min(date(jaar, 12, 31), vandaag)
        tellingen[f"intake_{jaar}"] = Count("pk", filter=Q(brede_intake__afgerond_op__lte=einde))
        tellingen[f"pip_{jaar}"] = Count("pk", filter=Q(eerste__lte=einde))
    zonder_cohort = Filter(f.gemeenten, f.van, f.tot, f.kern, None, f.doelgroep, f.leerroute)
    rijen = (
        dossiers(zonder_cohort)
        .annotate(start=start_plicht(), eerste=eerste_pip())
        .filter(start__gte=date(EERSTE_COHORT, 1, 1), start__lte=vandaag)
        .annotate(
            cohort=ExtractYear("start"),
            groep=Case(
                When(doelgroep=Doelgroep.ASIELSTATUSHOUDER, then=Value("asiel")),
                default=Value("gezin_overig"),
                output_field=CharField(),
            ),
        )
        .values("cohort", "groep")
        .annotate(**tellingen)
        .order_by("cohort", "groep")
    )
    uit = []
    for r in rijen:
        n = r["n"]
        rij = Cohortrij(cohort=r["cohort"], groep=r["groep"], aantal=Cel(Soort.AANTAL, n))
        for jaar in jaren:
            if jaar < r["cohort"]:
                continue
            landelijk_cijfer = landelijk(
                "cohort_intake", cohort=r["cohort"], doelgroep=r["groep"], stand_eind_jaar=jaar
            )
            rij.standen.append(
                Stand(
                    jaar=jaar,
                    intake=Cel(Soort.PROCENT, r[f"intake_{jaar}"], n),
                    pip=Cel(Soort.PROCENT, r[f"pip_{jaar}"], n),
                    landelijk_intake=landelijk_cijfer[0] if landelijk_cijfer else None,
                )
            )
        uit.append(rij)
    return jaren, uit

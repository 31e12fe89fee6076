"""Reading the outcomes of one case: the participation activities, the situation per measuring
moment, and what Regie already knows from providers (exams, completed components, final reports)
and from DUO (exam results), as one picture (`uitkomsten_voor`). The case itself always comes
from `inburgeraar_voor(user, uuid)`. Counting over many cases: `regie.participatie.cijfers`."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import dagtekening_eerste_pip
from regie.klok import vandaag as klok_vandaag
from regie.participatie.models import Activiteit, Situatie, Soort
from regie.wet import termijnen
from regie.wet.meetmomenten import Meetmoment, meetdatum, nog_niet_meetbaar


def termijn_start_van(inburgeraar: Inburgeraar) -> date | None:
    """The start of the inburgeringstermijn (Wi 11 lid 2), None before the first PIP."""
    eerste = dagtekening_eerste_pip(inburgeraar)
    return termijnen.termijn_start(eerste) if eerste else None


def activiteiten_van(inburgeraar: Inburgeraar) -> QuerySet[Activiteit]:
    return inburgeraar.participatie_activiteiten.select_related(
        "aanbieder", "aangemaakt_door", "gewijzigd_door"
    ).order_by("-startdatum", "-id")


def activiteit_van(inburgeraar: Inburgeraar, *, pk=None, uuid=None) -> Activiteit | None:
    """One activity of this case (never one of another case), or None."""
    filters = {"pk": pk} if pk is not None else {"uuid": uuid}
    try:
        return activiteiten_van(inburgeraar).filter(**filters).first()
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class MeetmomentStand:
    """One measuring moment of a case: from when it is due, why not yet (empty when it can be
    recorded today), the current situation and the earlier, corrected ones (newest first)."""

    moment: Meetmoment
    vanaf: date | None
    nog_niet: str
    situatie: Situatie | None
    eerder: tuple[Situatie, ...] = ()

    @property
    def label(self) -> str:
        return self.moment.label


def meetmomenten_van(inburgeraar: Inburgeraar, *, vandaag: date | None = None) -> list[MeetmomentStand]:
    """The four measuring moments in order, with their due dates (regie.wet.meetmomenten)."""
    vandaag = vandaag or klok_vandaag()
    start = termijn_start_van(inburgeraar)
    per_moment: dict[str, list[Situatie]] = {}
    for s in inburgeraar.situaties.select_related("vastgelegd_door").order_by("-vastgelegd_op", "-id"):
        per_moment.setdefault(s.moment, []).append(s)
    standen = []
    for moment in Meetmoment:
        rijen = per_moment.get(moment.value, [])
        actueel = next((s for s in rijen if s.actueel), None)
        standen.append(
            MeetmomentStand(
                moment=moment,
                vanaf=meetdatum(moment, start),
                nog_niet=nog_niet_meetbaar(moment, termijn_start=start, op=vandaag),
                situatie=actueel,
                eerder=tuple(s for s in rijen if not s.actueel),
            )
        )
    return standen


# DUO's codes for exam components (Examen API) as a consultant reads them.
DUO_ONDERDELEN = {
    "KNM": "Kennis van de Nederlandse maatschappij (KNM)",
    "LU": "Luisteren",
    "LE": "Lezen",
    "SP": "Spreken",
    "SC": "Schrijven",
}


@dataclass(frozen=True)
class Uitkomst:
    """One line of the outcome picture, whatever its source."""

    datum: date | None
    soort: str  # participatie | situatie | examen | onderdeel | eindrapport
    omschrijving: str
    bron: str  # Consulent | Aanbieder | DUO


@dataclass
class Uitkomsten:
    """Everything Regie knows about what a newcomer achieved, from every source."""

    activiteiten: list[Activiteit]
    meetmomenten: list[MeetmomentStand]
    examens: list[Uitkomst] = field(default_factory=list)
    onderdelen: list[Uitkomst] = field(default_factory=list)
    eindrapporten: list[Uitkomst] = field(default_factory=list)
    peildatum: date | None = None

    def _lopend(self, *soorten) -> list[Activiteit]:
        return [
            a for a in self.activiteiten if a.loopt_op(self.peildatum) and (not soorten or a.soort in soorten)
        ]

    @property
    def lopende_activiteiten(self) -> list[Activiteit]:
        return self._lopend()

    @property
    def werkt(self) -> bool:
        return bool(self._lopend(Soort.BETAALD_WERK))

    @property
    def in_opleiding(self) -> bool:
        return bool(self._lopend(Soort.OPLEIDING))

    @property
    def laatste_situatie(self) -> Situatie | None:
        gemeten = [m.situatie for m in self.meetmomenten if m.situatie is not None]
        return max(gemeten, key=lambda s: (s.gemeten_op, s.pk), default=None)

    @property
    def overzicht(self) -> list[Uitkomst]:
        """Every outcome as one list, newest first."""
        regels = [
            Uitkomst(
                a.startdatum,
                "participatie",
                f"{a.get_soort_display()} bij {a.partner}"
                + (f" tot {a.einddatum:%d-%m-%Y}" if a.einddatum else "")
                + f" ({a.get_resultaat_display().lower()})",
                "Consulent",
            )
            for a in self.activiteiten
        ]
        regels += [
            Uitkomst(
                m.situatie.gemeten_op,
                "situatie",
                f"{m.label}: {m.situatie.get_werk_display().lower()},"
                f" {'volgt een opleiding' if m.situatie.opleiding else 'geen opleiding'},"
                f" {m.situatie.get_uitkering_display().lower()}, zelfredzaamheid {m.situatie.zelfredzaamheid}",
                "Consulent",
            )
            for m in self.meetmomenten
            if m.situatie is not None
        ]
        regels += self.examens + self.onderdelen + self.eindrapporten
        return sorted(regels, key=lambda u: u.datum or date.min, reverse=True)


def _examens_aanbieders(inburgeraar) -> list[Uitkomst]:
    from regie.voortgang.models import Examenpoging

    pogingen = Examenpoging.objects.filter(verwijzing__inburgeraar=inburgeraar).order_by("datum", "pk")
    return [
        Uitkomst(
            p.datum,
            "examen",
            f"Examen {p.get_onderdeel_display()}{' ' + p.niveau if p.niveau else ''}: {p.get_uitslag_display().lower()}",
            "Aanbieder",
        )
        for p in pogingen
    ]


def _examens_duo(inburgeraar) -> list[Uitkomst]:
    """The exam results DUO last gave for the person (regie.notificaties keeps them per resource)."""
    from regie.notificaties.models import DuoStand

    stand = DuoStand.objects.filter(inburgeraar=inburgeraar).values_list("gegevens", flat=True).first()
    uit = []
    for r in (stand or {}).get("examenresultaten") or []:
        if not isinstance(r, dict):
            continue
        try:
            dag = date.fromisoformat(str(r.get("examendatum") or "")[:10])
        except ValueError:
            dag = None
        onderdeel = DUO_ONDERDELEN.get(r.get("onderdeel"), r.get("onderdeel") or "onbekend onderdeel")
        niveau = f" {r['niveau']}" if r.get("niveau") else ""
        reden = f" ({r['redenGeenResultaat']})" if r.get("redenGeenResultaat") else ""
        uitslag = str(r.get("resultaat") or "geen uitslag").lower()
        uit.append(Uitkomst(dag, "examen", f"Examen {onderdeel}{niveau}: {uitslag}{reden}", "DUO"))
    return uit


def _onderdelen_en_eindrapporten(inburgeraar) -> tuple[list[Uitkomst], list[Uitkomst]]:
    from regie.voortgang.models import Eindrapport, Onderdeelresultaat

    onderdelen = [
        Uitkomst(r.afgerond_op, "onderdeel", f"{r.get_soort_display()} afgerond", "Aanbieder")
        for r in Onderdeelresultaat.objects.filter(verwijzing__inburgeraar=inburgeraar).order_by(
            "afgerond_op"
        )
    ]
    rapporten = [
        Uitkomst(
            e.datum,
            "eindrapport",
            f"Eindrapport {e.verwijzing.get_onderdeel_display()} ({e.verwijzing.contract.aanbieder.naam}):"
            f" {e.samenvatting[:200]}",
            "Aanbieder",
        )
        for e in Eindrapport.objects.filter(verwijzing__inburgeraar=inburgeraar)
        .select_related("verwijzing__contract__aanbieder")
        .order_by("datum")
    ]
    return onderdelen, rapporten


def uitkomsten_voor(inburgeraar: Inburgeraar, *, vandaag: date | None = None) -> Uitkomsten:
    """The one outcome picture of a case: participation and the measuring moments (recorded by the
    consultant), exams and completed components and final reports (from providers), and exam
    results (from DUO). `vandaag` is the day "running" activities are judged on."""
    vandaag = vandaag or klok_vandaag()
    onderdelen, rapporten = _onderdelen_en_eindrapporten(inburgeraar)
    return Uitkomsten(
        activiteiten=list(activiteiten_van(inburgeraar)),
        meetmomenten=meetmomenten_van(inburgeraar, vandaag=vandaag),
        examens=_examens_aanbieders(inburgeraar) + _examens_duo(inburgeraar),
        onderdelen=onderdelen,
        eindrapporten=rapporten,
        peildatum=vandaag,
    )

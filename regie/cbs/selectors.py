"""Reading for the CBS delivery: who may deliver for which municipalities (the berichtgever), who is
in scope in a quarter, and what Regie knows of them at the end of the quarter.

In scope for a quarter (our reading of CBS's 2023 guidelines, see README "CBS-levering"): a person
of the berichtgever's municipalities who was linked to the municipality on or before the last day
of the quarter (the koppeldatum: the earlier of COA's linking and DUO's notice, else the day the
case was registered) and whose case had not ended before the quarter began. So a person is
delivered first over the quarter of linking, then every quarter, up to and including the quarter
in which the case ended (moved away, obligation met, released or ended).

Everything is read with a fixed number of queries (one for the persons, one per kind of dated
fact), whatever the number of persons; Python only assembles the records of the persons delivered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least, TruncDate
from django.http import Http404
from django.utils import timezone

from regie.cbs.definitie import DEFINITIE
from regie.cbs.kwartaal import Kwartaal
from regie.cbs.models import Levering
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import gemeenten_voor
from regie.inburgeraars.status import EINDSTATUSSEN
from regie.intake.models import Afspraak
from regie.organisaties.models import Gemeente
from regie.pip.models import Pip
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.trajecten.models import Verwijzing, VerwijzingStatus
from regie.voortgang.models import Examenpoging, Onderdeelresultaat, Uitslag

ALLE = "alle"
NIET_GEVONDEN = "Deze berichtgever bestaat niet of u levert niet voor deze gemeente."
LEVERING_NIET_GEVONDEN = "Deze levering bestaat niet of u heeft er geen toegang toe."
_DAG = timedelta(days=1)
_RESULTAAT_PERCEEL = {"pvt": "pvt", "map": "map", "zroute": "z_route"}


@dataclass(frozen=True)
class Berichtgever:
    """Who delivers: one municipality, or the organisation for all its municipalities in one file."""

    sleutel: str  # a municipality's CBS code, or ALLE
    naam: str
    organisatie: object
    gemeenten: tuple  # Gemeente objects
    gemeente: object | None  # None: the organisation for all of them

    @property
    def gemeentecodes(self) -> tuple[str, ...]:
        return tuple(g.cbs_code for g in self.gemeenten)


def berichtgevers_voor(user) -> list[Berichtgever]:
    """Each municipality the user works for, and the organisation as one berichtgever when it has
    several municipalities and the user works for all of them (a shared service such as
    Sociale Dienst Drechtsteden)."""
    eigen = list(gemeenten_voor(user).select_related("organisatie").order_by("naam"))
    uit = [Berichtgever(g.cbs_code, g.naam, g.organisatie, (g,), g) for g in eigen]
    if len(eigen) > 1:
        alle = Gemeente.objects.filter(organisatie_id=user.organisatie_id).count()
        if alle == len(eigen):
            organisatie = eigen[0].organisatie
            uit.insert(
                0, Berichtgever(ALLE, f"{organisatie.naam} (alle gemeenten)", organisatie, tuple(eigen), None)
            )
    return uit


def berichtgever_voor(user, sleutel: str) -> Berichtgever:
    for berichtgever in berichtgevers_voor(user):
        if berichtgever.sleutel == sleutel:
            return berichtgever
    raise Http404(NIET_GEVONDEN)


def leveringen_voor(user) -> QuerySet[Levering]:
    """The deliveries of the user's organisation for municipalities the user works for (a delivery of
    the whole organisation only for who works for all of them)."""
    sleutels = {b.sleutel for b in berichtgevers_voor(user)}
    if not sleutels:
        return Levering.objects.none()
    filter_ = Q(gemeente__cbs_code__in=sleutels - {ALLE})
    if ALLE in sleutels:
        filter_ |= Q(gemeente__isnull=True)
    return (
        Levering.objects.filter(organisatie_id=user.organisatie_id)
        .filter(filter_)
        .select_related("gemeente", "gemaakt_door", "vervangt")
        .defer("bestand", "inburgeraars")
    )


def levering_voor(user, uuid) -> Levering:
    try:
        return leveringen_voor(user).defer(None).get(uuid=uuid)
    except (Levering.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(LEVERING_NIET_GEVONDEN) from exc


def eerdere_leveringen(berichtgever: Berichtgever, kwartaal: Kwartaal) -> QuerySet[Levering]:
    return Levering.objects.filter(
        organisatie=berichtgever.organisatie,
        gemeente=berichtgever.gemeente,
        jaar=kwartaal.jaar,
        kwartaal=kwartaal.nummer,
    ).defer("bestand", "inburgeraars")


# --- Scope ----------------------------------------------------------------------------------------


def _begin(dag) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def koppeldatum():
    """The day the person was linked to the municipality: the earlier of COA's linking and DUO's
    notice, else the day the case was registered (Least gives NULL on SQLite when one is NULL)."""
    geregistreerd = TruncDate("aangemaakt_op")
    return Least(
        Coalesce("datum_koppeling_coa", "datum_melding_duo", geregistreerd),
        Coalesce("datum_melding_duo", "datum_koppeling_coa", geregistreerd),
    )


def _einde_op():
    """When a closed case was closed: its last change to an end status on the timeline."""
    return Coalesce(
        Subquery(
            Gebeurtenis.objects.filter(
                inburgeraar=OuterRef("pk"),
                soort=Soort.STATUS_GEWIJZIGD,
                gegevens__naar__in=[str(s) for s in EINDSTATUSSEN],
            )
            .order_by("-op")
            .values("op")[:1]
        ),
        F("gewijzigd_op"),
    )


def in_scope(gemeenten, kwartaal: Kwartaal) -> QuerySet[Inburgeraar]:
    """The persons to deliver for these municipalities over this quarter (see the module text)."""
    return (
        Inburgeraar.objects.filter(gemeente__in=gemeenten)
        .annotate(koppeldatum=koppeldatum(), einde_op=_einde_op())
        .filter(koppeldatum__lte=kwartaal.einde)
        .exclude(Q(status__in=[str(s) for s in EINDSTATUSSEN]) & Q(einde_op__lt=_begin(kwartaal.begin)))
    )


# --- What Regie knows at the end of the quarter ------------------------------------------------------


def personen(gemeenten, kwartaal: Kwartaal) -> list:
    """The definition's Persoon for everyone in scope, filled with what was known on the last day of
    the quarter (facts dated later are left out). Six queries."""
    peil = kwartaal.einde
    scope = in_scope(gemeenten, kwartaal)
    ids = scope.values("pk")
    rijen = list(
        scope.select_related("gemeente", "consulent", "brede_intake").order_by(
            "geslachtsnaam", "voornamen", "pk"
        )
    )
    intake_start = dict(
        Afspraak.objects.filter(
            inburgeraar_id__in=ids, status=Afspraak.Status.GEHOUDEN, begint_op__lt=_begin(peil) + _DAG
        )
        .order_by("inburgeraar_id", "-begint_op")
        .values_list("inburgeraar_id", "begint_op")
    )
    pips: dict[int, list] = defaultdict(list)
    for pip in (
        Pip.objects.filter(inburgeraar_id__in=ids, dagtekening__lte=peil)
        .order_by("inburgeraar_id", "dagtekening", "versie")
        .values("inburgeraar_id", "dagtekening", "leerroute", "pvt", "map", "maatschappelijke_begeleiding")
    ):
        pips[pip["inburgeraar_id"]].append(pip)
    verwijzingen: dict[int, dict] = defaultdict(dict)
    for v in (
        Verwijzing.objects.filter(inburgeraar_id__in=ids, verzonden_op__lte=peil)
        .order_by("inburgeraar_id", "verzonden_op", "id")
        .values(
            "inburgeraar_id",
            "onderdeel",
            "status",
            "startdatum",
            "einddatum",
            "contract__aanbieder__instellingsnummer",
            "contract__aanbieder__naam",
        )
    ):
        gestart = v["startdatum"] if v["startdatum"] and v["startdatum"] <= peil else None
        afgerond = (
            v["einddatum"]
            if v["status"] == VerwijzingStatus.AFGEROND and v["einddatum"] and v["einddatum"] <= peil
            else None
        )
        vorig = verwijzingen[v["inburgeraar_id"]].get(v["onderdeel"])
        if vorig is None or gestart or not vorig.gestart:  # the latest started referral counts
            verwijzingen[v["inburgeraar_id"]][v["onderdeel"]] = DEFINITIE.Onderdeel(
                gestart=gestart,
                afgerond=afgerond,
                instellingsnummer=v["contract__aanbieder__instellingsnummer"] or "",
                aanbieder=v["contract__aanbieder__naam"],
            )
    resultaten: dict[int, dict] = defaultdict(dict)
    for inburgeraar_id, soort, op in Onderdeelresultaat.objects.filter(
        verwijzing__inburgeraar_id__in=ids, afgerond_op__lte=peil
    ).values_list("verwijzing__inburgeraar_id", "soort", "afgerond_op"):
        resultaten[inburgeraar_id][_RESULTAAT_PERCEEL[soort]] = op
    examens: dict[int, dict] = defaultdict(dict)
    for inburgeraar_id, onderdeel, niveau in Examenpoging.objects.filter(
        verwijzing__inburgeraar_id__in=ids, datum__lte=peil, uitslag=Uitslag.BEHAALD
    ).values_list("verwijzing__inburgeraar_id", "onderdeel", "niveau"):
        examens[inburgeraar_id][onderdeel] = max(
            (niveau, examens[inburgeraar_id].get(onderdeel, "")),
            key=lambda n: DEFINITIE.EXAMENNIVEAU.index(n) if n in DEFINITIE.EXAMENNIVEAU else -1,
        )
    return [_persoon(i, kwartaal, intake_start, pips, verwijzingen, resultaten, examens) for i in rijen]


def _persoon(i, kwartaal, intake_start, pips, verwijzingen, resultaten, examens):
    peil = kwartaal.einde
    intake = getattr(i, "brede_intake", None)
    eigen_pips = pips.get(i.pk, [])
    geldend = eigen_pips[-1] if eigen_pips else None
    onderdelen = dict(verwijzingen.get(i.pk, {}))
    for perceel, op in resultaten.get(i.pk, {}).items():
        onderdeel = onderdelen.setdefault(perceel, DEFINITIE.Onderdeel())
        onderdeel.afgerond = onderdeel.afgerond or op
    einde = timezone.localdate(i.einde_op) if i.status in EINDSTATUSSEN and i.einde_op else None
    start = intake_start.get(i.pk)
    eigen_examens = examens.get(i.pk, {})
    return DEFINITIE.Persoon(
        id=i.pk,
        uuid=str(i.uuid),
        bsn=i.bsn,
        geboortedatum=i.geboortedatum,
        geslacht=i.geslacht,
        doelgroep=i.doelgroep,
        gemeentecode=i.gemeente.cbs_code,
        koppeldatum=i.koppeldatum,
        datum_koppeling_coa=i.datum_koppeling_coa
        if i.datum_koppeling_coa and i.datum_koppeling_coa <= peil
        else None,
        begindatum_plicht=i.begindatum_inburgeringsplicht,
        verhuisd_naar_gemeente=bool(i.dagtekening_eerste_pip_elders or i.leerroute_vorige_gemeente),
        intake_start=timezone.localdate(start) if start else None,
        intake_afgerond=intake.afgerond_op
        if intake and intake.afgerond_op and intake.afgerond_op <= peil
        else None,
        opleidingsniveau=intake.opleidingsniveau if intake else "",
        leerbaarheidstoets=intake.leerbaarheidstoets_resultaat if intake else "",
        eerste_pip=eigen_pips[0]["dagtekening"] if eigen_pips else None,
        leerroute=geldend["leerroute"] if geldend else "",
        pvt=bool(geldend and geldend["pvt"]),
        map=bool(geldend and geldend["map"]),
        maatschappelijke_begeleiding=bool(geldend and geldend["maatschappelijke_begeleiding"]),
        onderdelen=onderdelen,
        examens={k: v for k, v in eigen_examens.items() if k != "knm" and v},
        knm_behaald="knm" in eigen_examens,
        einddatum=einde,
        eindstatus=i.status if einde else "",
        einde_reden=i.einde_reden if einde else "",
        naam=i.naam,
        consulent=str(i.consulent) if i.consulent else "",
    )

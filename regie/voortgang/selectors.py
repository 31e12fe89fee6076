"""Reading what providers reported. Other areas (worklist signals, the Wi 6 check) call these;
the `met_...` functions annotate a queryset so a worklist of many cases needs one query.

Definitions:
- `ongeoorloofd_afwezig_aandeel`: unexcused hours / offered hours over the current weekly
  reports of all the person's referrals, for the `weken` calendar weeks that end with the week
  of `tot` (that week included). None when no hours were offered in that window.
- `laatste_rapportage_op`: the (local) date the provider last reported anything on the referral
  (a week, progress, exam, result or end report; corrections count).
- `laatste_voortgang_op`: the last date the person showed progress: a measured level (not
  "niet op koers"), a passed exam, or a completed component.
- `afgeronde_onderdelen`: what was completed, keyed "pvt", "map", "zroute" and "examen_lezen",
  "examen_luisteren", "examen_spreken", "examen_schrijven", "examen_knm" (passed exams; the
  highest level, then the first date).
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import (
    DateField,
    DateTimeField,
    DecimalField,
    Max,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.utils import timezone

from regie import klok
from regie.duo.uitgaand.models import Soort
from regie.inburgeraars.models import Doelgroep
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgang.models import (
    Eindrapport,
    Examenpoging,
    Niveau,
    Onderdeelresultaat,
    Resultaatsoort,
    Uitslag,
    Voortgangsmeting,
    Weekrapportage,
)

NUL = Decimal("0")
_LANG_GELEDEN = datetime(1900, 1, 1, tzinfo=timezone.get_fixed_timezone(0))


@dataclass(frozen=True)
class Afgerond:
    datum: date
    niveau: str = ""
    uren_taal: int | None = None
    uren_participatie: int | None = None
    eindgesprek_op: date | None = None


def venster(*, weken: int, tot: date | None = None) -> tuple[date, date]:
    """(first Monday, last Monday) of the `weken` weeks ending with the week of `tot`."""
    laatste = maandag_van(tot or klok.vandaag())
    return laatste - timedelta(weeks=max(weken, 1) - 1), laatste


def ongeoorloofd_afwezig_aandeel(inburgeraar, *, weken: int = 4, tot: date | None = None) -> Decimal | None:
    van, tot_maandag = venster(weken=weken, tot=tot)
    som = Weekrapportage.objects.filter(
        verwijzing__inburgeraar=inburgeraar, actueel=True, week__gte=van, week__lte=tot_maandag
    ).aggregate(aangeboden=Sum("uren_aangeboden"), ongeoorloofd=Sum("uren_afwezig_ongeoorloofd"))
    if not som["aangeboden"]:
        return None
    return (som["ongeoorloofd"] / som["aangeboden"]).quantize(Decimal("0.0001"))


def rapporten_in_venster(van: date, tot: date):
    """For a subquery on Inburgeraar: the current weekly reports of the case (OuterRef "pk") from
    the Monday `van` through the Monday `tot`, grouped per case."""
    return (
        Weekrapportage.objects.filter(
            verwijzing__inburgeraar=OuterRef("pk"), actueel=True, week__gte=van, week__lte=tot
        )
        .order_by()
        .values("verwijzing__inburgeraar")
    )


_UREN = DecimalField(max_digits=9, decimal_places=2)


def uren_in_venster(veld: str, van: date, tot: date):
    """The case's hours `veld` summed over `rapporten_in_venster` (0 when nothing was reported)."""
    som = rapporten_in_venster(van, tot).annotate(s=Sum(veld)).values("s")[:1]
    return Coalesce(Subquery(som, output_field=_UREN), Value(NUL), output_field=_UREN)


def met_ongeoorloofd_afwezig(inburgeraars, *, weken: int = 4, tot: date | None = None):
    """Annotate a queryset of Inburgeraar with `uren_aangeboden_recent` and
    `uren_ongeoorloofd_recent` (Decimal, 0 when nothing was reported) for the window; the share
    is their quotient (see `aandeel`)."""
    van, tot_maandag = venster(weken=weken, tot=tot)
    return inburgeraars.annotate(
        uren_aangeboden_recent=uren_in_venster("uren_aangeboden", van, tot_maandag),
        uren_ongeoorloofd_recent=uren_in_venster("uren_afwezig_ongeoorloofd", van, tot_maandag),
    )


def aandeel(ongeoorloofd, aangeboden) -> Decimal | None:
    """The share from the two annotations of `met_ongeoorloofd_afwezig` (None without hours)."""
    if not aangeboden:
        return None
    return (Decimal(ongeoorloofd) / Decimal(aangeboden)).quantize(Decimal("0.0001"))


def _laatste_momenten(verwijzing_ref):
    """Subqueries of the last `ingediend_op` per kind of report, for one referral (OuterRef)."""
    moment = DateTimeField()
    return [
        Coalesce(
            Subquery(
                model.objects.filter(verwijzing=verwijzing_ref)
                .values("verwijzing")
                .annotate(m=Max("ingediend_op"))
                .values("m")[:1],
                output_field=moment,
            ),
            Value(_LANG_GELEDEN),
            output_field=moment,
        )
        for model in (Weekrapportage, Voortgangsmeting, Examenpoging, Onderdeelresultaat, Eindrapport)
    ]


def met_laatste_rapportage(verwijzingen):
    """Annotate a queryset of Verwijzing with `laatste_rapportage_moment` (datetime, or None when
    the provider never reported)."""
    # NULLIF of one GREATEST: the five subqueries appear once in the SQL (a CASE over an annotation
    # would repeat them in every branch).
    return verwijzingen.annotate(
        laatste_rapportage_moment=NullIf(
            Greatest(*_laatste_momenten(OuterRef("pk"))), Value(_LANG_GELEDEN), output_field=DateTimeField()
        )
    )


def _of_none(moment) -> datetime | None:
    if moment is None or moment.year <= 1900:
        return None
    return moment


def laatste_rapportage_moment(verwijzing) -> datetime | None:
    momenten = [
        model.objects.filter(verwijzing=verwijzing).aggregate(m=Max("ingediend_op"))["m"]
        for model in (Weekrapportage, Voortgangsmeting, Examenpoging, Onderdeelresultaat, Eindrapport)
    ]
    momenten = [m for m in momenten if m is not None]
    return max(momenten) if momenten else None


def laatste_rapportage_op(verwijzing) -> date | None:
    # An annotated None means "never reported"; only a row without the annotation is looked up.
    if hasattr(verwijzing, "laatste_rapportage_moment"):
        moment = verwijzing.laatste_rapportage_moment
    else:
        moment = laatste_rapportage_moment(verwijzing)
    moment = _of_none(moment)
    return timezone.localdate(moment) if moment else None


def _voortgang_filters(persoon, via: str = "verwijzing__inburgeraar"):
    """The progress rows of a case (or, with via="verwijzing", of one referral) and their date."""
    return (
        (Voortgangsmeting.objects.filter(**{via: persoon}).exclude(niveau=Niveau.NIET_OP_KOERS), "datum"),
        (Examenpoging.objects.filter(**{via: persoon}, uitslag=Uitslag.BEHAALD), "datum"),
        (Onderdeelresultaat.objects.filter(**{via: persoon}), "afgerond_op"),
    )


def laatste_voortgang_op(inburgeraar) -> date | None:
    datums = [qs.aggregate(d=Max(veld))["d"] for qs, veld in _voortgang_filters(inburgeraar)]
    datums = [d for d in datums if d is not None]
    return max(datums) if datums else None


def met_laatste_voortgang(inburgeraars, via: str = "verwijzing__inburgeraar"):
    """Annotate a queryset of Inburgeraar (or, with via="verwijzing", of Verwijzing) with
    `laatste_voortgang_datum` (date or None)."""
    dag = DateField()
    lang_geleden = date(1900, 1, 1)
    delen = [
        Coalesce(
            Subquery(qs.values(via).annotate(d=Max(veld)).values("d")[:1], output_field=dag),
            Value(lang_geleden),
            output_field=dag,
        )
        for qs, veld in _voortgang_filters(OuterRef("pk"), via)
    ]
    return inburgeraars.annotate(
        laatste_voortgang_datum=NullIf(Greatest(*delen), Value(lang_geleden), output_field=dag)
    )


NIVEAU_VOLGORDE = {"": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4}


def afgeronde_onderdelen(inburgeraar) -> dict[str, Afgerond]:
    uit: dict[str, Afgerond] = {}
    for r in Onderdeelresultaat.objects.filter(verwijzing__inburgeraar=inburgeraar).order_by("afgerond_op"):
        uit.setdefault(
            r.soort,
            Afgerond(
                datum=r.afgerond_op,
                uren_taal=r.uren_taal,
                uren_participatie=r.uren_participatie,
                eindgesprek_op=r.eindgesprek_op,
            ),
        )
    pogingen = Examenpoging.objects.filter(verwijzing__inburgeraar=inburgeraar, uitslag=Uitslag.BEHAALD)
    for p in sorted(pogingen, key=lambda p: (-NIVEAU_VOLGORDE.get(p.niveau, 0), p.datum)):
        uit.setdefault(f"examen_{p.onderdeel}", Afgerond(datum=p.datum, niveau=p.niveau))
    return uit


# --- For the portal and the case pages -------------------------------------------------------


def weekrapportages(verwijzing):
    """The current report of every week, newest first."""
    return Weekrapportage.objects.filter(verwijzing=verwijzing, actueel=True).select_related("ingediend_door")


def correcties(verwijzing):
    """Reports that were replaced by a correction, with what replaced them."""
    return (
        Weekrapportage.objects.filter(verwijzing=verwijzing, actueel=False)
        .select_related("vervangen_door", "ingediend_door")
        .order_by("-week", "-ingediend_op")
    )


def totalen(verwijzing) -> dict:
    som = Weekrapportage.objects.filter(verwijzing=verwijzing, actueel=True).aggregate(
        aangeboden=Sum("uren_aangeboden"),
        gevolgd=Sum("uren_gevolgd"),
        ongeoorloofd=Sum("uren_afwezig_ongeoorloofd"),
    )
    return {k: v or NUL for k, v in som.items()}


def uren_voor_duo(inburgeraar) -> dict[str, int]:
    """The totals DUO's GevolgdeUren API asks, from the providers' reports, per kind of message to
    DUO (regie.duo.uitgaand.berichten.meld_gevolgde_uren sends them):

    - participatietaalles (ParticipatieAlsTaalles): hours of Dutch and KNM at a course institution in
      the leerroute, previous routes included, brede intake excluded = the hours followed in the current
      weekly reports (`Weekrapportage.uren_gevolgd`) of referrals for the B1-route and the onderwijsroute
      (for the onderwijsroute all lesson hours, as the spec says), plus the language hours (`uren_taal`)
      of a reported Z-route result;
    - participatieactiviteiten (ParticipatieactiviteitenBredeIntake): hours of participation activities
      for the Z-route of an asielstatushouder (maatschappelijke begeleiding included, Bi 3.14) = the
      `uren_participatie` of a reported Z-route result, or else the hours followed in the weekly reports
      of referrals for the Z-route and maatschappelijke begeleiding; only for an asielstatushouder with a
      Z-route referral or result.
    Hours are summed exactly and rounded down to whole hours (DUO takes integers); a correction of a
    weekly report counts only in its newest version.
    """
    rapportages = Weekrapportage.objects.filter(verwijzing__inburgeraar=inburgeraar, actueel=True)
    taal = rapportages.filter(verwijzing__onderdeel__in=("b1_route", "onderwijsroute")).aggregate(
        s=Sum("uren_gevolgd")
    )["s"] or Decimal(0)
    zroute = (
        Onderdeelresultaat.objects.filter(verwijzing__inburgeraar=inburgeraar, soort=Resultaatsoort.ZROUTE)
        .order_by("-afgerond_op", "-id")
        .first()
    )
    if zroute and zroute.uren_taal:
        taal += zroute.uren_taal
    totalen = {Soort.UREN_TAALLES: math.floor(taal)}
    heeft_zroute = zroute is not None or inburgeraar.verwijzingen.filter(onderdeel="z_route").exists()
    if inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER and heeft_zroute:
        if zroute and zroute.uren_participatie is not None:
            participatie = Decimal(zroute.uren_participatie)
        else:
            participatie = rapportages.filter(
                verwijzing__onderdeel__in=("z_route", "maatschappelijke_begeleiding")
            ).aggregate(s=Sum("uren_gevolgd"))["s"] or Decimal(0)
        totalen[Soort.UREN_PARTICIPATIEACTIVITEITEN] = math.floor(participatie)
    return totalen

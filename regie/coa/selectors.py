"""Reading COA imports and the taakstelling figures."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from regie.coa.models import CoaImport, CoaKoppeling, ImportStatus, Taakstelling
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import gemeenten_voor
from regie.organisaties.models import Gemeente


def imports_voor(user) -> QuerySet[CoaImport]:
    """Confirmed imports of the user's organisation, and the user's own unconfirmed uploads
    (an upload waiting for its preview is private to who uploaded it)."""
    if not user.is_authenticated or user.organisatie_id is None:
        return CoaImport.objects.none()
    return CoaImport.objects.filter(organisatie_id=user.organisatie_id).filter(
        Q(status=ImportStatus.VERWERKT) | Q(geupload_door=user)
    )


def import_voor(user, uuid) -> CoaImport:
    try:
        return imports_voor(user).select_related("geupload_door", "verwerkt_door").get(uuid=uuid)
    except (CoaImport.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Deze import bestaat niet of u heeft er geen toegang toe.") from exc


def koppelingen_van_import(user, coa_import: CoaImport) -> QuerySet[CoaKoppeling]:
    """The processed rows the user may see: of the municipalities the user works for."""
    return (
        coa_import.koppelingen.filter(inburgeraar__gemeente__in=gemeenten_voor(user))
        .select_related("inburgeraar", "kind", "gemeente")
        .order_by("rij")
    )


def koppelingen_van(inburgeraar: Inburgeraar) -> QuerySet[CoaKoppeling]:
    """The COA koppelingen of one case (its own rows, not those of its children), newest first."""
    return (
        inburgeraar.coa_koppelingen.filter(kind__isnull=True)
        .select_related("coa_import", "gemeente")
        .order_by("-coa_import__geupload_op", "-pk")
    )


# --- Taakstelling -----------------------------------------------------------------------------


def halfjaar_periode(jaar: int, halfjaar: int) -> tuple[date, date]:
    return (date(jaar, 1, 1), date(jaar, 6, 30)) if halfjaar == 1 else (date(jaar, 7, 1), date(jaar, 12, 31))


@dataclass
class Realisatie:
    gemeente: Gemeente | None  # None: the total of the organisation
    jaar: int
    halfjaar: int
    taakstelling: int | None
    gekoppeld: int
    gehuisvest: int
    toelichting: str = ""

    @property
    def resterend(self) -> int | None:
        if self.taakstelling is None:
            return None
        return max(self.taakstelling - self.gehuisvest, 0)

    @property
    def realisatie(self) -> int | None:
        """Housed as a share of the target, in whole percents (None without a target)."""
        if not self.taakstelling:
            return None
        return round(100 * self.gehuisvest / self.taakstelling)


def taakstelling_overzicht(user, jaar: int) -> list[Realisatie]:
    """Per municipality of the user and half year of `jaar`: the target against the cases
    linked by COA (datum_koppeling_coa in the half year) and housed (datum_huisvesting in
    it), and per half year the organisation's total when it has more than one municipality.
    Two queries; only numbers, no persons."""
    gemeenten = list(gemeenten_voor(user).order_by("naam"))
    perioden = {h: halfjaar_periode(jaar, h) for h in (1, 2)}
    tellingen = {}
    for h, (begin, eind) in perioden.items():
        tellingen[f"k{h}"] = Count("pk", filter=Q(datum_koppeling_coa__range=(begin, eind)))
        tellingen[f"h{h}"] = Count("pk", filter=Q(datum_huisvesting__range=(begin, eind)))
    cijfers = {
        rij["gemeente"]: rij
        for rij in Inburgeraar.objects.filter(gemeente__in=gemeenten)
        .values("gemeente")
        .annotate(**tellingen)
        .order_by()
    }
    doelen = {
        (t.gemeente_id, t.halfjaar): t for t in Taakstelling.objects.filter(gemeente__in=gemeenten, jaar=jaar)
    }
    regels = []
    for h in (1, 2):
        per_gemeente = []
        for gemeente in gemeenten:
            c = cijfers.get(gemeente.pk, {})
            doel = doelen.get((gemeente.pk, h))
            per_gemeente.append(
                Realisatie(
                    gemeente=gemeente,
                    jaar=jaar,
                    halfjaar=h,
                    taakstelling=doel.aantal if doel else None,
                    gekoppeld=c.get(f"k{h}", 0),
                    gehuisvest=c.get(f"h{h}", 0),
                    toelichting=doel.toelichting if doel else "",
                )
            )
        regels += per_gemeente
        if len(per_gemeente) > 1:
            doelen_h = [r.taakstelling for r in per_gemeente if r.taakstelling is not None]
            regels.append(
                Realisatie(
                    gemeente=None,
                    jaar=jaar,
                    halfjaar=h,
                    taakstelling=sum(doelen_h) if doelen_h else None,
                    gekoppeld=sum(r.gekoppeld for r in per_gemeente),
                    gehuisvest=sum(r.gehuisvest for r in per_gemeente),
                )
            )
    return regels

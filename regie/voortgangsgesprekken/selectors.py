"""Reading for the Voortgang tab: the talks, the Wi 6 check and the attendance of a case.
The case itself always comes from `inburgeraar_voor(user, uuid)`."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet

from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import EindeReden, Status
from regie.pip.services import huidig_pip
from regie.voortgangsgesprekken.models import Voortgangsgesprek
from regie.wet.einde import plicht_geldt_niet_meer
from regie.wet.plicht import Onderdeel, Plichtcheck, Stand, plicht_voldaan, z_route_voltooid


def gesprekken_van(inburgeraar: Inburgeraar) -> QuerySet[Voortgangsgesprek]:
    return inburgeraar.voortgangsgesprekken.select_related("consulent").order_by("gepland_op", "id")


EXAMENS = {
    "examen_lezen": Onderdeel.LEZEN,
    "examen_luisteren": Onderdeel.LUISTEREN,
    "examen_spreken": Onderdeel.SPREKEN,
    "examen_schrijven": Onderdeel.SCHRIJVEN,
    "examen_knm": Onderdeel.KNM,
}


def stand_van(inburgeraar: Inburgeraar) -> Stand:
    """What the providers reported done (regie.voortgang.selectors.afgeronde_onderdelen), as the
    input of the Wi 6 check. The onderwijsroute counts as completed when a referral for it was
    closed as completed (afgerond). Vrijstelling, ontheffing and the end of the obligation are
    DUO's decisions; Regie knows them from the case's end reason (set from DUO's notices by
    regie.duo.inkomend). A partial vrijstelling or ontheffing is not recorded in Regie yet."""
    from regie.aanbieders.models import Perceel
    from regie.trajecten.models import VerwijzingStatus
    from regie.voortgang.selectors import afgeronde_onderdelen

    onderwijsroute = inburgeraar.verwijzingen.filter(
        onderdeel=Perceel.ONDERWIJSROUTE, status=VerwijzingStatus.AFGEROND
    ).exists()
    stand = stand_uit(
        afgeronde_onderdelen(inburgeraar), doelgroep=inburgeraar.doelgroep, onderwijsroute=onderwijsroute
    )
    reden = inburgeraar.einde_reden
    return replace(
        stand,
        gehele_vrijstelling=reden == EindeReden.VRIJSTELLING and inburgeraar.status == Status.AFGEROND,
        gehele_ontheffing=reden == EindeReden.ONTHEFFING,
        niet_meer_plichtig=plicht_geldt_niet_meer(reden),
    )


def stand_uit(afgerond: dict, *, doelgroep: str, onderwijsroute: bool = False) -> Stand:
    """Turn what `afgeronde_onderdelen` returns ({"pvt"|"map"|"zroute"|"examen_<onderdeel>":
    Afgerond}) into a `regie.wet.plicht.Stand`. A reported Z-route with its hours counts when the
    hours meet Bi 3.14 (`z_route_voltooid`); without hours the provider's report is taken as is."""
    z = afgerond.get("zroute")
    z_klaar = z is not None
    if z is not None and z.uren_taal is not None:
        z_klaar = z_route_voltooid(
            doelgroep=doelgroep,
            uren_taal_knm=z.uren_taal,
            uren_participatie=z.uren_participatie or 0,
            eindgesprek=z.eindgesprek_op is not None,
        )
    return Stand(
        pvt="pvt" in afgerond,
        map="map" in afgerond,
        examens={
            onderdeel: afgerond[sleutel].niveau
            for sleutel, onderdeel in EXAMENS.items()
            if sleutel in afgerond
        },
        onderwijsroute_afgerond=onderwijsroute,
        z_route_afgerond=z_klaar,
    )


def plichtcheck_voor(inburgeraar: Inburgeraar) -> Plichtcheck:
    """Wi 6 lid 1 for this case: the route and taaldoel of the current PIP against what is done."""
    pip = huidig_pip(inburgeraar)
    return plicht_voldaan(
        pip.leerroute if pip else None, (pip.taalniveau or None) if pip else None, stand_van(inburgeraar)
    )


@dataclass(frozen=True)
class Aanwezigheid:
    weken: int
    aandeel_ongeoorloofd: Decimal | None  # 0..1, None without reports in the period
    drempel: Decimal

    @property
    def boven_drempel(self) -> bool:
        return self.aandeel_ongeoorloofd is not None and self.aandeel_ongeoorloofd > self.drempel

    @property
    def procent(self) -> int | None:
        return None if self.aandeel_ongeoorloofd is None else round(self.aandeel_ongeoorloofd * 100)

    @property
    def drempel_procent(self) -> int:
        return round(self.drempel * 100)


def aanwezigheid_voor(inburgeraar: Inburgeraar, *, vandaag: date) -> Aanwezigheid:
    """The share of unexcused absence over the signal's period (regie.voortgang reports it)."""
    from regie.voortgang.selectors import ongeoorloofd_afwezig_aandeel

    weken = settings.SIGNAAL_AFWEZIG_WEKEN
    aandeel = ongeoorloofd_afwezig_aandeel(inburgeraar, weken=weken, tot=vandaag)
    return Aanwezigheid(
        weken=weken,
        aandeel_ongeoorloofd=None if aandeel is None else Decimal(str(aandeel)),
        drempel=Decimal(str(settings.SIGNAAL_AFWEZIG_AANDEEL)),
    )

"""Deciding a PIP: the rules of regie.wet.leerroute decide whether it may be stored."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from regie.accounts.models import User
from regie.duo.uitgaand import berichten as duo
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import dagtekening_eerste_pip
from regie.inburgeraars.services import neem_versie
from regie.inburgeraars.status import EINDSTATUSSEN, Status
from regie.inburgeraars.termijnvelden import termijnvelden_opslaan
from regie.klok import vandaag
from regie.pip.models import Pip
from regie.tijdlijn import events
from regie.wet.leerroute import (
    Doelgroep,
    EerderPip,
    Leerroute,
    PipVoorstel,
    Situatie,
    Taalniveau,
    standaard_taalniveau,
    toets_pip,
    waarschuwingen_pip,
)

ONDERDELEN = (
    "alfabetisering",
    "mag_opleiding_afmaken",
    "pvt",
    "map",
    "maatschappelijke_begeleiding",
    "geschatte_intensiteit_uren",
    "aantal_voortgangsgesprekken",
    "participatie_activiteiten",
    "vve",
    "tolk",
    "uren_nt2_gevolgd",
    "inspanning_aangetoond",
    "b1_niet_haalbaar",
)


def huidig_pip(inburgeraar: Inburgeraar) -> Pip | None:
    return inburgeraar.pips.order_by("-versie").first()


def _eerder_pip(inburgeraar: Inburgeraar, huidige: Pip | None) -> EerderPip | None:
    if huidige is not None:
        return EerderPip(
            leerroute=Leerroute(huidige.leerroute),
            taalniveau=Taalniveau(huidige.taalniveau) if huidige.taalniveau else None,
            dagtekening=huidige.dagtekening,
        )
    # Wi 15 lid 4: after a move the leerroute of the previous municipality stays, also
    # when the dagtekening of its PIP is not (yet) recorded.
    if inburgeraar.leerroute_vorige_gemeente:
        return EerderPip(
            leerroute=Leerroute(inburgeraar.leerroute_vorige_gemeente),
            taalniveau=None,
            dagtekening=inburgeraar.dagtekening_eerste_pip_elders,
            andere_gemeente=True,
        )
    return None


@transaction.atomic
def pip_vaststellen(
    *,
    inburgeraar: Inburgeraar,
    door: User,
    leerroute: str,
    dagtekening: date,
    taalniveau: str = "",
    reden: str = "",
    versie: int | None = None,
    waarschuwingen_gezien: bool = False,
    **onderdelen,
) -> Pip:
    """Decide a PIP (version) when it meets the rules of regie.wet.leerroute.toets_pip. What the
    law asks but the consultant may leave out for a reason (waarschuwingen_pip: no PVT, no MAP,
    no maatschappelijke begeleiding for an asielstatushouder) is refused until the consultant
    confirms having read the warnings (`waarschuwingen_gezien`); the PIP then keeps them."""
    onbekend = set(onderdelen) - set(ONDERDELEN)
    if onbekend:
        raise TypeError(f"Onbekende onderdelen: {sorted(onbekend)}")
    if inburgeraar.status_enum in EINDSTATUSSEN:
        raise ValidationError(
            {"__all__": ["Dit dossier is gesloten. Open het eerst opnieuw om een PIP vast te stellen."]}
        )
    invoerfouten: dict[str, list[str]] = {}
    if leerroute not in {r.value for r in Leerroute}:
        invoerfouten["leerroute"] = ["Kies een leerroute: B1-route, onderwijsroute of Z-route."]
    if taalniveau and taalniveau not in {n.value for n in Taalniveau}:
        invoerfouten["taalniveau"] = ["Kies als taaldoel B1 of A2, of laat het leeg."]
    if dagtekening is None:
        invoerfouten["dagtekening"] = ["Vul de dagtekening van het PIP in."]
    if invoerfouten:
        raise ValidationError(invoerfouten)
    huidige = huidig_pip(inburgeraar)
    route = Leerroute(leerroute)
    # Left out, the MAP follows the route (Wi 6 lid 1 with Wi 8 lid 3: every route but the onderwijsroute
    # has one), so what is checked is what is stored.
    onderdelen.setdefault("map", route != Leerroute.ONDERWIJSROUTE)
    # Likewise the PVT (every route) and maatschappelijke begeleiding (asielstatushouders, Wi 13).
    onderdelen.setdefault("pvt", True)
    onderdelen.setdefault(
        "maatschappelijke_begeleiding", inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    )
    niveau = standaard_taalniveau(route, Taalniveau(taalniveau) if taalniveau else None)
    voorstel = PipVoorstel(
        leerroute=route,
        taalniveau=niveau,
        dagtekening=dagtekening,
        map=bool(onderdelen["map"]),
        geschatte_intensiteit_uren=onderdelen.get("geschatte_intensiteit_uren"),
        aantal_voortgangsgesprekken=onderdelen.get("aantal_voortgangsgesprekken"),
        uren_nt2_gevolgd=onderdelen.get("uren_nt2_gevolgd"),
        inspanning_aangetoond=bool(onderdelen.get("inspanning_aangetoond", False)),
        b1_niet_haalbaar=bool(onderdelen.get("b1_niet_haalbaar", False)),
        pvt=bool(onderdelen["pvt"]),
        maatschappelijke_begeleiding=bool(onderdelen["maatschappelijke_begeleiding"]),
    )
    situatie = Situatie(
        doelgroep=Doelgroep(inburgeraar.doelgroep),
        begin_inburgeringsplicht=inburgeraar.begindatum_inburgeringsplicht,
        datum_inschrijving_brp=inburgeraar.datum_inschrijving_brp,
        vandaag=vandaag(),
        eerder_pip=_eerder_pip(inburgeraar, huidige),
        dagtekening_eerste_pip=dagtekening_eerste_pip(inburgeraar),
    )
    fouten: dict[str, list[str]] = {}
    for overtreding in toets_pip(voorstel, situatie):
        fouten.setdefault(overtreding.veld, []).append(f"{overtreding.melding} ({overtreding.grondslag})")
    if huidige is not None and not reden.strip():
        fouten.setdefault("reden", []).append("Schrijf op waarom het PIP verandert.")
    if fouten:
        raise ValidationError(fouten)
    waarschuwingen = [f"{w.melding} ({w.grondslag})" for w in waarschuwingen_pip(voorstel, situatie)]
    if waarschuwingen and not waarschuwingen_gezien:
        raise ValidationError(
            {
                "waarschuwingen_gezien": [
                    *waarschuwingen,
                    "Klopt dit? Vink dan aan dat u de waarschuwingen hebt gelezen en stel het PIP opnieuw vast.",
                ]
            }
        )

    pip = Pip(
        inburgeraar=inburgeraar,
        versie=(huidige.versie + 1) if huidige else 1,
        leerroute=route.value,
        taalniveau=niveau.value if niveau else "",
        dagtekening=dagtekening,
        reden=reden.strip() or "Eerste PIP",
        waarschuwingen="\n".join(waarschuwingen),
        vastgesteld_door=door,
        **onderdelen,
    )
    pip.full_clean(exclude=["inburgeraar", "vastgesteld_door"])
    neem_versie(inburgeraar, versie)
    pip.save()
    termijnvelden_opslaan(inburgeraar)  # the first PIP starts the termijn (Wi 11): stored deadlines
    events.pip_vastgesteld(inburgeraar, door, pip)
    duo.meld_pip(pip, door=door)  # every stored PIP version goes to DUO (regie.duo.uitgaand.berichten)
    if inburgeraar.status in (Status.AANGEMELD, Status.BREDE_INTAKE):
        van = Status(inburgeraar.status)
        inburgeraar.status = Status.PIP_VASTGESTELD
        inburgeraar.save(update_fields=["status", "versie", "gewijzigd_op"])
        events.status_gewijzigd(inburgeraar, door, van, Status.PIP_VASTGESTELD, None, "PIP vastgesteld")
    return pip

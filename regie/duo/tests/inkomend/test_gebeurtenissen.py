"""Replaying every DUO event code against the simulator (regie/duo/specs/Gebeurtenissen.md and
Attentiesignalen.md): the notice goes through the real endpoint, the queue processes it, the
handler looks the data up at the simulator and changes the case through the services. Then the
same event again under a new berichtId: nothing changes the second time."""

from datetime import date, timedelta

import pytest

from regie.demo.factories import InburgeraarFactory, geldig_bsn
from regie.duo.inkomend.gebeurtenissen import GEBEURTENISSEN
from regie.duo.inkomend.models import DuoStand, Notificatie
from regie.duo.inkomend.models import Status as NStatus
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Leerroute
from regie.inburgeraars.services import status_wijzigen
from regie.inburgeraars.status import EindeReden, Status
from regie.intake.models import BredeIntake
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis

pytestmark = pytest.mark.django_db

BSN = geldig_bsn(700_001)
VANDAAG = date.today()


def _dag(dagen: int) -> str:
    return (VANDAAG - timedelta(days=dagen)).isoformat()


def stand(inburgeraar) -> tuple:
    """What no second processing of the same event may change."""
    return (
        sorted(Inburgeraar.objects.filter(pk=inburgeraar.pk).values_list()),
        sorted(Gebeurtenis.objects.filter(inburgeraar=inburgeraar).values_list("soort", "omschrijving")),
        sorted(BredeIntake.objects.filter(inburgeraar=inburgeraar).values_list()),
        list(DuoStand.objects.filter(inburgeraar=inburgeraar).values_list("gegevens", "signalen")),
    )


def _beeindig_met_vrijstelling(inburgeraar, consulent):
    status_wijzigen(
        inburgeraar=inburgeraar, door=consulent, naar=Status.BEEINDIGD, reden=EindeReden.VRIJSTELLING
    )


PIP_ELDERS = {"gemeentecode": "0034", "pip": {"dagtekeningPip": _dag(300), "leerroute": "Z"}}

# code -> (Regie-side set-up, simulator set-up events [(code, details)], event details, check)
SCENARIO = {
    "SS101": (
        None,
        [],
        {"doelgroep": "Asielstatushouder"},
        lambda i: i.doelgroep == Doelgroep.ASIELSTATUSHOUDER and i.datum_melding_duo,
    ),
    "SS128": (None, [], {"doelgroep": "Asielstatushouder"}, lambda i: i.datum_melding_duo is not None),
    "SS139": (None, [], {"doelgroep": "Asielstatushouder"}, lambda i: i.datum_melding_duo is not None),
    "SS129": (_beeindig_met_vrijstelling, [("SS109", {})], {}, lambda i: i.status == Status.AANGEMELD),
    "SS120": ("verhuizing", [], {"gemeentecode": "0642"}, lambda i: i.gemeente.cbs_code == "0642"),
    "SS121": (
        "pip_elders",
        [],
        {"gemeentecode": "0303"},
        lambda i: (
            i.leerroute_vorige_gemeente == Leerroute.Z_ROUTE
            and i.dagtekening_eerste_pip_elders == date.fromisoformat(PIP_ELDERS["pip"]["dagtekeningPip"])
        ),
    ),
    "SS124": (None, [], {}, lambda i: i.doelgroep == Doelgroep.GEZINSMIGRANT),
    "SS125": ("gezinsmigrant", [], {}, lambda i: i.doelgroep == Doelgroep.ASIELSTATUSHOUDER),
    "SS109": (
        None,
        [],
        {},
        lambda i: (i.status, i.einde_reden) == (Status.BEEINDIGD, EindeReden.VRIJSTELLING),
    ),
    "SS110": (None, [], {}, lambda i: (i.status, i.einde_reden) == (Status.BEEINDIGD, EindeReden.VERTREK)),
    "SS111": (None, [], {}, lambda i: (i.status, i.einde_reden) == (Status.BEEINDIGD, EindeReden.OVERLIJDEN)),
    "SS106": (None, [], {}, lambda i: (i.status, i.einde_reden) == (Status.AFGEROND, EindeReden.DIPLOMA)),
    "SS107": (
        None,
        [],
        {},
        lambda i: (i.status, i.einde_reden) == (Status.AFGEROND, EindeReden.VRIJSTELLING),
    ),
    "SS108": (None, [], {}, lambda i: (i.status, i.einde_reden) == (Status.AFGEROND, EindeReden.ONTHEFFING)),
    "SS137": (None, [], {"examennummer": "LBT42"}, lambda i: "LBT42" in _tijdlijn(i)),
    "SS131": (
        None,
        [],
        {"resultaat": "B1-route niet haalbaar"},
        lambda i: (
            i.brede_intake.leerbaarheidstoets_resultaat == "B1-route niet haalbaar"
            and i.brede_intake.leerbaarheidstoets_datum == VANDAAG
        ),
    ),
    "SS102": (
        None,
        [],
        {"dagtekening": _dag(100)},
        lambda i: "Inburgeringstermijn volgens DUO" in _tijdlijn(i),
    ),
    "SS199": (
        None,
        [],
        {"onderdeel": "LE", "resultaat": "Geslaagd"},
        lambda i: "Examen LE B1" in _tijdlijn(i),
    ),
    "SS103": (
        None,
        [("SS102", {"dagtekening": _dag(100)})],
        {},
        lambda i: "Termijn ambtshalve verlengd door DUO" in _tijdlijn(i) and _termijn_is_verlengd(i),
    ),
    "SS104": (
        None,
        [("SS102", {"dagtekening": _dag(100)})],
        {},
        lambda i: "Termijn op verzoek verlengd door DUO" in _tijdlijn(i) and _termijn_is_verlengd(i),
    ),
    "SS130": (
        _beeindig_met_vrijstelling,
        [("PIP", {}), ("SS102", {}), ("SS109", {"datum": _dag(40)})],
        {},
        lambda i: i.status == Status.AANGEMELD and "hervat" in _tijdlijn(i) and _termijn_is_verlengd(i),
    ),
    "SS122": (None, [], {}, lambda i: i.status == Status.VERHUISD and "andere gemeente" in _tijdlijn(i)),
}


def _tijdlijn(inburgeraar) -> str:
    return "\n".join(
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar).values_list("omschrijving", flat=True)
    )


def _opzetten(code, duo_simulator, dronten, consulent, organisaties):
    regie, voorbereiding, details, controle = SCENARIO.get(code, (None, [], {}, None))
    gemeente, gemeentecode, velden = dronten, "0303", {}
    if regie == "verhuizing":
        from regie.organisaties.models import Gemeente

        gemeente, gemeentecode = Gemeente.objects.get(cbs_code="0505"), "0505"
    if regie == "gezinsmigrant":
        velden["doelgroep"] = Doelgroep.GEZINSMIGRANT
    inburgeraar = InburgeraarFactory(
        bsn=BSN,
        gemeente=gemeente,
        consulent=consulent if gemeente == dronten else None,
        doelgroep=velden.get(
            "doelgroep", Doelgroep.ASIELSTATUSHOUDER if code != "SS101" else Doelgroep.GEZINSMIGRANT
        ),
        datum_melding_duo=None,
    )
    if callable(regie):
        regie(inburgeraar, consulent)
    persoon = {"pips": [PIP_ELDERS]} if regie == "pip_elders" else {}
    if code in ("SS125",):
        persoon["doelgroep"] = "Gezinsmigrant en overige migrant"
    duo_simulator.persoon_toevoegen(BSN, gemeentecode, **persoon)
    for voor_code, voor_details in voorbereiding:
        if voor_code == "PIP":
            sim_persoon = duo_simulator.persoon(BSN)
            sim_persoon["pips"] = [
                {"gemeentecode": "0303", "pip": {"dagtekeningPip": _dag(200), "leerroute": "B"}}
            ]
            duo_simulator.personen_toevoegen([sim_persoon])
        else:
            duo_simulator.gebeurtenis(BSN, voor_code, **voor_details)
    return inburgeraar, details, controle


def _termijn_is_verlengd(inburgeraar) -> bool:
    """Wi 12: DUO's extended end (its exclusive einddatum minus a day) is the case's end of the
    termijn, on every page that asks termijnen_voor."""
    from regie.inburgeraars.selectors import termijnen_voor
    from regie.wet.termijnen import Soort

    duo_einde = date.fromisoformat(inburgeraar.duo_stand.gegevens["inburgeringstermijn"]["einddatum"])
    einde = next(t for t in termijnen_voor(inburgeraar) if t.soort == Soort.INBURGERINGSTERMIJN)
    return inburgeraar.einde_termijn_duo == duo_einde - timedelta(days=1) == einde.datum


@pytest.mark.parametrize("code", sorted(GEBEURTENISSEN))
def test_elke_gebeurtenis_heeft_effect_en_tweede_keer_niets(
    code, duo_simulator, dronten, consulent, organisaties
):
    inburgeraar, details, controle = _opzetten(code, duo_simulator, dronten, consulent, organisaties)
    resultaat = duo_simulator.gebeurtenis(BSN, code, notificeer=True, **details)
    assert resultaat["response"].status_code == 201, resultaat["response"].content
    werk_taken_af()

    notificatie = Notificatie.objects.get(bericht_id=resultaat["headers"]["berichtId"])
    assert notificatie.status == NStatus.VERWERKT, notificatie.reden
    assert notificatie.inburgeraar_id == inburgeraar.pk
    assert notificatie.effect and not notificatie.effect.startswith("Geen wijziging"), notificatie.effect
    inburgeraar.refresh_from_db()
    if controle is not None:
        assert controle(inburgeraar), (code, notificatie.effect)
    gebeurtenis = GEBEURTENISSEN[code]
    if gebeurtenis.attentiesignaal or code in {
        "SS113",
        "SS114",
        "SS115",
        "SS116",
        "SS117",
        "SS118",
        "SS119",
        "SS128",
    }:
        assert notificatie.signaal
        assert "Signaal van DUO" in _tijdlijn(inburgeraar)
    # Every change went through a service: on the timeline, by the DUO account.
    assert Gebeurtenis.objects.filter(
        inburgeraar=inburgeraar, door__username__startswith="duo-koppeling-"
    ).exists()

    # The same event again, under a new berichtId (DUO resends): nothing changes.
    voor = stand(inburgeraar)
    antwoord = duo_simulator.notificatie_afleveren(resultaat, opnieuw=True)
    assert antwoord.status_code == 201
    werk_taken_af()
    tweede = Notificatie.objects.exclude(pk=notificatie.pk).get()
    assert tweede.status == NStatus.VERWERKT, tweede.reden
    assert not tweede.signaal
    assert stand(inburgeraar) == voor

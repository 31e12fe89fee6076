"""Referral services: the status flow, the checks, and that bad input changes nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel
from regie.demo.factories import InburgeraarFactory, pip_vastgesteld
from regie.fouten import GelijktijdigGewijzigd
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import services
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S
from regie.verwerkingslog.models import Verwerking


def _stand(inburgeraar):
    inburgeraar.refresh_from_db()
    return (
        list(Verwijzing.objects.values_list()),
        Gebeurtenis.objects.count(),
        inburgeraar.versie,
    )


def _fout(exc) -> dict:
    return exc.value.message_dict


def test_verwijzen_schrijft_tijdlijn_en_verwerkingslog(inburgeraar, consulent, pip, contract):
    vanaf = Verwerking.objects.count()
    verwijzing = services.verwijzen(
        inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
    )
    assert verwijzing.status == S.VERZONDEN
    assert verwijzing.pip == pip
    assert verwijzing.verzonden_op == vandaag()
    assert not verwijzing.op_wachtlijst
    assert verwijzing.aanbieder == contract.aanbieder
    gebeurtenis = inburgeraar.gebeurtenissen.get(soort="verwijzing")
    assert "Taalschool Flevoland" in gebeurtenis.omschrijving
    assert Verwerking.objects.count() > vanaf
    assert Verwerking.objects.order_by("-id").first().onderdeel == "traject"


def test_volledige_stroom_en_wachttijd(inburgeraar, consulent, pip, contract, medewerker_taalschool):
    verzonden = vandaag() - timedelta(days=20)
    verwijzing = services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=Perceel.B1_ROUTE,
        contract=contract,
        door=consulent,
        verzonden_op=verzonden,
    )
    assert verwijzing.wachttijd is None
    assert not verwijzing.rapporteerbaar
    services.accepteren(
        verwijzing=verwijzing, startdatum=verzonden + timedelta(days=10), door=medewerker_taalschool
    )
    assert verwijzing.status == S.GEACCEPTEERD and verwijzing.rapporteerbaar
    assert verwijzing.geplande_startdatum == verzonden + timedelta(days=10)
    services.starten(
        verwijzing=verwijzing, startdatum=verzonden + timedelta(days=12), door=medewerker_taalschool
    )
    assert verwijzing.status == S.GESTART and verwijzing.rapporteerbaar
    assert verwijzing.wachttijd == 12
    services.afsluiten(
        verwijzing=verwijzing, einddatum=vandaag(), uitkomst=S.AFGEROND, door=medewerker_taalschool
    )
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.AFGEROND and not verwijzing.rapporteerbaar
    assert inburgeraar.gebeurtenissen.filter(soort="verwijzing").count() == 4


def test_de_oudste_onbeantwoorde_verwijzing_blijft_bij(
    inburgeraar, consulent, pip, contract, medewerker_taalschool
):
    """Inburgeraar.oudste_onbeantwoorde_verwijzing (regie.trajecten.onbeantwoord) follows sending,
    answering and withdrawing, and a save of the case read before does not write it back."""
    from regie.trajecten import onbeantwoord

    def opgeslagen():
        inburgeraar.refresh_from_db()
        return inburgeraar.oudste_onbeantwoorde_verwijzing

    oud = type(inburgeraar).objects.get(pk=inburgeraar.pk)
    eerste = services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=Perceel.B1_ROUTE,
        contract=contract,
        door=consulent,
        verzonden_op=vandaag() - timedelta(days=20),
    )
    oud.save()
    assert opgeslagen() == vandaag() - timedelta(days=20)
    tweede = services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=Perceel.PVT,
        contract=ContractFactory(aanbieder=contract.aanbieder, perceel=Perceel.PVT),
        door=consulent,
        verzonden_op=vandaag() - timedelta(days=5),
    )
    services.accepteren(
        verwijzing=eerste, startdatum=vandaag() + timedelta(days=7), door=medewerker_taalschool
    )
    assert opgeslagen() == vandaag() - timedelta(days=5)
    services.intrekken(verwijzing=tweede, reden="Verhuisd", door=consulent)
    assert opgeslagen() is None
    assert onbeantwoord.afwijkingen() == []


def test_capaciteit_vol_geeft_wachtlijst(dronten, consulent, contract):
    verwijzingen = []
    for _ in range(3):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
        pip_vastgesteld(persoon, consulent)
        persoon.refresh_from_db()
        verwijzingen.append(
            services.verwijzen(
                inburgeraar=persoon, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
            )
        )
    assert [v.op_wachtlijst for v in verwijzingen] == [False, False, True]
    assert "wachtlijst" in verwijzingen[2].inburgeraar.gebeurtenissen.get(soort="verwijzing").omschrijving


def test_geen_map_verwijzing_zonder_map_in_pip(inburgeraar, consulent, taalschool):
    """Wi 15, Bi 5.3: the referral carries out a component of the PIP; Wi 6 lid 1: no MAP in
    the onderwijsroute."""
    pip_vastgesteld(inburgeraar, consulent, leerroute="onderwijsroute")
    inburgeraar.refresh_from_db()
    map_contract = ContractFactory(aanbieder=taalschool, perceel=Perceel.MAP)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.MAP, contract=map_contract, door=consulent
        )
    assert "staat niet in het PIP" in _fout(exc)["onderdeel"][0]
    assert _stand(inburgeraar) == voor


def test_zonder_pip_kan_niet(inburgeraar, consulent, contract):
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
        )
    assert "nog geen PIP" in _fout(exc)["onderdeel"][0]
    assert _stand(inburgeraar) == voor


@pytest.mark.parametrize(
    ("aanpassing", "veld", "tekst"),
    [
        ({"perceel": Perceel.PVT}, "contract", "niet voor B1-route"),
        ({"begindatum": date(2099, 1, 1)}, "contract", "geldt niet op"),
        ({"einddatum": date(2022, 6, 30)}, "contract", "geldt niet op"),
    ],
)
def test_contract_moet_passen(inburgeraar, consulent, pip, taalschool, aanpassing, veld, tekst):
    contract = ContractFactory(aanbieder=taalschool, **aanpassing)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
        )
    assert any(tekst in m for m in _fout(exc)[veld]), _fout(exc)
    assert _stand(inburgeraar) == voor


def test_contract_van_andere_organisatie(inburgeraar, consulent, pip, dordrecht):
    vreemd = ContractFactory(aanbieder=AanbiederFactory(organisatie=dordrecht.organisatie))
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=vreemd, door=consulent
        )
    assert "niet bij uw organisatie" in _fout(exc)["contract"][0]
    assert _stand(inburgeraar) == voor


def test_onbekend_onderdeel_en_toekomstige_datum(inburgeraar, consulent, pip, contract):
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar,
            onderdeel="zwemles",
            contract=contract,
            door=consulent,
            verzonden_op=vandaag() + timedelta(days=1),
        )
    assert set(_fout(exc)) == {"onderdeel", "verzonden_op"}
    assert _stand(inburgeraar) == voor


def test_tweede_lopende_verwijzing_voor_zelfde_onderdeel(inburgeraar, consulent, pip, contract):
    services.verwijzen(inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
        )
    assert "loopt al een verwijzing" in _fout(exc)["onderdeel"][0]
    assert _stand(inburgeraar) == voor


def test_verouderde_versie(inburgeraar, consulent, pip, contract):
    voor = _stand(inburgeraar)
    with pytest.raises(GelijktijdigGewijzigd):
        services.verwijzen(
            inburgeraar=inburgeraar,
            onderdeel=Perceel.B1_ROUTE,
            contract=contract,
            door=consulent,
            versie=inburgeraar.versie - 1,
        )
    assert _stand(inburgeraar) == voor


@pytest.fixture
def verwijzing(inburgeraar, consulent, pip, contract):
    return services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=Perceel.B1_ROUTE,
        contract=contract,
        door=consulent,
        verzonden_op=vandaag() - timedelta(days=3),
    )


def test_weigeren_vraagt_reden(verwijzing, medewerker_taalschool, inburgeraar):
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.weigeren(verwijzing=verwijzing, reden="   ", door=medewerker_taalschool)
    assert _fout(exc) == {"reden": ["Schrijf op waarom u de verwijzing weigert."]}
    assert _stand(inburgeraar) == voor
    services.weigeren(verwijzing=verwijzing, reden="Geen plek in de avondklas", door=medewerker_taalschool)
    verwijzing.refresh_from_db()
    assert verwijzing.status == S.GEWEIGERD
    assert verwijzing.reden_weigering == "Geen plek in de avondklas"
    assert verwijzing.beantwoord_op == vandaag()


def test_andere_aanbieder_mag_niet(verwijzing, medewerker_andere_aanbieder, inburgeraar):
    voor = _stand(inburgeraar)
    with pytest.raises(PermissionDenied):
        services.accepteren(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_andere_aanbieder)
    assert _stand(inburgeraar) == voor


@pytest.mark.parametrize(("dagen", "tekst"), [(None, "Vul de datum in"), (-10, "voor de verzenddatum")])
def test_accepteren_controleert_startdatum(verwijzing, medewerker_taalschool, inburgeraar, dagen, tekst):
    voor = _stand(inburgeraar)
    startdatum = None if dagen is None else vandaag() + timedelta(days=dagen)
    with pytest.raises(ValidationError) as exc:
        services.accepteren(verwijzing=verwijzing, startdatum=startdatum, door=medewerker_taalschool)
    assert tekst in _fout(exc)["startdatum"][0]
    assert _stand(inburgeraar) == voor


def test_stappen_in_verkeerde_volgorde(verwijzing, medewerker_taalschool, consulent, inburgeraar):
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.starten(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_taalschool)
    assert "Alleen een geaccepteerde verwijzing" in _fout(exc)["status"][0]
    with pytest.raises(ValidationError):
        services.afsluiten(
            verwijzing=verwijzing, einddatum=vandaag(), uitkomst=S.AFGEROND, door=medewerker_taalschool
        )
    assert _stand(inburgeraar) == voor
    services.weigeren(verwijzing=verwijzing, reden="Vol", door=medewerker_taalschool)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError):
        services.accepteren(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_taalschool)
    with pytest.raises(ValidationError):
        services.intrekken(verwijzing=verwijzing, reden="Verhuisd", door=consulent)
    assert _stand(inburgeraar) == voor


def test_afbreken_vraagt_toelichting(verwijzing, medewerker_taalschool, inburgeraar):
    services.accepteren(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_taalschool)
    services.starten(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_taalschool)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as exc:
        services.afsluiten(
            verwijzing=verwijzing, einddatum=vandaag(), uitkomst=S.AFGEBROKEN, door=medewerker_taalschool
        )
    assert "toelichting" in _fout(exc)
    with pytest.raises(ValidationError) as exc:
        services.afsluiten(
            verwijzing=verwijzing, einddatum=vandaag(), uitkomst="geslaagd", door=medewerker_taalschool
        )
    assert "uitkomst" in _fout(exc)
    with pytest.raises(ValidationError) as exc:
        services.afsluiten(
            verwijzing=verwijzing,
            einddatum=vandaag() - timedelta(days=5),
            uitkomst=S.AFGEROND,
            door=medewerker_taalschool,
        )
    assert "voor de startdatum" in _fout(exc)["einddatum"][0]
    assert _stand(inburgeraar) == voor
    services.afsluiten(
        verwijzing=verwijzing,
        einddatum=vandaag(),
        uitkomst=S.AFGEBROKEN,
        toelichting="Verhuisd naar Almere",
        door=medewerker_taalschool,
    )
    assert verwijzing.status == S.AFGEBROKEN


def test_intrekken(verwijzing, consulent, medewerker_taalschool, inburgeraar):
    voor = _stand(inburgeraar)
    with pytest.raises(PermissionDenied):
        services.intrekken(verwijzing=verwijzing, reden="Verhuisd", door=medewerker_taalschool)
    with pytest.raises(ValidationError) as exc:
        services.intrekken(verwijzing=verwijzing, reden="", door=consulent)
    assert "reden" in _fout(exc)
    assert _stand(inburgeraar) == voor
    services.intrekken(verwijzing=verwijzing, reden="Verhuisd naar Almere", door=consulent)
    assert verwijzing.status == S.INGETROKKEN
    # After withdrawing, a new referral for the same component is possible.
    inburgeraar.refresh_from_db()
    nieuw = services.verwijzen(
        inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=verwijzing.contract, door=consulent
    )
    assert nieuw.status == S.VERZONDEN


def test_gesloten_dossier(inburgeraar, consulent, pip, contract):
    from regie.inburgeraars.status import Status

    inburgeraar.status = Status.AFGEROND if hasattr(Status, "AFGEROND") else list(services.EINDSTATUSSEN)[0]
    inburgeraar.save()
    with pytest.raises(ValidationError) as exc:
        services.verwijzen(
            inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
        )
    assert "gesloten" in _fout(exc)["__all__"][0]

"""The first trajectory that starts moves a case with status 'PIP vastgesteld' to 'In uitvoering',
through the case's status service (state machine, timeline, processing log); a case in another
status stays as it is, and a start that is refused changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from regie.aanbieders.factories import ContractFactory
from regie.aanbieders.models import Perceel
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import status_wijzigen
from regie.inburgeraars.status import Status
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import services
from regie.verwerkingslog.models import Verwerking


@pytest.fixture
def geaccepteerd(inburgeraar, consulent, pip, contract, medewerker_taalschool):
    verwijzing = services.verwijzen(
        inburgeraar=inburgeraar,
        onderdeel=Perceel.B1_ROUTE,
        contract=contract,
        door=consulent,
        verzonden_op=vandaag() - timedelta(days=10),
    )
    services.accepteren(
        verwijzing=verwijzing, startdatum=vandaag() - timedelta(days=2), door=medewerker_taalschool
    )
    inburgeraar.refresh_from_db()
    return verwijzing


def _statusgebeurtenissen(inburgeraar):
    return list(
        inburgeraar.gebeurtenissen.filter(soort="status_gewijzigd", gegevens__naar=Status.IN_UITVOERING)
    )


def _stand(inburgeraar):
    inburgeraar.refresh_from_db()
    return (
        inburgeraar.status,
        inburgeraar.versie,
        Gebeurtenis.objects.count(),
        Verwerking.objects.count(),
        list(inburgeraar.verwijzingen.values_list("status", "startdatum")),
    )


def test_eerste_start_zet_het_dossier_in_uitvoering(inburgeraar, geaccepteerd, medewerker_taalschool):
    assert inburgeraar.status == Status.PIP_VASTGESTELD
    versie = inburgeraar.versie
    vanaf = Verwerking.objects.order_by("-id").values_list("id", flat=True).first()

    services.starten(
        verwijzing=geaccepteerd, startdatum=vandaag() - timedelta(days=1), door=medewerker_taalschool
    )

    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.IN_UITVOERING
    assert inburgeraar.versie == versie + 1  # the status service claims the next version
    (gebeurtenis,) = _statusgebeurtenissen(inburgeraar)
    assert gebeurtenis.omschrijving == "Status van 'PIP vastgesteld' naar 'In uitvoering'"
    assert gebeurtenis.door == medewerker_taalschool
    assert gebeurtenis.gegevens["van"] == Status.PIP_VASTGESTELD
    assert gebeurtenis.gegevens["naar"] == Status.IN_UITVOERING
    assert gebeurtenis.gegevens["toelichting"] == "Traject gestart: B1-route bij Taalschool Flevoland"
    # the processing log holds the change of the status, by the provider's employee
    log = Verwerking.objects.filter(id__gt=vanaf, handeling="status_gewijzigd").get()
    assert log.velden["status"] == [Status.PIP_VASTGESTELD, Status.IN_UITVOERING]
    assert log.gebruikersnaam == medewerker_taalschool.username
    # the caller's objects follow the database
    assert geaccepteerd.inburgeraar.status == Status.IN_UITVOERING
    assert geaccepteerd.inburgeraar.versie == inburgeraar.versie


def test_tweede_start_verandert_de_status_niet(
    inburgeraar, consulent, geaccepteerd, taalschool, medewerker_taalschool
):
    services.starten(verwijzing=geaccepteerd, startdatum=vandaag(), door=medewerker_taalschool)
    pvt = services.verwijzen(
        inburgeraar=Inburgeraar.objects.get(pk=inburgeraar.pk),
        onderdeel=Perceel.PVT,
        contract=ContractFactory(aanbieder=taalschool, perceel=Perceel.PVT),
        door=consulent,
        verzonden_op=vandaag() - timedelta(days=1),
    )
    services.accepteren(verwijzing=pvt, startdatum=vandaag(), door=medewerker_taalschool)
    services.starten(verwijzing=pvt, startdatum=vandaag(), door=medewerker_taalschool)
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.IN_UITVOERING
    assert len(_statusgebeurtenissen(inburgeraar)) == 1


@pytest.mark.parametrize("status", [Status.IN_UITVOERING, Status.VERHUISD])
def test_dossier_in_een_andere_status_blijft(
    inburgeraar, consulent, geaccepteerd, medewerker_taalschool, status
):
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=status)
    inburgeraar.refresh_from_db()
    versie, aantal = inburgeraar.versie, len(_statusgebeurtenissen(inburgeraar))

    services.starten(verwijzing=geaccepteerd, startdatum=vandaag(), door=medewerker_taalschool)

    inburgeraar.refresh_from_db()
    assert inburgeraar.status == status
    assert inburgeraar.versie == versie
    assert len(_statusgebeurtenissen(inburgeraar)) == aantal


@pytest.mark.parametrize(
    ("startdatum", "tekst"),
    [
        (None, "Vul de datum in waarop het traject begon."),
        ("morgen", "Het traject kan pas starten als de dag gekomen is. Kies vandaag of eerder."),
        ("voor verzending", "De startdatum ligt voor de verzenddatum"),
        ("geen datum", "Vul een geldige datum in."),
    ],
)
def test_fout_bij_starten_verandert_niets(
    inburgeraar, geaccepteerd, medewerker_taalschool, startdatum, tekst
):
    waarde = {
        "morgen": vandaag() + timedelta(days=1),
        "voor verzending": vandaag() - timedelta(days=11),
        "geen datum": "gisteren",
    }.get(startdatum, startdatum)
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as fout:
        services.starten(verwijzing=geaccepteerd, startdatum=waarde, door=medewerker_taalschool)
    assert fout.value.message_dict["startdatum"][0].startswith(tekst)
    assert _stand(inburgeraar) == voor
    assert inburgeraar.status == Status.PIP_VASTGESTELD


def test_start_van_een_niet_geaccepteerde_verwijzing_verandert_niets(
    inburgeraar, consulent, pip, contract, medewerker_taalschool
):
    verwijzing = services.verwijzen(
        inburgeraar=inburgeraar, onderdeel=Perceel.B1_ROUTE, contract=contract, door=consulent
    )
    voor = _stand(inburgeraar)
    with pytest.raises(ValidationError) as fout:
        services.starten(verwijzing=verwijzing, startdatum=vandaag(), door=medewerker_taalschool)
    assert "Alleen een geaccepteerde verwijzing kan starten." in fout.value.message_dict["status"][0]
    assert _stand(inburgeraar) == voor

"""The one-line calls in the services of pip, trajecten and voortgang queue the right message."""

from datetime import timedelta

from regie.aanbieders.factories import ContractFactory
from regie.duo.uitgaand.models import BerichtStatus, Soort
from regie.klok import vandaag
from regie.trajecten import services as trajecten
from regie.trajecten.factories import verwezen
from regie.trajecten.tests.conftest import gestart
from regie.voortgang import services as voortgang
from regie.voortgang.csv_invoer import maandag_van

from .conftest import berichten


def test_een_vastgesteld_pip_gaat_naar_duo(inburgeraar, pip):
    (bericht,) = berichten(inburgeraar, Soort.PIP)
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert bericht.onderwerp == "PIP versie 1"
    assert bericht.body["leerroute"] == "B"


def test_accepteren_starten_en_intrekken_van_een_verwijzing(
    inburgeraar, consulent, pip, contract, docent, taalschool
):
    taalschool.instellingsnummer = ""
    taalschool.save()
    verwijzing = verwezen(inburgeraar, consulent, contract=contract)
    assert berichten(inburgeraar, Soort.INBURGERINGSAANBOD) == []  # only sent: nothing for DUO yet
    trajecten.accepteren(verwijzing=verwijzing, startdatum=vandaag() + timedelta(days=7), door=docent)
    (aanbod,) = berichten(inburgeraar, Soort.INBURGERINGSAANBOD)
    # The provider has no DUO number: refused by Regie with the reason, visible on the DUO tab.
    assert aanbod.status == BerichtStatus.AFGEWEZEN
    assert "heeft geen instellingsnummer bij DUO" in aanbod.fouttekst
    # As if the number were known and the message sent: withdrawing the referral withdraws the aanbod.
    aanbod.status = BerichtStatus.VERZONDEN
    aanbod.save()
    trajecten.intrekken(verwijzing=verwijzing, reden="Verhuisd", door=consulent)
    (intrekken,) = berichten(inburgeraar, Soort.INBURGERINGSAANBOD_INTREKKEN)
    assert intrekken.methode == "delete" and intrekken.body is None
    assert intrekken.fouten[0].startswith(
        "instellingsnummer: Taalschool Flevoland heeft geen instellingsnummer"
    )


def test_starten_werkt_het_aanbod_bij(inburgeraar, consulent, pip, contract, docent):
    begin = vandaag() - timedelta(days=3)
    verwijzing = verwezen(inburgeraar, consulent, contract=contract, verzonden_op=begin - timedelta(days=7))
    trajecten.accepteren(verwijzing=verwijzing, startdatum=begin, door=docent)
    trajecten.starten(verwijzing=verwijzing, startdatum=begin, door=docent)
    laatste = berichten(inburgeraar, Soort.INBURGERINGSAANBOD)[-1]
    assert laatste.body["verwachteStartdatumOpleiding"] == begin.isoformat()


def test_weekrapportage_en_resultaat_gaan_naar_duo(inburgeraar, consulent, pip, taalschool, docent):
    contract = ContractFactory(aanbieder=taalschool, perceel="b1_route", capaciteit=20)
    pvt = ContractFactory(aanbieder=taalschool, perceel="pvt", capaciteit=20)
    for c in (contract, pvt):
        verwijzing = gestart(inburgeraar, consulent, c, docent, weken_geleden=3)
        if c is contract:
            voortgang.weekrapportage_vastleggen(
                verwijzing=verwijzing,
                week=maandag_van(vandaag()) - timedelta(weeks=1),
                uren_aangeboden=12,
                uren_gevolgd=12,
                door=docent,
            )
        else:
            voortgang.onderdeelresultaat_vastleggen(
                verwijzing=verwijzing, soort="pvt", afgerond_op=vandaag() - timedelta(days=1), door=docent
            )
    (uren,) = berichten(inburgeraar, Soort.UREN_TAALLES)
    assert uren.body == {"uren": 12}
    (resultaat,) = berichten(inburgeraar, Soort.PVT)
    assert resultaat.body == {"datumOndertekeningPvt": (vandaag() - timedelta(days=1)).isoformat()}

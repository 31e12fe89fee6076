"""Outgoing messages: built from Regie's data, valid per DUO's spec, queued, sent to the DUO simulator,
refused / retried / failed as DUO answers."""

import threading
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from regie.aanbieders.models import Aanbieder
from regie.duo import specificaties
from regie.duo.uitgaand import berichten
from regie.duo.uitgaand.berichten import ROUTES, verstuur_bericht
from regie.duo.uitgaand.models import BerichtStatus, DuoContactpersoon, Soort, UitgaandBericht
from regie.duo.wachttijden import MAX_POGINGEN, WACHTTIJDEN
from regie.klok import vandaag
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten.tests.conftest import gestart
from regie.verwerkingslog.models import Actie, Verwerking
from regie.voortgang import services as voortgang
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgang.selectors import uren_voor_duo

from .conftest import berichten as berichten_van


def _geldig(bericht: UitgaandBericht) -> list[str]:
    api, methode, pad = ROUTES[bericht.soort]
    schema = specificaties.verzoekschema(api, methode, pad)
    return specificaties.fouten(api, schema, bericht.body) if schema else []


def _nieuwste(inburgeraar, soort) -> UitgaandBericht:
    return berichten_van(inburgeraar, soort)[-1]


# --- PIP -----------------------------------------------------------------------------------------


def test_pip_wordt_gevalideerd_verzonden_en_gelogd(bij_duo, inburgeraar, pip, consulent):
    bericht = berichten.meld_pip(pip)
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert bericht.body == {
        "dagtekeningPip": pip.dagtekening.isoformat(),
        "leerroute": "B",
        "niveau": "B1",
        "geschatteIntensiteitB1Route": 1200,
        "indicatorMagOpleidingAfmaken": False,
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }
    assert _geldig(bericht) == []
    assert "{bsn}" in bericht.pad and inburgeraar.bsn not in str(bericht.body)

    werk_taken_af()

    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN
    assert bericht.pogingen == 1 and bericht.verzonden_op is not None
    (ontvangen,) = bij_duo.ontvangen("POST", "PIP")
    assert ontvangen["body"] == bericht.body
    assert ontvangen["bron"] == inburgeraar.gemeente.oin
    assert ontvangen["berichtId"] == str(bericht.bericht_id)
    assert bij_duo.persoon(inburgeraar.bsn)["pips"][-1]["pip"]["leerroute"] == "B"
    gebeurtenis = Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="duo_bericht").first()
    assert gebeurtenis.omschrijving == "Bericht aan DUO verzonden: PIP"
    verwerking = Verwerking.objects.filter(handeling="duo_bericht", actie=Actie.EXPORTEREN).first()
    assert verwerking is not None
    assert verwerking.velden["ontvanger"] == [None, "DUO"]
    assert verwerking.onderdeel == "duo"
    assert inburgeraar.bsn not in str(verwerking.velden)


@pytest.mark.parametrize(
    "leerroute,taalniveau,verwacht",
    [
        ("onderwijsroute", "", {"leerroute": "O"}),
        ("z_route", "", {"leerroute": "Z"}),
    ],
)
def test_pip_body_per_leerroute(inburgeraar, consulent, leerroute, taalniveau, verwacht):
    from regie.demo.factories import pip_vastgesteld

    pip = pip_vastgesteld(inburgeraar, consulent, leerroute=leerroute, taalniveau=taalniveau)
    body = berichten.pip_body(pip)
    assert {k: body[k] for k in verwacht} == verwacht
    assert "niveau" not in body and "geschatteIntensiteitB1Route" not in body  # DUO: only with the B1-route
    assert specificaties.fouten("PIP", "PIP", body) == []


def test_een_gezinsmigrant_krijgt_geen_geschatte_intensiteit(inburgeraar, consulent):
    from regie.demo.factories import pip_vastgesteld

    pip = pip_vastgesteld(inburgeraar, consulent, geschatte_intensiteit_uren=800)
    pip.inburgeraar.doelgroep = "gezinsmigrant"  # as if the doelgroep changed after the PIP (SS124)
    assert "geschatteIntensiteitB1Route" not in berichten.pip_body(pip)  # README PIP: alleen asielmigranten


def test_een_ongeldig_bericht_wordt_niet_verstuurd_en_is_zichtbaar(bij_duo, inburgeraar, pip):
    pip.leerroute = "x_route"  # as if the data were broken
    bericht = berichten.meld_pip(pip)
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert bericht.fouten == ["leerroute: moet een van deze waarden zijn: B, O, Z"]
    assert "voldoet niet aan de specificatie van DUO" in bericht.fouttekst
    werk_taken_af()
    assert bij_duo.ontvangen() == []
    assert (
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="duo_bericht")
        .first()
        .omschrijving.startswith("Bericht aan DUO niet verstuurd (PIP)")
    )
    # Regie refused it itself: recorded, but nothing was given to DUO.
    assert not Verwerking.objects.filter(handeling="duo_bericht", actie=Actie.EXPORTEREN).exists()


def test_een_nieuwe_pip_vervangt_een_wachtende(inburgeraar, pip):
    eerste = berichten.meld_pip(pip)
    tweede = berichten.meld_pip(pip)
    eerste.refresh_from_db()
    assert eerste.status == BerichtStatus.VERVANGEN
    assert tweede.status == BerichtStatus.WACHTRIJ


# --- DUO's answers -------------------------------------------------------------------------------


def test_duo_wijst_af_met_foutmelding_zonder_nieuwe_poging(bij_duo, inburgeraar, pip):
    pip.dagtekening = vandaag() - timedelta(days=400)  # before the start of the obligation at DUO
    bericht = berichten.meld_pip(pip)
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert bericht.http_status == 403  # DUO's spec puts its Foutmelding under 400 and 403
    assert bericht.fouttekst.startswith("De datum dagtekening ligt voor de start van de inburgeringsplicht")
    assert bericht.volgende_poging_op is None
    assert len(bij_duo.ontvangen("POST", "PIP")) == 1
    werk_taken_af()
    assert len(bij_duo.ontvangen("POST", "PIP")) == 1  # no retry on a 4xx
    assert (
        "DUO heeft het bericht PIP afgewezen"
        in Gebeurtenis.objects.filter(soort="duo_bericht").first().omschrijving
    )


@pytest.mark.parametrize("status", [500, 503])
def test_storing_geeft_uitstel_met_oplopende_wachttijd_en_dan_mislukt(bij_duo, inburgeraar, pip, status):
    bericht = berichten.meld_pip(pip)
    bij_duo.storing(status, aantal=10)
    voor = timezone.now()
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert bericht.pogingen == 1 and bericht.http_status == status
    assert voor + WACHTTIJDEN[0] <= bericht.volgende_poging_op <= timezone.now() + WACHTTIJDEN[0]
    assert "storing" in bericht.fouttekst

    # The later attempts (the queue would run them at volgende_poging_op), each after its wait.
    for poging, wachttijd in enumerate(WACHTTIJDEN[1:], start=2):
        verstuur_bericht.call(bericht.pk, bericht.ingepland)
        bericht.refresh_from_db()
        assert bericht.pogingen == poging
        assert bericht.volgende_poging_op - bericht.laatste_poging_op == pytest.approx(
            wachttijd, abs=timedelta(seconds=5)
        )
    verstuur_bericht.call(bericht.pk, bericht.ingepland)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.MISLUKT
    assert bericht.pogingen == MAX_POGINGEN and bericht.volgende_poging_op is None
    assert len(bij_duo.ontvangen("POST", "PIP")) == MAX_POGINGEN
    laatste = Gebeurtenis.objects.filter(soort="duo_bericht").first()
    assert "Regie probeert het niet meer vanzelf" in laatste.omschrijving

    # "Opnieuw versturen" once DUO works again.
    bij_duo.reset()
    bij_duo.persoon_toevoegen(inburgeraar.bsn, "0303")
    berichten.opnieuw_versturen(bericht=bericht, door=None)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.WACHTRIJ and bericht.pogingen == 0
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN


def test_timeout_is_een_storing(bij_duo, inburgeraar, pip, settings):
    settings.DUO_TIMEOUT_SECONDS = 0.1
    bij_duo.storing("timeout", vertraging=0.3)
    bericht = berichten.meld_pip(pip)
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.WACHTRIJ
    assert bericht.pogingen == 1 and "geen antwoord binnen" in bericht.fouttekst
    assert bericht.volgende_poging_op > timezone.now()
    # The simulator still answers (late) in its own thread; let it finish before the next test resets it.
    klaar = threading.Event()
    for _ in range(100):
        if bij_duo.ontvangen():
            break
        klaar.wait(0.01)
    assert len(bij_duo.ontvangen("POST", "PIP")) == 1


def test_een_oude_taak_na_opnieuw_versturen_doet_niets(bij_duo, inburgeraar, pip):
    bericht = berichten.meld_pip(pip)
    oud = bericht.ingepland
    assert verstuur_bericht.call(bericht.pk, oud + 1) == "overgeslagen"
    assert bij_duo.ontvangen() == []


def test_berichten_gaan_op_volgorde(bij_duo, inburgeraar, pip):
    eerste = berichten.meld_pip(pip)
    uren = berichten.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar), uren_brede_intake=40)[0]
    assert verstuur_bericht.call(uren.pk, uren.ingepland) == "wacht op een eerder bericht"
    werk_taken_af()
    eerste.refresh_from_db()
    assert eerste.status == BerichtStatus.VERZONDEN
    assert bij_duo.ontvangen()[0]["api"] == "PIP"


# --- hours ---------------------------------------------------------------------------------------


def test_gevolgde_uren_uit_de_weekrapportages(bij_duo, inburgeraar, consulent, pip, contract, docent):
    berichten.meld_pip(pip)  # DUO takes hours of a person with a PIP
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    week = maandag_van(vandaag()) - timedelta(weeks=2)
    for n, gevolgd in enumerate(("10.5", "11.75")):
        voortgang.weekrapportage_vastleggen(
            verwijzing=verwijzing,
            week=week + timedelta(weeks=n),
            uren_aangeboden=12,
            uren_gevolgd=gevolgd,
            uren_afwezig_ziek=12 - Decimal(gevolgd),
            door=docent,
        )
    assert uren_voor_duo(inburgeraar) == {Soort.UREN_TAALLES: 22}  # 22.25 rounded down
    # weekrapportage_vastleggen queued the total (regie.voortgang.services): one message, updated
    # by the second week while it waited.
    (bericht,) = berichten_van(inburgeraar, Soort.UREN_TAALLES)
    assert bericht.body == {"uren": 22} and bericht.status == BerichtStatus.WACHTRIJ
    assert _geldig(bericht) == []
    # Nothing changed: nothing new to send.
    assert berichten.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar)) == []
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN
    assert bij_duo.ontvangen("PUT", "GevolgdeUren")[-1]["pad"].endswith("/uren/participatietaalles")


def test_uren_brede_intake_en_participatieactiviteiten(bij_duo, inburgeraar, consulent):
    from regie.demo.factories import pip_vastgesteld

    pip_vastgesteld(inburgeraar, consulent, leerroute="z_route")
    (intake,) = berichten.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar), uren_brede_intake=40)
    assert intake.soort == Soort.UREN_BREDE_INTAKE and intake.body == {"uren": 40}
    assert _geldig(intake) == []
    participatie = berichten._zet_klaar(
        inburgeraar=inburgeraar, soort=Soort.UREN_PARTICIPATIEACTIVITEITEN, body={"uren": 120}
    )
    assert _geldig(participatie) == []
    werk_taken_af()
    paden = [r["pad"] for r in bij_duo.ontvangen("PUT", "GevolgdeUren")]
    assert any(p.endswith("/uren/bredeintake/taallesknm") for p in paden)
    assert any(p.endswith("/uren/participatieactiviteiten") for p in paden)


def test_te_veel_uren_worden_niet_verstuurd(inburgeraar):
    (bericht,) = berichten.meld_gevolgde_uren(
        inburgeraar, uren_voor_duo(inburgeraar), uren_brede_intake=10000
    )
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert bericht.fouten == ["uren: mag hoogstens 9999 zijn"]


# --- MAP, PVT, Z-route ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "soort,perceel,veld",
    [("pvt", "pvt", "datumOndertekeningPvt"), ("map", "map", "datumEindgesprekMap")],
)
def test_resultaat_pvt_en_map(bij_duo, inburgeraar, consulent, pip, taalschool, docent, soort, perceel, veld):
    from regie.aanbieders.factories import ContractFactory

    contract = ContractFactory(aanbieder=taalschool, perceel=perceel, capaciteit=20)
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    berichten.meld_pip(pip)  # DUO: 'Uw gemeente moet een actuele PIP hebben' - the PIP goes first
    afgerond = vandaag() - timedelta(days=3)
    resultaat = voortgang.onderdeelresultaat_vastleggen(
        verwijzing=verwijzing, soort=soort, afgerond_op=afgerond, door=docent
    ).object
    bericht = berichten.meld_resultaat(resultaat)
    assert bericht.body == {veld: afgerond.isoformat()}
    assert _geldig(bericht) == []
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN, bericht.fouttekst
    assert bij_duo.ontvangen("PUT", "MAP-PVT-Zroute")[-1]["body"] == bericht.body


def test_resultaat_zroute(inburgeraar, consulent, taalschool, docent):
    from regie.aanbieders.factories import ContractFactory
    from regie.demo.factories import pip_vastgesteld
    from regie.voortgang.models import Onderdeelresultaat

    pip_vastgesteld(inburgeraar, consulent, leerroute="z_route")
    contract = ContractFactory(aanbieder=taalschool, perceel="z_route", capaciteit=20)
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    voortgang.onderdeelresultaat_vastleggen(
        verwijzing=verwijzing,
        soort="zroute",
        afgerond_op=vandaag() - timedelta(days=1),
        uren_taal=800,
        uren_participatie=850,
        eindgesprek_op=vandaag() - timedelta(days=1),
        door=docent,
    )
    resultaat = Onderdeelresultaat.objects.get(verwijzing=verwijzing)
    bericht = berichten.meld_resultaat(resultaat)
    assert bericht.body == {"datumAfrondingZroute": (vandaag() - timedelta(days=1)).isoformat()}
    assert _geldig(bericht) == []
    # The Z-route result's hours feed the hours messages (Bi 3.14: participation hours of the Z-route).
    assert uren_voor_duo(inburgeraar) == {
        Soort.UREN_TAALLES: 800,
        Soort.UREN_PARTICIPATIEACTIVITEITEN: 850,
    }


# --- inburgeringsaanbod --------------------------------------------------------------------------


def test_inburgeringsaanbod_uit_een_geaccepteerde_verwijzing(inburgeraar, consulent, pip, contract, docent):
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    body = berichten.inburgeringsaanbod_body(verwijzing)
    assert body == {
        "datumInburgeringsaanbod": verwijzing.startdatum.isoformat(),
        "verwachteStartdatumOpleiding": verwijzing.startdatum.isoformat(),
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }
    assert specificaties.fouten("Inburgeringsaanbod", "Inburgeringsaanbod", body) == []


def test_inburgeringsaanbod_met_een_te_kort_instellingsnummer_wordt_niet_verstuurd(
    bij_duo, inburgeraar, consulent, pip, contract, docent, taalschool
):
    # a number stored before the field had DUO's form (the model's validator refuses it now)
    Aanbieder.objects.filter(pk=taalschool.pk).update(instellingsnummer="12AB3")
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    bericht = berichten.meld_inburgeringsaanbod(verwijzing)
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert "instellingsnummer: moet minstens 10 tekens lang zijn" in bericht.fouten
    werk_taken_af()
    assert bij_duo.ontvangen("POST", "Inburgeringsaanbod") == []


def test_inburgeringsaanbod_zonder_instellingsnummer(
    inburgeraar, consulent, pip, contract, docent, taalschool
):
    taalschool.instellingsnummer = ""
    taalschool.save()
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    bericht = berichten.meld_inburgeringsaanbod(verwijzing)
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert bericht.fouten[0] == (
        "instellingsnummer: Taalschool Flevoland heeft geen instellingsnummer bij DUO; vul dit in bij de aanbieder"
    )


def test_geen_inburgeringsaanbod_voor_een_gezinsmigrant(inburgeraar, consulent, pip, contract, docent):
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    inburgeraar.doelgroep = "gezinsmigrant"
    inburgeraar.save()
    verwijzing.refresh_from_db()
    assert berichten.meld_inburgeringsaanbod(verwijzing) is None  # README: alleen voor asielmigranten


def test_inburgeringsaanbod_verzenden_en_intrekken(bij_duo, inburgeraar, pip):
    werk_taken_af()  # a PIP at DUO first (README Inburgeringsaanbod: de persoon heeft een PIP)
    berichten.meld_pip(pip)
    werk_taken_af()
    parameters = {"instellingsnummer": "1000012345"}  # a BoW-certified institution of the simulator
    aanbod = berichten._zet_klaar(
        inburgeraar=inburgeraar,
        soort=Soort.INBURGERINGSAANBOD,
        body={"datumInburgeringsaanbod": vandaag().isoformat(), "indicatorAlfabetiseringsonderwijs": "NVT"},
        parameters=parameters,
    )
    werk_taken_af()
    aanbod.refresh_from_db()
    assert aanbod.status == BerichtStatus.VERZONDEN, aanbod.fouttekst
    assert "1000012345" in bij_duo.persoon(inburgeraar.bsn)["inburgeringsaanbod"]
    intrekken = berichten._zet_klaar(
        inburgeraar=inburgeraar, soort=Soort.INBURGERINGSAANBOD_INTREKKEN, body=None, parameters=parameters
    )
    werk_taken_af()
    intrekken.refresh_from_db()
    assert intrekken.status == BerichtStatus.VERZONDEN  # DUO answers 204
    assert bij_duo.persoon(inburgeraar.bsn)["inburgeringsaanbod"] == {}


def test_intrekken_zonder_eerder_aanbod_stuurt_niets(inburgeraar, consulent, pip, contract, docent):
    verwijzing = gestart(inburgeraar, consulent, contract, docent, weken_geleden=4)
    # the aanbod is waiting to be sent: withdrawing it must reach DUO too
    assert berichten.meld_inburgeringsaanbod_ingetrokken(verwijzing).status == BerichtStatus.WACHTRIJ
    # DUO refused every aanbod of this provider, so it has none to withdraw
    UitgaandBericht.objects.filter(inburgeraar=inburgeraar).update(status=BerichtStatus.AFGEWEZEN)
    assert berichten.meld_inburgeringsaanbod_ingetrokken(verwijzing) is None


# --- contact person ------------------------------------------------------------------------------


def test_contactpersoon_aanmaken_koppelen_en_wijzigen(bij_duo, inburgeraar, consulent):
    bericht = berichten.meld_contactpersoon(
        inburgeraar,
        door=consulent,
        naam="Anna de Vries",
        email="a.devries@dronten.nl",
        telefoonnummer="0321 388 999",
    )
    assert _geldig(bericht) == []
    assert specificaties.fouten("Contactpersoon", "Contactpersoongegevens", bericht.body) == []
    werk_taken_af()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN, bericht.fouttekst
    contactpersoon = DuoContactpersoon.objects.get()
    assert contactpersoon.duo_id is not None
    assert bij_duo.persoon(inburgeraar.bsn)["contactpersoon"] == contactpersoon.duo_id
    assert [r["methode"] for r in bij_duo.ontvangen(api="Contactpersoon")] == ["POST", "POST"]

    # New phone number: DUO's record is changed (PUT), then the link is made again.
    berichten.meld_contactpersoon(
        inburgeraar,
        door=consulent,
        naam="Anna de Vries",
        email="a.devries@dronten.nl",
        telefoonnummer="0321 388 000",
    )
    werk_taken_af()
    assert [r["methode"] for r in bij_duo.ontvangen(api="Contactpersoon")] == ["POST", "POST", "PUT", "POST"]
    assert DuoContactpersoon.objects.count() == 1


def test_contactpersoon_met_ongeldig_telefoonnummer(inburgeraar, consulent):
    bericht = berichten.meld_contactpersoon(
        inburgeraar,
        door=consulent,
        naam="Anna de Vries",
        email="a.devries@dronten.nl",
        telefoonnummer="bel me",
    )
    assert bericht.status == BerichtStatus.AFGEWEZEN
    assert bericht.fouten[0].startswith("telefoonnummer: heeft niet de goede vorm")


# --- every type validates ------------------------------------------------------------------------


def test_elke_soort_bericht_heeft_een_route_in_de_specificatie():
    for soort in Soort:
        api, methode, pad = ROUTES[soort]
        assert any(m == methode and p == pad for m, p, _ in specificaties.operaties(api)), soort


def test_opnieuw_versturen_van_een_verzonden_bericht_doet_niets(inburgeraar, pip):
    bericht = berichten.meld_pip(pip)
    bericht.status = BerichtStatus.VERZONDEN
    bericht.save()
    berichten.opnieuw_versturen(bericht=bericht, door=None)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN


def test_een_bsn_staat_nooit_in_de_opgeslagen_gegevens(inburgeraar, pip):
    bericht = berichten.meld_pip(pip)
    opgeslagen = UitgaandBericht.objects.filter(pk=bericht.pk).values().get()
    assert inburgeraar.bsn not in str(opgeslagen)
    assert uuid.UUID(str(opgeslagen["uuid"]))


def test_een_wachtend_urenbericht_krijgt_het_nieuwe_totaal(inburgeraar):
    (eerste,) = berichten.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar), uren_brede_intake=30)
    (tweede,) = berichten.meld_gevolgde_uren(inburgeraar, uren_voor_duo(inburgeraar), uren_brede_intake=35)
    assert tweede.pk == eerste.pk
    eerste.refresh_from_db()
    assert eerste.body == {"uren": 35} and eerste.status == BerichtStatus.WACHTRIJ
    assert UitgaandBericht.objects.count() == 1

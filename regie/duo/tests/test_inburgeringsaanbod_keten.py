"""End to end with the demo's providers: a referral a language school accepts queues DUO's
Inburgeringsaanbod, the task sends it to the DUO simulator and DUO takes it (README of the specs,
"Inburgeringsaanbod": an asylum migrant with a PIP, an instelling DUO knows with a keurmerk)."""

from datetime import timedelta

from regie.aanbieders.models import Aanbieder, Contract, Perceel
from regie.accounts.models import Rol
from regie.demo.duo import instellingen_aanvullen
from regie.demo.factories import UserFactory
from regie.duo.client import DuoClient
from regie.duo.uitgaand.models import BerichtStatus, Soort
from regie.klok import vandaag
from regie.taken.werk import werk_taken_af
from regie.trajecten import services as trajecten
from regie.trajecten.demo import AANBIEDERS, aanbieders_maken, instellingen_bij_duo
from regie.trajecten.factories import verwezen

from .conftest import berichten


def test_demo_aanbieders_hebben_een_nummer_dat_duo_kent(bij_duo, dronten):
    aanbieders_maken()
    for aanbieder in Aanbieder.objects.exclude(instellingsnummer=""):
        aanbieder.full_clean()  # the model's validator: DUO's form
    met_nummer = {a.instellingsnummer for a in Aanbieder.objects.exclude(instellingsnummer="")}
    # every language course provider of every organisation has its own number
    assert len(met_nummer) == 3 * len(AANBIEDERS)
    assert met_nummer == {i["instellingsnummer"] for i in instellingen_bij_duo()}
    instellingen_aanvullen(bij_duo.sim.toestand.gegevens)  # as the demo filling does
    # GET /instellingen (the simulator checks its own answer against the spec's schema)
    lijst = DuoClient().raadpleeg("Inburgeringsaanbod", "/instellingen", gemeente=dronten)
    bij_duo_bekend = {i["instellingsnummer"]: i for i in lijst}
    assert met_nummer <= set(bij_duo_bekend)
    for aanbieder in Aanbieder.objects.exclude(instellingsnummer="").prefetch_related("contracten"):
        instelling = bij_duo_bekend[aanbieder.instellingsnummer]
        percelen = {c.perceel for c in aanbieder.contracten.all()}
        if Perceel.ONDERWIJSROUTE in percelen:
            assert instelling["indicatieTstKeurmerk"]  # a Taalschakelinstelling
        else:
            assert instelling["indicatieBowKeurmerk"]  # Blik op Werk keurmerk


def test_geaccepteerde_verwijzing_naar_de_taalschool_komt_bij_duo(bij_duo, inburgeraar, consulent, pip):
    aanbieders_maken()
    instellingen_aanvullen(bij_duo.sim.toestand.gegevens)
    werk_taken_af()  # the PIP reaches DUO first (README Inburgeringsaanbod: de persoon heeft een PIP)
    taalschool = Aanbieder.objects.get(
        organisatie=inburgeraar.gemeente.organisatie, naam="Taalschool Dronten"
    )
    contract = Contract.objects.geldig_op(vandaag()).get(aanbieder=taalschool, perceel=Perceel.B1_ROUTE)
    docent = UserFactory(
        username="docent.dronten", organisatie=taalschool.organisatie, rol=Rol.AANBIEDER, aanbieder=taalschool
    )
    verwijzing = verwezen(inburgeraar, consulent, contract=contract)
    start = vandaag() + timedelta(days=14)

    trajecten.accepteren(verwijzing=verwijzing, startdatum=start, door=docent)

    (aanbod,) = berichten(inburgeraar, Soort.INBURGERINGSAANBOD)
    assert aanbod.status == BerichtStatus.WACHTRIJ, aanbod.fouttekst
    assert aanbod.parameters == {"instellingsnummer": "2030300001"}
    werk_taken_af()
    aanbod.refresh_from_db()
    assert aanbod.status == BerichtStatus.VERZONDEN, aanbod.fouttekst
    (verzoek,) = bij_duo.ontvangen("POST", "Inburgeringsaanbod")
    assert verzoek["pad"].endswith(f"/personen/{inburgeraar.bsn}/Inburgeringsaanbod/2030300001")
    assert verzoek["status"] == 201
    bij_duo_aanbod = bij_duo.persoon(inburgeraar.bsn)["inburgeringsaanbod"]["2030300001"]
    assert bij_duo_aanbod["verwachteStartdatumOpleiding"] == start.isoformat()
    assert bij_duo_aanbod["gemeentecode"] == "0303"

"""The demo reports: most weeks reported, some unexcused absence above 20 %, a silent provider,
and timeline entries at the moment of reporting."""

from datetime import timedelta

from django.conf import settings

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.inburgeraars.services import vandaag
from regie.voortgang import selectors
from regie.voortgang.demo import vul_rapportages
from regie.voortgang.models import Weekrapportage
from regie.voortgang.tests.conftest import gestarte_verwijzing


def test_demo_rapportages(dronten, consulent):
    verwijzingen = []
    for a in range(4):
        school = AanbiederFactory(organisatie=dronten.organisatie, naam=f"School {a}")
        medewerker = UserFactory(organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=school)
        contract = ContractFactory(aanbieder=school)
        for i in range(2):
            persoon = InburgeraarFactory(
                gemeente=dronten, consulent=consulent, bsn=geldig_bsn(6000 + a * 10 + i)
            )
            verwijzingen.append(
                gestarte_verwijzing(persoon, consulent, contract, medewerker, weken_geleden=30)
            )
    telling = vul_rapportages(vandaag=vandaag(), seed=1)
    assert telling["weken"] > 150 and telling["metingen"] and telling["examens"]
    assert vul_rapportages(vandaag=vandaag(), seed=1)["weken"] == 0  # run twice: nothing new
    drempel = settings.SIGNAAL_AFWEZIG_AANDEEL
    hoog = [
        v
        for v in verwijzingen
        if (selectors.ongeoorloofd_afwezig_aandeel(v.inburgeraar, weken=4) or 0) > drempel
    ]
    assert 1 <= len(hoog) <= 3
    stil = [v for v in verwijzingen if selectors.laatste_rapportage_op(v) < vandaag() - timedelta(weeks=3)]
    assert len(stil) == 2  # both referrals of the fourth provider
    assert Weekrapportage.objects.filter(actueel=True).count() == telling["weken"]

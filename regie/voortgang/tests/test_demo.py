"""The demo reports: most weeks reported, some unexcused absence above 20 %, a silent provider,
and timeline entries at the moment of reporting."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn, pip_vastgesteld
from regie.klok import vandaag
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


def test_demo_rapporteert_niets_na_vandaag(dronten, consulent):
    """Issue 9: no week reported and no exam taken after today: the services would refuse both.
    The referrals started 180 days before the last reported day, when the demo's exam falls
    (170 to 190 days after the start) on either side of it."""
    from regie.trajecten import services as trajecten
    from regie.trajecten.tests.conftest import verwezen
    from regie.voortgang.csv_invoer import maandag_van
    from regie.voortgang.models import Examenpoging

    school = AanbiederFactory(organisatie=dronten.organisatie, naam="School")
    medewerker = UserFactory(organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=school)
    contract = ContractFactory(aanbieder=school)
    laatste_dag = maandag_van(vandaag()) - timedelta(days=1)  # the Sunday of the last reported week
    begin = laatste_dag - timedelta(days=180)
    for i in range(10):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(6100 + i))
        pip_vastgesteld(persoon, consulent)
        verwijzing = verwezen(persoon, consulent, contract=contract, verzonden_op=begin - timedelta(days=7))
        trajecten.accepteren(verwijzing=verwijzing, startdatum=begin, door=medewerker)
        trajecten.starten(verwijzing=verwijzing, startdatum=begin, door=medewerker)
    telling = vul_rapportages(vandaag=vandaag(), seed=1)
    assert telling["examens"] and telling["weken"]
    assert not Examenpoging.objects.filter(datum__gt=laatste_dag).exists()
    middernacht = timezone.make_aware(datetime.combine(vandaag(), time(0)))
    assert not Weekrapportage.objects.filter(ingediend_op__gte=middernacht).exists()

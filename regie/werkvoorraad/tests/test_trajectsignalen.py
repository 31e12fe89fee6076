"""The four trajectory signals of issue 5 (product rules, thresholds in settings): unexcused
absence above a share, no provider report, no progress, a referral not accepted. First the pure
rule at its boundaries, then on the worklist with data from the providers' services, in a
constant number of queries."""

from datetime import date, timedelta

import pytest
from django.test import override_settings

from regie.demo.factories import InburgeraarFactory, geldig_bsn, pip_vastgesteld
from regie.inburgeraars.status import Status
from regie.klok import vandaag
from regie.voortgang import services as voortgang
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgangsgesprekken.tests.conftest import gestart
from regie.werkvoorraad.signalen import Code, Drempels, Ernst, Trajectstand, trajectsignalen

VANDAAG = date(2026, 11, 24)
URL = "/werkvoorraad/"


def codes(stand, **kw):
    kw.setdefault("status", Status.PIP_VASTGESTELD)
    return [s.code for s in trajectsignalen(stand, vandaag=VANDAAG, **kw)]


class TestRegels:
    def test_geen_gegevens_geen_signalen(self):
        assert codes(Trajectstand()) == []

    def test_afwezig_precies_op_de_grens_nog_geen_signaal(self):
        assert codes(Trajectstand(ongeoorloofd_uren=20, aangeboden_uren=100)) == []

    def test_afwezig_boven_de_grens_signaal_met_wat_te_doen_en_link(self):
        [signaal] = trajectsignalen(
            Trajectstand(ongeoorloofd_uren=21, aangeboden_uren=100),
            status=Status.PIP_VASTGESTELD,
            vandaag=VANDAAG,
            voortgang_url="/inburgeraars/x/voortgang/",
        )
        assert signaal.code == Code.ONGEOORLOOFD_AFWEZIG and signaal.ernst == Ernst.LET_OP
        assert (
            "21 %" in signaal.tekst
            and "grens 20 %" in signaal.tekst
            and "Plan een voortgangsgesprek" in signaal.tekst
        )
        assert signaal.link == "/inburgeraars/x/voortgang/?signaal=ongeoorloofd_afwezig"

    def test_afwezig_zonder_aangeboden_uren_geen_signaal(self):
        assert codes(Trajectstand(ongeoorloofd_uren=0, aangeboden_uren=0)) == []

    def test_andere_drempel_uit_instellingen(self):
        stand = Trajectstand(ongeoorloofd_uren=11, aangeboden_uren=100)
        assert codes(stand, drempels=Drempels(afwezig_aandeel=0.10)) == [Code.ONGEOORLOOFD_AFWEZIG]

    def test_geen_rapportage_drie_weken_grens(self):
        assert codes(Trajectstand(oudste_rapportage=VANDAAG - timedelta(weeks=3))) == []
        gevonden = trajectsignalen(
            Trajectstand(oudste_rapportage=VANDAAG - timedelta(weeks=3, days=1)),
            status=Status.PIP_VASTGESTELD,
            vandaag=VANDAAG,
        )
        assert [s.code for s in gevonden] == [Code.GEEN_RAPPORTAGE]
        assert "Vraag de aanbieder" in gevonden[0].tekst

    def test_geen_voortgang_zes_maanden_grens(self):
        assert codes(Trajectstand(laatste_voortgang=date(2026, 5, 24))) == []
        assert codes(Trajectstand(laatste_voortgang=date(2026, 5, 23))) == [Code.GEEN_VOORTGANG]

    def test_verwijzing_niet_geaccepteerd_na_twee_weken(self):
        assert codes(Trajectstand(oudste_onbeantwoord=VANDAAG - timedelta(days=13))) == []
        assert codes(Trajectstand(oudste_onbeantwoord=VANDAAG - timedelta(days=14))) == [
            Code.VERWIJZING_NIET_GEACCEPTEERD
        ]

    def test_gesloten_dossier_geen_signalen(self):
        stand = Trajectstand(ongeoorloofd_uren=50, aangeboden_uren=100, oudste_onbeantwoord=date(2020, 1, 1))
        assert codes(stand, status=Status.AFGEROND) == []


# --- On the worklist ----------------------------------------------------------------------


@pytest.fixture
def docent(dronten):
    from regie.aanbieders.factories import AanbiederFactory
    from regie.demo.factories import UserFactory

    school = AanbiederFactory(organisatie=dronten.organisatie)
    return UserFactory(organisatie=dronten.organisatie, rol="aanbieder", aanbieder=school)


def met_verwijzing(dronten, consulent, docent, n, **kw):
    persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(880_000 + n))
    pip_vastgesteld(persoon, consulent)
    persoon.refresh_from_db()
    return gestart(persoon, consulent, docent, **kw)


def week(n_terug):
    return maandag_van(vandaag()) - timedelta(weeks=n_terug)


def test_afwezigheid_op_de_werkvoorraad_met_link_naar_voortgang(client, dronten, consulent, docent):
    verwijzing = met_verwijzing(dronten, consulent, docent, 1)
    for n in (1, 2):
        voortgang.weekrapportage_vastleggen(
            verwijzing=verwijzing,
            week=week(n),
            uren_aangeboden=10,
            uren_gevolgd=7,
            uren_afwezig_ongeoorloofd=3,
            door=docent,
        )
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert "30 % van de lesuren ongeoorloofd afwezig in de laatste 4 weken" in html
    assert f"/inburgeraars/{verwijzing.inburgeraar.uuid}/voortgang/?signaal=ongeoorloofd_afwezig" in html
    # The filter knows the new signal too.
    assert (
        str(verwijzing.inburgeraar.uuid)
        in client.get(URL, {"signaal": "ongeoorloofd_afwezig"}).content.decode()
    )


def test_afwezig_buiten_het_venster_telt_niet(client, dronten, consulent, docent):
    verwijzing = met_verwijzing(dronten, consulent, docent, 2, weken_geleden=12)
    voortgang.weekrapportage_vastleggen(
        verwijzing=verwijzing,
        week=week(6),
        uren_aangeboden=10,
        uren_gevolgd=0,
        uren_afwezig_ongeoorloofd=10,
        door=docent,
    )
    voortgang.weekrapportage_vastleggen(
        verwijzing=verwijzing, week=week(1), uren_aangeboden=10, uren_gevolgd=10, door=docent
    )
    client.force_login(consulent)
    assert "ongeoorloofd afwezig in de laatste" not in client.get(URL).content.decode()


@override_settings(SIGNAAL_AFWEZIG_AANDEEL=0.5)
def test_drempel_uit_de_instellingen(client, dronten, consulent, docent):
    verwijzing = met_verwijzing(dronten, consulent, docent, 3)
    voortgang.weekrapportage_vastleggen(
        verwijzing=verwijzing,
        week=week(1),
        uren_aangeboden=10,
        uren_gevolgd=7,
        uren_afwezig_ongeoorloofd=3,
        door=docent,
    )
    client.force_login(consulent)
    assert "ongeoorloofd afwezig in de laatste" not in client.get(URL).content.decode()


def test_geen_rapportage_en_geen_voortgang(client, dronten, consulent, docent):
    """Started 30 weeks ago, never reported: no report for 3 weeks and no progress for 6 months."""
    met_verwijzing(dronten, consulent, docent, 4, weken_geleden=30)
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert "niets gerapporteerd" in html and "Geen voortgangsmeting sinds" in html


def test_recente_rapportage_geen_signaal(client, dronten, consulent, docent):
    verwijzing = met_verwijzing(dronten, consulent, docent, 5, weken_geleden=2)
    voortgang.weekrapportage_vastleggen(
        verwijzing=verwijzing, week=week(1), uren_aangeboden=10, uren_gevolgd=10, door=docent
    )
    client.force_login(consulent)
    html = client.get(URL).content.decode()
    assert "niets gerapporteerd" not in html and "Geen voortgangsmeting" not in html


def test_verwijzing_niet_geaccepteerd(client, dronten, consulent):
    from regie.trajecten.factories import verwezen

    persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(880_100))
    pip_vastgesteld(persoon, consulent)
    persoon.refresh_from_db()
    verwezen(persoon, consulent, verzonden_op=vandaag() - timedelta(days=15))
    client.force_login(consulent)
    assert "is na 15 dagen nog niet geaccepteerd" in client.get(URL).content.decode()


def test_geen_n_plus_1_met_vijftig_dossiers(
    client, dronten, consulent, docent, django_assert_max_num_queries
):
    """The worklist of 50 cases with referrals and reports costs as many queries as one of 2."""
    for n in range(2):
        verwijzing = met_verwijzing(dronten, consulent, docent, 100 + n)
        voortgang.weekrapportage_vastleggen(
            verwijzing=verwijzing,
            week=week(1),
            uren_aangeboden=10,
            uren_gevolgd=5,
            uren_afwezig_ongeoorloofd=5,
            door=docent,
        )
    client.force_login(consulent)
    client.get(URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as klein:
        client.get(URL)
    for n in range(48):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(881_000 + n))
        if n % 4 == 0:
            pip_vastgesteld(persoon, consulent)
            persoon.refresh_from_db()
            gestart(persoon, consulent, docent)
    with django_assert_max_num_queries(len(klein)):
        antwoord = client.get(URL)
    assert "50 actieve dossiers." in antwoord.content.decode()

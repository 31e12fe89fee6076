"""Wi 12: once DUO extended the termijn, DUO's end is Regie's end of the termijn everywhere:
worklist signals, the Termijnen tab, the API, progress-talk planning and the reconciliation (regie/duo/tests/inkomend/test_afstemming.py).

The case's first PIP is dated so that the termijn Regie computes (Wi 11) ended 10 days ago;
DUO extended it by 6 months.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from regie.api.tests.conftest import client_met_token
from regie.demo.factories import pip_vastgesteld
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.services import termijn_verlengd_door_duo
from regie.inburgeraars.status import Status
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.voortgangsgesprekken.services import plannen_uit_pip
from regie.werkvoorraad.selectors import mijn_werkvoorraad
from regie.werkvoorraad.signalen import Code
from regie.wet.perioden import laatste_dag
from regie.wet.termijnen import datum_tekst


@pytest.fixture
def oud_dossier(inburgeraar, consulent):
    """First PIP dated so that the computed termijn ended 10 days ago."""
    berekend_einde = vandaag() - timedelta(days=10)
    # The dagtekening whose 3 years end on berekend_einde: 3 years back from the day after it.
    dagtekening = berekend_einde.replace(year=berekend_einde.year - 3)
    while laatste_dag(dagtekening + timedelta(days=1), jaren=3) < berekend_einde:
        dagtekening += timedelta(days=1)
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(
        datum_melding_duo=dagtekening - timedelta(days=30),
        datum_inschrijving_brp=dagtekening - timedelta(days=30),
        status=Status.IN_UITVOERING,
    )
    inburgeraar.refresh_from_db()
    pip_vastgesteld(inburgeraar, consulent, dagtekening=dagtekening, aantal_voortgangsgesprekken=3)
    inburgeraar.refresh_from_db()
    return inburgeraar


@pytest.fixture
def verlengd(oud_dossier, consulent):
    duo_einde = vandaag() + timedelta(days=170)
    termijn_verlengd_door_duo(
        inburgeraar=oud_dossier,
        door=consulent,
        laatste_dag=duo_einde,
        bericht_van=vandaag() - timedelta(days=3),
        grond="Niet verwijtbaar",
    )
    oud_dossier.refresh_from_db()
    return oud_dossier, duo_einde


def _codes(consulent):
    return [code for rij in mijn_werkvoorraad(consulent, vandaag=vandaag()) for code in rij.codes]


def test_werkvoorraad_zonder_verlenging_verstreken_met_verlenging_bijna(oud_dossier, consulent):
    assert Code.INBURGERINGSTERMIJN_VERSTREKEN in _codes(consulent)
    termijn_verlengd_door_duo(
        inburgeraar=oud_dossier,
        door=consulent,
        laatste_dag=vandaag() + timedelta(days=170),
        bericht_van=vandaag(),
    )
    codes = _codes(consulent)
    assert Code.INBURGERINGSTERMIJN_VERSTREKEN not in codes
    assert Code.INBURGERINGSTERMIJN_BIJNA in codes


def test_termijnen_tab_noemt_verlenging_en_bericht(client, consulent, verlengd):
    inburgeraar, duo_einde = verlengd
    client.force_login(consulent)
    html = client.get(reverse("inburgeraars:termijnen", args=[inburgeraar.uuid])).content.decode()
    assert f"Verlengd door DUO tot en met {datum_tekst(duo_einde)}" in html
    assert f"bericht van {datum_tekst(vandaag() - timedelta(days=3))}" in html
    assert "Niet verwijtbaar" in html
    assert "voorbij" not in html.split("Einde inburgeringstermijn")[1].split("</section>")[0]


def test_api_termijnen_geven_het_einde_van_duo(consulent, verlengd):
    inburgeraar, duo_einde = verlengd
    antwoord = client_met_token(consulent).get(f"/api/v1/inburgeraars/{inburgeraar.uuid}")
    assert antwoord.status_code == 200
    einde = next(t for t in antwoord.json()["termijnen"] if t["soort"] == "inburgeringstermijn")
    assert einde["datum"] == duo_einde.isoformat()
    assert "art. 12" in einde["grondslag"]


def test_gesprekken_plannen_tot_het_einde_van_duo(consulent, oud_dossier, verlengd):
    inburgeraar, duo_einde = verlengd
    gesprekken = plannen_uit_pip(inburgeraar=inburgeraar, door=consulent)
    assert len(gesprekken) == 3
    assert all(vandaag() < g.gepland_op <= duo_einde for g in gesprekken)


def test_dezelfde_verlenging_opnieuw_verandert_niets(consulent, verlengd):
    inburgeraar, duo_einde = verlengd
    versie = inburgeraar.versie
    termijn_verlengd_door_duo(
        inburgeraar=inburgeraar,
        door=consulent,
        laatste_dag=duo_einde,
        bericht_van=vandaag(),
        grond="Niet verwijtbaar",
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == versie
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="termijn_verlengd").count() == 1


def test_verlenging_staat_op_de_tijdlijn_en_in_het_verwerkingslog(verlengd):
    from regie.verwerkingslog.models import Verwerking

    inburgeraar, duo_einde = verlengd
    gebeurtenis = Gebeurtenis.objects.get(inburgeraar=inburgeraar, soort="termijn_verlengd")
    assert f"{duo_einde:%d-%m-%Y}" in gebeurtenis.omschrijving
    assert Verwerking.objects.filter(handeling="termijn_verlengd").exists()

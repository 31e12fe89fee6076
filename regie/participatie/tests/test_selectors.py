"""The one outcome picture of a case: the consultant's records, the providers' reports and DUO's
exam results together (`uitkomsten_voor`)."""

from datetime import timedelta

from regie.aanbieders.factories import ContractFactory
from regie.demo.factories import pip_vastgesteld
from regie.klok import vandaag
from regie.notificaties.models import DuoStand
from regie.participatie import services
from regie.participatie.selectors import uitkomsten_voor
from regie.trajecten.tests.conftest import gestart
from regie.voortgang import services as voortgang


def test_uitkomsten_uit_elke_bron(inburgeraar, consulent, medewerker_taalschool):
    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    contract = ContractFactory(aanbieder=medewerker_taalschool.aanbieder, capaciteit=10)
    verwijzing = gestart(inburgeraar, consulent, contract, medewerker_taalschool)
    voortgang.examenpoging_vastleggen(
        verwijzing=verwijzing,
        datum=vandaag() - timedelta(days=3),
        onderdeel="lezen",
        uitslag="behaald",
        niveau="B1",
        door=medewerker_taalschool,
    )
    voortgang.eindrapport_vastleggen(
        verwijzing=verwijzing,
        datum=vandaag() - timedelta(days=2),
        samenvatting="Leest en luistert op B1.",
        door=medewerker_taalschool,
    )
    DuoStand.objects.create(
        inburgeraar=inburgeraar,
        gegevens={
            "examenresultaten": [{"onderdeel": "SP", "examendatum": "2026-01-05", "resultaat": "Gezakt"}]
        },
    )
    services.activiteit_toevoegen(
        inburgeraar=inburgeraar,
        door=consulent,
        soort="betaald_werk",
        partner="Bakkerij",
        startdatum=vandaag() - timedelta(days=10),
        uren_per_week=36,
        contractvorm="vast",
    )
    services.activiteit_toevoegen(
        inburgeraar=inburgeraar,
        door=consulent,
        soort="opleiding",
        partner="ROC",
        startdatum=vandaag() + timedelta(days=10),
    )
    services.situatie_vastleggen(
        inburgeraar=inburgeraar,
        door=consulent,
        moment="intake",
        gemeten_op=vandaag() - timedelta(days=1),
        werk="geen",
        opleiding=False,
        uitkering="volledig",
        zelfredzaamheid=2,
    )
    u = uitkomsten_voor(inburgeraar)
    assert u.werkt and not u.in_opleiding  # the course starts later
    assert [a.partner for a in u.lopende_activiteiten] == ["Bakkerij"]
    assert u.laatste_situatie.zelfredzaamheid == 2
    bronnen = {(x.soort, x.bron) for x in u.overzicht}
    assert bronnen == {
        ("participatie", "Consulent"),
        ("situatie", "Consulent"),
        ("examen", "Aanbieder"),
        ("examen", "DUO"),
        ("eindrapport", "Aanbieder"),
    }
    assert "Leest en luistert op B1." in u.eindrapporten[0].omschrijving, u.eindrapporten
    assert any(x.omschrijving == "Examen Spreken: gezakt" for x in u.examens)
    datums = [x.datum for x in u.overzicht]
    assert datums == sorted(datums, reverse=True)


def test_een_onleesbare_stand_van_duo_breekt_niets(inburgeraar):
    DuoStand.objects.create(
        inburgeraar=inburgeraar, gegevens={"examenresultaten": ["?", {"examendatum": "x"}]}
    )
    u = uitkomsten_voor(inburgeraar)
    assert [(x.datum, x.bron) for x in u.examens] == [(None, "DUO")]

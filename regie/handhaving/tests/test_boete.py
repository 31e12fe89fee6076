"""The fine's steps (regie.handhaving.boete_services): warning → voornemen with report (Awb 5:53)
→ zienswijze (Awb 4:8) → besluit with the amount of the table (Wi 22, Wi 23, Awb 5:46) → four-eyes
approval → beschikking PDF → payment → bezwaar. Every bad input: a Dutch message, nothing saved,
the reason in the processing log."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.handhaving import boete_pdf, services
from regie.handhaving import boete_services as s
from regie.handhaving.models import Boete, Boetebeleid, BoeteStatus
from regie.handhaving.selectors import boetes_ter_goedkeuring
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking


@pytest.fixture
def beleid(dronten):
    return Boetebeleid.objects.create(gemeente=dronten, asielstatushouders_beboeten=True)


@pytest.fixture
def waarschuwing(inburgeraar, consulent, beleid):
    w = services.waarschuwing_opstellen(
        inburgeraar=inburgeraar,
        door=consulent,
        aanleiding="ongeoorloofd_afwezig",
        omschrijving="U was drie weken niet op les.",
        datum=vandaag() - timedelta(days=70),
    )
    return services.waarschuwing_verzonden(
        waarschuwing=w, door=consulent, verzonden_op=vandaag() - timedelta(days=70)
    )


def voornemen(inburgeraar, consulent, waarschuwing, **kw):
    velden = {
        "grond": "wi23",
        "pleegdatum": vandaag() - timedelta(days=30),
        "feiten": "Niet op les in week 10, 11 en 12 zonder bericht.",
        "rapport_datum": vandaag() - timedelta(days=20),
        "zienswijze_uiterlijk": vandaag() - timedelta(days=6),
    }
    velden.update(kw)
    return s.voornemen_opstellen(inburgeraar=inburgeraar, door=consulent, waarschuwing=waarschuwing, **velden)


@pytest.fixture
def tweede_teamleider(dronten):
    return UserFactory(username="teamleider2.dronten", organisatie=dronten.organisatie, rol=Rol.TEAMLEIDER)


def tot_besluit(inburgeraar, consulent, waarschuwing, **kw):
    boete = voornemen(inburgeraar, consulent, waarschuwing, **kw)
    s.zienswijze_vastleggen(boete=boete, door=consulent, vorm="geen_reactie", datum=vandaag())
    return s.besluiten(boete=boete, door=consulent, opleggen=True)


def geweigerd_gelogd(inburgeraar, tekst):
    return Verwerking.objects.filter(
        actie=Actie.GEWEIGERD, resultaat=Resultaat.GEWEIGERD, onderdeel="boete", reden__contains=tekst
    ).exists()


def test_hele_weg_met_tijdlijn(inburgeraar, consulent, teamleider, waarschuwing):
    boete = tot_besluit(inburgeraar, consulent, waarschuwing)
    assert boete.status == BoeteStatus.TER_GOEDKEURING
    assert boete.bedrag_centen == 5_000  # Wi 23: EUR 50 the first time
    assert list(boetes_ter_goedkeuring(teamleider)) == [boete]
    s.goedkeuren(boete=boete, door=teamleider)
    assert boete.status == BoeteStatus.OPGELEGD and boete.dagtekening == vandaag()
    s.betaling_vastleggen(boete=boete, door=consulent, betaalwijze="regeling", aantal_termijnen=5)
    bezwaar = s.bezwaar_registreren(boete=boete, door=consulent, ontvangen_op=vandaag())
    assert bezwaar.tijdig
    s.bezwaar_beslissen(
        boete=boete,
        door=consulent,
        uitkomst="deels_gegrond",
        beslist_op=vandaag(),
        toelichting="Ziek.",
        nieuw_bedrag_centen=2_500,
    )
    boete.refresh_from_db()
    assert boete.bedrag_centen == 2_500 and boete.status == BoeteStatus.OPGELEGD
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="boete").count() == 7
    pdf = boete_pdf.beschikking_pdf(boete)
    assert pdf.startswith(b"%PDF")
    html = boete_pdf.beschikking_html(boete)
    assert "Wet inburgering 2021, artikel 23" in html and "6 weken" in html and "€ 25,00" in html


def test_tweede_boete_verdubbelt(inburgeraar, consulent, teamleider, waarschuwing):
    """Wi 23: the second fine within 12 months is doubled."""
    eerste = tot_besluit(inburgeraar, consulent, waarschuwing, pleegdatum=vandaag() - timedelta(days=60))
    s.goedkeuren(boete=eerste, door=teamleider)
    tweede = tot_besluit(inburgeraar, consulent, waarschuwing)
    assert tweede.bedrag_centen == 10_000


def test_geen_besluit_zonder_zienswijze(inburgeraar, consulent, waarschuwing):
    boete = voornemen(inburgeraar, consulent, waarschuwing)
    with pytest.raises(ValidationError, match="zienswijze"):
        s.besluiten(boete=boete, door=consulent, opleggen=True)
    boete.refresh_from_db()
    assert boete.status == BoeteStatus.VOORNEMEN and boete.bedrag_centen is None
    assert geweigerd_gelogd(inburgeraar, "Eerst de zienswijze")


def test_geen_reactie_pas_na_de_uiterste_datum(inburgeraar, consulent, waarschuwing):
    boete = voornemen(inburgeraar, consulent, waarschuwing, zienswijze_uiterlijk=vandaag())
    with pytest.raises(ValidationError, match="kan nog reageren"):
        s.zienswijze_vastleggen(boete=boete, door=consulent, vorm="geen_reactie", datum=vandaag())
    boete.refresh_from_db()
    assert boete.status == BoeteStatus.VOORNEMEN


def test_boven_de_cap_per_termijn_niets_opgeslagen(inburgeraar, consulent, waarschuwing):
    """Wi 23: EUR 2,400 per termijn; the decision that would pass it is refused."""
    for i in range(9):  # 9 x EUR 250 = EUR 2,250 decided
        tot_besluit(
            inburgeraar, consulent, waarschuwing, grond="wi22", pleegdatum=vandaag() - timedelta(days=30 + i)
        )
    boete = voornemen(inburgeraar, consulent, waarschuwing, grond="wi22")
    s.zienswijze_vastleggen(boete=boete, door=consulent, vorm="geen_reactie", datum=vandaag())
    with pytest.raises(ValidationError, match="€ 2.400,00"):
        s.besluiten(boete=boete, door=consulent, opleggen=True)
    boete.refresh_from_db()
    assert boete.status == BoeteStatus.ZIENSWIJZE and boete.bedrag_centen is None
    assert geweigerd_gelogd(inburgeraar, "2.400")
    # Moderated to 50 % it fits (EUR 125 + EUR 2,250 <= EUR 2,400).
    s.besluiten(boete=boete, door=consulent, opleggen=True, matiging=50, matiging_reden="Weinig geld.")
    assert boete.bedrag_centen == 12_500


def test_matiging_zonder_reden_geweigerd(inburgeraar, consulent, waarschuwing):
    boete = voornemen(inburgeraar, consulent, waarschuwing)
    s.zienswijze_vastleggen(
        boete=boete, door=consulent, vorm="schriftelijk", datum=vandaag(), samenvatting="Ziek."
    )
    with pytest.raises(ValidationError, match="waarom"):
        s.besluiten(boete=boete, door=consulent, opleggen=True, matiging=50)
    with pytest.raises(ValidationError, match="Wi 27"):  # bijstand lowered since the voornemen
        s.besluiten(boete=boete, door=consulent, opleggen=True, bijstand_verlaagd=True)
    assert not Boete.objects.get(pk=boete.pk).bijstand_verlaagd
    with pytest.raises(ValidationError, match="geen boete"):
        s.besluiten(boete=boete, door=consulent, opleggen=False, reden_geen_boete=" ")
    s.besluiten(
        boete=boete, door=consulent, opleggen=False, reden_geen_boete="Ziek, met briefje van de huisarts."
    )
    assert boete.status == BoeteStatus.GEEN_BOETE


def test_vier_ogen(inburgeraar, consulent, teamleider, tweede_teamleider, waarschuwing):
    boete = voornemen(inburgeraar, teamleider, waarschuwing)
    s.zienswijze_vastleggen(boete=boete, door=teamleider, vorm="geen_reactie", datum=vandaag())
    s.besluiten(boete=boete, door=teamleider, opleggen=True)
    with pytest.raises(ValidationError, match="vier ogen"):
        s.goedkeuren(boete=boete, door=teamleider)
    with pytest.raises(ValidationError, match="teamleider"):
        s.goedkeuren(boete=boete, door=consulent)
    boete.refresh_from_db()
    assert boete.status == BoeteStatus.TER_GOEDKEURING and boete.dagtekening is None
    s.afkeuren(boete=boete, door=tweede_teamleider, reden="Rapport te kort.")
    assert boete.status == BoeteStatus.ZIENSWIJZE


def test_wi27_en_zonder_verzonden_waarschuwing(inburgeraar, consulent, waarschuwing):
    with pytest.raises(ValidationError, match="Wi 27"):
        voornemen(inburgeraar, consulent, waarschuwing, bijstand_verlaagd=True)
    with pytest.raises(ValidationError, match="na de waarschuwing"):  # the conduct on the day it was sent
        voornemen(inburgeraar, consulent, waarschuwing, pleegdatum=waarschuwing.verzonden_op)
    concept = services.waarschuwing_opstellen(
        inburgeraar=inburgeraar, door=consulent, aanleiding="anders", omschrijving="x", datum=vandaag()
    )
    with pytest.raises(ValidationError) as fout:
        voornemen(
            inburgeraar, consulent, concept, feiten=" ", zienswijze_uiterlijk=vandaag() - timedelta(days=30)
        )
    assert set(fout.value.message_dict) == {"waarschuwing", "feiten", "zienswijze_uiterlijk"}
    assert not Boete.objects.exists()


def test_asielstatushouder_per_gemeente(inburgeraar, consulent, waarschuwing, beleid):
    beleid.asielstatushouders_beboeten = False
    beleid.save()
    with pytest.raises(ValidationError, match="asielstatushouders"):
        voornemen(inburgeraar, consulent, waarschuwing)
    assert not Boete.objects.exists()


def test_verrekening_alleen_met_verordening(inburgeraar, consulent, teamleider, waarschuwing, beleid):
    boete = tot_besluit(inburgeraar, consulent, waarschuwing)
    s.goedkeuren(boete=boete, door=teamleider)
    with pytest.raises(ValidationError, match="verordening"):
        s.betaling_vastleggen(boete=boete, door=consulent, betaalwijze="verrekening")
    with pytest.raises(ValidationError, match="termijnen"):
        s.betaling_vastleggen(boete=boete, door=consulent, betaalwijze="regeling", aantal_termijnen=1)
    beleid.verrekenen_met_bijstand = True
    beleid.save()
    s.betaling_vastleggen(boete=boete, door=consulent, betaalwijze="verrekening", betaald_op=vandaag())
    assert boete.status == BoeteStatus.BETAALD


def test_bezwaar_gegrond_trekt_in_en_te_laat(inburgeraar, consulent, teamleider, waarschuwing):
    boete = tot_besluit(inburgeraar, consulent, waarschuwing)
    s.goedkeuren(boete=boete, door=teamleider)
    Boete.objects.filter(pk=boete.pk).update(dagtekening=vandaag() - timedelta(weeks=6, days=1))
    boete.refresh_from_db()
    bezwaar = s.bezwaar_registreren(boete=boete, door=consulent, ontvangen_op=vandaag())
    assert not bezwaar.tijdig  # Awb 6:7: six weeks
    with pytest.raises(ValidationError) as fout:
        s.bezwaar_beslissen(
            boete=boete,
            door=consulent,
            uitkomst="deels_gegrond",
            beslist_op=vandaag(),
            toelichting="x",
            nieuw_bedrag_centen=5_000,
        )
    assert "nieuw_bedrag" in fout.value.message_dict
    s.bezwaar_beslissen(
        boete=boete, door=consulent, uitkomst="gegrond", beslist_op=vandaag(), toelichting="Ten onrechte."
    )
    assert boete.status == BoeteStatus.INGETROKKEN


def test_paginas(client, inburgeraar, consulent, teamleider, waarschuwing):
    boete = tot_besluit(inburgeraar, consulent, waarschuwing)
    client.force_login(consulent)
    assert client.get(reverse("handhaving:overzicht", args=[inburgeraar.uuid])).status_code == 200
    pagina = client.get(reverse("handhaving:boete", args=[inburgeraar.uuid, boete.uuid]))
    assert "wacht op goedkeuring" in pagina.content.decode()
    client.force_login(teamleider)
    lijst = client.get(reverse("handhaving:ter_goedkeuring"))
    assert escape(inburgeraar.naam) in lijst.content.decode()
    adres = reverse("handhaving:beoordelen", args=[inburgeraar.uuid, boete.uuid])
    assert client.post(adres, {}).status_code == 200  # no choice: the page again, nothing saved
    assert client.post(adres, {"beoordeling-keuze": "goedkeuren"}).status_code == 302
    antwoord = client.get(reverse("handhaving:pdf", args=[inburgeraar.uuid, boete.uuid]))
    assert antwoord["Content-Type"] == "application/pdf"


def test_werkvoorraad_toont_de_stand(client, inburgeraar, consulent, waarschuwing):
    """The consultant sees the handhaving stand in the worklist (from the last timeline step)."""
    client.force_login(consulent)
    assert "Waarschuwing verzonden" in client.get(reverse("werkvoorraad:mijn")).content.decode()
    voornemen(inburgeraar, consulent, waarschuwing)
    assert "Boete: voornemen verstuurd" in client.get(reverse("werkvoorraad:mijn")).content.decode()
    # The team view's row, refreshed after a reassignment, shows it too.
    from regie.werkvoorraad.selectors import team_rij

    stand = team_rij(consulent, inburgeraar.uuid, vandaag()).inburgeraar.handhaving
    assert stand == "Boete: voornemen verstuurd, wacht op zienswijze"


def test_lijst_ter_goedkeuring_vaste_aantal_queries(client, dronten, consulent, teamleider, waarschuwing):
    """The team lead's list costs the same number of queries for 2 or 6 decisions on the page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.demo.factories import InburgeraarFactory

    def tel():
        with CaptureQueriesContext(connection) as vragen:
            assert client.get(reverse("handhaving:ter_goedkeuring")).status_code == 200
        return len(vragen)

    def besluit_voor_nieuw_dossier():
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
        w = services.waarschuwing_opstellen(
            inburgeraar=persoon, door=consulent, aanleiding="anders", omschrijving="x", datum=vandaag()
        )
        services.waarschuwing_verzonden(
            waarschuwing=w, door=consulent, verzonden_op=vandaag() - timedelta(days=40)
        )
        w.refresh_from_db()
        tot_besluit(persoon, consulent, w, rapport_datum=vandaag() - timedelta(days=20))

    client.force_login(teamleider)
    tel()  # the first request after log-in also stores the session
    for _ in range(2):
        besluit_voor_nieuw_dossier()
    weinig = tel()
    for _ in range(4):
        besluit_voor_nieuw_dossier()
    assert tel() == weinig


def test_verrekenen_alleen_als_keuze_waar_het_mag(
    client, inburgeraar, consulent, teamleider, waarschuwing, beleid
):
    boete = tot_besluit(inburgeraar, consulent, waarschuwing)
    s.goedkeuren(boete=boete, door=teamleider)
    client.force_login(consulent)
    adres = reverse("handhaving:boete", args=[inburgeraar.uuid, boete.uuid])
    assert 'value="verrekening"' not in client.get(adres).content.decode()
    beleid.verrekenen_met_bijstand = True
    beleid.save()
    assert 'value="verrekening"' in client.get(adres).content.decode()

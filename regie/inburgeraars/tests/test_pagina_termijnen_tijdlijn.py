"""The deadlines page (with legal basis and explanation) and the timeline page."""

from datetime import timedelta

from django.urls import reverse
from django.utils.html import escape

from regie.inburgeraars.services import consulent_toewijzen, inburgeraar_wijzigen, status_wijzigen
from regie.klok import vandaag
from regie.pip.services import pip_vaststellen
from regie.werkvoorraad.tests.hulp import maak_inburgeraar
from regie.wet.termijnen import datum_tekst


def url(inburgeraar, naam):
    return reverse(f"inburgeraars:{naam}", args=[inburgeraar.uuid])


class TestTermijnen:
    def test_pip_termijn_met_grondslag_en_uitleg(self, client, consulent, dronten):
        # Bi 5.3 lid 1: 10 weeks after the DUO notice (Atw art. 1 may move it to a working day).
        melding = vandaag() - timedelta(days=20)
        dossier = maak_inburgeraar(gemeente=dronten, consulent=consulent, datum_melding_duo=melding)
        client.force_login(consulent)
        html = client.get(url(dossier, "termijnen")).content.decode()
        assert "PIP vaststellen uiterlijk" in html
        assert "Besluit inburgering 2021, art. 5.3 lid 1" in html
        assert "10 weken na de melding van DUO" in html
        assert "Nog 5" in html  # 70 days minus 20, plus at most a few days to a working day

    def test_na_het_pip_alle_termijnen(self, client, consulent, inburgeraar):
        # Wi 11 lid 1 en 2: the termijn of 3 years starts the day after the dagtekening of the first PIP.
        dagtekening = vandaag() - timedelta(days=1)
        pip_vaststellen(
            inburgeraar=inburgeraar,
            door=consulent,
            leerroute="b1",
            dagtekening=dagtekening,
            map=True,
            geschatte_intensiteit_uren=600,
            aantal_voortgangsgesprekken=4,
        )
        client.force_login(consulent)
        html = client.get(url(inburgeraar, "termijnen")).content.decode()
        for label in (
            "Einde inburgeringstermijn",
            "Leerroute wijzigen uiterlijk",
            "Verlenging aanvragen bij DUO vanaf",
        ):
            assert label in html
        assert "Wet inburgering 2021, art. 11 lid 1, 2 en 3" in html
        assert "het PIP is vastgesteld" in html  # the PIP deadline no longer asks anything

    def test_verstreken_termijn_in_dagen_geleden(self, client, consulent, dronten):
        dossier = maak_inburgeraar(
            gemeente=dronten, consulent=consulent, datum_melding_duo=vandaag() - timedelta(days=200)
        )
        client.force_login(consulent)
        html = client.get(url(dossier, "termijnen")).content.decode()
        assert "dagen geleden" in html
        assert "Urgent:" in html

    def test_zonder_datums_uitleg_wat_nodig_is(self, client, consulent, dronten):
        dossier = maak_inburgeraar(
            gemeente=dronten, consulent=consulent, datum_melding_duo=None, datum_inschrijving_brp=None
        )
        client.force_login(consulent)
        html = client.get(url(dossier, "termijnen")).content.decode()
        assert "Er zijn nog geen termijnen." in html
        assert url(dossier, "wijzigen") in html


class TestTijdlijn:
    def test_alles_nieuwste_eerst_met_wie_wat_en_waarom(self, client, consulent, teamleider, inburgeraar):
        huisvesting = vandaag() - timedelta(days=3)
        inburgeraar_wijzigen(
            inburgeraar=inburgeraar,
            door=consulent,
            versie=inburgeraar.versie,
            telefoon="0201234567",
            datum_huisvesting=huisvesting,
        )
        consulent_toewijzen(inburgeraar=inburgeraar, door=teamleider, consulent=teamleider, reden="Vakantie")
        status_wijzigen(
            inburgeraar=inburgeraar,
            door=consulent,
            naar="beeindigd",
            reden="vertrek",
            toelichting="Naar Canada",
        )
        client.force_login(consulent)
        html = (
            client.get(url(inburgeraar, "tijdlijn")).content.decode().split('<ol class="regie-tijdlijn">')[1]
        )
        status = html.index("Status van &#x27;Aangemeld&#x27; naar &#x27;Beëindigd&#x27;")
        toewijzing = html.index(f"Vaste consulent: {escape(teamleider)}")
        gegevens = html.index("Gegevens gewijzigd")
        assert status < toewijzing < gegevens
        assert "is nu 0201234567" in html
        assert f"Datum huisvesting: was (leeg), is nu {datum_tekst(huisvesting)}" in html
        assert "Reden: Vakantie" in html
        assert "Toelichting: Naar Canada" in html
        assert escape(teamleider) in html and escape(consulent) in html

    def test_bsn_wijziging_alleen_laatste_cijfers(self, client, consulent, inburgeraar):
        from regie.werkvoorraad.tests.hulp import nieuw_bsn

        oud, nieuw = inburgeraar.bsn, nieuw_bsn()
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=inburgeraar.versie, bsn=nieuw)
        client.force_login(consulent)
        html = client.get(url(inburgeraar, "tijdlijn")).content.decode()
        assert f"een BSN dat eindigt op {oud[-3:]}" in html
        assert oud not in html and nieuw not in html

    def test_lege_tijdlijn(self, client, consulent, inburgeraar):
        client.force_login(consulent)
        assert (
            "Er staat nog niets op de tijdlijn." in client.get(url(inburgeraar, "tijdlijn")).content.decode()
        )

"""The PIP pages (Wi 15, Bi 5.3): access, deciding a version through the form, rule messages
next to their fields, older versions readable, and the decision letter as PDF."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import escape

from regie.demo.factories import InburgeraarFactory
from regie.inburgeraars.models import Inburgeraar
from regie.klok import vandaag
from regie.pip.models import Pip
from regie.pip.pdf import beschikking_html
from regie.pip.services import pip_vaststellen
from regie.tijdlijn.models import Gebeurtenis
from regie.wet.bezwaar import bezwaartermijn_einde


def url(naam, inburgeraar, *args):
    return reverse(naam, args=[inburgeraar.uuid, *args])


def formulier(inburgeraar, **extra):
    """The PIP form as the browser posts it (unchecked boxes are absent)."""
    inburgeraar.refresh_from_db()
    return {
        "versie": inburgeraar.versie,
        "dagtekening": vandaag().isoformat(),
        "leerroute": "b1",
        "taalniveau": "",
        "pvt": "on",
        "map": "on",
        "maatschappelijke_begeleiding": "on",
        "alfabetisering": "NVT",
        "geschatte_intensiteit_uren": "600",
        "aantal_voortgangsgesprekken": "4",
        "participatie_activiteiten": "Vrijwilligerswerk bij de voedselbank",
        "reden": "",
        **extra,
    }


def eerste_pip(inburgeraar, door, **kwargs) -> Pip:
    kwargs.setdefault("leerroute", "b1")
    kwargs.setdefault("dagtekening", vandaag())
    return pip_vaststellen(inburgeraar=inburgeraar, door=door, aantal_voortgangsgesprekken=4, **kwargs)


def melding_bij(html: str, veld: str) -> str:
    """The text of the error message shown next to a field."""
    begin = html.index(f'id="id_{veld}_error"')
    return html[begin : html.index("</div>", begin)]


@pytest.fixture
def met_pip(inburgeraar, consulent):
    eerste_pip(inburgeraar, consulent)
    return inburgeraar


# --- Access -------------------------------------------------------------------------------

PAGINAS = [("pip:pip", ()), ("pip:vaststellen", ()), ("pip:versie", (1,)), ("pip:pdf", (1,))]


@pytest.mark.parametrize(("naam", "args"), PAGINAS)
@pytest.mark.parametrize("gebruiker", ["consulent", "teamleider"])
def test_medewerker_van_de_organisatie_ziet_de_pagina(client, request, met_pip, naam, args, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get(url(naam, met_pip, *args)).status_code == 200


@pytest.mark.parametrize(("naam", "args"), PAGINAS)
def test_andere_organisatie_krijgt_404(client, consulent_drechtsteden, met_pip, naam, args):
    client.force_login(consulent_drechtsteden)
    assert client.get(url(naam, met_pip, *args)).status_code == 404


@pytest.mark.parametrize(("naam", "args"), PAGINAS)
def test_anoniem_gaat_naar_inloggen(client, met_pip, naam, args):
    antwoord = client.get(url(naam, met_pip, *args))
    assert antwoord.status_code == 302
    assert antwoord.url.startswith(reverse("accounts:login"))


def test_andere_organisatie_kan_geen_pip_vaststellen(client, consulent_drechtsteden, inburgeraar):
    client.force_login(consulent_drechtsteden)
    assert client.post(url("pip:vaststellen", inburgeraar), formulier(inburgeraar)).status_code == 404
    assert not Pip.objects.exists()


def test_versie_die_niet_bestaat_geeft_404(client, consulent, met_pip):
    client.force_login(consulent)
    assert client.get(url("pip:versie", met_pip, 2)).status_code == 404
    assert client.get(url("pip:pdf", met_pip, 2)).status_code == 404


# --- Deciding -----------------------------------------------------------------------------


def test_zonder_pip_toont_de_pagina_de_uiterste_datum(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(url("pip:pip", inburgeraar)).content.decode()
    assert "Er is nog geen PIP vastgesteld." in html
    assert "Besluit inburgering 2021, art. 5.3 lid 1" in html


def test_eerste_pip_vaststellen(client, consulent, inburgeraar):
    client.force_login(consulent)
    antwoord = client.post(url("pip:vaststellen", inburgeraar), formulier(inburgeraar))
    assert antwoord.status_code == 302
    assert antwoord.url == url("pip:pip", inburgeraar)
    pip = Pip.objects.get(inburgeraar=inburgeraar)
    assert (pip.versie, pip.leerroute, pip.taalniveau, pip.reden) == (1, "b1", "B1", "Eerste PIP")
    assert pip.pvt and pip.map and pip.maatschappelijke_begeleiding and not pip.tolk
    assert pip.aantal_voortgangsgesprekken == 4
    assert Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="pip_vastgesteld").count() == 1
    html = client.get(antwoord.url).content.decode()
    assert "PIP versie 1 is vastgesteld." in html
    assert "Huidig PIP: versie 1" in html


def test_onderwijsroute_met_a2_geeft_melding_bij_taaldoel_en_slaat_niets_op(client, consulent, inburgeraar):
    """Wi 17 lid 3 and DUO's PIP check: the onderwijsroute has no A2 goal (and no MAP, Wi 6 lid 1)."""
    client.force_login(consulent)
    gegevens = formulier(
        inburgeraar, leerroute="onderwijsroute", taalniveau="A2", geschatte_intensiteit_uren=""
    )
    html = client.post(url("pip:vaststellen", inburgeraar), gegevens).content.decode()
    assert "Bij de onderwijsroute hoort geen taaldoel A2." in melding_bij(html, "taalniveau")
    assert "Wet inburgering 2021, art. 17 lid 3" in melding_bij(html, "taalniveau")
    assert "De onderwijsroute heeft geen MAP" in melding_bij(html, "map")
    assert 'aria-describedby="id_taalniveau_helptext id_taalniveau_error"' in html
    assert "Er is niets opgeslagen." in html
    assert not Pip.objects.exists()
    assert not Gebeurtenis.objects.filter(soort="pip_vastgesteld").exists()


def test_dagtekening_voor_de_start_van_de_plicht_wordt_geweigerd(client, consulent, inburgeraar):
    """DUO PIP API: the dagtekening cannot lie before the start of the obligation as DUO reports
    it (Inburgeringsplicht.begindatum), not the date of DUO's notice, which may come later."""
    start = inburgeraar.datum_melding_duo - timedelta(days=20)
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(begindatum_inburgeringsplicht=start)
    inburgeraar.refresh_from_db()
    client.force_login(consulent)
    te_vroeg = start - timedelta(days=1)
    html = client.post(
        url("pip:vaststellen", inburgeraar), formulier(inburgeraar, dagtekening=te_vroeg.isoformat())
    ).content.decode()
    assert "niet voor de start van de inburgeringsplicht liggen" in melding_bij(html, "dagtekening")
    assert not Pip.objects.exists()


def test_dagtekening_na_start_plicht_maar_voor_de_melding_van_duo_mag(client, consulent, inburgeraar):
    """The old check compared with the date of DUO's notice and refused a PIP dated between the
    start of the obligation and the notice, which DUO accepts."""
    start = inburgeraar.datum_melding_duo - timedelta(days=20)
    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(
        begindatum_inburgeringsplicht=start, datum_inschrijving_brp=start
    )
    inburgeraar.refresh_from_db()
    client.force_login(consulent)
    tussenin = inburgeraar.datum_melding_duo - timedelta(days=1)
    client.post(url("pip:vaststellen", inburgeraar), formulier(inburgeraar, dagtekening=tussenin.isoformat()))
    assert Pip.objects.get().dagtekening == tussenin


def test_leerroute_wijzigen_na_anderhalf_jaar_wordt_geweigerd(client, consulent, dronten):
    """Bi 5.4: the leerroute can change only in the first 1.5 years of the termijn."""
    twee_jaar_terug = vandaag() - timedelta(days=2 * 365)
    inburgeraar = InburgeraarFactory(
        gemeente=dronten,
        consulent=consulent,
        datum_melding_duo=twee_jaar_terug,
        datum_inschrijving_brp=twee_jaar_terug,
    )
    eerste_pip(inburgeraar, consulent, dagtekening=twee_jaar_terug)
    client.force_login(consulent)
    gegevens = formulier(
        inburgeraar, leerroute="z_route", geschatte_intensiteit_uren="", reden="Leren gaat te moeilijk"
    )
    html = client.post(url("pip:vaststellen", inburgeraar), gegevens).content.decode()
    assert "De leerroute kan niet meer veranderen" in melding_bij(html, "leerroute")
    assert "Besluit inburgering 2021, art. 5.4" in melding_bij(html, "leerroute")
    assert list(inburgeraar.pips.values_list("versie", flat=True)) == [1]


def test_nieuwe_versie_vraagt_een_reden(client, consulent, met_pip):
    client.force_login(consulent)
    html = client.post(url("pip:vaststellen", met_pip), formulier(met_pip, reden="  ")).content.decode()
    assert "Schrijf op waarom het PIP verandert." in melding_bij(html, "reden")
    assert met_pip.pips.count() == 1


def test_verouderd_formulier_wordt_geweigerd(client, consulent, met_pip):
    client.force_login(consulent)
    gegevens = formulier(met_pip, reden="Meer voortgangsgesprekken", aantal_voortgangsgesprekken="6")
    gegevens["versie"] -= 1
    html = client.post(url("pip:vaststellen", met_pip), gegevens).content.decode()
    assert "Iemand anders heeft dit dossier gewijzigd" in html
    assert met_pip.pips.count() == 1


def test_formulier_is_ingevuld_met_de_huidige_versie(client, consulent, inburgeraar):
    eerste_pip(inburgeraar, consulent, leerroute="z_route", tolk=True, participatie_activiteiten="Taalcafé")
    client.force_login(consulent)
    html = client.get(url("pip:vaststellen", inburgeraar)).content.decode()
    assert re.search(r'value="z_route"[^>]* checked>', html)
    assert 'name="aantal_voortgangsgesprekken" value="4"' in html
    assert "Taalcafé</textarea>" in html
    assert f'name="dagtekening" value="{vandaag().isoformat()}"' in html
    assert "Reden van deze nieuwe versie (verplicht)" in html
    assert "minstens 600 uur les" in html  # the rule text takes its number from regie.wet.leerroute


def test_nieuwe_versie_laat_de_oude_leesbaar(client, consulent, met_pip):
    client.force_login(consulent)
    gegevens = formulier(met_pip, reden="Tolk nodig bij gesprekken", tolk="on")
    assert client.post(url("pip:vaststellen", met_pip), gegevens).status_code == 302
    assert list(met_pip.pips.order_by("versie").values_list("versie", "tolk")) == [(1, False), (2, True)]

    overzicht = client.get(url("pip:pip", met_pip)).content.decode()
    assert "Huidig PIP: versie 2" in overzicht
    assert "Versie 1</a>" in overzicht and "Tolk nodig bij gesprekken" in overzicht

    oud = client.get(url("pip:versie", met_pip, 1)).content.decode()
    assert "Dit is een oudere versie." in oud
    assert "Eerste PIP" in oud
    nieuw = client.get(url("pip:versie", met_pip, 2)).content.decode()
    assert "Dit is de huidige versie van het PIP." in nieuw


# --- The decision as PDF ------------------------------------------------------------------


def test_pdf_is_een_echte_pdf_zonder_bsn_in_de_naam(client, consulent, met_pip):
    client.force_login(consulent)
    antwoord = client.get(url("pip:pdf", met_pip, 1))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF-")
    assert antwoord.content.rstrip().endswith(b"%%EOF")
    schijf = antwoord["Content-Disposition"]
    assert schijf.startswith("attachment; filename=") and schijf.endswith('-versie-1.pdf"')
    assert met_pip.bsn not in schijf
    assert "no-store" in antwoord["Cache-Control"]


def test_beschikking_bevat_besluit_termijnen_grondslag_en_bezwaarclausule(consulent, met_pip):
    pip = met_pip.pips.get()
    html = beschikking_html(met_pip, pip)
    for tekst in (
        f"Gemeente {met_pip.gemeente.naam}",
        escape(met_pip.naam),  # a name or street with an apostrophe is escaped in the HTML
        escape(met_pip.straat),
        "B1-route",
        "Nederlands op niveau B1",
        "participatieverklaringstraject (PVT)",
        "Einde inburgeringstermijn",
        "Wet inburgering 2021, artikel 15",
        "Besluit inburgering 2021, artikel 5.3",
        # Bezwaar (Awb 6:5, 6:7 and 6:8): six weeks after the dagtekening, to the college, what to include.
        "Bent u het niet eens met dit besluit?",
        "binnen 6 weken na de dagtekening",
        # the last day written out, as the fine's letter does (regie.wet.bezwaar)
        dateformat.format(bezwaartermijn_einde(pip.dagtekening), "j F Y"),
        "college van burgemeester en wethouders",
        "uw naam en adres",
        "waarom u het niet eens bent",
        "uw handtekening",
        "Algemene wet bestuursrecht, artikel 6:5, 6:7 en 6:8",
    ):
        assert tekst in html, tekst
    assert met_pip.bsn not in html
    assert "PIP vaststellen uiterlijk" not in html  # the municipality's own deadline is not in the letter


def test_zonder_map_toont_waarschuwing_en_vinkje_daarna_vastgesteld(client, consulent, inburgeraar):
    """Wi 6 lid 1: leaving out the MAP of a B1-route PIP shows the warning with the article and a
    box to confirm; nothing is stored until the box is ticked."""
    client.force_login(consulent)
    gegevens = formulier(inburgeraar)
    del gegevens["map"]
    html = client.post(url("pip:vaststellen", inburgeraar), gegevens).content.decode()
    melding = melding_bij(html, "waarschuwingen_gezien")
    assert "module arbeidsmarkt en participatie (MAP)" in melding and "art. 6 lid 1" in melding
    assert "Ik heb de waarschuwingen gelezen" in html
    assert not Pip.objects.exists()
    antwoord = client.post(url("pip:vaststellen", inburgeraar), {**gegevens, "waarschuwingen_gezien": "on"})
    assert antwoord.status_code == 302
    pip = Pip.objects.get()
    assert not pip.map and "MAP" in pip.waarschuwingen
    assert "Vastgesteld ondanks waarschuwingen" in client.get(url("pip:pip", inburgeraar)).content.decode()


def test_eerste_pip_asielstatushouder_begint_met_begeleiding_aangevinkt(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(url("pip:vaststellen", inburgeraar)).content.decode()
    begin = html.index('name="maatschappelijke_begeleiding"')
    invoer = html[html.rindex("<input", 0, begin) : html.index(">", begin)]
    assert "checked" in invoer

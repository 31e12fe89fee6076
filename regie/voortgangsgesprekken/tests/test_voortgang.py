"""Progress talks (planned from the PIP's number, Wi 15 / Bi 5.3; spread by policy), the Voortgang
tab with the Wi 6 check and attendance, and the steps from there."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regie.demo.factories import pip_vastgesteld
from regie.inburgeraars.services import status_wijzigen
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.voortgang import services as voortgang
from regie.voortgang.csv_invoer import maandag_van
from regie.voortgangsgesprekken import services
from regie.voortgangsgesprekken.models import Aanleiding, Uitkomst, Voortgangsgesprek
from regie.wet.termijnen import inburgeringstermijn


def url(naam, inburgeraar, **kw):
    return reverse(f"voortgangsgesprekken:{naam}", kwargs={"uuid": inburgeraar.uuid, **kw})


# --- Services ----------------------------------------------------------------------------


def test_plannen_uit_pip_plant_het_aantal_uit_het_pip_binnen_de_termijn(met_pip, consulent):
    """Wi 15 / Bi 5.3: the PIP names the number of talks; Regie spreads them over the termijn
    (Wi 11: three years from the day after the dagtekening)."""
    gesprekken = services.plannen_uit_pip(inburgeraar=met_pip, door=consulent)
    assert len(gesprekken) == 4
    einde = inburgeringstermijn(met_pip.pips.get().dagtekening).datum
    assert all(vandaag() < g.gepland_op <= einde for g in gesprekken)
    assert {g.aanleiding for g in gesprekken} == {Aanleiding.PIP}
    assert Gebeurtenis.objects.filter(inburgeraar=met_pip, soort="voortgangsgesprek_gepland").count() == 1


def test_plannen_uit_pip_twee_keer_voegt_niets_toe(met_pip, consulent):
    services.plannen_uit_pip(inburgeraar=met_pip, door=consulent)
    assert services.plannen_uit_pip(inburgeraar=met_pip, door=consulent) == []
    assert Voortgangsgesprek.objects.filter(inburgeraar=met_pip).count() == 4


def test_plannen_uit_pip_telt_losse_gesprekken_mee(met_pip, consulent):
    services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag() + timedelta(days=3))
    assert len(services.plannen_uit_pip(inburgeraar=met_pip, door=consulent)) == 3


def test_plannen_uit_pip_zonder_pip_of_aantal(inburgeraar, consulent):
    with pytest.raises(ValidationError, match="nog geen PIP"):
        services.plannen_uit_pip(inburgeraar=inburgeraar, door=consulent)
    inburgeraar.doelgroep = "gezinsmigrant"
    inburgeraar.save()
    pip_vastgesteld(inburgeraar, consulent, aantal_voortgangsgesprekken=None)
    inburgeraar.refresh_from_db()
    with pytest.raises(ValidationError, match="geen aantal"):
        services.plannen_uit_pip(inburgeraar=inburgeraar, door=consulent)
    assert not Voortgangsgesprek.objects.exists()


def test_plannen_niet_in_het_verleden_en_niet_bij_een_gesloten_dossier(met_pip, consulent):
    with pytest.raises(ValidationError) as fout:
        services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag() - timedelta(days=1))
    assert "gepland_op" in fout.value.message_dict
    status_wijzigen(
        inburgeraar=met_pip, door=consulent, naar="beeindigd", reden="overlijden", versie=met_pip.versie
    )
    with pytest.raises(ValidationError, match="gesloten"):
        services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    assert not Voortgangsgesprek.objects.exists()


def test_vastleggen_uitkomst_en_tijdlijn(met_pip, consulent):
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    services.vastleggen(
        gesprek=gesprek,
        door=consulent,
        gevoerd_op=vandaag(),
        uitkomst=Uitkomst.BIJSTUREN,
        notities="Meer oefenen.",
    )
    gesprek.refresh_from_db()
    assert gesprek.gevoerd and gesprek.uitkomst == Uitkomst.BIJSTUREN and gesprek.notities == "Meer oefenen."
    assert Gebeurtenis.objects.filter(soort="voortgangsgesprek_vastgelegd", inburgeraar=met_pip).exists()


def test_vastleggen_weigert_toekomst_en_lege_uitkomst(met_pip, consulent):
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    with pytest.raises(ValidationError) as fout:
        services.vastleggen(
            gesprek=gesprek, door=consulent, gevoerd_op=vandaag() + timedelta(days=1), uitkomst=""
        )
    assert set(fout.value.message_dict) == {"gevoerd_op", "uitkomst"}
    gesprek.refresh_from_db()
    assert not gesprek.gevoerd


# --- The Voortgang tab -------------------------------------------------------------------


def test_tab_zonder_pip(client, consulent, inburgeraar):
    client.force_login(consulent)
    html = client.get(url("voortgang", inburgeraar)).content.decode()
    assert "Er is nog geen PIP" in html
    assert 'aria-current="page">Voortgang<' in html


def test_tab_toont_wat_klaar_is_en_wat_ontbreekt(client, consulent, verwijzing, docent):
    """Wi 6 lid 1: B1-route: PVT, MAP, four exams at B1 and KNM; here only reading was passed."""
    voortgang.examenpoging_vastleggen(
        verwijzing=verwijzing,
        datum=vandaag() - timedelta(days=3),
        onderdeel="lezen",
        uitslag="behaald",
        niveau="B1",
        door=docent,
    )
    client.force_login(consulent)
    html = client.get(url("voortgang", verwijzing.inburgeraar)).content.decode()
    assert "Nog 6 van de 7 onderdelen te doen" in html
    assert "Examen lezen op niveau B1" in html and "Klaar (behaald)" in html
    assert "Wi 6 lid 1" in html


def test_tab_toont_ongeoorloofd_afwezig(client, consulent, verwijzing, docent):
    week = maandag_van(vandaag()) - timedelta(weeks=1)
    voortgang.weekrapportage_vastleggen(
        verwijzing=verwijzing,
        week=week,
        uren_aangeboden=10,
        uren_gevolgd=7,
        uren_afwezig_ongeoorloofd=3,
        door=docent,
    )
    client.force_login(consulent)
    html = client.get(url("voortgang", verwijzing.inburgeraar)).content.decode()
    assert "<strong>30 %</strong>" in html and "Dat is boven de grens" in html


def test_gesprek_plannen_via_de_tab(client, consulent, met_pip):
    client.force_login(consulent)
    dag = vandaag() + timedelta(days=7)
    antwoord = client.post(
        url("plannen", met_pip),
        {
            "plannen-versie": met_pip.versie,
            "plannen-gepland_op": dag.isoformat(),
            "plannen-met_wie": "inburgeraar en docent",
            "plannen-aanleiding": "signaal",
            "plannen-aanleiding_toelichting": "Signaal: veel ongeoorloofd afwezig bij de cursus",
        },
    )
    assert antwoord.status_code == 302
    gesprek = Voortgangsgesprek.objects.get(inburgeraar=met_pip)
    assert gesprek.gepland_op == dag and gesprek.aanleiding == Aanleiding.SIGNAAL
    html = client.get(antwoord.url).content.decode()
    assert "Het voortgangsgesprek is gepland" in html


def test_gesprek_plannen_foute_invoer_melding_bij_het_veld_niets_opgeslagen(client, consulent, met_pip):
    client.force_login(consulent)
    antwoord = client.post(
        url("plannen", met_pip),
        {
            "plannen-versie": met_pip.versie,
            "plannen-gepland_op": "gisteren",
            "plannen-aanleiding": "handmatig",
        },
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Er is niets opgeslagen" in html
    assert 'aria-describedby="id_plannen-gepland_op_error' in html or "id_plannen-gepland_op_error" in html
    assert not Voortgangsgesprek.objects.exists()


def test_verouderd_formulier_wordt_geweigerd(client, consulent, met_pip):
    client.force_login(consulent)
    antwoord = client.post(
        url("plannen", met_pip),
        {
            "plannen-versie": met_pip.versie - 1,
            "plannen-gepland_op": vandaag().isoformat(),
            "plannen-aanleiding": "handmatig",
        },
    )
    assert "Iemand anders heeft dit dossier gewijzigd" in antwoord.content.decode()
    assert not Voortgangsgesprek.objects.exists()


def test_signaal_vult_de_aanleiding_in(client, consulent, met_pip):
    client.force_login(consulent)
    html = client.get(url("voortgang", met_pip) + "?signaal=ongeoorloofd_afwezig").content.decode()
    assert "Signaal: veel ongeoorloofd afwezig bij de cursus" in html
    assert "?signaal=ongeoorloofd_afwezig" in html  # the warning link keeps the signal


def test_plannen_uit_pip_knop(client, consulent, met_pip):
    client.force_login(consulent)
    antwoord = client.post(url("plannen_uit_pip", met_pip), {"versie": met_pip.versie}, follow=True)
    assert "Er zijn 4 voortgangsgesprekken gepland." in antwoord.content.decode()
    assert Voortgangsgesprek.objects.filter(inburgeraar=met_pip).count() == 4


def test_uitkomst_pip_aanpassen_gaat_naar_nieuwe_pip_versie(client, consulent, met_pip):
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    met_pip.refresh_from_db()
    client.force_login(consulent)
    antwoord = client.post(
        url("vastleggen", met_pip, pk=gesprek.pk),
        {
            "versie": met_pip.versie,
            "gevoerd_op": vandaag().isoformat(),
            "uitkomst": "pip_aanpassen",
            "notities": "x",
        },
    )
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("pip:vaststellen", kwargs={"uuid": met_pip.uuid})


def test_uitkomst_waarschuwing_gaat_naar_de_waarschuwing(client, consulent, met_pip):
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    met_pip.refresh_from_db()
    client.force_login(consulent)
    antwoord = client.post(
        url("vastleggen", met_pip, pk=gesprek.pk),
        {"versie": met_pip.versie, "gevoerd_op": vandaag().isoformat(), "uitkomst": "waarschuwing"},
    )
    assert antwoord.url == reverse("handhaving:waarschuwing", kwargs={"uuid": met_pip.uuid})


def test_vastleggen_foute_invoer(client, consulent, met_pip):
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    met_pip.refresh_from_db()
    client.force_login(consulent)
    html = client.post(
        url("vastleggen", met_pip, pk=gesprek.pk),
        {"versie": met_pip.versie, "gevoerd_op": "", "uitkomst": ""},
    ).content.decode()
    assert (
        "Kies de uitkomst van het gesprek." in html
        and "Vul de datum in waarop het gesprek is gevoerd." in html
    )
    gesprek.refresh_from_db()
    assert not gesprek.gevoerd


def test_gesprek_van_een_ander_dossier_404(client, consulent, met_pip, dronten):
    from regie.demo.factories import InburgeraarFactory, geldig_bsn

    ander = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(777_001))
    gesprek = services.plannen(inburgeraar=met_pip, door=consulent, gepland_op=vandaag())
    client.force_login(consulent)
    assert client.get(url("vastleggen", ander, pk=gesprek.pk)).status_code == 404


def test_collega_leest_maar_ziet_geen_knoppen_en_mag_niet_plannen(client, met_pip, dronten):
    from regie.demo.factories import UserFactory

    collega = UserFactory(organisatie=dronten.organisatie, rol="consulent")
    client.force_login(collega)
    antwoord = client.get(url("voortgang", met_pip))
    assert antwoord.status_code == 200
    assert "Gesprek plannen" not in antwoord.content.decode()
    dag = vandaag().isoformat()
    verzoek = {"plannen-versie": met_pip.versie, "plannen-gepland_op": dag, "plannen-aanleiding": "handmatig"}
    assert client.post(url("plannen", met_pip), verzoek).status_code == 403
    assert not Voortgangsgesprek.objects.exists()


def test_tab_ontheffing_van_duo_beeindigt_de_plicht(client, consulent, met_pip):
    """Wi 5: a gehele ontheffing (from DUO's notice, as the case's end reason) ends the obligation."""
    status_wijzigen(
        inburgeraar=met_pip, door=consulent, naar="afgerond", reden="ontheffing", versie=met_pip.versie
    )
    client.force_login(consulent)
    html = client.get(url("voortgang", met_pip)).content.decode()
    assert "De inburgeraar heeft ontheffing van de inburgeringsplicht." in html and "Wi 5" in html


def test_tab_naturalisatie_plicht_geldt_niet_meer(client, consulent, met_pip):
    status_wijzigen(
        inburgeraar=met_pip, door=consulent, naar="beeindigd", reden="naturalisatie", versie=met_pip.versie
    )
    client.force_login(consulent)
    assert "De inburgeringsplicht geldt niet meer." in client.get(url("voortgang", met_pip)).content.decode()

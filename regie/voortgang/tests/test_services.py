from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.trajecten import services as trajecten
from regie.voortgang import selectors
from regie.voortgang.models import Examenpoging, Onderdeelresultaat, Weekrapportage
from regie.voortgang.services import (
    eindrapport_vastleggen,
    examenpoging_vastleggen,
    onderdeelresultaat_vastleggen,
    voortgang_vastleggen,
    weekrapportage_vastleggen,
)
from regie.voortgang.tests.conftest import uren


def melden(verwijzing, week, door, **kw):
    waarden = uren(
        **{k: v for k, v in kw.items() if k in ("aangeboden", "gevolgd", "ziek", "afspraak", "ongeoorloofd")}
    )
    return weekrapportage_vastleggen(
        verwijzing=verwijzing, week=week, door=door, opmerking=kw.get("opmerking", ""), **waarden
    )


def test_dezelfde_week_twee_keer_verandert_niets(verwijzing, vorige_week, medewerker_taalschool):
    eerste = melden(verwijzing, vorige_week, medewerker_taalschool)
    gebeurtenissen = Gebeurtenis.objects.count()
    tweede = melden(verwijzing, vorige_week, medewerker_taalschool)
    assert eerste.wijziging == "nieuw" and tweede.wijziging == "ongewijzigd"
    assert tweede.object.pk == eerste.object.pk
    assert Weekrapportage.objects.count() == 1
    assert Gebeurtenis.objects.count() == gebeurtenissen


def test_correctie_vervangt_en_bewaart_de_geschiedenis(verwijzing, vorige_week, medewerker_taalschool):
    eerste = melden(verwijzing, vorige_week, medewerker_taalschool).object
    correctie = melden(verwijzing, vorige_week, medewerker_taalschool, gevolgd=8, ziek=2, ongeoorloofd=2)
    assert correctie.wijziging == "correctie"
    eerste.refresh_from_db()
    assert not eerste.actueel and eerste.vervangen_door == correctie.object
    assert correctie.object.actueel
    assert list(selectors.weekrapportages(verwijzing)) == [correctie.object]
    assert list(selectors.correcties(verwijzing)) == [eerste]
    gebeurtenis = Gebeurtenis.objects.filter(soort="weekrapportage").first()
    assert gebeurtenis.omschrijving.startswith("Correctie aanwezigheid")


def test_alleen_een_andere_opmerking_is_ook_een_correctie(verwijzing, vorige_week, medewerker_taalschool):
    melden(verwijzing, vorige_week, medewerker_taalschool)
    assert melden(verwijzing, vorige_week, medewerker_taalschool, opmerking="Griep").wijziging == "correctie"
    assert Weekrapportage.objects.filter(actueel=True).count() == 1


@pytest.mark.parametrize(
    ("kw", "veld", "tekst"),
    [
        ({"gevolgd": 14, "ziek": 0}, "uren_gevolgd", "meer uren gevolgd (14) dan aangeboden (12)"),
        ({"gevolgd": 10, "ziek": 0}, "__all__", "Geef voor elk gemist uur een reden"),
        ({"gevolgd": 10, "ziek": 1, "ongeoorloofd": 2}, "__all__", "gevolgd 10 + afwezig 3 = 13 uur"),
        ({"aangeboden": 70, "gevolgd": 70, "ziek": 0}, "uren_aangeboden", "Meer dan 60 uur"),
        ({"ziek": -2}, "uren_afwezig_ziek", "niet negatief"),
    ],
)
def test_uren_moeten_kloppen(verwijzing, vorige_week, medewerker_taalschool, kw, veld, tekst):
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week, medewerker_taalschool, **kw)
    assert tekst in " ".join(fout.value.message_dict[veld])
    assert not Weekrapportage.objects.exists()


def test_week_in_de_toekomst_of_voor_de_start_kan_niet(verwijzing, vorige_week, medewerker_taalschool):
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week + timedelta(weeks=2), medewerker_taalschool)
    assert "in de toekomst" in fout.value.message_dict["week"][0]
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week - timedelta(weeks=20), medewerker_taalschool)
    assert "voor de start van de verwijzing" in fout.value.message_dict["week"][0]
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week + timedelta(days=2), medewerker_taalschool)
    assert "maandag" in fout.value.message_dict["week"][0]


def test_afgesloten_verwijzing_krijgt_geen_rapportage(verwijzing, vorige_week, medewerker_taalschool):
    trajecten.afsluiten(
        verwijzing=verwijzing, einddatum=vandaag(), uitkomst="afgerond", door=medewerker_taalschool
    )
    verwijzing.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week, medewerker_taalschool)
    assert "afgerond. U kunt er niet meer over rapporteren" in fout.value.message_dict["verwijzing"][0]
    with pytest.raises(ValidationError):
        voortgang_vastleggen(
            verwijzing=verwijzing, datum=vandaag(), onderdeel="lezen", niveau="A2", door=medewerker_taalschool
        )
    assert not Weekrapportage.objects.exists()
    # The end report may follow the end of the trajectory.
    eindrapport_vastleggen(
        verwijzing=verwijzing, datum=vandaag(), samenvatting="Goed afgerond.", door=medewerker_taalschool
    )


def test_ongeoorloofd_aandeel_over_de_laatste_weken(
    verwijzing, vorige_week, medewerker_taalschool, inburgeraar
):
    assert selectors.ongeoorloofd_afwezig_aandeel(inburgeraar, weken=4) is None
    melden(verwijzing, vorige_week, medewerker_taalschool, aangeboden=10, gevolgd=7, ziek=0, ongeoorloofd=3)
    melden(
        verwijzing, vorige_week - timedelta(weeks=1), medewerker_taalschool, aangeboden=10, gevolgd=10, ziek=0
    )
    melden(
        verwijzing,
        vorige_week - timedelta(weeks=5),
        medewerker_taalschool,
        aangeboden=10,
        gevolgd=0,
        ziek=0,
        ongeoorloofd=10,
    )
    assert selectors.ongeoorloofd_afwezig_aandeel(inburgeraar, weken=4) == Decimal("0.15")
    rij = selectors.met_ongeoorloofd_afwezig(
        type(inburgeraar).objects.filter(pk=inburgeraar.pk), weken=4
    ).get()
    assert selectors.aandeel(rij.uren_ongeoorloofd_recent, rij.uren_aangeboden_recent) == Decimal("0.15")


def test_laatste_rapportage_en_voortgang(verwijzing, vorige_week, medewerker_taalschool, inburgeraar):
    assert selectors.laatste_rapportage_op(verwijzing) is None
    assert selectors.laatste_voortgang_op(inburgeraar) is None
    qs = selectors.met_laatste_rapportage(type(verwijzing).objects.filter(pk=verwijzing.pk))
    assert qs.get().laatste_rapportage_moment is None
    melden(verwijzing, vorige_week, medewerker_taalschool)
    assert selectors.laatste_rapportage_op(verwijzing) == vandaag()
    assert selectors.laatste_rapportage_op(qs.get()) == vandaag()
    datum = vandaag() - timedelta(days=3)
    voortgang_vastleggen(
        verwijzing=verwijzing, datum=datum, onderdeel="lezen", niveau="A2", door=medewerker_taalschool
    )
    assert selectors.laatste_voortgang_op(inburgeraar) == datum
    rij = selectors.met_laatste_voortgang(type(inburgeraar).objects.filter(pk=inburgeraar.pk)).get()
    assert rij.laatste_voortgang_datum == datum


def test_de_services_houden_de_opgeslagen_rapportage_en_voortgang_bij(
    verwijzing, vorige_week, medewerker_taalschool
):
    """Verwijzing.laatst_gerapporteerd_op and laatste_voortgang_op (regie.voortgang.rapportagemoment)
    follow every report, also a correction that takes the progress away."""
    from regie.voortgang import rapportagemoment

    melden(verwijzing, vorige_week, medewerker_taalschool)
    verwijzing.refresh_from_db()
    assert verwijzing.laatst_gerapporteerd_op is not None and verwijzing.laatste_voortgang_op is None
    datum = vandaag() - timedelta(days=3)
    meting = dict(verwijzing=verwijzing, datum=datum, onderdeel="lezen", door=medewerker_taalschool)
    voortgang_vastleggen(**meting, niveau="A2")
    verwijzing.refresh_from_db()
    assert verwijzing.laatste_voortgang_op == datum
    voortgang_vastleggen(**meting, niveau="niet_op_koers")  # a correction: no progress any more
    verwijzing.refresh_from_db()
    assert verwijzing.laatste_voortgang_op is None
    assert rapportagemoment.afwijkingen() == []


def test_de_services_houden_de_opgeslagen_afwezigheid_bij(verwijzing, vorige_week, medewerker_taalschool):
    """Inburgeraar.afwezigheid_* (regie.voortgang.afwezigheid) follow every weekly report, also a
    correction, and a save of the whole case read before the report does not write them back."""
    from regie.voortgang import afwezigheid

    inburgeraar = verwijzing.inburgeraar
    oud = type(inburgeraar).objects.get(pk=inburgeraar.pk)  # read before the reports
    melden(verwijzing, vorige_week, medewerker_taalschool, aangeboden=12, gevolgd=8, ziek=0, ongeoorloofd=4)
    melden(
        verwijzing, vorige_week - timedelta(weeks=1), medewerker_taalschool, aangeboden=10, gevolgd=10, ziek=0
    )
    inburgeraar.refresh_from_db()
    assert (inburgeraar.afwezigheid_van, inburgeraar.afwezigheid_tot) == afwezigheid.huidig_venster()
    assert (inburgeraar.afwezigheid_uren_aangeboden, inburgeraar.afwezigheid_uren_ongeoorloofd) == (22, 4)
    # a correction of the first week: its old row no longer counts
    melden(verwijzing, vorige_week, medewerker_taalschool, aangeboden=12, gevolgd=11, ziek=0, ongeoorloofd=1)
    oud.voornamen = "Anders"
    oud.save()
    inburgeraar.refresh_from_db()
    assert inburgeraar.voornamen == "Anders"
    assert (inburgeraar.afwezigheid_uren_aangeboden, inburgeraar.afwezigheid_uren_ongeoorloofd) == (22, 1)
    assert afwezigheid.afwijkingen() == []


def test_examens_en_resultaten(verwijzing, medewerker_taalschool, inburgeraar):
    dag = vandaag() - timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        examenpoging_vastleggen(
            verwijzing=verwijzing, datum=dag, onderdeel="lezen", uitslag="behaald", door=medewerker_taalschool
        )
    assert "niveau" in fout.value.message_dict
    examenpoging_vastleggen(
        verwijzing=verwijzing,
        datum=dag,
        onderdeel="lezen",
        uitslag="behaald",
        niveau="B1",
        door=medewerker_taalschool,
    )
    herhaald = examenpoging_vastleggen(
        verwijzing=verwijzing,
        datum=dag,
        onderdeel="lezen",
        uitslag="behaald",
        niveau="B1",
        door=medewerker_taalschool,
    )
    assert herhaald.wijziging == "ongewijzigd" and Examenpoging.objects.count() == 1
    onderdeelresultaat_vastleggen(
        verwijzing=verwijzing, soort="map", afgerond_op=dag, door=medewerker_taalschool
    )
    with pytest.raises(ValidationError) as fout:
        onderdeelresultaat_vastleggen(
            verwijzing=verwijzing, soort="zroute", afgerond_op=dag, door=medewerker_taalschool
        )
    assert "past niet bij deze verwijzing" in fout.value.message_dict["soort"][0]
    afgerond = selectors.afgeronde_onderdelen(inburgeraar)
    assert set(afgerond) == {"map", "examen_lezen"}
    assert afgerond["examen_lezen"].niveau == "B1"
    assert Onderdeelresultaat.objects.count() == 1


TE_LANG = "Zorg dat deze waarde niet meer dan 2000 tekens bevat (het zijn er nu 2001)."


def test_te_lange_teksten_weigert_de_service_zoals_het_formulier(
    verwijzing, vorige_week, medewerker_taalschool
):
    """The forms' limits live in the service (issue 9), so a CSV row or any other caller meets
    them too, with the message the page shows."""
    door = medewerker_taalschool
    with pytest.raises(ValidationError) as fout:
        melden(verwijzing, vorige_week, door, opmerking="x" * 2001)
    assert fout.value.message_dict["opmerking"] == [TE_LANG]
    with pytest.raises(ValidationError) as fout:
        voortgang_vastleggen(
            verwijzing=verwijzing,
            datum=vandaag(),
            onderdeel="lezen",
            niveau="A2",
            toelichting="x" * 2001,
            door=door,
        )
    assert fout.value.message_dict["toelichting"] == [TE_LANG]
    with pytest.raises(ValidationError) as fout:
        examenpoging_vastleggen(
            verwijzing=verwijzing,
            datum=vandaag(),
            onderdeel="knm",
            uitslag="behaald",
            toelichting="x" * 2001,
            door=door,
        )
    assert fout.value.message_dict["toelichting"] == [TE_LANG]
    with pytest.raises(ValidationError) as fout:
        eindrapport_vastleggen(
            verwijzing=verwijzing, datum=vandaag(), samenvatting="x" * 5001, advies="y" * 5001, door=door
        )
    assert set(fout.value.message_dict) == {"samenvatting", "advies"}
    assert not Weekrapportage.objects.exists() and not Examenpoging.objects.exists()
    assert melden(verwijzing, vorige_week, door, opmerking="x" * 2000).object.opmerking == "x" * 2000

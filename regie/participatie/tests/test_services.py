"""Recording activities and situations: the rules, the timeline and the processing log."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from regie.aanbieders.factories import AanbiederFactory
from regie.klok import vandaag
from regie.participatie import services
from regie.participatie.models import Activiteit, Situatie
from regie.participatie.selectors import meetmomenten_van, termijn_start_van
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Verwerking
from regie.wet.meetmomenten import Meetmoment, meetdatum


def werk(**anders):
    return {
        "soort": "betaald_werk",
        "partner": "Bakkerij De Korenschoof",
        "startdatum": vandaag() - timedelta(days=90),
        "uren_per_week": 24,
        "contractvorm": "tijdelijk",
    } | anders


def test_activiteit_toevoegen_op_de_tijdlijn_en_in_het_verwerkingslog(inburgeraar, consulent):
    activiteit = services.activiteit_toevoegen(inburgeraar=inburgeraar, door=consulent, **werk())
    assert activiteit.resultaat == "loopt" and activiteit.aangemaakt_door == consulent
    gebeurtenis = Gebeurtenis.objects.get(inburgeraar=inburgeraar, soort="participatie")
    assert "betaald werk bij Bakkerij De Korenschoof" in gebeurtenis.omschrijving
    assert gebeurtenis.door == consulent
    log = Verwerking.objects.filter(onderdeel="participatie").latest("pk")
    assert log.actie == "aanmaken"


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"einddatum": vandaag() - timedelta(days=91)}, "einddatum"),
        ({"uren_per_week": 61}, "uren_per_week"),
        ({"uren_per_week": -1}, "uren_per_week"),
        ({"contractvorm": ""}, "contractvorm"),
        ({"soort": "vrijwilligerswerk"}, "contractvorm"),
        ({"partner": "  "}, "partner"),
        ({"resultaat": "afgerond"}, "einddatum"),
        ({"resultaat": "voortijdig_gestopt", "einddatum": vandaag()}, "reden"),
        ({"resultaat": "afgerond", "einddatum": vandaag() + timedelta(days=1)}, "einddatum"),
        ({"soort": "onbekend"}, "soort"),
    ],
)
def test_onjuiste_invoer_wordt_geweigerd_en_niets_opgeslagen(inburgeraar, consulent, anders, veld):
    with pytest.raises(ValidationError) as fout:
        services.activiteit_toevoegen(inburgeraar=inburgeraar, door=consulent, **werk(**anders))
    assert veld in fout.value.message_dict
    assert not Activiteit.objects.exists()
    assert not Gebeurtenis.objects.filter(soort="participatie").exists()


def test_grenzen_van_uren_en_datums_mogen(inburgeraar, consulent):
    dag = vandaag() - timedelta(days=10)
    services.activiteit_toevoegen(
        inburgeraar=inburgeraar, door=consulent, **werk(uren_per_week=60, startdatum=dag, einddatum=dag)
    )
    services.activiteit_toevoegen(
        inburgeraar=inburgeraar,
        door=consulent,
        soort="vrijwilligerswerk",
        partner="Voedselbank",
        startdatum=dag,
        uren_per_week=0,
    )
    assert Activiteit.objects.count() == 2


def test_aanbieder_van_een_andere_organisatie_kan_niet(inburgeraar, consulent, dordrecht):
    vreemd = AanbiederFactory(organisatie=dordrecht.organisatie)
    with pytest.raises(ValidationError) as fout:
        services.activiteit_toevoegen(inburgeraar=inburgeraar, door=consulent, aanbieder=vreemd, **werk())
    assert "aanbieder" in fout.value.message_dict


def test_wijzigen_bewaart_oud_en_nieuw_op_de_tijdlijn(inburgeraar, consulent):
    activiteit = services.activiteit_toevoegen(inburgeraar=inburgeraar, door=consulent, **werk())
    services.activiteit_wijzigen(
        activiteit=activiteit,
        door=consulent,
        einddatum=vandaag(),
        resultaat="voortijdig_gestopt",
        reden="Contract niet verlengd",
    )
    activiteit.refresh_from_db()
    assert activiteit.resultaat == "voortijdig_gestopt" and activiteit.gewijzigd_door == consulent
    gebeurtenis = Gebeurtenis.objects.filter(soort="participatie").order_by("-pk").first()
    assert gebeurtenis.gegevens["wijzigingen"]["resultaat"] == ["Loopt nog", "Voortijdig gestopt"]
    assert Verwerking.objects.filter(onderdeel="participatie", actie="wijzigen").exists()


def test_wijzigen_met_fout_laat_alles_zoals_het_was(inburgeraar, consulent):
    activiteit = services.activiteit_toevoegen(inburgeraar=inburgeraar, door=consulent, **werk())
    with pytest.raises(ValidationError):
        services.activiteit_wijzigen(activiteit=activiteit, door=consulent, uren_per_week=80)
    activiteit.refresh_from_db()
    assert activiteit.uren_per_week == 24
    assert Gebeurtenis.objects.filter(soort="participatie").count() == 1


def situatie(**anders):
    return {
        "moment": "intake",
        "gemeten_op": vandaag(),
        "werk": "geen",
        "opleiding": False,
        "uitkering": "volledig",
        "zelfredzaamheid": 2,
    } | anders


def test_situatie_bij_intake_en_correctie_bewaart_de_geschiedenis(inburgeraar, consulent):
    eerste = services.situatie_vastleggen(inburgeraar=inburgeraar, door=consulent, **situatie())
    tweede = services.situatie_vastleggen(
        inburgeraar=inburgeraar, door=consulent, **situatie(zelfredzaamheid=3)
    )
    eerste.refresh_from_db()
    assert not eerste.actueel and eerste.vervangen_door == tweede and tweede.actueel
    assert Situatie.objects.filter(inburgeraar=inburgeraar, actueel=True).count() == 1
    correctie = Gebeurtenis.objects.filter(soort="situatie").order_by("-pk").first()
    assert correctie.omschrijving.startswith("Correctie")
    assert correctie.gegevens["vervangt"] == str(eerste.uuid)
    stand = meetmomenten_van(inburgeraar)[0]
    assert stand.situatie == tweede and stand.eerder == (eerste,)


def test_meting_na_12_maanden_niet_zonder_pip(inburgeraar, consulent):
    with pytest.raises(ValidationError, match="nog geen PIP"):
        services.situatie_vastleggen(inburgeraar=inburgeraar, door=consulent, **situatie(moment="12_maanden"))
    assert not Situatie.objects.exists()


def test_meting_niet_voor_het_meetmoment_en_niet_in_de_toekomst(lang_bezig, consulent):
    vanaf = meetdatum(Meetmoment.MAAND_24, termijn_start_van(lang_bezig))
    with pytest.raises(ValidationError) as fout:
        services.situatie_vastleggen(
            inburgeraar=lang_bezig,
            door=consulent,
            **situatie(moment="24_maanden", gemeten_op=vanaf - timedelta(days=1)),
        )
    assert "pas vanaf" in fout.value.message_dict["gemeten_op"][0]
    with pytest.raises(ValidationError):
        services.situatie_vastleggen(
            inburgeraar=lang_bezig, door=consulent, **situatie(gemeten_op=vandaag() + timedelta(days=1))
        )
    with pytest.raises(ValidationError, match="pas vanaf"):
        services.situatie_vastleggen(inburgeraar=lang_bezig, door=consulent, **situatie(moment="36_maanden"))
    services.situatie_vastleggen(
        inburgeraar=lang_bezig, door=consulent, **situatie(moment="24_maanden", gemeten_op=vanaf)
    )
    assert Situatie.objects.count() == 1


def test_ongeldige_keuzes_bij_een_situatie(inburgeraar, consulent):
    with pytest.raises(ValidationError) as fout:
        services.situatie_vastleggen(
            inburgeraar=inburgeraar,
            door=consulent,
            **situatie(werk="veel", uitkering="?", zelfredzaamheid=6),
        )
    assert set(fout.value.message_dict) == {"werk", "uitkering", "zelfredzaamheid"}

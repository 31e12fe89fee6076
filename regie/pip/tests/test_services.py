"""pip_vaststellen: a PIP (Wi 15, Bi 5.3) is stored only when every rule of regie.wet.leerroute
holds; each version is kept, with its reason and a timeline entry."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError

from regie.demo.factories import InburgeraarFactory
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.selectors import inburgeraar_voor, termijnen_voor
from regie.inburgeraars.services import status_wijzigen
from regie.inburgeraars.status import EindeReden, Status
from regie.klok import vandaag
from regie.pip.models import Pip
from regie.pip.services import huidig_pip, pip_vaststellen
from regie.tijdlijn.models import Gebeurtenis
from regie.wet.termijnen import Soort

pytestmark = pytest.mark.django_db


def tijdlijn(inburgeraar) -> list[tuple[str, int | None]]:
    return list(
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar).order_by("id").values_list("soort", "door_id")
    )


def vaststellen(inburgeraar, door, **kwargs) -> Pip:
    kwargs.setdefault("leerroute", "b1")
    kwargs.setdefault("dagtekening", vandaag())
    kwargs.setdefault("aantal_voortgangsgesprekken", 4)
    return pip_vaststellen(inburgeraar=inburgeraar, door=door, **kwargs)


def geweigerd(inburgeraar, door, veld, **kwargs) -> list[str]:
    """Deciding fails on `veld`; no PIP, no timeline entry and the case's versie unchanged."""
    inburgeraar.refresh_from_db()
    pips, events, versie = inburgeraar.pips.count(), tijdlijn(inburgeraar), inburgeraar.versie
    status = inburgeraar.status
    with pytest.raises(ValidationError) as exc:
        vaststellen(inburgeraar, door, **kwargs)
    assert veld in exc.value.message_dict, exc.value.message_dict
    inburgeraar.refresh_from_db()
    assert inburgeraar.pips.count() == pips
    assert tijdlijn(inburgeraar) == events
    assert (inburgeraar.versie, inburgeraar.status) == (versie, status)
    return exc.value.message_dict[veld]


@pytest.fixture
def oud_dossier(dronten, consulent):
    """A case notified 3 years ago, so that the 1.5 years of Bi 5.4 can be over."""
    melding = vandaag() - timedelta(days=3 * 365)
    return InburgeraarFactory(
        gemeente=dronten, consulent=consulent, datum_melding_duo=melding, datum_inschrijving_brp=melding
    )


def test_eerste_pip(inburgeraar, consulent):
    pip = vaststellen(
        inburgeraar, consulent, geschatte_intensiteit_uren=1200, participatie_activiteiten="Taalcafé"
    )
    assert (pip.versie, pip.leerroute, pip.taalniveau, pip.reden) == (1, "b1", "B1", "Eerste PIP")
    assert pip.vastgesteld_door == consulent
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.PIP_VASTGESTELD
    assert inburgeraar.versie == 2
    assert tijdlijn(inburgeraar) == [("pip_vastgesteld", consulent.pk), ("status_gewijzigd", consulent.pk)]
    gebeurtenis = inburgeraar.gebeurtenissen.get(soort="pip_vastgesteld")
    assert gebeurtenis.omschrijving.startswith(
        "PIP versie 1 vastgesteld: B1-route, taaldoel B1, dagtekening "
    )
    assert gebeurtenis.gegevens == {"pip": pip.pk, "reden": "Eerste PIP"}
    status = inburgeraar.gebeurtenissen.get(soort="status_gewijzigd")
    assert status.gegevens["van"] == "aangemeld" and status.gegevens["naar"] == "pip_vastgesteld"


def test_de_eerste_pip_blijft_de_opgeslagen_dagtekening(inburgeraar, consulent):
    """The case stores the first PIP's dagtekening (its deadlines use it); a later version keeps it,
    also through a full save of the case."""
    eerste = vandaag() - timedelta(days=10)
    vaststellen(inburgeraar, consulent, dagtekening=eerste)
    assert inburgeraar.dagtekening_eerste_eigen_pip == eerste
    vaststellen(inburgeraar, consulent, leerroute="z_route", reden="Leerbaarheidstoets")
    inburgeraar.refresh_from_db()
    assert inburgeraar.dagtekening_eerste_eigen_pip == eerste
    inburgeraar.dagtekening_eerste_eigen_pip = None
    inburgeraar.save()
    inburgeraar.refresh_from_db()
    assert inburgeraar.dagtekening_eerste_eigen_pip == eerste
    pip_termijn = next(t for t in termijnen_voor(inburgeraar) if t.soort == Soort.PIP_VASTSTELLEN)
    assert inburgeraar.pip_termijn == pip_termijn.datum


def test_z_route_zonder_taaldoel(inburgeraar, consulent):
    pip = vaststellen(inburgeraar, consulent, leerroute="z_route")
    assert pip.taalniveau == ""


def test_vanuit_brede_intake_naar_pip_vastgesteld(inburgeraar, consulent):
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.BREDE_INTAKE)
    vaststellen(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.PIP_VASTGESTELD
    assert (
        inburgeraar.gebeurtenissen.filter(soort="status_gewijzigd").first().gegevens["van"] == "brede_intake"
    )


def test_tweede_versie_vraagt_reden(inburgeraar, consulent):
    vaststellen(inburgeraar, consulent, dagtekening=vandaag() - timedelta(days=5))
    assert geweigerd(inburgeraar, consulent, "reden", reden="   ") == ["Schrijf op waarom het PIP verandert."]
    pip = vaststellen(inburgeraar, consulent, leerroute="z_route", reden="  Leerbaarheidstoets  ")
    assert (pip.versie, pip.reden) == (2, "Leerbaarheidstoets")
    assert huidig_pip(inburgeraar) == pip
    assert list(inburgeraar.pips.values_list("versie", flat=True)) == [2, 1], "earlier versions stay"
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 3
    assert tijdlijn(inburgeraar)[-1] == ("pip_vastgesteld", consulent.pk)
    assert [s for s, _ in tijdlijn(inburgeraar)].count("status_gewijzigd") == 1


def test_nieuwe_versie_houdt_status_in_uitvoering(inburgeraar, consulent):
    vaststellen(inburgeraar, consulent)
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.IN_UITVOERING)
    vaststellen(inburgeraar, consulent, reden="Meer uren")
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.IN_UITVOERING


def test_regel_overtreden_maakt_niets(inburgeraar, consulent):
    """DUO PIP API / Wi 17 lid 3: A2 never with the onderwijsroute; the message names the article."""
    [melding] = geweigerd(
        inburgeraar, consulent, "taalniveau", leerroute="onderwijsroute", taalniveau="A2", map=False
    )
    assert melding.startswith("Bij de onderwijsroute hoort geen taaldoel A2.")
    assert "(Wet inburgering 2021, art. 17 lid 3" in melding


def test_alle_overtredingen_tegelijk(inburgeraar, consulent):
    with pytest.raises(ValidationError) as exc:
        vaststellen(
            inburgeraar,
            consulent,
            leerroute="onderwijsroute",
            taalniveau="A2",
            map=True,
            dagtekening=vandaag() + timedelta(days=1),
            aantal_voortgangsgesprekken=None,
        )
    assert set(exc.value.message_dict) == {"taalniveau", "map", "dagtekening", "aantal_voortgangsgesprekken"}
    assert inburgeraar.pips.count() == 0


def test_dagtekening_voor_melding_duo_geweigerd(inburgeraar, consulent):
    geweigerd(
        inburgeraar, consulent, "dagtekening", dagtekening=inburgeraar.datum_melding_duo - timedelta(days=1)
    )
    assert vaststellen(inburgeraar, consulent, dagtekening=inburgeraar.datum_melding_duo).versie == 1


def test_nieuwe_versie_niet_voor_huidige(inburgeraar, consulent):
    vaststellen(inburgeraar, consulent, dagtekening=vandaag() - timedelta(days=2))
    geweigerd(
        inburgeraar, consulent, "dagtekening", dagtekening=vandaag() - timedelta(days=3), reden="Correctie"
    )


def test_geschatte_intensiteit_niet_voor_gezinsmigrant(dronten, consulent):
    gezinsmigrant = InburgeraarFactory(gemeente=dronten, doelgroep="gezinsmigrant")
    geweigerd(gezinsmigrant, consulent, "geschatte_intensiteit_uren", geschatte_intensiteit_uren=800)


def test_gesloten_dossier_geweigerd(inburgeraar, consulent):
    status_wijzigen(
        inburgeraar=inburgeraar, door=consulent, naar=Status.AFGEROND, reden=EindeReden.ONTHEFFING
    )
    assert geweigerd(inburgeraar, consulent, "__all__") == [
        "Dit dossier is gesloten. Open het eerst opnieuw om een PIP vast te stellen."
    ]


def test_oude_versie_geweigerd(inburgeraar, consulent):
    with pytest.raises(GelijktijdigGewijzigd):
        vaststellen(inburgeraar, consulent, versie=99)
    assert inburgeraar.pips.count() == 0
    assert tijdlijn(inburgeraar) == []


def test_met_actuele_versie(inburgeraar, consulent):
    assert vaststellen(inburgeraar, consulent, versie=1).versie == 1


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"leerroute": "c1-route"}, "leerroute"),
        ({"leerroute": ""}, "leerroute"),
        ({"taalniveau": "C1"}, "taalniveau"),
        ({"dagtekening": None}, "dagtekening"),
        ({"uren_nt2_gevolgd": -1}, "uren_nt2_gevolgd"),
    ],
)
def test_ongeldige_invoer(inburgeraar, consulent, kwargs, veld):
    geweigerd(inburgeraar, consulent, veld, **kwargs)


def test_onbekend_onderdeel_is_programmeerfout(inburgeraar, consulent):
    with pytest.raises(TypeError):
        vaststellen(inburgeraar, consulent, bestaat_niet=True)


# --- Bi 5.4 and Wi 17 lid 3 through the service -------------------------------------------


def test_bi_5_4_leerroute_wijzigen_na_anderhalf_jaar(oud_dossier, consulent):
    eerste = oud_dossier.datum_melding_duo + timedelta(days=7)
    vaststellen(oud_dossier, consulent, dagtekening=eerste)
    [melding] = geweigerd(oud_dossier, consulent, "leerroute", leerroute="z_route", reden="Te zwaar")
    assert "kan niet meer veranderen" in melding and "Besluit inburgering 2021, art. 5.4" in melding


def test_bi_5_4_onderwijsroute_naar_b1_altijd(oud_dossier, consulent):
    vaststellen(
        oud_dossier,
        consulent,
        leerroute="onderwijsroute",
        map=False,
        dagtekening=oud_dossier.datum_melding_duo,
    )
    pip = vaststellen(oud_dossier, consulent, leerroute="b1", reden="Stopt met de opleiding")
    assert (pip.versie, pip.leerroute) == (2, "b1")


def test_wi_17_lid_3_afschalen(inburgeraar, consulent):
    vaststellen(inburgeraar, consulent, dagtekening=vandaag() - timedelta(days=10))
    meldingen = geweigerd(
        inburgeraar,
        consulent,
        "uren_nt2_gevolgd",
        taalniveau="A2",
        uren_nt2_gevolgd=599,
        inspanning_aangetoond=True,
        b1_niet_haalbaar=True,
        reden="B1 niet haalbaar",
    )
    assert "600 uur" in meldingen[0]
    # The ground is recorded next to the hours and the effort (Bi 5.5).
    meldingen = geweigerd(
        inburgeraar,
        consulent,
        "b1_niet_haalbaar",
        taalniveau="A2",
        uren_nt2_gevolgd=600,
        inspanning_aangetoond=True,
        reden="Afschalen",
    )
    assert "niet haalbaar is binnen de (verlengde) termijn" in meldingen[0]
    pip = vaststellen(
        inburgeraar,
        consulent,
        taalniveau="A2",
        uren_nt2_gevolgd=600,
        inspanning_aangetoond=True,
        b1_niet_haalbaar=True,
        reden="B1 niet haalbaar",
    )
    assert (pip.versie, pip.taalniveau, pip.b1_niet_haalbaar) == (2, "A2", True)


# --- Wi 11 lid 3 and Wi 15 lid 4: versions and moves ------------------------------------------


def test_wi_11_lid_3_termijn_vanaf_eerste_versie(inburgeraar, consulent):
    """Wi 11 lid 3: a second PIP version does not move the inburgeringstermijn."""
    eerste = vandaag() - timedelta(days=20)
    vaststellen(inburgeraar, consulent, dagtekening=eerste)
    voor = {t.soort: t.datum for t in termijnen_voor(inburgeraar)}
    vaststellen(inburgeraar, consulent, dagtekening=vandaag(), leerroute="z_route", reden="Andere route")
    na = {t.soort: t.datum for t in termijnen_voor(inburgeraar)}
    assert na == voor
    assert na[Soort.INBURGERINGSTERMIJN] == eerste + relativedelta(years=3)
    # The same through the annotated selector pages use.
    geladen = inburgeraar_voor(consulent, inburgeraar.uuid)
    assert {t.soort: t.datum for t in termijnen_voor(geladen)} == voor


def test_wi_11_lid_3_termijn_vanaf_pip_vorige_gemeente(dronten, consulent):
    """Wi 11 lid 3: after a move the termijn runs from the previous municipality's first PIP;
    the new municipality's PIP deadline runs from its own BRP registration (Bi 5.3)."""
    elders = date(2025, 3, 3)
    verhuisd = InburgeraarFactory(
        gemeente=dronten,
        dagtekening_eerste_pip_elders=elders,
        leerroute_vorige_gemeente="b1",
        datum_melding_duo=vandaag() - timedelta(days=15),
        datum_inschrijving_brp=vandaag() - timedelta(days=15),
    )
    vaststellen(verhuisd, consulent)
    termijnen = {t.soort: t.datum for t in termijnen_voor(verhuisd)}
    assert termijnen[Soort.INBURGERINGSTERMIJN] == date(2028, 3, 3)
    assert termijnen[Soort.LEERROUTE_WIJZIGEN] == date(2026, 9, 3)


def test_wi_15_lid_4_leerroute_vorige_gemeente_blijft(dronten, consulent):
    verhuisd = InburgeraarFactory(
        gemeente=dronten,
        dagtekening_eerste_pip_elders=vandaag() - timedelta(days=200),
        leerroute_vorige_gemeente="z_route",
    )
    [melding] = geweigerd(verhuisd, consulent, "leerroute", leerroute="b1")
    assert "Z-route" in melding and "art. 15 lid 4" in melding
    assert vaststellen(verhuisd, consulent, leerroute="z_route").versie == 1


def test_wi_15_lid_4_ook_zonder_dagtekening_vorige_gemeente(dronten, consulent):
    verhuisd = InburgeraarFactory(gemeente=dronten, leerroute_vorige_gemeente="onderwijsroute")
    geweigerd(verhuisd, consulent, "leerroute", leerroute="b1")


def test_a2_na_pip_elders_is_geen_eerste_pip(dronten, consulent):
    """DUO: A2 in the B1-route is refused only on the very first PIP, in any municipality."""
    verhuisd = InburgeraarFactory(
        gemeente=dronten, dagtekening_eerste_pip_elders=vandaag() - timedelta(days=400)
    )
    pip = vaststellen(
        verhuisd,
        consulent,
        taalniveau="A2",
        uren_nt2_gevolgd=650,
        inspanning_aangetoond=True,
        b1_niet_haalbaar=True,
    )
    assert pip.taalniveau == "A2"


def test_dagtekening_niet_voor_eerste_pip_elders(dronten, consulent):
    verhuisd = InburgeraarFactory(
        gemeente=dronten,
        dagtekening_eerste_pip_elders=vandaag() - timedelta(days=3),
        datum_melding_duo=vandaag() - timedelta(days=30),
        datum_inschrijving_brp=vandaag() - timedelta(days=30),
    )
    geweigerd(verhuisd, consulent, "dagtekening", dagtekening=vandaag() - timedelta(days=4))


# --- Warnings: PVT, MAP, maatschappelijke begeleiding (Wi 6 lid 1, Wi 13 lid 1) ------------------


def test_zonder_map_in_b1_route_waarschuwing_en_niets_opgeslagen(inburgeraar, consulent):
    """Wi 6 lid 1 onder b: the MAP belongs to the B1-route. Leaving it out is refused until the
    consultant confirms the warning; nothing is stored before that."""
    meldingen = geweigerd(inburgeraar, consulent, "waarschuwingen_gezien", map=False)
    assert "module arbeidsmarkt en participatie" in meldingen[0]
    assert "Wet inburgering 2021, art. 6 lid 1" in meldingen[0]
    pip = vaststellen(inburgeraar, consulent, map=False, waarschuwingen_gezien=True)
    assert pip.map is False
    assert "module arbeidsmarkt en participatie" in pip.waarschuwingen
    omschrijving = (
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="pip_vastgesteld").get().omschrijving
    )
    assert "ondanks waarschuwingen" in omschrijving


def test_asielstatushouder_zonder_begeleiding_waarschuwing(inburgeraar, consulent):
    """Wi 13 lid 1: an asielstatushouder gets maatschappelijke begeleiding."""
    assert inburgeraar.doelgroep == "asielstatushouder"
    meldingen = geweigerd(inburgeraar, consulent, "waarschuwingen_gezien", maatschappelijke_begeleiding=False)
    assert "maatschappelijke begeleiding" in meldingen[0] and "art. 13 lid 1" in meldingen[0]


def test_weggelaten_onderdelen_volgen_route_en_doelgroep(inburgeraar, consulent):
    """Left out, PVT is on, the MAP follows the route and begeleiding the doelgroep: no warning."""
    from regie.pip.services import pip_vaststellen

    pip = pip_vaststellen(
        inburgeraar=inburgeraar,
        door=consulent,
        leerroute="b1",
        dagtekening=vandaag(),
        aantal_voortgangsgesprekken=4,
    )
    assert (pip.pvt, pip.map, pip.maatschappelijke_begeleiding, pip.waarschuwingen) == (True, True, True, "")

"""Services that change a case: each validates with a Dutch message on the right field,
stores nothing on bad input and writes exactly one timeline entry per change."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.models import Inburgeraar, Kind
from regie.inburgeraars.services import (
    consulent_toewijzen,
    inburgeraar_registreren,
    inburgeraar_wijzigen,
    status_wijzigen,
)
from regie.inburgeraars.status import EindeReden, Status
from regie.klok import vandaag
from regie.organisaties.models import Kern
from regie.pip.services import pip_vaststellen
from regie.tijdlijn.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def tijdlijn(inburgeraar) -> list[tuple[str, int | None]]:
    return list(
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar).order_by("id").values_list("soort", "door_id")
    )


@pytest.fixture
def gegevens(dronten):
    return {
        "bsn": geldig_bsn(424242),
        "voornamen": "Amina",
        "geslachtsnaam": "Haddad",
        "geboortedatum": vandaag() - timedelta(days=30 * 365),
        "doelgroep": "asielstatushouder",
        "gemeente": dronten,
        "kern": Kern.objects.get(gemeente=dronten, naam="Biddinghuizen"),
        "datum_melding_duo": vandaag() - timedelta(days=20),
        "datum_inschrijving_brp": vandaag() - timedelta(days=10),
    }


def registreren_geweigerd(door, gegevens, veld) -> list[str]:
    """Register with bad input: the error is on `veld` and nothing at all is stored."""
    aantal, events, kinderen = Inburgeraar.objects.count(), Gebeurtenis.objects.count(), Kind.objects.count()
    with pytest.raises(ValidationError) as exc:
        inburgeraar_registreren(
            door=door, kinderen=[{"voornaam": "Sami", "geboortedatum": vandaag()}], **gegevens
        )
    assert veld in exc.value.message_dict, exc.value.message_dict
    assert Inburgeraar.objects.count() == aantal
    assert Gebeurtenis.objects.count() == events
    assert Kind.objects.count() == kinderen
    return exc.value.message_dict[veld]


# --- inburgeraar_registreren ----------------------------------------------------------------


def test_registreren_door_consulent(consulent, gegevens):
    kind = {"voornaam": "Sami", "geboortedatum": vandaag() - timedelta(days=400)}
    inburgeraar = inburgeraar_registreren(door=consulent, kinderen=[kind], **gegevens)
    inburgeraar.refresh_from_db()
    assert inburgeraar.naam == "Amina Haddad"
    assert inburgeraar.status == Status.AANGEMELD
    assert inburgeraar.versie == 1
    assert inburgeraar.consulent == consulent, "a consulent who registers becomes the vaste consulent"
    assert [k.voornaam for k in inburgeraar.kinderen.all()] == ["Sami"]
    assert tijdlijn(inburgeraar) == [("geregistreerd", consulent.pk), ("consulent_toegewezen", consulent.pk)]
    toegewezen = inburgeraar.gebeurtenissen.get(soort="consulent_toegewezen")
    assert toegewezen.gegevens == {"van": None, "naar": consulent.pk, "reden": "Bij registratie"}


def test_registreren_door_teamleider_zonder_consulent(teamleider, gegevens):
    inburgeraar = inburgeraar_registreren(door=teamleider, **gegevens)
    assert inburgeraar.consulent is None
    assert tijdlijn(inburgeraar) == [("geregistreerd", teamleider.pk)]


def test_registreren_door_teamleider_met_consulent(teamleider, consulent, gegevens):
    inburgeraar = inburgeraar_registreren(door=teamleider, consulent=consulent, **gegevens)
    assert inburgeraar.consulent == consulent
    assert tijdlijn(inburgeraar) == [
        ("geregistreerd", teamleider.pk),
        ("consulent_toegewezen", teamleider.pk),
    ]


def test_registreren_bsn_elfproef(consulent, gegevens):
    goed = gegevens["bsn"]
    fout = goed[:-1] + str((int(goed[-1]) + 1) % 10)
    meldingen = registreren_geweigerd(consulent, {**gegevens, "bsn": fout}, "bsn")
    assert meldingen == ["Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan."]


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "abcdefghi", ""])
def test_registreren_bsn_vorm(consulent, gegevens, bsn):
    registreren_geweigerd(consulent, {**gegevens, "bsn": bsn}, "bsn")


def test_registreren_dubbel_bsn(consulent, gegevens, inburgeraar):
    meldingen = registreren_geweigerd(consulent, {**gegevens, "bsn": inburgeraar.bsn}, "bsn")
    assert meldingen == ["Er staat al een inburgeraar met dit BSN bij uw organisatie."]


@pytest.mark.parametrize(
    ("invoer", "opgeslagen"), [("8256ab", "8256 AB"), (" 8256 AB ", "8256 AB"), ("", "")]
)
def test_registreren_postcode_netjes(consulent, gegevens, invoer, opgeslagen):
    inburgeraar = inburgeraar_registreren(door=consulent, postcode=invoer, **gegevens)
    inburgeraar.refresh_from_db()
    assert inburgeraar.postcode == opgeslagen


@pytest.mark.parametrize("postcode", ["0256 AB", "8256", "8256 A", "8256ABC", "AB 8256"])
def test_registreren_postcode_fout(consulent, gegevens, postcode):
    meldingen = registreren_geweigerd(consulent, {**gegevens, "postcode": postcode}, "postcode")
    assert meldingen == ["Vul een postcode in zoals 1234 AB."]


def test_wijzigen_postcode_fout_verandert_niets(consulent, inburgeraar):
    voor = Inburgeraar.objects.values().get(pk=inburgeraar.pk)
    with pytest.raises(ValidationError) as exc:
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, postcode="12")
    assert exc.value.message_dict == {"postcode": ["Vul een postcode in zoals 1234 AB."]}
    assert Inburgeraar.objects.values().get(pk=inburgeraar.pk) == voor


def test_registreren_kind_met_geboortedatum_in_de_toekomst(consulent, gegevens):
    with pytest.raises(ValidationError) as exc:
        inburgeraar_registreren(
            door=consulent,
            kinderen=[{"voornaam": "Sami", "geboortedatum": vandaag() + timedelta(days=1)}],
            **gegevens,
        )
    assert exc.value.message_dict["kinderen"] == [
        "Kind 1: de geboortedatum van het kind mag niet in de toekomst liggen."
    ]
    assert not Inburgeraar.objects.exists() and not Kind.objects.exists()


def test_registreren_geboortedatum_in_de_toekomst(consulent, gegevens):
    gegevens.update(
        geboortedatum=vandaag() + timedelta(days=1), datum_melding_duo=None, datum_inschrijving_brp=None
    )
    assert registreren_geweigerd(consulent, gegevens, "geboortedatum") == [
        "De geboortedatum mag niet in de toekomst liggen."
    ]


def test_registreren_geboortedatum_vandaag_toegestaan(consulent, gegevens):
    gegevens.update(geboortedatum=vandaag(), datum_melding_duo=vandaag(), datum_inschrijving_brp=None)
    assert inburgeraar_registreren(door=consulent, **gegevens).pk


def test_registreren_melding_duo_voor_geboortedatum(consulent, gegevens):
    gegevens["datum_melding_duo"] = gegevens["geboortedatum"] - timedelta(days=1)
    assert registreren_geweigerd(consulent, gegevens, "datum_melding_duo") == [
        "De datum melding DUO mag niet voor de geboortedatum liggen."
    ]


def test_registreren_melding_duo_in_de_toekomst(consulent, gegevens):
    gegevens["datum_melding_duo"] = vandaag() + timedelta(days=1)
    assert registreren_geweigerd(consulent, gegevens, "datum_melding_duo") == [
        "De datum melding DUO mag niet in de toekomst liggen."
    ]


def test_registreren_inschrijving_brp_in_de_toekomst(consulent, gegevens):
    gegevens["datum_inschrijving_brp"] = vandaag() + timedelta(days=3)
    registreren_geweigerd(consulent, gegevens, "datum_inschrijving_brp")


def test_registreren_gemeente_van_andere_organisatie(consulent, gegevens, dordrecht):
    gegevens.update(gemeente=dordrecht, kern=None)
    assert registreren_geweigerd(consulent, gegevens, "gemeente") == [
        "U kunt alleen inburgeraars van uw eigen gemeenten registreren."
    ]


def test_registreren_kern_van_andere_gemeente(consulent, gegevens, dordrecht):
    gegevens["kern"] = Kern.objects.get(gemeente=dordrecht)
    assert registreren_geweigerd(consulent, gegevens, "kern") == [
        "Deze kern hoort niet bij de gekozen gemeente."
    ]


def test_registreren_consulent_van_andere_organisatie(teamleider, consulent_drechtsteden, gegevens):
    gegevens["consulent"] = consulent_drechtsteden
    assert registreren_geweigerd(teamleider, gegevens, "consulent") == [
        "Kies een actieve consulent van uw eigen organisatie."
    ]


def test_registreren_partner_van_andere_organisatie(consulent, gegevens, dordrecht):
    gegevens["partner"] = InburgeraarFactory(gemeente=dordrecht)
    registreren_geweigerd(consulent, gegevens, "partner")


def test_registreren_verplichte_velden(consulent, gegevens):
    gegevens.update(voornamen="", doelgroep="")
    registreren_geweigerd(consulent, gegevens, "voornamen")


def test_registreren_meerdere_fouten_tegelijk(consulent, gegevens, dordrecht):
    """Every wrong field gets its message in one go."""
    gegevens.update(bsn="123", gemeente=dordrecht, geboortedatum=vandaag() + timedelta(days=5))
    with pytest.raises(ValidationError) as exc:
        inburgeraar_registreren(door=consulent, **gegevens)
    assert {"bsn", "gemeente", "kern", "geboortedatum"} <= set(exc.value.message_dict)


# --- inburgeraar_wijzigen -------------------------------------------------------------------


def test_wijzigen_schrijft_oud_en_nieuw(inburgeraar, consulent):
    oud = inburgeraar.telefoon
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, telefoon="0612345678")
    inburgeraar.refresh_from_db()
    assert inburgeraar.telefoon == "0612345678"
    assert inburgeraar.versie == 2
    [gebeurtenis] = inburgeraar.gebeurtenissen.all()
    assert (gebeurtenis.soort, gebeurtenis.door) == ("gegevens_gewijzigd", consulent)
    assert gebeurtenis.gegevens == {"wijzigingen": {"telefoon": [oud, "0612345678"]}}
    assert gebeurtenis.omschrijving == "Gegevens gewijzigd: telefoon"


def test_wijzigen_met_oude_versie_weigert_en_verandert_niets(inburgeraar, consulent):
    oud = inburgeraar.telefoon
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, straat="Nieuwe straat")
    with pytest.raises(GelijktijdigGewijzigd):
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, telefoon="0687654321")
    assert inburgeraar.telefoon == oud, "the object in memory is left as stored"
    inburgeraar.refresh_from_db()
    assert inburgeraar.telefoon == oud
    assert inburgeraar.versie == 2
    assert tijdlijn(inburgeraar) == [("gegevens_gewijzigd", consulent.pk)]


def test_wijzigen_zonder_verschil_schrijft_niets(inburgeraar, consulent):
    inburgeraar_wijzigen(
        inburgeraar=inburgeraar,
        door=consulent,
        versie=1,
        telefoon=inburgeraar.telefoon,
        straat=inburgeraar.straat,
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 1
    assert tijdlijn(inburgeraar) == []


def test_wijzigen_ongeldig_verandert_niets(inburgeraar, consulent):
    oud = inburgeraar.datum_melding_duo
    with pytest.raises(ValidationError) as exc:
        inburgeraar_wijzigen(
            inburgeraar=inburgeraar,
            door=consulent,
            versie=1,
            datum_melding_duo=vandaag() + timedelta(days=1),
            telefoon="0600000000",
        )
    assert exc.value.message_dict == {
        "datum_melding_duo": ["De datum melding DUO mag niet in de toekomst liggen."]
    }
    assert inburgeraar.datum_melding_duo == oud
    inburgeraar.refresh_from_db()
    assert (inburgeraar.datum_melding_duo, inburgeraar.versie) == (oud, 1)
    assert tijdlijn(inburgeraar) == []


def test_wijzigen_naar_gemeente_van_andere_organisatie_geweigerd(inburgeraar, consulent, dordrecht):
    with pytest.raises(ValidationError) as exc:
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, gemeente=dordrecht)
    assert "gemeente" in exc.value.message_dict
    inburgeraar.refresh_from_db()
    assert inburgeraar.gemeente.cbs_code == "0303"


def test_wijzigen_partner_van_andere_organisatie_geweigerd(inburgeraar, consulent, dordrecht):
    with pytest.raises(ValidationError) as exc:
        inburgeraar_wijzigen(
            inburgeraar=inburgeraar,
            door=consulent,
            versie=1,
            partner=InburgeraarFactory(gemeente=dordrecht, bsn=geldig_bsn(900_001)),
        )
    assert exc.value.message_dict == {"partner": ["Kies als partner een inburgeraar uit uw eigen gemeenten."]}


def test_wijzigen_partner_van_eigen_organisatie(inburgeraar, consulent, dronten):
    partner = InburgeraarFactory(gemeente=dronten, bsn=geldig_bsn(900_002))
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, partner=partner)
    inburgeraar.refresh_from_db()
    assert inburgeraar.partner == partner
    assert tijdlijn(inburgeraar) == [("gegevens_gewijzigd", consulent.pk)]


@pytest.mark.parametrize("veld", ["status", "einde_reden", "consulent", "versie"])
def test_wijzigen_niet_voor_velden_met_eigen_service(inburgeraar, consulent, veld):
    """Status goes through the state machine, the consulent through a team lead."""
    with pytest.raises(TypeError):
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=1, **{veld: None})
    assert tijdlijn(inburgeraar) == []


# --- status_wijzigen ------------------------------------------------------------------------


def test_status_wijzigen_toegestaan(inburgeraar, consulent):
    status_wijzigen(
        inburgeraar=inburgeraar, door=consulent, naar=Status.BREDE_INTAKE, toelichting="Gesprek gepland"
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.BREDE_INTAKE
    assert inburgeraar.versie == 2
    [gebeurtenis] = inburgeraar.gebeurtenissen.all()
    assert (gebeurtenis.soort, gebeurtenis.door) == ("status_gewijzigd", consulent)
    assert gebeurtenis.omschrijving == "Status van 'Aangemeld' naar 'Brede intake'"
    assert gebeurtenis.gegevens == {
        "van": "aangemeld",
        "naar": "brede_intake",
        "reden": "",
        "toelichting": "Gesprek gepland",
    }


def test_status_wijzigen_geweigerd_verandert_niets(inburgeraar, consulent):
    with pytest.raises(ValidationError) as exc:
        status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.IN_UITVOERING)
    assert exc.value.message_dict == {
        "status": ["Een dossier met status 'Aangemeld' kan niet naar 'In uitvoering'."]
    }
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.versie) == (Status.AANGEMELD, 1)
    assert tijdlijn(inburgeraar) == []


def test_status_afronden_met_reden(inburgeraar, consulent):
    status_wijzigen(
        inburgeraar=inburgeraar, door=consulent, naar=Status.AFGEROND, reden=EindeReden.VRIJSTELLING
    )
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.einde_reden) == (Status.AFGEROND, "vrijstelling")
    [gebeurtenis] = inburgeraar.gebeurtenissen.all()
    assert gebeurtenis.omschrijving == "Status van 'Aangemeld' naar 'Afgerond' (Vrijstelling)"
    assert gebeurtenis.door == consulent


@pytest.mark.parametrize("naar", [Status.AFGEROND, Status.BEEINDIGD])
def test_status_beeindigen_zonder_reden_geweigerd(inburgeraar, consulent, naar):
    with pytest.raises(ValidationError) as exc:
        status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=naar)
    assert exc.value.message_dict["status"][0].startswith(f"Kies een reden voor '{naar.label}'")
    assert tijdlijn(inburgeraar) == []


def test_status_reden_als_tekst_uit_formulier(inburgeraar, consulent):
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar="beeindigd", reden="naturalisatie")
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.einde_reden) == ("beeindigd", "naturalisatie")


@pytest.mark.parametrize(("naar", "reden"), [("onzin", None), ("afgerond", "onzin")])
def test_status_ongeldige_keuze(inburgeraar, consulent, naar, reden):
    with pytest.raises(ValidationError) as exc:
        status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=naar, reden=reden)
    assert "status" in exc.value.message_dict


def test_heropenen_wist_einde_reden(inburgeraar, consulent):
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.BEEINDIGD, reden=EindeReden.VERTREK)
    status_wijzigen(
        inburgeraar=inburgeraar, door=consulent, naar=Status.AANGEMELD, toelichting="Terug in Dronten"
    )
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.einde_reden, inburgeraar.versie) == (Status.AANGEMELD, "", 3)
    assert tijdlijn(inburgeraar) == [("status_gewijzigd", consulent.pk)] * 2


def test_status_pip_vastgesteld_alleen_met_pip(inburgeraar, consulent):
    """The status 'PIP vastgesteld' comes with a PIP (pip_vaststellen), not by hand."""
    with pytest.raises(ValidationError) as exc:
        status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.PIP_VASTGESTELD)
    assert exc.value.message_dict == {
        "status": ["Stel eerst een PIP vast. Dan krijgt het dossier vanzelf deze status."]
    }


def test_status_in_uitvoering_na_pip(inburgeraar, consulent):
    pip_vaststellen(
        inburgeraar=inburgeraar,
        door=consulent,
        leerroute="b1",
        dagtekening=vandaag(),
        aantal_voortgangsgesprekken=4,
    )
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.IN_UITVOERING)
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.IN_UITVOERING
    assert [s for s, _ in tijdlijn(inburgeraar)] == [
        "pip_vastgesteld",
        "status_gewijzigd",
        "status_gewijzigd",
    ]


def test_status_met_oude_versie(inburgeraar, consulent):
    with pytest.raises(GelijktijdigGewijzigd):
        status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.BREDE_INTAKE, versie=7)
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.versie) == (Status.AANGEMELD, 1)
    assert tijdlijn(inburgeraar) == []


# --- consulent_toewijzen --------------------------------------------------------------------


def test_teamleider_wijst_consulent_toe(inburgeraar, consulent, teamleider, dronten):
    nieuwe = UserFactory(organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    consulent_toewijzen(inburgeraar=inburgeraar, door=teamleider, consulent=nieuwe, reden="Verlof")
    inburgeraar.refresh_from_db()
    assert inburgeraar.consulent == nieuwe
    assert inburgeraar.versie == 2
    [gebeurtenis] = inburgeraar.gebeurtenissen.all()
    assert (gebeurtenis.soort, gebeurtenis.door) == ("consulent_toegewezen", teamleider)
    assert gebeurtenis.gegevens == {"van": consulent.pk, "naar": nieuwe.pk, "reden": "Verlof"}
    assert f"(was {consulent})" in gebeurtenis.omschrijving


def test_consulent_mag_niet_toewijzen(inburgeraar, consulent, dronten):
    nieuwe = UserFactory(organisatie=dronten.organisatie)
    with pytest.raises(ValidationError) as exc:
        consulent_toewijzen(inburgeraar=inburgeraar, door=consulent, consulent=nieuwe)
    assert exc.value.message_dict == {"consulent": ["Alleen een teamleider kan de vaste consulent wijzigen."]}
    inburgeraar.refresh_from_db()
    assert (inburgeraar.consulent, inburgeraar.versie) == (consulent, 1)
    assert tijdlijn(inburgeraar) == []


def test_toewijzen_aan_andere_organisatie_geweigerd(
    inburgeraar, consulent, teamleider, consulent_drechtsteden
):
    with pytest.raises(ValidationError) as exc:
        consulent_toewijzen(inburgeraar=inburgeraar, door=teamleider, consulent=consulent_drechtsteden)
    assert exc.value.message_dict == {"consulent": ["Kies een actieve consulent van uw eigen organisatie."]}
    inburgeraar.refresh_from_db()
    assert inburgeraar.consulent == consulent
    assert tijdlijn(inburgeraar) == []


def test_toewijzen_aan_inactieve_consulent_geweigerd(inburgeraar, teamleider, dronten):
    weg = UserFactory(organisatie=dronten.organisatie, is_active=False)
    with pytest.raises(ValidationError):
        consulent_toewijzen(inburgeraar=inburgeraar, door=teamleider, consulent=weg)
    assert tijdlijn(inburgeraar) == []


def test_teamleider_van_andere_organisatie_geweigerd(inburgeraar, dordrecht, dronten):
    vreemde = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    with pytest.raises(ValidationError):
        consulent_toewijzen(
            inburgeraar=inburgeraar, door=vreemde, consulent=UserFactory(organisatie=dronten.organisatie)
        )
    assert tijdlijn(inburgeraar) == []


def test_toewijzen_aan_huidige_consulent_schrijft_niets(inburgeraar, consulent, teamleider):
    consulent_toewijzen(inburgeraar=inburgeraar, door=teamleider, consulent=consulent)
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 1
    assert tijdlijn(inburgeraar) == []

"""Registering the newcomer of a parked new-obligation notice (SS101 etc.): the registration form
prefilled with what DUO gave, the notice's uuid in the address (never the BSN), only for notices
of the user's own municipalities, and after saving the notice is processed again for the new case
(in the same transaction), so the case gets DUO's data and the notice becomes 'verwerkt'."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from regie.demo.factories import InburgeraarFactory, geldig_bsn
from regie.duo.inkomend.models import DuoStand, Notificatie
from regie.duo.inkomend.models import Status as NStatus
from regie.duo.tests.inkomend.conftest import melding, stuur
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Kind, Leerroute
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Verwerking

pytestmark = pytest.mark.django_db

BSN = geldig_bsn(720_001)
DRIE_DAGEN_GELEDEN = timezone.now() - timedelta(days=3)


def _geparkeerd(client, gemeente, duo_simulator, code="SS101", **persoon) -> Notificatie:
    """A new-obligation notice for a person DUO knows and Regie does not: parked."""
    duo_simulator.persoon_toevoegen(BSN, gemeente.cbs_code, **persoon)
    tijd = DRIE_DAGEN_GELEDEN.isoformat().replace("+00:00", "Z")
    assert stuur(client, gemeente.oin, melding(BSN, code, tijd)).status_code == 201
    werk_taken_af()
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NStatus.GEPARKEERD
    return notificatie


def _url(notificatie) -> str:
    return reverse("notificaties:registreren", kwargs={"uuid": notificatie.uuid})


def _invoer(gemeente, **anders) -> dict:
    return {
        "bsn": BSN,
        "voornamen": "Amina",
        "tussenvoegsel": "",
        "geslachtsnaam": "Haddad",
        "geboortedatum": "1990-05-17",
        "geslacht": "vrouw",
        "geboorteland": "Syrië",
        "nationaliteit": "Syrische",
        "talen": "Arabisch",
        "doelgroep": "gezinsmigrant",
        "gemeente": gemeente.pk,
        "kern": "",
        "partner": "",
        "datum_melding_duo": str(timezone.localdate(DRIE_DAGEN_GELEDEN)),
        "dagtekening_eerste_pip_elders": "",
        "leerroute_vorige_gemeente": "",
        "kinderen-TOTAL_FORMS": "1",
        "kinderen-INITIAL_FORMS": "0",
        "kinderen-MIN_NUM_FORMS": "0",
        "kinderen-MAX_NUM_FORMS": "20",
        "kinderen-0-voornaam": "Sara",
        "kinderen-0-geboortedatum": "2019-03-01",
        **anders,
    }


def _stand():
    return (
        sorted(Inburgeraar.objects.values_list()),
        Kind.objects.count(),
        Gebeurtenis.objects.count(),
        sorted(Notificatie.objects.values_list("status", "inburgeraar_id", "notitie")),
    )


def test_knop_op_de_lijst_en_de_melding(client, consulent, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent)
    lijst = client.get(reverse("notificaties:lijst")).content.decode()
    assert _url(notificatie) in lijst and "Inburgeraar registreren" in lijst
    pagina = client.get(reverse("notificaties:melding", kwargs={"uuid": notificatie.uuid})).content.decode()
    assert _url(notificatie) in pagina
    assert BSN not in _url(notificatie)


def test_geen_knop_bij_melding_die_niet_over_een_nieuwe_plicht_gaat(
    client, consulent, dronten, duo_simulator
):
    assert stuur(client, dronten.oin, melding(BSN, "SS111")).status_code == 201
    werk_taken_af()
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NStatus.GEPARKEERD
    client.force_login(consulent)
    assert _url(notificatie) not in client.get(reverse("notificaties:lijst")).content.decode()
    pagina = client.get(reverse("notificaties:melding", kwargs={"uuid": notificatie.uuid})).content.decode()
    assert _url(notificatie) not in pagina


def test_formulier_vooraf_ingevuld_met_wat_duo_gaf(client, consulent, dronten, duo_simulator):
    """Bi 5.3 lid 1: the 10 weeks for the PIP run from DUO's notice, so datum melding DUO is the
    notice's registratieDatumTijd; the doelgroep comes from DUO's Doelgroep."""
    notificatie = _geparkeerd(client, dronten, duo_simulator, doelgroep="Gezinsmigrant en overige migrant")
    client.force_login(consulent)
    antwoord = client.get(_url(notificatie))
    assert antwoord.status_code == 200
    initial = antwoord.context["form"].initial
    assert initial["bsn"] == BSN
    assert initial["gemeente"] == dronten.pk
    assert initial["doelgroep"] == Doelgroep.GEZINSMIGRANT
    assert initial["datum_melding_duo"] == timezone.localdate(DRIE_DAGEN_GELEDEN)
    html = antwoord.content.decode()
    assert f'value="{BSN}"' in html
    assert f'action="{_url(notificatie)}"' in html
    assert "vanuit de DUO-melding SS101" in html


def test_ss121_ook_pip_van_de_vorige_gemeente(client, consulent, dronten, duo_simulator):
    """Wi 11 lid 3 and Wi 15 lid 4: the first PIP's dagtekening and the leerroute of the previous
    municipality stay after a move."""
    dagtekening = date.today() - timedelta(days=300)
    notificatie = _geparkeerd(
        client,
        dronten,
        duo_simulator,
        code="SS121",
        pips=[{"gemeentecode": "0034", "pip": {"dagtekeningPip": dagtekening.isoformat(), "leerroute": "Z"}}],
    )
    client.force_login(consulent)
    initial = client.get(_url(notificatie)).context["form"].initial
    assert initial["leerroute_vorige_gemeente"] == Leerroute.Z_ROUTE
    assert initial["dagtekening_eerste_pip_elders"] == dagtekening
    assert initial["doelgroep"] == Doelgroep.ASIELSTATUSHOUDER


def test_duo_onbereikbaar_formulier_zonder_doelgroep(client, consulent, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    duo_simulator.storing(503, 5)
    client.force_login(consulent)
    antwoord = client.get(_url(notificatie))
    assert antwoord.status_code == 200
    assert "doelgroep" not in antwoord.context["form"].initial
    assert antwoord.context["form"].initial["bsn"] == BSN
    assert "Regie kon de gegevens niet bij DUO opvragen" in antwoord.content.decode()


def test_andere_organisatie_krijgt_404(client, consulent_drechtsteden, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent_drechtsteden)
    voor = _stand()
    assert client.get(_url(notificatie)).status_code == 404
    assert client.post(_url(notificatie), _invoer(dronten)).status_code == 404
    assert _stand() == voor


def test_registreren_verwerkt_de_melding_vanzelf(client, consulent, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent)
    antwoord = client.post(_url(notificatie), _invoer(dronten, doelgroep="gezinsmigrant"))
    assert antwoord.status_code == 302, antwoord.context and antwoord.context["form"].errors
    inburgeraar = Inburgeraar.objects.get(bsn=BSN)
    assert antwoord["Location"] == reverse("inburgeraars:dossier", kwargs={"uuid": inburgeraar.uuid})
    berichten = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert any("Amina Haddad is geregistreerd" in b and "DUO-melding SS101" in b for b in berichten)
    notificatie.refresh_from_db()
    # Enqueued in the same transaction as the registration: waiting for the worker.
    assert notificatie.status == NStatus.ONTVANGEN
    assert notificatie.inburgeraar == inburgeraar
    assert "geregistreerd vanuit deze melding" in notificatie.notitie

    werk_taken_af()
    notificatie.refresh_from_db()
    inburgeraar.refresh_from_db()
    assert notificatie.status == NStatus.VERWERKT, notificatie.reden
    assert notificatie.inburgeraar == inburgeraar
    assert not notificatie.reden
    # DUO's data: the simulator's person is an asylum status holder, so the handler corrected the
    # doelgroep the consultant chose, through the service (on the timeline, by the DUO account).
    assert inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    assert inburgeraar.consulent == consulent
    assert "inburgeringsplicht" in DuoStand.objects.get(inburgeraar=inburgeraar).gegevens
    soorten = set(Gebeurtenis.objects.filter(inburgeraar=inburgeraar).values_list("soort", flat=True))
    assert "geregistreerd" in soorten
    assert Gebeurtenis.objects.filter(
        inburgeraar=inburgeraar, door__username__startswith="duo-koppeling-"
    ).exists()
    # The processing log names the new case: the consultant's registration and DUO's change.
    log = Verwerking.objects.filter(betrokkenen__inburgeraar_id=inburgeraar.pk)
    assert log.filter(gebruiker=consulent).exists()
    assert log.filter(gebruikersnaam__startswith="duo-koppeling-").exists(), list(
        log.values_list("gebruikersnaam", "actie", "onderdeel")
    )
    # Processing again changes nothing.
    werk_taken_af()
    notificatie.refresh_from_db()
    assert notificatie.status == NStatus.VERWERKT


def test_ander_bsn_dan_de_melding_slaat_niets_op(client, consulent, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent)
    voor = _stand()
    antwoord = client.post(_url(notificatie), _invoer(dronten, bsn=geldig_bsn(720_002)))
    assert antwoord.status_code == 200
    assert "Vul het BSN uit de DUO-melding in" in antwoord.content.decode()
    assert _stand() == voor
    werk_taken_af()
    notificatie.refresh_from_db()
    assert notificatie.status == NStatus.GEPARKEERD


def test_andere_gemeente_dan_de_melding_slaat_niets_op(
    client, consulent_drechtsteden, dordrecht, duo_simulator
):
    """DUO sent the notice for Dordrecht: registering the person in Zwijndrecht (same organisation)
    is refused, DUO's data is about that municipality."""
    from regie.organisaties.models import Gemeente

    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    notificatie = _geparkeerd(client, dordrecht, duo_simulator)
    client.force_login(consulent_drechtsteden)
    voor = _stand()
    antwoord = client.post(_url(notificatie), _invoer(zwijndrecht))
    assert antwoord.status_code == 200
    assert "DUO stuurde de melding voor Dordrecht" in antwoord.content.decode()
    assert _stand() == voor
    assert client.post(_url(notificatie), _invoer(dordrecht)).status_code == 302
    assert Inburgeraar.objects.get(bsn=BSN).gemeente == dordrecht


def test_verhuisd_uit_een_andere_organisatie_wordt_hier_geregistreerd(
    client, consulent, dronten, dordrecht, duo_simulator
):
    """The newcomer has a case at Drechtsteden (the previous municipality); DUO announces them to
    Dronten (SS121): Dronten registers them, the old case stays as it is."""
    daar = InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent)
    antwoord = client.post(_url(notificatie), _invoer(dronten))
    assert antwoord.status_code == 302, antwoord.context and antwoord.context["form"].errors
    hier = Inburgeraar.objects.get(bsn=BSN, gemeente=dronten)
    werk_taken_af()
    notificatie.refresh_from_db()
    assert notificatie.status == NStatus.VERWERKT, notificatie.reden
    assert notificatie.inburgeraar == hier
    assert Inburgeraar.objects.get(pk=daar.pk).gemeente == dordrecht
    assert not Gebeurtenis.objects.filter(inburgeraar=daar).exists()


def test_ongeldige_invoer_slaat_niets_op(client, consulent, dronten, duo_simulator):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    client.force_login(consulent)
    voor = _stand()
    antwoord = client.post(_url(notificatie), _invoer(dronten, geboortedatum="", voornamen=""))
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors
    assert _stand() == voor


def test_bsn_al_in_regie_slaat_niets_op(client, consulent, dronten, duo_simulator):
    """Someone registered the person in the meantime: the duplicate BSN is refused."""
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    InburgeraarFactory(bsn=BSN, gemeente=dronten, consulent=consulent)
    client.force_login(consulent)
    voor = _stand()
    antwoord = client.post(_url(notificatie), _invoer(dronten))
    assert antwoord.status_code == 200
    assert _stand() == voor


@pytest.mark.parametrize("status", [NStatus.VERWERKT, NStatus.AFGEHANDELD, NStatus.ONTVANGEN])
def test_melding_niet_geparkeerd_duidelijke_melding_niets_gewijzigd(
    status, client, consulent, dronten, duo_simulator
):
    notificatie = _geparkeerd(client, dronten, duo_simulator)
    Notificatie.objects.filter(pk=notificatie.pk).update(status=status)
    client.force_login(consulent)
    voor = _stand()
    for antwoord in (client.get(_url(notificatie)), client.post(_url(notificatie), _invoer(dronten))):
        assert antwoord.status_code == 302
        assert antwoord["Location"] == reverse("notificaties:melding", kwargs={"uuid": notificatie.uuid})
        berichten = " ".join(str(m) for m in get_messages(antwoord.wsgi_request))
        assert "al verwerkt of afgehandeld" in berichten or "verwerkt deze melding al" in berichten
    assert _stand() == voor


def test_service_weigert_als_de_melding_intussen_verwerkt_is(consulent, dronten, client, duo_simulator):
    """The service checks again under a lock: a notice handled between showing and saving the
    form leaves everything as it was."""
    from django.core.exceptions import ValidationError

    from regie.duo.inkomend.registratie import registreren_uit_melding

    notificatie = _geparkeerd(client, dronten, duo_simulator)
    Notificatie.objects.filter(pk=notificatie.pk).update(status=NStatus.AFGEHANDELD)
    voor = _stand()
    with pytest.raises(ValidationError) as fout:
        registreren_uit_melding(
            notificatie=notificatie,
            door=consulent,
            bsn=BSN,
            voornamen="Amina",
            geslachtsnaam="Haddad",
            geboortedatum=date(1990, 5, 17),
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            gemeente=dronten,
        )
    assert "al verwerkt of afgehandeld" in str(fout.value)
    assert _stand() == voor

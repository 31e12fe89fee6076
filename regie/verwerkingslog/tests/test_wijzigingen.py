"""Every change writes its processing-log entry in the same transaction as the change;
who, from where, over which channel and under which trace id come from the request."""

import pytest
from django.urls import reverse

from regie.inburgeraars.services import inburgeraar_wijzigen, status_wijzigen
from regie.inburgeraars.status import Status
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log
from regie.verwerkingslog.models import Actie, Kanaal, Verwerking
from regie.verwerkingslog.tests.conftest import laatste_id, nieuw_sinds, personen


def test_een_wijziging_schrijft_de_oude_en_nieuwe_waarden(inburgeraar, consulent):
    vanaf = laatste_id()
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, telefoon="0612345678")
    (regel,) = nieuw_sinds(vanaf)
    assert regel.actie == Actie.WIJZIGEN
    assert regel.onderdeel == "dossier"
    assert regel.handeling == "gegevens_gewijzigd"
    assert regel.velden["telefoon"][1] == "0612345678"
    assert personen(regel) == {inburgeraar.pk}
    # Outside a request: the channel is "systeem" and the user the service's `door`.
    assert regel.kanaal == Kanaal.SYSTEEM
    assert regel.gebruiker == consulent
    assert regel.namens_organisatie_id == consulent.organisatie_id
    assert regel.ip_adres is None


def test_een_gewijzigd_bsn_staat_alleen_gemaskeerd_in_het_log(inburgeraar, consulent):
    oud = inburgeraar.bsn
    nieuw = "123456782"
    vanaf = laatste_id()
    inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, bsn=nieuw)
    (regel,) = nieuw_sinds(vanaf)
    assert regel.velden["BSN"] == ["*******" + oud[-2:], "*******82"]
    assert oud not in str(regel.velden) and nieuw not in str(regel.velden)


def test_statuswijziging_noemt_oude_en_nieuwe_status(inburgeraar, consulent):
    vanaf = laatste_id()
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.BREDE_INTAKE, versie=None)
    (regel,) = nieuw_sinds(vanaf)
    assert regel.velden["status"] == [Status.AANGEMELD, Status.BREDE_INTAKE]


def test_mislukt_het_schrijven_van_het_log_dan_is_er_ook_geen_wijziging(inburgeraar, consulent, monkeypatch):
    """Change and log entry in one transaction: no change without its entry."""

    def kapot(**kwargs):
        raise RuntimeError("log niet bereikbaar")

    monkeypatch.setattr(log, "_schrijf", kapot)
    gebeurtenissen = Gebeurtenis.objects.count()
    with pytest.raises(RuntimeError):
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, telefoon="0699999999")
    inburgeraar.refresh_from_db()
    assert inburgeraar.telefoon != "0699999999"
    assert Gebeurtenis.objects.count() == gebeurtenissen


def test_mislukt_de_wijziging_daarna_dan_is_er_ook_geen_logregel(inburgeraar, consulent, monkeypatch):
    """pip_vaststellen writes the PIP's entry, then fails on the status change: neither stays."""
    from regie.demo.factories import pip_vastgesteld

    def kapot(*args, **kwargs):
        raise RuntimeError("mislukt na de logregel")

    monkeypatch.setattr(events, "status_gewijzigd", kapot)
    vanaf = laatste_id()
    with pytest.raises(RuntimeError):
        pip_vastgesteld(inburgeraar, consulent)
    assert not nieuw_sinds(vanaf).exists()
    assert not inburgeraar.pips.exists()


def test_ongeldige_invoer_schrijft_niets(inburgeraar, consulent):
    from django.core.exceptions import ValidationError

    vanaf = laatste_id()
    with pytest.raises(ValidationError):
        inburgeraar_wijzigen(inburgeraar=inburgeraar, door=consulent, versie=None, bsn="123")
    assert not nieuw_sinds(vanaf).exists()


def test_een_pagina_verzoek_geeft_gebruiker_kanaal_ip_en_een_gedeelde_trace_id(client, consulent, dronten):
    client.force_login(consulent)
    vanaf = laatste_id()
    antwoord = client.post(
        reverse("inburgeraars:registreren"),
        {
            "bsn": "111222333",
            "voornamen": "Amal",
            "geslachtsnaam": "Haddad",
            "geboortedatum": "1990-05-01",
            "geslacht": "vrouw",
            "doelgroep": "asielstatushouder",
            "gemeente": dronten.pk,
            "kinderen-TOTAL_FORMS": "0",
            "kinderen-INITIAL_FORMS": "0",
            "kinderen-MIN_NUM_FORMS": "0",
            "kinderen-MAX_NUM_FORMS": "20",
        },
        REMOTE_ADDR="10.1.2.3",
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    regels = list(nieuw_sinds(vanaf))
    assert [r.actie for r in regels] == [Actie.AANMAKEN, Actie.WIJZIGEN]  # registered, consultant assigned
    assert {r.trace_id for r in regels} == {regels[0].trace_id}
    for regel in regels:
        assert regel.kanaal == Kanaal.PAGINA
        assert regel.gebruiker == consulent
        assert regel.rol == consulent.rol
        assert regel.ip_adres == "10.1.2.3"
        assert regel.handeling in {"geregistreerd", "consulent_toegewezen"}
    assert "111222333" not in str(list(Verwerking.objects.values()))


def test_traceparent_van_de_aanroeper_wordt_de_trace_id(client, consulent, inburgeraar):
    client.force_login(consulent)
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    vanaf = laatste_id()
    client.get(
        reverse("inburgeraars:dossier", args=[inburgeraar.uuid]),
        HTTP_TRACEPARENT=f"00-{trace}-00f067aa0ba902b7-01",
    )
    (regel,) = nieuw_sinds(vanaf)
    assert regel.trace_id == trace


def test_api_wijziging_heeft_kanaal_api(client, consulent, inburgeraar):
    client.force_login(consulent)
    vanaf = laatste_id()
    antwoord = client.patch(
        reverse("api:inburgeraar-detail", args=[inburgeraar.uuid]),
        {"telefoon": "0611111111"},
        content_type="application/json",
    )
    assert antwoord.status_code == 200, antwoord.content
    regels = list(nieuw_sinds(vanaf))
    assert [(r.actie, r.kanaal) for r in regels] == [(Actie.WIJZIGEN, Kanaal.API), (Actie.LEZEN, Kanaal.API)]
    assert regels[0].trace_id == regels[1].trace_id


def test_achter_een_proxy_het_adres_van_de_client(client, consulent, inburgeraar, settings):
    settings.REGIE_ACHTER_PROXY = True
    client.force_login(consulent)
    vanaf = laatste_id()
    client.get(
        reverse("inburgeraars:dossier", args=[inburgeraar.uuid]),
        HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.7",
        REMOTE_ADDR="10.0.0.1",
    )
    (regel,) = nieuw_sinds(vanaf)
    assert regel.ip_adres == "192.0.2.7"

"""django-axes: after REGIE_AXES_FAILURE_LIMIT (5) wrong passwords for one username from one
IP address, that combination is locked out for REGIE_AXES_COOLOFF_MINUTES (15) minutes."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings

from regie.accounts.tests.helpers import apparaat_van, wachtwoord_stap

IP_A = {"REMOTE_ADDR": "192.0.2.10"}
IP_B = {"REMOTE_ADDR": "192.0.2.20"}


def fout_inloggen(client, user, keer, **extra):
    return [wachtwoord_stap(client, user, wachtwoord="helemaal-fout", **extra) for _ in range(keer)]


def test_standaard_vijf_pogingen_en_vijftien_minuten():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_na_vijf_fouten_geblokkeerd_met_nederlandse_pagina(client, consulent):
    antwoorden = fout_inloggen(client, consulent, 5, **IP_A)
    assert [a.status_code for a in antwoorden[:4]] == [200] * 4
    assert "De gebruikersnaam of het wachtwoord klopt niet" in antwoorden[0].content.decode()
    geblokkeerd = antwoorden[4]
    assert geblokkeerd.status_code == 429
    html = geblokkeerd.content.decode()
    assert "U kunt even niet inloggen" in html
    assert "de komende 15 minuten niet inloggen" in html
    assert geblokkeerd["Retry-After"] == "900"
    # Also the right password is refused now, and nobody is logged in.
    antwoord = wachtwoord_stap(client, consulent, **IP_A)
    assert antwoord.status_code == 429
    assert "_auth_user_id" not in client.session


def test_blokkade_geldt_per_gebruikersnaam_en_ip_adres(client, consulent, teamleider):
    fout_inloggen(client, consulent, 5, **IP_A)
    assert wachtwoord_stap(client, consulent, **IP_B).status_code == 302  # same user, other address
    client.logout()
    assert wachtwoord_stap(client, teamleider, **IP_A).status_code == 302  # other user, same address


def test_na_de_wachttijd_kan_het_weer(client, consulent):
    fout_inloggen(client, consulent, 5, **IP_A)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert wachtwoord_stap(client, consulent, **IP_A).status_code == 302


def test_gelukte_inlog_zet_de_teller_terug(client, consulent):
    fout_inloggen(client, consulent, 4, **IP_A)
    assert wachtwoord_stap(client, consulent, **IP_A).status_code == 302
    client.logout()
    assert [a.status_code for a in fout_inloggen(client, consulent, 4, **IP_A)] == [200] * 4


def test_grens_is_instelbaar(client, consulent, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert [a.status_code for a in fout_inloggen(client, consulent, 2, **IP_A)] == [200, 429]


def test_foute_api_tokens_blokkeren_geen_inlog(client, consulent):
    for _ in range(10):
        antwoord = client.get("/api/v1/gemeenten", HTTP_AUTHORIZATION="Token regie_fout", **IP_A)
        assert antwoord.status_code == 401
    assert not AccessAttempt.objects.exists()
    apparaat_van(consulent)
    assert wachtwoord_stap(client, consulent, **IP_A).status_code == 302


def test_achter_een_proxy_telt_het_adres_dat_de_proxy_doorgeeft(client, consulent, settings):
    settings.REGIE_ACHTER_PROXY = True
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # A client that fakes an earlier X-Forwarded-For entry is still counted by its real address.
    for nep in ("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "198.51.100.5"):
        antwoord = fout_inloggen(client, consulent, 1, HTTP_X_FORWARDED_FOR=f"{nep}, 192.0.2.10", **proxy)[0]
    assert antwoord.status_code == 429
    # Another client behind the same proxy can still log in.
    assert wachtwoord_stap(client, consulent, HTTP_X_FORWARDED_FOR="192.0.2.99", **proxy).status_code == 302


def test_zonder_proxy_telt_het_echte_adres(client, consulent, settings):
    settings.REGIE_ACHTER_PROXY = False
    for nep in ("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "198.51.100.5"):
        antwoord = fout_inloggen(client, consulent, 1, HTTP_X_FORWARDED_FOR=nep, **IP_A)[0]
    assert antwoord.status_code == 429

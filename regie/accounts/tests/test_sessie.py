"""Session timeout: after REGIE_SESSION_SECONDS (1800) without a request, the user is logged
out; every request moves that moment forward (sliding expiry), writing the session at most once
a minute."""

import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from regie.accounts.models import Sessie as Session


def sessie(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_standaard_half_uur_en_tot_de_browser_sluit():
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def verlengd_voor(client, seconden: int, *, einde_over: int) -> None:
    """As if the session was last extended `seconden` ago and ends in `einde_over` seconds."""
    s = client.session
    s["_regie_verlengd"] = int(time.time()) - seconden
    s.save()
    Session.objects.filter(pk=s.session_key).update(
        expire_date=timezone.now() + timedelta(seconds=einde_over)
    )


def test_een_verzoek_schuift_het_einde_op(client, consulent):
    client.force_login(consulent)
    client.get("/werkvoorraad/")
    einde = sessie(client).expire_date
    assert abs(einde - (timezone.now() + timedelta(seconds=1800))) < timedelta(seconds=30)
    verlengd_voor(client, 61, einde_over=60)
    assert client.get("/werkvoorraad/").status_code == 200
    assert sessie(client).expire_date > timezone.now() + timedelta(seconds=1700)


def test_hoogstens_een_keer_per_minuut_geschreven(client, consulent):
    client.force_login(consulent)
    verlengd_voor(client, 10, einde_over=600)
    client.get("/werkvoorraad/")
    assert sessie(client).expire_date < timezone.now() + timedelta(seconds=601)  # not written


def test_na_de_tijd_zonder_verzoek_uitgelogd(client, consulent):
    client.force_login(consulent)
    assert client.get("/werkvoorraad/").status_code == 200
    Session.objects.filter(pk=sessie(client).pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    antwoord = client.get("/werkvoorraad/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/")


def test_de_tijd_is_instelbaar(client, consulent, settings):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(consulent)
    verlengd_voor(client, 61, einde_over=60)
    client.get("/werkvoorraad/")
    einde = sessie(client).expire_date
    assert timezone.now() + timedelta(seconds=500) < einde < timezone.now() + timedelta(seconds=601)


def test_cookie_verdwijnt_als_de_browser_sluit(client, consulent):
    client.force_login(consulent)
    antwoord = client.get("/werkvoorraad/")
    cookie = antwoord.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]

"""API tokens per user: stored as a hash, revocable, with a last-used date; the token page and
the revoke command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from regie.accounts.models import ApiToken
from regie.accounts.tokens import maak_api_token, sleutel_hash, trek_in

GEMEENTEN = "/api/v1/gemeenten"


def api(client, sleutel):
    return client.get(GEMEENTEN, HTTP_AUTHORIZATION=f"Token {sleutel}")


def test_alleen_hash_en_prefix_worden_bewaard(consulent):
    token, sleutel = maak_api_token(user=consulent, naam="Koppeling")
    assert len(sleutel) >= 40 and sleutel.startswith("regie_")
    assert token.sleutel_hash == sleutel_hash(sleutel) and len(token.sleutel_hash) == 64
    assert sleutel.startswith(token.prefix) and len(token.prefix) < 16
    assert sleutel not in {str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values()}


def test_token_werkt_en_noteert_laatst_gebruikt(client, consulent):
    token, sleutel = maak_api_token(user=consulent)
    assert token.laatst_gebruikt_op is None
    assert api(client, sleutel).status_code == 200
    token.refresh_from_db()
    assert token.laatst_gebruikt_op is not None


def test_laatst_gebruikt_hoogstens_eens_per_minuut(client, consulent, django_assert_num_queries):
    token, sleutel = maak_api_token(user=consulent)
    api(client, sleutel)
    token.refresh_from_db()
    eerste = token.laatst_gebruikt_op
    api(client, sleutel)
    token.refresh_from_db()
    assert token.laatst_gebruikt_op == eerste  # within the minute: no write
    ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=eerste - timedelta(seconds=61))
    api(client, sleutel)
    token.refresh_from_db()
    assert token.laatst_gebruikt_op > eerste


def probleem_401(antwoord) -> str:
    assert antwoord.status_code == 401
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["WWW-Authenticate"] == "Token"
    return antwoord.json()["detail"]


def test_ingetrokken_token_is_401_met_datum(client, consulent):
    token, sleutel = maak_api_token(user=consulent)
    assert trek_in([token]) == 1
    detail = probleem_401(api(client, sleutel))
    assert detail.startswith("Dit token is ingetrokken op ")
    assert timezone.localdate().strftime("%d-%m-%Y") in detail


def test_token_is_standaard_90_dagen_geldig(consulent, settings):
    token, _ = maak_api_token(user=consulent)
    assert settings.API_TOKEN_GELDIG_DAGEN == 90
    assert abs(token.verloopt_op - token.aangemaakt_op - timedelta(days=90)) < timedelta(seconds=5)
    assert token.is_actief
    settings.API_TOKEN_GELDIG_DAGEN = 7
    kort, _ = maak_api_token(user=consulent)
    assert abs(kort.verloopt_op - kort.aangemaakt_op - timedelta(days=7)) < timedelta(seconds=5)


def test_verlopen_token_is_401_met_datum(client, consulent):
    token, sleutel = maak_api_token(user=consulent)
    verlopen = timezone.now() - timedelta(minutes=1)
    ApiToken.objects.filter(pk=token.pk).update(verloopt_op=verlopen)
    detail = probleem_401(api(client, sleutel))
    assert detail.startswith("Dit token is verlopen op ")
    assert timezone.localtime(verlopen).strftime("%d-%m-%Y") in detail
    token.refresh_from_db()
    assert token.laatst_gebruikt_op is None


def test_onbekend_token_is_401(client, db):
    assert "onbekend" in probleem_401(api(client, "regie_bestaatniet"))


def test_token_in_verkeerde_vorm_is_401(client, consulent):
    _, sleutel = maak_api_token(user=consulent)
    antwoord = client.get(GEMEENTEN, HTTP_AUTHORIZATION=f"Token {sleutel} extra")
    assert "Authorization: Token <token>" in probleem_401(antwoord)


def test_token_van_inactieve_medewerker_is_401(client, consulent):
    _, sleutel = maak_api_token(user=consulent)
    consulent.is_active = False
    consulent.save()
    assert "niet actief" in probleem_401(api(client, sleutel))


def test_twee_keer_intrekken_telt_een_keer(consulent):
    token, _ = maak_api_token(user=consulent)
    assert trek_in([token]) == 1
    token.refresh_from_db()
    moment = token.ingetrokken_op
    assert trek_in([token]) == 0
    token.refresh_from_db()
    assert token.ingetrokken_op == moment


# --- the page accounts:tokens ---------------------------------------------------------------


def test_pagina_toont_alleen_eigen_tokens(client, consulent, teamleider):
    eigen, _ = maak_api_token(user=consulent, naam="Mijn koppeling")
    maak_api_token(user=teamleider, naam="Van de teamleider")
    client.force_login(consulent)
    antwoord = client.get("/account/tokens/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Mijn koppeling" in html and eigen.prefix in html and "Nog niet gebruikt" in html
    assert "Van de teamleider" not in html
    assert '<th scope="col" class="utrecht-table__header-cell">Laatst gebruikt</th>' in html
    assert f"Geldig tot {timezone.localtime(eigen.verloopt_op):%-d-%-m-%Y}" in html


def test_token_maken_toont_de_sleutel_een_keer(client, consulent):
    client.force_login(consulent)
    antwoord = client.post("/account/tokens/", {"naam": "Leerlingvolgsysteem"})
    assert antwoord.status_code == 200
    assert antwoord["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=consulent)
    html = antwoord.content.decode()
    import re

    sleutel = re.search(r'<code class="regie-geheim" id="nieuw-token">([^<]+)</code>', html).group(1)
    assert sleutel_hash(sleutel) == token.sleutel_hash
    assert token.naam == "Leerlingvolgsysteem"
    assert sleutel not in client.get("/account/tokens/").content.decode()
    assert api(client.__class__(), sleutel).status_code == 200


def test_token_zonder_naam_geeft_fout_en_maakt_niets(client, consulent):
    client.force_login(consulent)
    antwoord = client.post("/account/tokens/", {"naam": "  "})
    assert antwoord.status_code == 400
    assert "Geef het token een naam" in antwoord.content.decode()
    assert not ApiToken.objects.exists()


def test_eigen_token_intrekken(client, consulent):
    token, sleutel = maak_api_token(user=consulent, naam="Oud")
    client.force_login(consulent)
    antwoord = client.post("/account/tokens/", {"intrekken": token.pk}, follow=True)
    assert "is ingetrokken" in antwoord.content.decode()
    token.refresh_from_db()
    assert token.ingetrokken_op is not None
    assert "Ingetrokken op" in antwoord.content.decode()
    assert api(client.__class__(), sleutel).status_code == 401


@pytest.mark.parametrize("waarde", ["x", "999999"])
def test_onbekend_token_intrekken_is_404(client, consulent, waarde):
    client.force_login(consulent)
    assert client.post("/account/tokens/", {"intrekken": waarde}).status_code == 404


def test_token_van_een_ander_intrekken_is_404(client, consulent, consulent_drechtsteden):
    ander, _ = maak_api_token(user=consulent_drechtsteden)
    client.force_login(consulent)
    assert client.post("/account/tokens/", {"intrekken": ander.pk}).status_code == 404
    ander.refresh_from_db()
    assert ander.ingetrokken_op is None


def test_pagina_vraagt_inloggen(client, db):
    assert client.get("/account/tokens/")["Location"].startswith("/inloggen/")


# --- manage.py revoke_api_token -----------------------------------------------------------------


def intrekken(*args) -> str:
    uit = StringIO()
    call_command("revoke_api_token", *args, stdout=uit)
    return uit.getvalue()


def test_commando_trekt_een_token_in_op_prefix(consulent):
    een, _ = maak_api_token(user=consulent)
    twee, _ = maak_api_token(user=consulent)
    assert (
        intrekken(consulent.username, "--prefix", een.prefix)
        == "1 token(s) van 'consulent.dronten' ingetrokken.\n"
    )
    een.refresh_from_db()
    twee.refresh_from_db()
    assert een.ingetrokken_op and not twee.ingetrokken_op


def test_commando_alle_tokens(consulent, teamleider):
    maak_api_token(user=consulent)
    maak_api_token(user=consulent)
    ander, _ = maak_api_token(user=teamleider)
    assert intrekken(consulent.username, "--alle").startswith("2 token(s)")
    assert not ApiToken.objects.filter(user=consulent, ingetrokken_op__isnull=True).exists()
    ander.refresh_from_db()
    assert ander.ingetrokken_op is None


def test_commando_weigert_zonder_keuze_of_met_onbekende_prefix(consulent):
    maak_api_token(user=consulent)
    with pytest.raises(CommandError):
        intrekken(consulent.username)
    with pytest.raises(CommandError, match="geen actief token dat begint met 'regie_zzzz'"):
        intrekken(consulent.username, "--prefix", "regie_zzzz")
    with pytest.raises(CommandError, match="Er is geen medewerker"):
        intrekken("niemand", "--alle")
    assert not ApiToken.objects.filter(ingetrokken_op__isnull=False).exists()

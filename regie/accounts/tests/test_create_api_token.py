from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token


def token_van(username: str) -> str:
    uit = StringIO()
    call_command("create_api_token", username, stdout=uit)
    return uit.getvalue()


def test_maakt_token_en_toont_alleen_de_sleutel(consulent):
    uitvoer = token_van(consulent.username)
    assert uitvoer == Token.objects.get(user=consulent).key + "\n"


def test_geeft_het_bestaande_token_terug(consulent):
    assert token_van(consulent.username) == token_van(consulent.username)
    assert Token.objects.filter(user=consulent).count() == 1


def test_token_werkt_voor_de_api(client, consulent, inburgeraar):
    sleutel = token_van(consulent.username).strip()
    antwoord = client.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}", HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert antwoord.status_code == 200


def test_onbekende_gebruiker_geeft_nederlandse_fout(db):
    with pytest.raises(CommandError, match="Er is geen medewerker met gebruikersnaam 'niemand'"):
        token_van("niemand")
    assert not Token.objects.exists()


def test_inactieve_gebruiker_krijgt_geen_token(consulent):
    consulent.is_active = False
    consulent.save()
    with pytest.raises(CommandError, match="niet actief"):
        token_van(consulent.username)
    assert not Token.objects.exists()

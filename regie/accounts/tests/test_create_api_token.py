from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from regie.accounts.models import ApiToken
from regie.accounts.tokens import sleutel_hash


def token_van(username: str, *args) -> str:
    uit = StringIO()
    call_command("create_api_token", username, *args, stdout=uit)
    return uit.getvalue()


def test_maakt_token_en_toont_alleen_de_sleutel(consulent):
    uitvoer = token_van(consulent.username)
    sleutel = uitvoer.removesuffix("\n")
    assert "\n" not in sleutel and sleutel.startswith("regie_")
    token = ApiToken.objects.get(user=consulent)
    assert token.sleutel_hash == sleutel_hash(sleutel)
    assert sleutel.startswith(token.prefix)
    assert token.naam == "Gemaakt met create_api_token"


def test_de_sleutel_zelf_wordt_niet_bewaard(consulent):
    sleutel = token_van(consulent.username).strip()
    rij = ApiToken.objects.filter(user=consulent).values().get()
    assert sleutel not in {str(waarde) for waarde in rij.values()}


def test_elke_keer_een_nieuw_token_met_naam(consulent):
    eerste = token_van(consulent.username)
    tweede = token_van(consulent.username, "--naam", "Koppeling LVS")
    assert eerste != tweede
    assert ApiToken.objects.filter(user=consulent).count() == 2
    assert ApiToken.objects.filter(user=consulent, naam="Koppeling LVS").exists()


def test_token_werkt_voor_de_api(client, consulent, inburgeraar):
    sleutel = token_van(consulent.username).strip()
    antwoord = client.get(f"/api/v1/inburgeraars/{inburgeraar.uuid}", HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert antwoord.status_code == 200


def test_onbekende_gebruiker_geeft_nederlandse_fout(db):
    with pytest.raises(CommandError, match="Er is geen medewerker met gebruikersnaam 'niemand'"):
        token_van("niemand")
    assert not ApiToken.objects.exists()


def test_inactieve_gebruiker_krijgt_geen_token(consulent):
    consulent.is_active = False
    consulent.save()
    with pytest.raises(CommandError, match="niet actief"):
        token_van(consulent.username)
    assert not ApiToken.objects.exists()

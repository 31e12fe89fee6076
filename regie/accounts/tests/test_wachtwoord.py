"""Password rules (at least 12 characters and Django's checks), in plain Dutch on the page
where a user changes the password."""

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError

from regie.demo.factories import DEMO_WACHTWOORD

NIEUW = "Fiets-regen-koffie-42"


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("Kort-1a", "Dit wachtwoord is te kort. Gebruik minstens 12 tekens."),
        ("123456789012", "Dit wachtwoord heeft alleen cijfers. Gebruik ook letters."),
        ("qwerty123456", "Dit wachtwoord gebruiken veel mensen."),
        ("consulent.dronten", "Dit wachtwoord lijkt te veel op uw gebruikersnaam."),
    ],
)
def test_regels_in_het_nederlands(consulent, wachtwoord, melding):
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord, user=consulent)
    assert any(m.startswith(melding) for m in fout.value.messages), fout.value.messages


def test_goed_wachtwoord_mag(consulent):
    validate_password(NIEUW, user=consulent)


def test_pagina_toont_de_regels(client, consulent):
    client.force_login(consulent)
    html = client.get("/account/wachtwoord/").content.decode()
    assert "Regels voor een nieuw wachtwoord" in html
    for regel in password_validators_help_texts():
        assert regel in html
    assert "Gebruik minstens 12 tekens." in html
    assert '<label class="utrecht-form-label" for="id_old_password">Huidig wachtwoord</label>' in html


def test_te_kort_wachtwoord_geeft_fout_en_verandert_niets(client, consulent):
    client.force_login(consulent)
    antwoord = client.post(
        "/account/wachtwoord/",
        {"old_password": DEMO_WACHTWOORD, "new_password1": "kort", "new_password2": "kort"},
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Uw wachtwoord is niet gewijzigd." in html
    assert "Dit wachtwoord is te kort. Gebruik minstens 12 tekens." in html
    assert 'aria-invalid="true"' in html
    consulent.refresh_from_db()
    assert consulent.check_password(DEMO_WACHTWOORD)


def test_verkeerd_huidig_wachtwoord(client, consulent):
    client.force_login(consulent)
    antwoord = client.post(
        "/account/wachtwoord/", {"old_password": "fout", "new_password1": NIEUW, "new_password2": NIEUW}
    )
    assert "Uw huidige wachtwoord klopt niet." in antwoord.content.decode()


def test_wachtwoord_wijzigen_en_ingelogd_blijven(client, consulent):
    client.force_login(consulent)
    antwoord = client.post(
        "/account/wachtwoord/",
        {"old_password": DEMO_WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW},
        follow=True,
    )
    assert "Uw wachtwoord is gewijzigd." in antwoord.content.decode()
    consulent.refresh_from_db()
    assert consulent.check_password(NIEUW)
    assert client.get("/werkvoorraad/").status_code == 200  # still logged in, second step too


def test_wie_via_de_organisatie_inlogt_heeft_geen_wachtwoord(client, consulent):
    consulent.set_unusable_password()
    consulent.save()
    client.force_login(consulent)
    html = client.get("/account/wachtwoord/").content.decode()
    assert "U logt in via uw organisatie" in html
    assert 'name="new_password1"' not in html

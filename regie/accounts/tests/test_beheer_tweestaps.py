"""The functioneel beheerder lets a user set up the authenticator app again (new or lost phone),
only for users of the own organisation."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import Rol
from regie.accounts.tests.helpers import apparaat_van
from regie.demo.factories import UserFactory


def test_beheerder_laat_de_app_opnieuw_instellen(client, consulent, consulent_drechtsteden, dronten):
    beheerder = UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )
    apparaat_van(consulent)
    apparaat_van(consulent_drechtsteden)
    collega = client.__class__()
    collega.force_login(consulent)
    assert collega.get("/werkvoorraad/").status_code == 200

    client.force_login(beheerder)
    antwoord = client.post(
        "/beheer/accounts/user/",
        {"action": "tweestaps_opnieuw", "_selected_action": [consulent.pk, consulent_drechtsteden.pk]},
        follow=True,
    )
    assert antwoord.status_code == 200
    assert "opnieuw in" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(user=consulent).exists()
    # A user of another organisation is not in the beheerder's list: untouched.
    assert TOTPDevice.objects.filter(user=consulent_drechtsteden).exists()
    # The consultant's open session is gone: log in again (password, then set up the app).
    antwoord = collega.get("/werkvoorraad/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/?")

"""Demo accounts get a confirmed TOTP device with a secret derived from the username (demo only)."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.demo.opbouw import demo_gebruikers
from regie.demo.tweestaps import demo_totp_sleutel, demo_tweestaps_instellen


def test_sleutel_vast_per_gebruikersnaam():
    assert demo_totp_sleutel("consulent.dronten") == demo_totp_sleutel("consulent.dronten")
    assert demo_totp_sleutel("consulent.dronten") != demo_totp_sleutel("teamleider.dronten")
    assert len(bytes.fromhex(demo_totp_sleutel("x"))) == 20


def test_elke_demo_gebruiker_een_bevestigd_apparaat(consulent, teamleider):
    assert demo_tweestaps_instellen(demo_gebruikers()) == 2
    apparaat = TOTPDevice.objects.get(user=consulent)
    assert apparaat.confirmed and apparaat.key == demo_totp_sleutel("consulent.dronten")
    assert demo_tweestaps_instellen(demo_gebruikers()) == 0  # a second run adds nothing
    assert TOTPDevice.objects.count() == 2

"""Fixtures shared by all tests. Data comes from the demo generator's factories."""

import pytest
from django.test.client import ClientMixin

from regie.aanbieders.factories import AanbiederFactory
from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.demo.organisaties import maak_organisaties
from regie.organisaties.models import Gemeente

_FORCE_LOGIN = ClientMixin.force_login


def _force_login_met_tweede_stap(self, user, backend=None):
    """Django's force_login, plus the second log-in step (a TOTP device in the session), as if
    the user also gave a code: every page asks for it (regie.accounts.middleware)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _FORCE_LOGIN(self, user, backend)
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test", confirmed=True
    )
    sessie = self.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()


@pytest.fixture(autouse=True)
def _verwerkingslog_vergeet_uuids():
    """A test's database is rolled back, also after it ran its on-commit callbacks: the uuids the
    processing log saw stored (regie.verwerkingslog.log) are gone with it."""
    yield
    from regie.verwerkingslog.log import vergeet_bewaarde_uuids

    vergeet_bewaarde_uuids()


@pytest.fixture(autouse=True)
def _tweede_stap_bij_force_login(monkeypatch):
    """`client.force_login(user)` logs in with both steps (password and TOTP code)."""
    monkeypatch.setattr(ClientMixin, "force_login", _force_login_met_tweede_stap)


@pytest.fixture
def alleen_wachtwoord(monkeypatch):
    """`client.force_login(user)` as after the password step only, without the code."""
    monkeypatch.setattr(ClientMixin, "force_login", _FORCE_LOGIN)


@pytest.fixture
def organisaties(db):
    return maak_organisaties()


@pytest.fixture
def dronten(organisaties):
    return Gemeente.objects.get(cbs_code="0303")


@pytest.fixture
def dordrecht(organisaties):
    return Gemeente.objects.get(cbs_code="0505")


@pytest.fixture
def consulent(dronten):
    return UserFactory(username="consulent.dronten", organisatie=dronten.organisatie, rol=Rol.CONSULENT)


@pytest.fixture
def teamleider(dronten):
    return UserFactory(username="teamleider.dronten", organisatie=dronten.organisatie, rol=Rol.TEAMLEIDER)


@pytest.fixture
def consulent_drechtsteden(dordrecht):
    return UserFactory(
        username="consulent.drechtsteden", organisatie=dordrecht.organisatie, rol=Rol.CONSULENT
    )


@pytest.fixture
def inburgeraar(dronten, consulent):
    return InburgeraarFactory(gemeente=dronten, consulent=consulent)


# Two providers of Dronten, each with an employee (role aanbieder): the referral and report tests
# of trajecten and voortgang share them. An app's own conftest may override one (e.g. duo gives the
# school a DUO instellingsnummer).
@pytest.fixture
def taalschool(dronten):
    return AanbiederFactory(organisatie=dronten.organisatie, naam="Taalschool Flevoland")


@pytest.fixture
def medewerker_taalschool(dronten, taalschool):
    return UserFactory(
        username="docent.taalschool", organisatie=dronten.organisatie, rol=Rol.AANBIEDER, aanbieder=taalschool
    )


@pytest.fixture
def andere_aanbieder(dronten):
    return AanbiederFactory(organisatie=dronten.organisatie, naam="Vluchtelingenwerk Flevoland")


@pytest.fixture
def medewerker_andere_aanbieder(dronten, andere_aanbieder):
    return UserFactory(
        username="medewerker.vwn",
        organisatie=dronten.organisatie,
        rol=Rol.AANBIEDER,
        aanbieder=andere_aanbieder,
    )


@pytest.fixture(scope="session")
def _duo_simulator_server():
    """One DUO simulator per test session (per xdist worker), on a free port in a thread."""
    from duo_simulator import Simulator, Toestand
    from duo_simulator.app import routes
    from duo_simulator.server import start_in_thread

    routes()  # read DUO's specs now, not inside the first request (a client's time-out)
    simulator = Simulator(Toestand())
    server, basis = start_in_thread(simulator)
    yield simulator, basis
    server.shutdown()
    server.server_close()


@pytest.fixture
def duo_simulator(_duo_simulator_server, settings):
    """The DUO simulator with an empty state, and settings.DUO_BASE_URL pointing at it.
    Helpers: personen_toevoegen([...]), persoon_toevoegen(bsn, ...), gebeurtenis(bsn, code,
    notificeer=False), ontvangen(), notificaties(), storing(status, aantal); see
    duo_simulator/testen.py."""
    from duo_simulator.testen import DuoSimulatorHulp

    simulator, basis = _duo_simulator_server
    simulator.toestand.reset()
    simulator.duo_oin = settings.DUO_OIN
    # notifications are signed (X-Duo-Signature) with the secret Regie checks
    if not getattr(settings, "DUO_NOTIFICATIE_SECRET", ""):
        settings.DUO_NOTIFICATIE_SECRET = "test-geheim-duo-simulator"
    simulator.geheim = settings.DUO_NOTIFICATIE_SECRET
    settings.DUO_BASE_URL = basis + "/v1"
    yield DuoSimulatorHulp(simulator, basis)
    simulator.toestand.reset()


@pytest.fixture(scope="session")
def _duo_simulator_pki(tmp_path_factory):
    from duo_simulator.testen import maak_pki

    return maak_pki(tmp_path_factory.mktemp("duo-pki"))


@pytest.fixture
def duo_simulator_tls(duo_simulator, _duo_simulator_pki, settings):
    """The same simulator (state, helpers) also over HTTPS that demands a client certificate
    (mutual TLS); settings.DUO_BASE_URL, DUO_CLIENT_CERT, DUO_CLIENT_KEY and DUO_CA_BUNDLE point
    at it and at a test PKI (`.pki`: paths of ca, server, server_key, client, client_key)."""
    from duo_simulator.server import start_in_thread, tls_context
    from duo_simulator.testen import DuoSimulatorHulp

    pki = _duo_simulator_pki
    server, basis = start_in_thread(
        duo_simulator.sim, tls=tls_context(pki["server"], pki["server_key"], pki["ca"])
    )
    settings.DUO_BASE_URL = basis + "/v1"
    settings.DUO_CLIENT_CERT, settings.DUO_CLIENT_KEY = pki["client"], pki["client_key"]
    settings.DUO_CA_BUNDLE = pki["ca"]
    hulp = DuoSimulatorHulp(duo_simulator.sim, basis)
    hulp.pki = pki
    yield hulp
    server.shutdown()
    server.server_close()

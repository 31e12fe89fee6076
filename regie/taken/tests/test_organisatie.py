"""The page 'Achtergrondtaken' shows a functioneel beheerder the tasks of the own organisation only
(issue 9): counts, lists and retrying. Tasks without an organisation are for a superuser."""

import pytest
from django.urls import reverse
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.duo.inkomend.services import notificatie_ontvangen
from regie.taken.models import HerhaaldeTaak, TaakOrganisatie
from regie.taken.werk import werk_taken_af
from regie.verwerkingslog.context import systeemcontext
from regie.verwerkingslog.models import Actie, Verwerking

pytestmark = pytest.mark.django_db


@task()
def mislukt_altijd(nummer: int) -> None:
    raise RuntimeError(f"mislukt {nummer}")


@pytest.fixture
def beheerder(dronten):
    return UserFactory(
        username="beheer.dronten", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


@pytest.fixture
def beheerder_drechtsteden(dordrecht):
    return UserFactory(
        username="beheer.drechtsteden", organisatie=dordrecht.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


def mislukte_taak(namens, nummer: int) -> DBTaskResult:
    """A failed task, enqueued while acting for `namens` (a user; None: installation-wide)."""
    with systeemcontext(gebruiker=namens):
        resultaat = mislukt_altijd.enqueue(nummer)
    werk_taken_af()
    return DBTaskResult.objects.get(id=resultaat.id)


def test_de_organisatie_van_een_taak_wordt_bij_het_inplannen_vastgelegd(dronten, beheerder):
    eigen = mislukte_taak(beheerder, 1)
    assert TaakOrganisatie.objects.get(taak=eigen).organisatie == dronten.organisatie
    # A DUO notice is received without a user: its task belongs to the municipality's organisation.
    notificatie, _ = notificatie_ontvangen(
        bericht_id="0b6c8e0e-6b0a-4a8e-9d7c-3f0f6b9d2a11",
        bron="00000001800866472000",
        doel=dronten.oin,
        gemeente=dronten,
        body={"registratieDatumTijd": "2026-11-20T10:00:00Z", "bsn": "111222333", "gebeurtenisId": "SS101"},
    )
    taak = DBTaskResult.objects.get(task_path__endswith="verwerk_notificatie")
    assert TaakOrganisatie.objects.get(taak=taak).organisatie == dronten.organisatie


def test_beheerder_ziet_alleen_taken_van_de_eigen_organisatie(client, beheerder, beheerder_drechtsteden):
    eigen = mislukte_taak(beheerder, 1)
    ander = mislukte_taak(beheerder_drechtsteden, 2)
    installatie = mislukte_taak(None, 3)
    client.force_login(beheerder)
    antwoord = client.get(reverse("taken:overzicht"))
    tekst = antwoord.content.decode()
    assert str(eigen.id) in tekst
    assert str(ander.id) not in tekst and str(installatie.id) not in tekst
    assert dict(antwoord.context["aantallen"])["Mislukt"] == 1


def test_een_taak_van_een_andere_organisatie_opnieuw_proberen_is_404_en_gelogd(
    client, beheerder, beheerder_drechtsteden
):
    ander = mislukte_taak(beheerder_drechtsteden, 2)
    client.force_login(beheerder)
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": str(ander.id)})
    assert antwoord.status_code == 404
    assert not HerhaaldeTaak.objects.exists()
    assert DBTaskResult.objects.count() == 1
    regel = Verwerking.objects.get(actie=Actie.GEWEIGERD, gebruiker=beheerder)
    assert regel.object_id == str(ander.id)


def test_opnieuw_geprobeerde_taak_blijft_van_dezelfde_organisatie(client, beheerder, dronten):
    eigen = mislukte_taak(beheerder, 1)
    client.force_login(beheerder)
    client.post(reverse("taken:opnieuw"), {"taak": str(eigen.id)})
    herhaald = HerhaaldeTaak.objects.get()
    assert TaakOrganisatie.objects.get(taak_id=herhaald.nieuw_id).organisatie == dronten.organisatie


def test_superuser_ziet_ook_taken_zonder_organisatie(client, dronten, beheerder_drechtsteden):
    superuser = UserFactory(
        username="su", organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER, is_superuser=True
    )
    installatie = mislukte_taak(None, 3)
    ander = mislukte_taak(beheerder_drechtsteden, 2)
    client.force_login(superuser)
    tekst = client.get(reverse("taken:overzicht")).content.decode()
    assert str(installatie.id) in tekst and str(ander.id) in tekst
    client.post(reverse("taken:opnieuw"), {"taak": str(installatie.id)})
    nieuw = HerhaaldeTaak.objects.get().nieuw_id
    assert not TaakOrganisatie.objects.filter(taak_id=nieuw).exists()  # still installation-wide


def test_elke_taak_van_regie_hoort_bij_een_organisatie_of_bij_de_hele_installatie():
    """A new @task must say how its organisation is found (regie/taken/organisatie.py)."""
    import ast
    from pathlib import Path

    from regie.taken.organisatie import INSTALLATIEBREED, VAN_EERSTE_ARGUMENT

    root = Path(__file__).resolve().parents[3]
    gevonden = set()
    for bestand in (root / "regie").rglob("*.py"):
        if "tests" in bestand.parts:
            continue
        for knoop in ast.walk(ast.parse(bestand.read_text())):
            if isinstance(knoop, ast.FunctionDef) and any(
                (isinstance(d, ast.Call) and getattr(d.func, "id", "") == "task")
                or getattr(d, "id", "") == "task"
                for d in knoop.decorator_list
            ):
                module = ".".join(bestand.relative_to(root).with_suffix("").parts)
                gevonden.add(f"{module}.{knoop.name}")
    assert gevonden, "geen taken gevonden: zoekt de test wel goed?"
    assert gevonden <= set(VAN_EERSTE_ARGUMENT) | INSTALLATIEBREED, gevonden - set(VAN_EERSTE_ARGUMENT)
    assert set(VAN_EERSTE_ARGUMENT) <= gevonden, "VAN_EERSTE_ARGUMENT noemt een taak die niet bestaat"

"""The page 'Achtergrondtaken' for the functioneel beheerder: counts, waiting/running/failed
tasks without personal data, and retrying a failed task with the same arguments."""

import pytest
from django.urls import reverse
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from regie.accounts.models import Rol
from regie.demo.factories import UserFactory
from regie.taken.models import HerhaaldeTaak, TaakOrganisatie
from regie.taken.selectors import fout_samenvatting, veilig
from regie.taken.werk import werk_taken_af
from regie.verwerkingslog.context import systeemcontext

POGINGEN = []


@task(queue_name="duo")
def wankel(nummer: int, *, tekst: str) -> str:
    POGINGEN.append((nummer, tekst))
    if len(POGINGEN) == 1:
        raise RuntimeError("DUO kende BSN 123456782 van 'Fatima de Vries' (f.devries@example.nl) niet")
    return "gelukt"


@pytest.fixture
def beheerder(dronten):
    # Fixed names: a random Faker name such as "Fatima" in the page header is not a leak of the task.
    return UserFactory(
        organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER, first_name="Bea", last_name="Beheer"
    )


@pytest.fixture
def mislukt(beheerder):
    """A failed task of Dronten (enqueued for Dronten's beheerder: regie.taken.organisatie)."""
    POGINGEN.clear()
    with systeemcontext(gebruiker=beheerder):
        resultaat = wankel.enqueue(7, tekst="x")
    werk_taken_af()
    return DBTaskResult.objects.get(id=resultaat.id)


def test_foutregel_zonder_persoonsgegevens():
    assert (
        veilig("Fout bij 'Jan Jansen', BSN 123456782, jan@example.nl")
        == "Fout bij ‘…’, BSN [getal], [e-mailadres]"
    )
    laatste, plaats = fout_samenvatting(
        'Traceback (most recent call last):\n  File "/srv/regie/regie/duo/taken.py", line 42, in verstuur\n'
        "    raise DuoStoring(x)\nregie.duo.client.DuoStoring: 503 van DUO\n"
    )
    assert laatste == "regie.duo.client.DuoStoring: 503 van DUO"
    assert plaats == "regie/duo/taken.py:42 in verstuur"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "status"),
    [
        (Rol.FUNCTIONEEL_BEHEERDER, 200),
        (Rol.TEAMLEIDER, 403),
        (Rol.CONSULENT, 403),
        (Rol.PRIVACY_OFFICER, 403),
    ],
)
def test_pagina_en_opnieuw_proberen_per_rol(client, dronten, mislukt, rol, status):
    client.force_login(UserFactory(organisatie=dronten.organisatie, rol=rol))
    assert client.get(reverse("taken:overzicht")).status_code == status
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": str(mislukt.id)})
    assert antwoord.status_code == (302 if status == 200 else 403)
    assert HerhaaldeTaak.objects.count() == (1 if status == 200 else 0)


@pytest.mark.django_db
def test_mislukte_taak_zichtbaar_zonder_persoonsgegevens(client, beheerder, mislukt):
    client.force_login(beheerder)
    wachtend = wankel.enqueue(8, tekst="y")
    tekst = client.get(reverse("taken:overzicht")).content.decode()
    assert "regie.taken.tests.test_achtergrondtaken.wankel" in tekst
    assert "builtins.RuntimeError" in tekst
    assert "RuntimeError: DUO kende BSN [getal] van ‘…’ ([e-mailadres]) niet" in tekst
    assert "test_achtergrondtaken.py:" in tekst and "in wankel" in tekst
    assert "123456782" not in tekst and "Fatima" not in tekst and "example.nl" not in tekst
    assert "Opnieuw proberen" in tekst
    assert str(wachtend.id) not in tekst  # waiting tasks: no ids or arguments needed
    assert ">duo<" in tekst


@pytest.mark.django_db
def test_opnieuw_proberen_met_dezelfde_argumenten_en_het_origineel_blijft(client, beheerder, mislukt):
    client.force_login(beheerder)
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": str(mislukt.id)}, follow=True)
    tekst = antwoord.content.decode()
    assert "De taak is opnieuw in de wachtrij gezet" in tekst and "De mislukte taak blijft" in tekst
    herhaald = HerhaaldeTaak.objects.get()
    assert herhaald.origineel_id == mislukt.id and herhaald.door == beheerder
    nieuw = DBTaskResult.objects.get(id=herhaald.nieuw_id)
    assert nieuw.status == "READY" and nieuw.queue_name == "duo"
    assert nieuw.args_kwargs == mislukt.args_kwargs
    mislukt.refresh_from_db()
    assert mislukt.status == "FAILED"
    assert "Opnieuw geprobeerd op" in tekst

    werk_taken_af()
    nieuw.refresh_from_db()
    assert nieuw.status == "SUCCESSFUL" and POGINGEN == [(7, "x"), (7, "x")]

    tweede = client.post(reverse("taken:opnieuw"), {"taak": str(mislukt.id)}, follow=True)
    assert "Deze taak is al opnieuw geprobeerd" in tweede.content.decode()
    assert HerhaaldeTaak.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("waarde", ["", "geen-uuid", "00000000-0000-0000-0000-000000000000"])
def test_opnieuw_proberen_van_een_onbekende_taak_is_404(client, beheerder, waarde):
    client.force_login(beheerder)
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": waarde})
    assert antwoord.status_code == 404
    assert "bestaat niet, of u heeft er geen toegang toe" in antwoord.content.decode()
    assert not HerhaaldeTaak.objects.exists()


@pytest.mark.django_db
def test_alleen_een_mislukte_taak_opnieuw(client, beheerder):
    with systeemcontext(gebruiker=beheerder):
        wachtend = wankel.enqueue(1, tekst="z")
    client.force_login(beheerder)
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": str(wachtend.id)}, follow=True)
    assert "Alleen een mislukte taak kunt u opnieuw laten proberen." in antwoord.content.decode()
    assert not HerhaaldeTaak.objects.exists()


@pytest.mark.django_db
def test_taak_die_niet_meer_bestaat(client, beheerder):
    from django.utils import timezone

    rij = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="regie.bestaat.niet",
        backend_name="default",
        run_after=timezone.now(),
        status="FAILED",
    )
    TaakOrganisatie.objects.create(taak=rij, organisatie=beheerder.organisatie)
    client.force_login(beheerder)
    antwoord = client.post(reverse("taken:opnieuw"), {"taak": str(rij.id)}, follow=True)
    assert "bestaat niet meer in deze versie van Regie" in antwoord.content.decode()

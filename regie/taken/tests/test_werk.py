import pytest
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from regie.taken.werk import werk_taken_af

UITGEVOERD = []


@task()
def noteer(waarde: str) -> str:
    UITGEVOERD.append(waarde)
    return waarde.upper()


@pytest.mark.django_db
def test_een_taak_in_de_database_wordt_uitgevoerd():
    resultaat = noteer.enqueue("a")
    assert DBTaskResult.objects.get(id=resultaat.id).status == "READY"
    werk_taken_af()
    resultaat.refresh()
    assert UITGEVOERD == ["a"]
    assert resultaat.return_value == "A"

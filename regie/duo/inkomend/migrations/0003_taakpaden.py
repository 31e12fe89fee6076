"""The DUO code moved into one package (regie/duo): background tasks still in the queue, and the
finished ones shown on 'Achtergrondtaken', keep naming the old module paths. They get the new ones,
so a worker of this version finds the function (django-tasks imports `task_path`). Backwards the
old paths come back."""

from django.db import migrations

PADEN = {
    "regie.duo.berichten.verstuur_bericht": "regie.duo.uitgaand.berichten.verstuur_bericht",
    "regie.notificaties.services.verwerk_notificatie": "regie.duo.inkomend.services.verwerk_notificatie",
    "regie.notificaties.services.verwerk_gekoppeld": "regie.duo.inkomend.services.verwerk_gekoppeld",
    "regie.notificaties.afstemming.afstemming_uitvoeren": "regie.duo.inkomend.afstemming.afstemming_uitvoeren",
}


def _hernoem(apps, paden):
    taak = apps.get_model("django_tasks_database", "DBTaskResult")
    for oud, nieuw in paden.items():
        taak.objects.filter(task_path=oud).update(task_path=nieuw)


def vooruit(apps, schema_editor):
    _hernoem(apps, PADEN)


def terug(apps, schema_editor):
    _hernoem(apps, {nieuw: oud for oud, nieuw in PADEN.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("notificaties", "0002_geweigerde_melding"),
        ("duo", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]

"""The organisation of each background task (regie.taken.organisatie). Tasks already in the queue
get theirs from their first argument where Regie knows how; the others count as
installation-wide (only a superuser sees them)."""

import django.db.models.deletion
from django.db import migrations, models

# A copy of regie.taken.organisatie.VAN_EERSTE_ARGUMENT as it was: a migration does not follow the code.
VAN_EERSTE_ARGUMENT = {
    "regie.duo.berichten.verstuur_bericht": ("duo.UitgaandBericht", "gemeente__organisatie_id"),
    "regie.notificaties.services.verwerk_notificatie": ("notificaties.Notificatie", "gemeente__organisatie_id"),
    "regie.notificaties.services.verwerk_gekoppeld": ("notificaties.Notificatie", "gemeente__organisatie_id"),
    "regie.notificaties.afstemming.afstemming_uitvoeren": ("notificaties.Afstemming", "organisatie_id"),
}


def bestaande_taken(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    TaakOrganisatie = apps.get_model("taken", "TaakOrganisatie")
    for taak in DBTaskResult.objects.filter(task_path__in=list(VAN_EERSTE_ARGUMENT)).only("id", "task_path", "args_kwargs"):
        args = (taak.args_kwargs or {}).get("args") or []
        if not args:
            continue
        model, pad = VAN_EERSTE_ARGUMENT[taak.task_path]
        organisatie_id = apps.get_model(model).objects.filter(pk=args[0]).values_list(pad, flat=True).first()
        if organisatie_id is not None:
            TaakOrganisatie.objects.create(taak_id=taak.id, organisatie_id=organisatie_id)


class Migration(migrations.Migration):

    dependencies = [
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
        ('organisaties', '0002_gemeente_oin'),
        ('taken', '0001_initial'),
        ('duo', '0001_initial'),
        ('notificaties', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='TaakOrganisatie',
            fields=[
                ('taak', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='regie_organisatie', serialize=False, to='django_tasks_database.dbtaskresult')),
                ('organisatie', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisaties.organisatie')),
            ],
            options={
                'verbose_name': 'organisatie van een taak',
                'verbose_name_plural': 'organisaties van taken',
            },
        ),
        migrations.RunPython(bestaande_taken, migrations.RunPython.noop),
    ]

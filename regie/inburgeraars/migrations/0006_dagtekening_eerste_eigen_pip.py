from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def vullen(apps, schema_editor):
    """The first own PIP's dagtekening of the cases that exist, from their PIPs (one UPDATE). The stored
    deadlines were computed from the same dagtekening (0005), so they stay as they are."""
    Inburgeraar = apps.get_model("inburgeraars", "Inburgeraar")
    Pip = apps.get_model("pip", "Pip")
    eerste = Pip.objects.filter(inburgeraar=OuterRef("pk")).order_by("dagtekening").values("dagtekening")[:1]
    Inburgeraar.objects.update(dagtekening_eerste_eigen_pip=Subquery(eerste))


class Migration(migrations.Migration):
    dependencies = [
        ("inburgeraars", "0005_opgeslagen_termijnen"),
        ("pip", "0002_afschalen_grond_en_waarschuwingen"),
    ]

    operations = [
        migrations.AddField(
            model_name="inburgeraar",
            name="dagtekening_eerste_eigen_pip",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="dagtekening eerste PIP (deze gemeente)"
            ),
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]

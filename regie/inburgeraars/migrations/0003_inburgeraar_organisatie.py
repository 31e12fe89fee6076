"""Every case stores the organisation of its municipality (filled here), so that the database can
hold the BSN unique per organisation (0004). Two migrations: PostgreSQL refuses SET NOT NULL in the
transaction that just updated the foreign key."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def organisatie_van_de_gemeente(apps, schema_editor):
    Inburgeraar = apps.get_model("inburgeraars", "Inburgeraar")
    Gemeente = apps.get_model("organisaties", "Gemeente")
    Inburgeraar.objects.update(
        organisatie_id=Subquery(Gemeente.objects.filter(pk=OuterRef("gemeente_id")).values("organisatie_id")[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ('inburgeraars', '0002_duo_plicht_en_verlenging'),
        ('organisaties', '0003_gemeente_oin_uniek'),
    ]

    operations = [
        migrations.AddField(
            model_name='inburgeraar',
            name='organisatie',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisaties.organisatie'),
        ),
        migrations.RunPython(organisatie_van_de_gemeente, migrations.RunPython.noop),
    ]

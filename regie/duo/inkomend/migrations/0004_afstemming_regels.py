"""A reconciliation run's result moves from one JSON list (`Afstemming.resultaat`) to a row per person
(`AfstemmingRegel`), so the page reads one page of rows from the database. The stored runs are
copied (persons whose case is gone are left out, as the page left them out); backwards the list is
rebuilt from the rows."""

import django.db.models.deletion
from django.db import migrations, models


def naar_regels(apps, schema_editor):
    Afstemming = apps.get_model("notificaties", "Afstemming")
    AfstemmingRegel = apps.get_model("notificaties", "AfstemmingRegel")
    Inburgeraar = apps.get_model("inburgeraars", "Inburgeraar")
    for afstemming in Afstemming.objects.exclude(resultaat=[]).iterator():
        bestaand = set(
            Inburgeraar.objects.filter(pk__in=[r["inburgeraar"] for r in afstemming.resultaat]).values_list(
                "pk", flat=True
            )
        )
        AfstemmingRegel.objects.bulk_create(
            AfstemmingRegel(
                afstemming=afstemming,
                inburgeraar_id=r["inburgeraar"],
                verschillen=r.get("verschillen") or [],
                fout=r.get("fout") or "",
            )
            for r in afstemming.resultaat
            if r["inburgeraar"] in bestaand
        )


def naar_lijst(apps, schema_editor):
    Afstemming = apps.get_model("notificaties", "Afstemming")
    AfstemmingRegel = apps.get_model("notificaties", "AfstemmingRegel")
    for afstemming in Afstemming.objects.iterator():
        afstemming.resultaat = [
            {"inburgeraar": r.inburgeraar_id, "verschillen": r.verschillen, "fout": r.fout}
            for r in AfstemmingRegel.objects.filter(afstemming=afstemming).order_by("id")
        ]
        afstemming.save(update_fields=["resultaat"])


class Migration(migrations.Migration):
    dependencies = [
        ("inburgeraars", "0005_opgeslagen_termijnen"),
        ("notificaties", "0003_taakpaden"),
    ]

    operations = [
        migrations.CreateModel(
            name="AfstemmingRegel",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("verschillen", models.JSONField(default=list)),
                ("fout", models.TextField(blank=True)),
                (
                    "afstemming",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="regels",
                        to="notificaties.afstemming",
                    ),
                ),
                (
                    "inburgeraar",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="inburgeraars.inburgeraar"
                    ),
                ),
            ],
            options={"ordering": ["id"]},
        ),
        migrations.RunPython(naar_regels, naar_lijst),
        migrations.RemoveField(model_name="afstemming", name="resultaat"),
    ]

"""API tokens expire. A token made before this migration gets 90 days from when it was made (so
one older than that no longer works: make a new one on the page 'API-tokens')."""

from datetime import timedelta

from django.db import migrations, models


def geldig_tot(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.filter(verloopt_op__isnull=True).only("pk", "aangemaakt_op"):
        ApiToken.objects.filter(pk=token.pk).update(verloopt_op=token.aangemaakt_op + timedelta(days=90))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_aanbieder"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="verloopt_op",
            field=models.DateTimeField(null=True, help_text="Na dit moment werkt het token niet meer."),
        ),
        migrations.RunPython(geldig_tot, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="verloopt_op",
            field=models.DateTimeField(help_text="Na dit moment werkt het token niet meer."),
        ),
    ]

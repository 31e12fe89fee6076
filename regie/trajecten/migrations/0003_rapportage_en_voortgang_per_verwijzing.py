from datetime import date, datetime, timezone

from django.db import migrations, models
from django.db.models import DateField, DateTimeField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

RAPPORTEN = ("Weekrapportage", "Voortgangsmeting", "Examenpoging", "Onderdeelresultaat", "Eindrapport")
LANG_GELEDEN = datetime(1900, 1, 1, tzinfo=timezone.utc)


def vullen(apps, schema_editor):
    """The last report and the last progress of every existing referral (as
    regie.voortgang.rapportagemoment.herberekenen, with the historical models)."""
    Verwijzing = apps.get_model("trajecten", "Verwijzing")
    moment = DateTimeField()
    delen = [
        Coalesce(
            Subquery(
                apps.get_model("voortgang", naam)
                .objects.filter(verwijzing=OuterRef("pk"))
                .values("verwijzing")
                .annotate(m=Max("ingediend_op"))
                .values("m")[:1],
                output_field=moment,
            ),
            Value(LANG_GELEDEN),
            output_field=moment,
        )
        for naam in RAPPORTEN
    ]
    dag = DateField()
    voortgang = [
        Coalesce(
            Subquery(qs.values("verwijzing").annotate(d=Max(veld)).values("d")[:1], output_field=dag),
            Value(date(1900, 1, 1)),
            output_field=dag,
        )
        for qs, veld in (
            (apps.get_model("voortgang", "Voortgangsmeting").objects.exclude(niveau="niet_op_koers"), "datum"),
            (apps.get_model("voortgang", "Examenpoging").objects.filter(uitslag="behaald"), "datum"),
            (apps.get_model("voortgang", "Onderdeelresultaat").objects.all(), "afgerond_op"),
        )
        for qs in [qs.filter(verwijzing=OuterRef("pk"))]
    ]
    Verwijzing.objects.update(
        laatst_gerapporteerd_op=Greatest(*delen, output_field=moment),
        laatste_voortgang_op=Greatest(*voortgang, output_field=dag),
    )
    Verwijzing.objects.filter(laatst_gerapporteerd_op__lte=LANG_GELEDEN).update(laatst_gerapporteerd_op=None)
    Verwijzing.objects.filter(laatste_voortgang_op__lte=date(1900, 1, 1)).update(laatste_voortgang_op=None)


class Migration(migrations.Migration):
    dependencies = [
        ("trajecten", "0002_startdatum_toelichting"),
        ("voortgang", "0002_uren_maximum"),
    ]

    operations = [
        migrations.AddField(
            model_name="verwijzing",
            name="laatst_gerapporteerd_op",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="verwijzing",
            name="laatste_voortgang_op",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]

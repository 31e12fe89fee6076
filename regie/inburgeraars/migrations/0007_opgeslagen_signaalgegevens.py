from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def vullen(apps, schema_editor):
    """The oldest unanswered referral of the cases that exist, from their referrals (one UPDATE). The
    attendance window stays empty until `rapportages_herberekenen` runs: the worklist sums the reports
    of a case without a stored window, so nothing is wrong meanwhile."""
    Inburgeraar = apps.get_model("inburgeraars", "Inburgeraar")
    Verwijzing = apps.get_model("trajecten", "Verwijzing")
    oudste = (
        Verwijzing.objects.filter(inburgeraar=OuterRef("pk"), status="verzonden")
        .order_by("verzonden_op")
        .values("verzonden_op")[:1]
    )
    Inburgeraar.objects.update(oudste_onbeantwoorde_verwijzing=Subquery(oudste))


class Migration(migrations.Migration):
    dependencies = [
        ("inburgeraars", "0006_dagtekening_eerste_eigen_pip"),
        ("trajecten", "0003_rapportage_en_voortgang_per_verwijzing"),
    ]

    operations = [
        migrations.AddField(
            model_name="inburgeraar",
            name="afwezigheid_tot",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="inburgeraar",
            name="afwezigheid_uren_aangeboden",
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="inburgeraar",
            name="afwezigheid_uren_ongeoorloofd",
            field=models.DecimalField(blank=True, decimal_places=2, editable=False, max_digits=9, null=True),
        ),
        migrations.AddField(
            model_name="inburgeraar",
            name="afwezigheid_van",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="inburgeraar",
            name="oudste_onbeantwoorde_verwijzing",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]

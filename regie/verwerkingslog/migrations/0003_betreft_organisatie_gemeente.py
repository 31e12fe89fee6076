"""Who else must see an entry (a refused attempt on another organisation's case) and the
municipality of each person concerned (for a privacy officer limited to some municipalities).
Entries written before keep these empty: their persons' municipality is looked up live."""

from django.conf import settings
from django.db import migrations, models

from regie.verwerkingslog.database import triggers_aanmaken, triggers_opnieuw, triggers_verwijderen


class Migration(migrations.Migration):

    dependencies = [
        ('verwerkingslog', '0002_triggers'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Backwards only: the triggers of 0002, made again once the new columns are gone.
        migrations.RunPython(migrations.RunPython.noop, triggers_aanmaken, elidable=False),
        migrations.AddField(
            model_name='betrokkene',
            name='gemeente_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='gemeente (id)'),
        ),
        migrations.AddField(
            model_name='verwerking',
            name='betreft_organisatie_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='voor het log van organisatie (id)'),
        ),
        migrations.AddIndex(
            model_name='verwerking',
            index=models.Index(fields=['betreft_organisatie_id', '-tijdstip'], name='verwerking_betreft_org_tijd'),
        ),
        # SQLite's triggers name every column: make them again so the new ones are covered.
        migrations.RunPython(triggers_opnieuw, triggers_verwijderen, elidable=False),
    ]

import django.db.models.deletion
from django.db import migrations, models

import regie.inburgeraars.models


class Migration(migrations.Migration):

    dependencies = [
        ('inburgeraars', '0003_inburgeraar_organisatie'),
    ]

    operations = [
        migrations.AlterField(
            model_name='inburgeraar',
            name='organisatie',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisaties.organisatie'),
        ),
        migrations.AlterField(
            model_name='inburgeraar',
            name='bsn',
            field=models.CharField(max_length=9, validators=[regie.inburgeraars.models.valideer_bsn], verbose_name='BSN'),
        ),
        migrations.AddConstraint(
            model_name='inburgeraar',
            constraint=models.UniqueConstraint(fields=('bsn', 'organisatie'), name='inburgeraar_bsn_uniek_per_organisatie'),
        ),
    ]

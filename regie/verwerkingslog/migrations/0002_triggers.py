"""Database triggers: the processing log refuses UPDATE and DELETE, also from raw SQL.

Per database vendor (SQLite and PostgreSQL); see regie/verwerkingslog/database.py.
"""

from django.db import migrations

from regie.verwerkingslog.database import triggers_aanmaken, triggers_verwijderen


class Migration(migrations.Migration):
    dependencies = [
        ("verwerkingslog", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen, elidable=False),
    ]

"""The log at national volume (docs/verwerkingslog-volume.md).

Betrokkene, one row per person shown and so the bulk of the log, gets a narrower row: no own id
(the key is (entry, person), which also replaces the index on the entry) and no uuid: that is
kept once per person in InburgeraarUuid. Every row is copied into the new tables, none lost.

Verwerking: the searches of the privacy officer are within one organisation's log
(`LOG_ORGANISATIE`), newest first: one index per search instead of two per organisation that a
search had to combine and sort. Two indexes that repeated another go (the user's, covered by
user + time; trace id's second one for LIKE).
"""

import django.db.models.deletion
import django.db.models.functions.comparison
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

from regie.verwerkingslog.database import triggers_aanmaken, triggers_verwijderen

# `WHERE true`: SQLite needs it to read ON CONFLICT as part of the INSERT, PostgreSQL accepts it.
# An entry named each person once (log._personen), so ON CONFLICT only guards the key.
_NAAR_NIEUW = [
    "INSERT INTO verwerkingslog_betrokkene (verwerking_id, inburgeraar_id, gemeente_id) "
    "SELECT verwerking_id, inburgeraar_id, gemeente_id FROM verwerkingslog_betrokkeneoud "
    "WHERE true ON CONFLICT DO NOTHING",
    "INSERT INTO verwerkingslog_inburgeraaruuid (inburgeraar_id, uuid) "
    "SELECT inburgeraar_id, inburgeraar_uuid FROM verwerkingslog_betrokkeneoud "
    "WHERE inburgeraar_uuid IS NOT NULL ON CONFLICT DO NOTHING",
]
_NAAR_OUD = [
    "INSERT INTO verwerkingslog_betrokkeneoud (verwerking_id, inburgeraar_id, inburgeraar_uuid, gemeente_id) "
    "SELECT b.verwerking_id, b.inburgeraar_id, u.uuid, b.gemeente_id FROM verwerkingslog_betrokkene b "
    "LEFT JOIN verwerkingslog_inburgeraaruuid u ON u.inburgeraar_id = b.inburgeraar_id "
    "ORDER BY b.verwerking_id, b.inburgeraar_id",
]


def _log_organisatie():
    return django.db.models.functions.comparison.Coalesce(
        models.F("betreft_organisatie_id"), models.F("namens_organisatie_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("verwerkingslog", "0003_betreft_organisatie_gemeente"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The triggers refuse the copy's source being dropped; made again at the end.
        migrations.RunPython(triggers_verwijderen, triggers_aanmaken, elidable=False),
        migrations.RemoveIndex(model_name="betrokkene", name="betrokkene_inburgeraar"),
        migrations.RemoveIndex(model_name="betrokkene", name="betrokkene_uuid"),
        migrations.AlterField(
            model_name="betrokkene",
            name="verwerking",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="verwerkingslog.verwerking",
            ),
        ),
        migrations.RenameModel(old_name="Betrokkene", new_name="BetrokkeneOud"),
        migrations.CreateModel(
            name="Betrokkene",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "verwerking_id",
                        "inburgeraar_id",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "verwerking",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="betrokkenen",
                        to="verwerkingslog.verwerking",
                    ),
                ),
                ("inburgeraar_id", models.PositiveBigIntegerField(verbose_name="inburgeraar (intern id)")),
                ("gemeente_id", models.PositiveBigIntegerField(blank=True, null=True, verbose_name="gemeente (id)")),
            ],
            options={
                "verbose_name": "betrokkene",
                "verbose_name_plural": "betrokkenen",
                "default_permissions": ("view",),
                "indexes": [models.Index(fields=["inburgeraar_id"], name="betrokkene_inburgeraar")],
            },
        ),
        migrations.CreateModel(
            name="InburgeraarUuid",
            fields=[
                (
                    "inburgeraar_id",
                    models.PositiveBigIntegerField(
                        primary_key=True, serialize=False, verbose_name="inburgeraar (intern id)"
                    ),
                ),
                ("uuid", models.UUIDField(unique=True, verbose_name="inburgeraar (uuid)")),
            ],
            options={
                "verbose_name": "uuid van een inburgeraar",
                "verbose_name_plural": "uuids van inburgeraars",
                "default_permissions": ("view",),
            },
        ),
        migrations.RunSQL(_NAAR_NIEUW, _NAAR_OUD, elidable=False),
        migrations.DeleteModel(name="BetrokkeneOud"),
        migrations.RemoveIndex(model_name="verwerking", name="verwerking_org_tijd"),
        migrations.RemoveIndex(model_name="verwerking", name="verwerking_betreft_org_tijd"),
        migrations.RemoveIndex(model_name="verwerking", name="verwerking_tijd"),
        migrations.AddIndex(
            model_name="verwerking",
            index=models.Index(
                _log_organisatie(),
                models.OrderBy(models.F("tijdstip"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="verwerking_log_tijd",
            ),
        ),
        migrations.AddIndex(
            model_name="verwerking",
            index=models.Index(
                _log_organisatie(),
                django.db.models.functions.text.Upper("gebruikersnaam"),
                models.OrderBy(models.F("tijdstip"), descending=True),
                name="verwerking_log_naam_tijd",
            ),
        ),
        migrations.AddIndex(
            model_name="verwerking",
            index=models.Index(
                _log_organisatie(),
                "actie",
                models.OrderBy(models.F("tijdstip"), descending=True),
                name="verwerking_log_actie_tijd",
            ),
        ),
        migrations.AlterField(
            model_name="verwerking",
            name="gebruiker",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="verwerking",
            name="trace_id",
            field=models.CharField(max_length=32, verbose_name="trace-id"),
        ),
        migrations.AddIndex(
            model_name="verwerking",
            index=models.Index(fields=["trace_id"], name="verwerking_trace"),
        ),
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen, elidable=False),
    ]

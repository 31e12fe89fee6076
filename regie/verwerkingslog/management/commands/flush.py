"""Django's `flush`, able to empty the (append-only) processing log on SQLite too.

Emptying the whole database is what PostgreSQL's TRUNCATE allows as well; the database
triggers still refuse removing single entries (see regie/verwerkingslog/database.py).
`seed_demo --flush` and the test runner use this command.
"""

from django.core.management.commands.flush import Command as DjangoFlush

from regie.verwerkingslog.database import hele_database_leegmaken
from regie.verwerkingslog.log import vergeet_bewaarde_uuids


class Command(DjangoFlush):
    def handle(self, **options):
        with hele_database_leegmaken():
            uitvoer = super().handle(**options)
        vergeet_bewaarde_uuids()  # the uuids this process saw stored are gone too
        return uitvoer

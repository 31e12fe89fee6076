"""The mark `seed_demo` leaves in the database it builds the demo in (issue 9)."""

from django.db import models


class Demomarkering(models.Model):
    """This database holds the demo: the row is written by `seed_demo` in the transaction that
    builds the demo, and its presence is the whole mark.

    `seed_demo` only builds in an empty database and only empties (`--flush`) or tops up one
    with this mark, so it never mixes the demo into, or wipes, a database in real use. What
    people type into the demo afterwards is demo data too.
    """

    class Meta:
        verbose_name = "demomarkering"
        verbose_name_plural = "demomarkeringen"

    def __str__(self):
        return "Deze database bevat de demo"

    @classmethod
    def zetten(cls) -> None:
        """Mark this database as the demo's (one row, primary key 1)."""
        cls.objects.get_or_create(pk=1)

"""The processing log is append-only: no change or removal through the application, the
queryset, or raw SQL (database triggers, on SQLite and on PostgreSQL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from regie.demo.factories import UserFactory
from regie.verwerkingslog import log
from regie.verwerkingslog.database import hele_database_leegmaken
from regie.verwerkingslog.models import AlleenToevoegen, Betrokkene, InburgeraarUuid, Verwerking


@pytest.fixture
def regel(inburgeraar, consulent):
    return log.gewijzigd(
        inburgeraar=inburgeraar, door=consulent, onderdeel="dossier", velden={"telefoon": ["1", "2"]}
    )


def test_een_regel_wordt_geschreven_met_de_persoon(regel, inburgeraar):
    assert Verwerking.objects.filter(pk=regel.pk).exists()
    assert list(regel.betrokkenen.values_list("inburgeraar_id", flat=True)) == [inburgeraar.pk]
    assert InburgeraarUuid.objects.get(inburgeraar_id=inburgeraar.pk).uuid == inburgeraar.uuid


def test_opslaan_van_een_bestaande_regel_kan_niet(regel):
    regel.onderdeel = "iets anders"
    with pytest.raises(AlleenToevoegen):
        regel.save()
    geladen = Verwerking.objects.get(pk=regel.pk)
    with pytest.raises(AlleenToevoegen):
        geladen.save()
    assert Verwerking.objects.get(pk=regel.pk).onderdeel == "dossier"


def test_een_nieuwe_regel_met_het_nummer_van_een_bestaande_overschrijft_niets(regel):
    kopie = Verwerking(pk=regel.pk, trace_id="x", actie="lezen", kanaal="pagina", onderdeel="vervalst")
    with pytest.raises(DatabaseError), transaction.atomic():
        kopie.save()
    assert Verwerking.objects.get(pk=regel.pk).onderdeel == "dossier"


def test_verwijderen_kan_niet(regel):
    with pytest.raises(AlleenToevoegen):
        regel.delete()
    with pytest.raises(AlleenToevoegen):
        regel.betrokkenen.first().delete()
    assert Verwerking.objects.filter(pk=regel.pk).exists()


@pytest.mark.parametrize(
    ("model", "veld"), [(Verwerking, "onderdeel"), (Betrokkene, "gemeente_id"), (InburgeraarUuid, "uuid")]
)
def test_queryset_update_en_delete_kunnen_niet(regel, model, veld):
    with pytest.raises(AlleenToevoegen):
        model.objects.all().delete()
    with pytest.raises(AlleenToevoegen):
        model.objects.all().update(**{veld: 12345})
    with pytest.raises(AlleenToevoegen):
        model.objects.bulk_update(list(model.objects.all()), [veld])
    assert model.objects.count() >= 1


def test_queryset_update_ook_niet_van_andere_velden(regel):
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.filter(pk=regel.pk).update(onderdeel="x")
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.filter(pk=regel.pk).update(gebruiker=None, onderdeel="x")


def _sql(sql: str, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE verwerkingslog_verwerking SET onderdeel = 'vervalst'",
        "UPDATE verwerkingslog_verwerking SET tijdstip = tijdstip",
        "UPDATE verwerkingslog_verwerking SET gebruiker_id = NULL, reden = 'weg'",
        "DELETE FROM verwerkingslog_verwerking",
        "UPDATE verwerkingslog_betrokkene SET inburgeraar_id = inburgeraar_id + 1",
        "DELETE FROM verwerkingslog_betrokkene",
        "UPDATE verwerkingslog_inburgeraaruuid SET uuid = NULL",
        "DELETE FROM verwerkingslog_inburgeraaruuid",
    ],
)
def test_de_database_weigert_update_en_delete_met_sql(regel, sql):
    """The triggers of migration 0002 on this database vendor (SQLite or PostgreSQL)."""
    with pytest.raises(DatabaseError, match="alleen aangevuld"):
        _sql(sql)
    regel_nu = Verwerking.objects.get(pk=regel.pk)
    assert regel_nu.onderdeel == "dossier"
    assert regel_nu.betrokkenen.count() == 1
    assert InburgeraarUuid.objects.count() == 1


def test_een_account_verwijderen_laat_de_regel_staan_met_de_gebruikersnaam(inburgeraar, dronten):
    """The one change the log allows: on_delete=SET_NULL of the user (also in the trigger)."""
    weg = UserFactory(username="vertrokken.medewerker", organisatie=dronten.organisatie)
    regel = log.gewijzigd(inburgeraar=inburgeraar, door=weg, onderdeel="dossier")
    weg.delete()
    regel_nu = Verwerking.objects.get(pk=regel.pk)
    assert regel_nu.gebruiker is None
    assert regel_nu.gebruikersnaam == "vertrokken.medewerker"
    assert regel_nu.namens_organisatie == dronten.organisatie.naam


def test_de_hele_database_leegmaken_kan_wel(regel):
    """`manage.py flush` (tests, seed_demo --flush) empties the whole database: on SQLite
    through DELETE with the log opened for that one command; PostgreSQL uses TRUNCATE."""
    if connection.vendor == "sqlite":
        with hele_database_leegmaken():
            _sql("DELETE FROM verwerkingslog_betrokkene")
            _sql("DELETE FROM verwerkingslog_verwerking")
            _sql("DELETE FROM verwerkingslog_inburgeraaruuid")
        assert not Verwerking.objects.exists()
        assert not InburgeraarUuid.objects.exists()
    else:
        with pytest.raises(DatabaseError), hele_database_leegmaken():
            _sql("DELETE FROM verwerkingslog_verwerking")  # row by row never, also not then
    with pytest.raises(AlleenToevoegen), hele_database_leegmaken():
        Verwerking.objects.all().delete()  # and never through the application


def _uuid_inserts(queries) -> int:
    return sum("verwerkingslog_inburgeraaruuid" in q["sql"] for q in queries)


def test_de_uuid_van_een_persoon_wordt_een_keer_geschreven(
    inburgeraar, consulent, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """A person's uuid is written with their first entry; once committed, later entries about
    them write only their own rows (writing a list page stays cheap)."""
    with django_capture_on_commit_callbacks(execute=True):
        log.gewijzigd(inburgeraar=inburgeraar, door=consulent, onderdeel="dossier")
    with django_assert_num_queries(2) as gevangen:  # the entry and its person, no uuid
        log.gelezen(request=None, inburgeraars=[(inburgeraar.pk, inburgeraar.uuid, 1)], onderdeel="dossier")
    assert _uuid_inserts(gevangen.captured_queries) == 0


def test_na_een_rollback_wordt_de_uuid_opnieuw_geschreven(
    inburgeraar, consulent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        log.gewijzigd(inburgeraar=inburgeraar, door=consulent, onderdeel="dossier")
        transaction.set_rollback(True)
    assert not InburgeraarUuid.objects.exists()
    log.gewijzigd(inburgeraar=inburgeraar, door=consulent, onderdeel="dossier")
    assert InburgeraarUuid.objects.get().uuid == inburgeraar.uuid

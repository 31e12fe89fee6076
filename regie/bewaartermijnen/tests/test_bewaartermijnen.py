"""Retention (issue 4, part 6): closed cases past retention are listed (dry run) and removed
(--uitvoeren) with one processing-log entry each; active and recent cases stay.

The retention period itself is a policy choice of the municipality (Archiefwet 1995 art. 3
and 5, its selectielijst; AVG art. 5 lid 1 sub e: not kept longer than needed).
"""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import ProtectedError
from django.test import override_settings
from django.utils import timezone

from regie.bewaartermijnen import selectors
from regie.bewaartermijnen.management.commands import verwijder_verlopen_dossiers as commando
from regie.demo.factories import InburgeraarFactory, KindFactory, pip_vastgesteld
from regie.inburgeraars.models import Inburgeraar, Kind
from regie.inburgeraars.services import status_wijzigen
from regie.inburgeraars.status import EindeReden, Status
from regie.intake.models import BredeIntake
from regie.intake.services import brede_intake_opslaan
from regie.pip.models import Pip
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Actie, Betrokkene, Verwerking

# A fixed day in the past: the command accepts it as --peildatum, also with --uitvoeren.
VANDAAG = datetime.date(2026, 6, 15)


def _op(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(14, 30)))


def _sluit(inburgeraar, door, naar: Status, op: datetime.date, reden: EindeReden | None = None):
    """Close the case through the service, then date its timeline entry back to `op`."""
    status_wijzigen(inburgeraar=inburgeraar, door=door, naar=naar, reden=reden)
    Gebeurtenis.objects.filter(inburgeraar=inburgeraar, soort="status_gewijzigd", gegevens__naar=naar).update(
        op=_op(op)
    )
    inburgeraar.refresh_from_db()
    return inburgeraar


def _uitvoer(*args) -> str:
    out = StringIO()
    call_command("verwijder_verlopen_dossiers", *args, f"--peildatum={VANDAAG}", stdout=out)
    return out.getvalue()


@pytest.fixture
def dossiers(dronten, dordrecht, consulent, consulent_drechtsteden):
    """Cases around a retention of 5 years, seen on VANDAAG (15 June 2026)."""
    verlopen = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    brede_intake_opslaan(
        inburgeraar=verlopen, door=consulent, versie=None, gezondheid_lichamelijk="Rugklachten"
    )
    pip_vastgesteld(verlopen, consulent)
    KindFactory(ouder=verlopen)
    _sluit(verlopen, consulent, Status.AFGEROND, datetime.date(2020, 3, 1), EindeReden.DIPLOMA)

    return {
        "verlopen": verlopen,
        # Closed 14 June 2021: kept up to and including 14 June 2026, removed from the 15th.
        "laatste_dag_voorbij": _sluit(
            InburgeraarFactory(gemeente=dordrecht, consulent=consulent_drechtsteden),
            consulent_drechtsteden,
            Status.VERHUISD,
            datetime.date(2021, 6, 14),
        ),
        # Closed 15 June 2021: VANDAAG is its last day.
        "laatste_dag": _sluit(
            InburgeraarFactory(gemeente=dronten, consulent=consulent),
            consulent,
            Status.BEEINDIGD,
            datetime.date(2021, 6, 15),
            EindeReden.VERTREK,
        ),
        "recent": _sluit(
            InburgeraarFactory(gemeente=dronten, consulent=consulent),
            consulent,
            Status.AFGEROND,
            datetime.date(2025, 1, 1),
            EindeReden.VRIJSTELLING,
        ),
        "actief": InburgeraarFactory(gemeente=dronten, consulent=consulent),
    }


@pytest.fixture
def heropend(dronten, consulent):
    """Moved away long ago, then back: active again, so it stays."""
    inburgeraar = _sluit(
        InburgeraarFactory(gemeente=dronten, consulent=consulent),
        consulent,
        Status.VERHUISD,
        datetime.date(2015, 1, 1),
    )
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.AANGEMELD)
    return inburgeraar


def test_selector_vindt_precies_de_verlopen(dossiers, heropend):
    gevonden = set(selectors.verlopen_dossiers(peildatum=VANDAAG))
    assert gevonden == {dossiers["verlopen"], dossiers["laatste_dag_voorbij"]}
    assert selectors.bewaren_tot(dossiers["laatste_dag"].gebeurtenissen.first().op, "beeindigd") == VANDAAG


def test_sluitdatum_is_de_laatste_sluiting(dronten, consulent):
    """Closed, reopened and closed again: the retention runs from the last closing."""
    inburgeraar = _sluit(
        InburgeraarFactory(gemeente=dronten, consulent=consulent),
        consulent,
        Status.VERHUISD,
        datetime.date(2020, 1, 1),
    )
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.AANGEMELD)
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.VERHUISD)
    assert not selectors.verlopen_dossiers(peildatum=VANDAAG).exists()
    gesloten = selectors.gesloten_dossiers().get()
    assert timezone.localdate(gesloten.gesloten_op) == timezone.localdate()


def test_zonder_sluitdatum_nooit_automatisch(dronten, consulent):
    InburgeraarFactory(gemeente=dronten, consulent=consulent, status=Status.AFGEROND)
    assert not selectors.verlopen_dossiers(peildatum=datetime.date(2099, 1, 1)).exists()
    assert selectors.zonder_sluitdatum().count() == 1
    assert "1 afgesloten dossier(s) zonder bekende sluitdatum" in _uitvoer()


def test_proefdraai_verandert_niets_en_toont_geen_bsn_of_naam(dossiers):
    aantal_log = Verwerking.objects.count()
    uitvoer = _uitvoer()
    assert uitvoer == _uitvoer("--dry-run")

    assert Inburgeraar.objects.count() == 5
    assert Verwerking.objects.count() == aantal_log
    verlopen = dossiers["verlopen"]
    assert f"{verlopen.pk}\t{verlopen.uuid}\tDronten (0303)\t01-03-2020\t" in uitvoer
    assert str(dossiers["laatste_dag_voorbij"].uuid) in uitvoer
    for niet in ("laatste_dag", "recent", "actief"):
        assert str(dossiers[niet].uuid) not in uitvoer
    for inburgeraar in dossiers.values():
        assert inburgeraar.bsn not in uitvoer
        assert inburgeraar.geslachtsnaam not in uitvoer
    assert "2 dossier(s) zouden worden verwijderd" in uitvoer
    assert "Proefdraai" in uitvoer


def test_uitvoeren_verwijdert_precies_de_verlopen_met_alles_erbij(dossiers, heropend):
    verlopen = dossiers["verlopen"]
    assert BredeIntake.objects.filter(inburgeraar=verlopen).exists()
    assert Pip.objects.filter(inburgeraar=verlopen).exists()

    uitvoer = _uitvoer("--uitvoeren")

    assert "2 dossier(s) verwijderd" in uitvoer
    over = set(Inburgeraar.objects.values_list("pk", flat=True))
    assert over == {dossiers[n].pk for n in ("laatste_dag", "recent", "actief")} | {heropend.pk}
    # Intake, PIPs, children and timeline went with the case (on_delete=CASCADE).
    assert not BredeIntake.objects.filter(inburgeraar_id=verlopen.pk).exists()
    assert not Pip.objects.filter(inburgeraar_id=verlopen.pk).exists()
    assert not Kind.objects.filter(ouder_id=verlopen.pk).exists()
    assert not Gebeurtenis.objects.filter(inburgeraar_id=verlopen.pk).exists()

    # Running again finds nothing more.
    assert "0 dossier(s) verwijderd" in _uitvoer("--uitvoeren")


def test_logregel_per_verwijderd_dossier_blijft_bestaan(dossiers):
    _uitvoer("--uitvoeren")

    regels = Verwerking.objects.filter(actie=Actie.VERWIJDEREN).order_by("id")
    assert regels.count() == 2
    betrokken = {
        (b.inburgeraar_id, b.inburgeraar_uuid) for b in Betrokkene.objects.filter(verwerking__in=regels)
    }
    assert betrokken == {(dossiers[n].pk, dossiers[n].uuid) for n in ("verlopen", "laatste_dag_voorbij")}

    regel = regels.get(betrokkenen__inburgeraar_id=dossiers["verlopen"].pk)
    assert regel.namens_organisatie_id == dossiers["verlopen"].gemeente.organisatie_id
    assert regel.kanaal == "systeem"
    assert regel.gebruiker is None
    assert regel.reden.startswith(
        "Bewaartermijn verlopen: dossier afgerond op 01-03-2020, bewaartermijn 5 jaar"
    )
    assert dossiers["verlopen"].bsn not in regel.reden
    assert "Archiefwet" in regel.grondslag
    # One run, one trace id; the Dordrecht case is logged for the Drechtsteden organisation.
    assert len({r.trace_id for r in regels}) == 1
    andere = regels.get(betrokkenen__inburgeraar_id=dossiers["laatste_dag_voorbij"].pk)
    assert andere.namens_organisatie_id == dossiers["laatste_dag_voorbij"].gemeente.organisatie_id


@override_settings(BEWAARTERMIJN_JAREN=10, BEWAARTERMIJN_JAREN_PER_EINDSTATUS={"verhuisd": 2})
def test_bewaartermijn_per_eindstatus(dossiers):
    gevonden = set(selectors.verlopen_dossiers(peildatum=VANDAAG))
    # Afgerond in 2020 is kept 10 years now; verhuisd in 2021 only 2.
    assert gevonden == {dossiers["laatste_dag_voorbij"]}
    assert "verhuisd 2 jaar" in _uitvoer()
    assert "afgerond 10 jaar" in _uitvoer()


def test_alleen_gekozen_gemeente(dossiers):
    uitvoer = _uitvoer("--uitvoeren", "--gemeente=0303")
    assert "1 dossier(s) verwijderd" in uitvoer
    assert not Inburgeraar.objects.filter(pk=dossiers["verlopen"].pk).exists()
    assert Inburgeraar.objects.filter(pk=dossiers["laatste_dag_voorbij"].pk).exists()


def test_foute_invoer(dossiers):
    with pytest.raises(CommandError, match="niet in de toekomst"):
        call_command(
            "verwijder_verlopen_dossiers",
            "--uitvoeren",
            f"--peildatum={timezone.localdate() + datetime.timedelta(days=1)}",
            stdout=StringIO(),
        )
    with pytest.raises(CommandError, match="Onbekende CBS-code: 9999"):
        call_command("verwijder_verlopen_dossiers", "--gemeente=9999", stdout=StringIO())
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("verwijder_verlopen_dossiers", "--peildatum=15-06-2026", stdout=StringIO())
    assert Inburgeraar.objects.count() == 5


def test_een_mislukte_verwijdering_laat_de_rest_door(dossiers, monkeypatch):
    echt = commando.dossier_vernietigen
    geblokkeerd = dossiers["verlopen"]

    def vernietigen(*, inburgeraar_id, **kwargs):
        if inburgeraar_id == geblokkeerd.pk:
            raise ProtectedError("in gebruik", {geblokkeerd.gemeente})
        return echt(inburgeraar_id=inburgeraar_id, **kwargs)

    monkeypatch.setattr(commando, "dossier_vernietigen", vernietigen)
    with pytest.raises(
        CommandError, match=f"Niet verwijderd: {geblokkeerd.pk} \\(nog nodig voor: gemeente\\)"
    ):
        _uitvoer("--uitvoeren")
    assert Inburgeraar.objects.filter(pk=geblokkeerd.pk).exists()
    assert not Inburgeraar.objects.filter(pk=dossiers["laatste_dag_voorbij"].pk).exists()
    assert Verwerking.objects.filter(actie=Actie.VERWIJDEREN).count() == 1


def test_heropend_tussen_lijst_en_verwijderen_blijft(dossiers):
    """The service checks again inside its transaction."""
    verlopen = dossiers["verlopen"]
    Inburgeraar.objects.filter(pk=verlopen.pk).update(status=Status.AANGEMELD)
    from regie.bewaartermijnen.services import dossier_vernietigen

    assert dossier_vernietigen(inburgeraar_id=verlopen.pk, peildatum=VANDAAG) is None
    assert Inburgeraar.objects.filter(pk=verlopen.pk).exists()


@pytest.mark.parametrize("waarde", ["0", "-1", "vijf", "2.5"])
def test_bewaartermijn_moet_hele_jaren_zijn(monkeypatch, waarde):
    from django.core.exceptions import ImproperlyConfigured

    from regie.settings import _jaren

    monkeypatch.setenv("REGIE_BEWAARTERMIJN_JAREN", waarde)
    with pytest.raises(
        ImproperlyConfigured, match="REGIE_BEWAARTERMIJN_JAREN moet een heel aantal jaren zijn"
    ):
        _jaren("REGIE_BEWAARTERMIJN_JAREN", "5")
    monkeypatch.setenv("REGIE_BEWAARTERMIJN_JAREN", "7")
    assert _jaren("REGIE_BEWAARTERMIJN_JAREN", "5") == 7

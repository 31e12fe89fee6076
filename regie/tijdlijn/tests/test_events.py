"""Every timeline entry (regie.tijdlijn.events): kind, Dutch description, data and author."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from regie.demo.factories import UserFactory
from regie.inburgeraars.status import EindeReden, Status
from regie.intake.models import Afspraak
from regie.pip.models import Pip
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def test_geregistreerd(inburgeraar, consulent):
    g = events.inburgeraar_geregistreerd(inburgeraar, consulent)
    assert (g.soort, g.door, g.inburgeraar) == ("geregistreerd", consulent, inburgeraar)
    assert g.omschrijving == f"{inburgeraar.naam} is geregistreerd"
    assert g.gegevens == {}
    assert g.op is not None


def test_gegevens_gewijzigd_met_lege_waarden(inburgeraar, consulent):
    g = events.gegevens_gewijzigd(
        inburgeraar,
        consulent,
        {"telefoon": ("", "0612345678"), "datum melding DUO": (date(2026, 1, 5), None)},
    )
    assert g.soort == "gegevens_gewijzigd"
    assert g.omschrijving == "Gegevens gewijzigd: telefoon, datum melding DUO"
    assert g.gegevens == {
        "wijzigingen": {"telefoon": ["(leeg)", "0612345678"], "datum melding DUO": ["2026-01-05", "(leeg)"]}
    }


def test_status_gewijzigd_met_en_zonder_reden(inburgeraar, consulent):
    g = events.status_gewijzigd(inburgeraar, consulent, Status.AANGEMELD, Status.BREDE_INTAKE, None, "")
    assert g.omschrijving == "Status van 'Aangemeld' naar 'Brede intake'"
    g = events.status_gewijzigd(
        inburgeraar, consulent, Status.IN_UITVOERING, Status.AFGEROND, EindeReden.DIPLOMA, "Examen gehaald"
    )
    assert g.omschrijving == "Status van 'In uitvoering' naar 'Afgerond' (Diploma behaald)"
    assert g.gegevens == {
        "van": "in_uitvoering",
        "naar": "afgerond",
        "reden": "diploma",
        "toelichting": "Examen gehaald",
    }


def test_consulent_toegewezen(inburgeraar, consulent, teamleider):
    g = events.consulent_toegewezen(inburgeraar, teamleider, None, consulent, "")
    assert g.omschrijving == f"Vaste consulent: {consulent}"
    assert g.gegevens == {"van": None, "naar": consulent.pk, "reden": ""}
    nieuwe = UserFactory(organisatie=consulent.organisatie, first_name="Eva", last_name="Jansen")
    g = events.consulent_toegewezen(inburgeraar, teamleider, consulent, nieuwe, "Verlof")
    assert g.omschrijving == f"Vaste consulent: Eva Jansen (was {consulent})"
    assert g.gegevens == {"van": consulent.pk, "naar": nieuwe.pk, "reden": "Verlof"}
    assert g.door == teamleider


def test_brede_intake_opgeslagen_noemt_alleen_velden(inburgeraar, consulent):
    g = events.brede_intake_opgeslagen(inburgeraar, consulent, ["werkervaring", "psychische gezondheid"])
    assert g.soort == "brede_intake"
    assert g.omschrijving == "Brede intake bijgewerkt: werkervaring, psychische gezondheid"
    assert g.gegevens == {"velden": ["werkervaring", "psychische gezondheid"]}


def test_afspraak_gepland_en_bijgewerkt(inburgeraar, consulent):
    begint_op = timezone.make_aware(datetime(2026, 12, 1, 9, 30))
    afspraak = Afspraak.objects.create(inburgeraar=inburgeraar, begint_op=begint_op, locatie="Stadhuis")
    g = events.afspraak_gepland(inburgeraar, consulent, afspraak)
    assert (g.soort, g.omschrijving) == (
        "afspraak",
        "Afspraak brede intake gepland op 01-12-2026 09:30 (Stadhuis)",
    )
    assert g.gegevens == {"afspraak": afspraak.pk}
    afspraak.status = Afspraak.Status.NIET_VERSCHENEN
    g = events.afspraak_bijgewerkt(inburgeraar, consulent, afspraak)
    assert g.omschrijving == "Afspraak van 01-12-2026 09:30: niet verschenen"
    assert g.gegevens == {"afspraak": afspraak.pk, "status": "niet_verschenen"}


@pytest.mark.parametrize(
    ("leerroute", "taalniveau", "tekst"),
    [
        ("b1", "A2", "PIP versie 2 vastgesteld: B1-route, taaldoel A2, dagtekening 03-03-2026"),
        ("z_route", "", "PIP versie 2 vastgesteld: Z-route, dagtekening 03-03-2026"),
    ],
)
def test_pip_vastgesteld(inburgeraar, consulent, leerroute, taalniveau, tekst):
    pip = Pip.objects.create(
        inburgeraar=inburgeraar,
        versie=2,
        dagtekening=date(2026, 3, 3),
        leerroute=leerroute,
        taalniveau=taalniveau,
        reden="Afschalen",
        vastgesteld_door=consulent,
    )
    g = events.pip_vastgesteld(inburgeraar, consulent, pip)
    assert (g.soort, g.omschrijving, g.door) == ("pip_vastgesteld", tekst, consulent)
    assert g.gegevens == {"pip": pip.pk, "reden": "Afschalen"}


def test_tijdlijn_nieuwste_eerst(inburgeraar, consulent):
    eerste = events.inburgeraar_geregistreerd(inburgeraar, consulent)
    tweede = events.status_gewijzigd(inburgeraar, consulent, Status.AANGEMELD, Status.BREDE_INTAKE, None, "")
    assert list(inburgeraar.gebeurtenissen.all()) == [tweede, eerste]
    assert str(tweede) == tweede.omschrijving


def test_gebeurtenis_zonder_medewerker(inburgeraar):
    """Entries written by the system (e.g. a DUO notice) have no author."""
    g = events.inburgeraar_geregistreerd(inburgeraar, None)
    assert g.door is None
    assert Gebeurtenis.objects.filter(door__isnull=True).count() == 1


def test_elke_soort_heeft_een_regel_voor_het_verwerkingslog():
    """A new kind of entry must say what the processing log records for it, not fall back silently."""
    from regie.tijdlijn.models import Soort

    assert set(events.VERWERKING) == set(Soort)

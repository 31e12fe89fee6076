"""Brede intake (Wi 14, Bi 5.2) and its appointments (Wi 22: a written summons)."""

import json
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from regie.fouten import GelijktijdigGewijzigd
from regie.inburgeraars.services import status_wijzigen
from regie.inburgeraars.status import Status
from regie.intake.models import Afspraak, BredeIntake
from regie.intake.services import afspraak_plannen, afspraak_status_wijzigen, brede_intake_opslaan
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis

pytestmark = pytest.mark.django_db


def tijdlijn(inburgeraar) -> list[tuple[str, int | None]]:
    return list(
        Gebeurtenis.objects.filter(inburgeraar=inburgeraar).order_by("id").values_list("soort", "door_id")
    )


def om(dag, uur=10):
    return timezone.make_aware(datetime.combine(dag, time(uur)))


# --- brede_intake_opslaan -------------------------------------------------------------------


def test_eerste_opslag_maakt_intake_en_zet_status(inburgeraar, consulent):
    intake = brede_intake_opslaan(
        inburgeraar=inburgeraar,
        door=consulent,
        versie=1,
        opleidingsniveau="mbo",
        werkervaring="Kapper, 6 jaar",
    )
    intake.refresh_from_db()
    assert (intake.opleidingsniveau, intake.werkervaring, intake.gewijzigd_door) == (
        "mbo",
        "Kapper, 6 jaar",
        consulent,
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.BREDE_INTAKE
    assert inburgeraar.versie == 2
    assert tijdlijn(inburgeraar) == [("brede_intake", consulent.pk), ("status_gewijzigd", consulent.pk)]
    gebeurtenis = inburgeraar.gebeurtenissen.get(soort="brede_intake")
    assert gebeurtenis.gegevens == {"velden": ["hoogste opleiding", "werkervaring"]}
    status = inburgeraar.gebeurtenissen.get(soort="status_gewijzigd")
    assert (status.gegevens["van"], status.gegevens["naar"]) == ("aangemeld", "brede_intake")


def test_tolk_zonder_taal_slaat_niets_op(inburgeraar, consulent):
    """Once a rule of the form only (issue 9): the service refuses it for every caller."""
    with pytest.raises(ValidationError) as fout:
        brede_intake_opslaan(
            inburgeraar=inburgeraar, door=consulent, versie=1, tolk_gebruikt=True, tolk_taal=" "
        )
    assert fout.value.message_dict == {"tolk_taal": ["Vul in welke taal de tolk sprak."]}
    assert (
        not BredeIntake.objects.exists() and not Gebeurtenis.objects.filter(inburgeraar=inburgeraar).exists()
    )


def test_bijwerken_schrijft_alleen_intake_gebeurtenis(inburgeraar, consulent, teamleider):
    brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=1, opleidingsniveau="mbo")
    brede_intake_opslaan(
        inburgeraar=inburgeraar, door=teamleider, versie=2, jaren_onderwijs=12, opleidingsniveau="mbo"
    )
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.versie) == (Status.BREDE_INTAKE, 3)
    assert BredeIntake.objects.filter(inburgeraar=inburgeraar).count() == 1
    assert tijdlijn(inburgeraar)[-1] == ("brede_intake", teamleider.pk)
    assert inburgeraar.gebeurtenissen.filter(soort="brede_intake").first().gegevens == {
        "velden": ["jaren onderwijs"]
    }
    assert inburgeraar.brede_intake.gewijzigd_door == teamleider


def test_zonder_wijziging_geen_gebeurtenis(inburgeraar, consulent):
    brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=1, werkervaring="Bakker")
    voor = tijdlijn(inburgeraar)
    brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=2, werkervaring="Bakker")
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 2
    assert tijdlijn(inburgeraar) == voor


def test_bijzondere_persoonsgegevens_zonder_waarde_op_tijdlijn(inburgeraar, consulent):
    """AVG art. 9: health data is special; the timeline names the field, never its value."""
    brede_intake_opslaan(
        inburgeraar=inburgeraar,
        door=consulent,
        versie=1,
        gezondheid_psychisch="Slaapt slecht sinds de vlucht",
        gezondheid_lichamelijk="Rugklachten",
    )
    gebeurtenis = inburgeraar.gebeurtenissen.get(soort="brede_intake")
    assert gebeurtenis.gegevens["velden"] == [
        "psychische gezondheid (bijzonder persoonsgegeven)",
        "lichamelijke gezondheid (bijzonder persoonsgegeven)",
    ]
    alles = json.dumps([gebeurtenis.omschrijving, gebeurtenis.gegevens])
    assert "Slaapt" not in alles and "Rugklachten" not in alles


def test_intake_met_oude_versie_verandert_niets(inburgeraar, consulent):
    with pytest.raises(GelijktijdigGewijzigd):
        brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=5, werkervaring="Bakker")
    assert not BredeIntake.objects.filter(inburgeraar=inburgeraar).exists()
    inburgeraar.refresh_from_db()
    assert (inburgeraar.status, inburgeraar.versie) == (Status.AANGEMELD, 1)
    assert tijdlijn(inburgeraar) == []


@pytest.mark.parametrize("veld", ["leerbaarheidstoets_datum", "afgerond_op"])
def test_datum_in_de_toekomst_geweigerd(inburgeraar, consulent, veld):
    with pytest.raises(ValidationError) as exc:
        brede_intake_opslaan(
            inburgeraar=inburgeraar,
            door=consulent,
            versie=1,
            werkervaring="Bakker",
            **{veld: vandaag() + timedelta(days=1)},
        )
    assert exc.value.message_dict == {veld: ["Deze datum mag niet in de toekomst liggen."]}
    assert not BredeIntake.objects.filter(inburgeraar=inburgeraar).exists()
    assert tijdlijn(inburgeraar) == []


def test_datum_voor_geboortedatum_geweigerd(inburgeraar, consulent):
    with pytest.raises(ValidationError) as exc:
        brede_intake_opslaan(
            inburgeraar=inburgeraar,
            door=consulent,
            versie=1,
            leerbaarheidstoets_datum=inburgeraar.geboortedatum - timedelta(days=1),
        )
    assert exc.value.message_dict == {
        "leerbaarheidstoets_datum": ["Deze datum mag niet voor de geboortedatum liggen."]
    }


def test_datum_vandaag_toegestaan(inburgeraar, consulent):
    intake = brede_intake_opslaan(
        inburgeraar=inburgeraar,
        door=consulent,
        versie=1,
        leerbaarheidstoets_datum=vandaag(),
        leerbaarheidstoets_resultaat="B1-route haalbaar",
    )
    assert intake.leerbaarheidstoets_datum == vandaag()


def test_ongeldige_keuze_geweigerd(inburgeraar, consulent):
    with pytest.raises(ValidationError) as exc:
        brede_intake_opslaan(
            inburgeraar=inburgeraar, door=consulent, versie=1, leerbaarheidstoets_resultaat="Geslaagd"
        )
    assert "leerbaarheidstoets_resultaat" in exc.value.message_dict
    assert not BredeIntake.objects.filter(inburgeraar=inburgeraar).exists()
    assert tijdlijn(inburgeraar) == []


def test_status_blijft_na_pip(inburgeraar, consulent):
    from regie.pip.services import pip_vaststellen

    pip_vaststellen(
        inburgeraar=inburgeraar,
        door=consulent,
        leerroute="b1",
        dagtekening=vandaag(),
        aantal_voortgangsgesprekken=3,
    )
    brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=None, werkervaring="Bakker")
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.PIP_VASTGESTELD
    assert tijdlijn(inburgeraar)[-1] == ("brede_intake", consulent.pk)


def test_status_blijft_in_uitvoering(inburgeraar, consulent):
    status_wijzigen(inburgeraar=inburgeraar, door=consulent, naar=Status.BREDE_INTAKE)
    brede_intake_opslaan(inburgeraar=inburgeraar, door=consulent, versie=None, werkervaring="Bakker")
    assert [s for s, _ in tijdlijn(inburgeraar)] == ["status_gewijzigd", "brede_intake"]


# --- afspraak_plannen / afspraak_status_wijzigen (Wi 22) -----------------------------------


def test_afspraak_plannen(inburgeraar, consulent):
    morgen = vandaag() + timedelta(days=1)
    afspraak = afspraak_plannen(
        inburgeraar=inburgeraar,
        door=consulent,
        begint_op=om(morgen),
        locatie="Gemeentehuis Dronten",
        uitnodiging_verstuurd_op=vandaag(),
        tolk=True,
    )
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.tolk, afspraak.uitnodiging_verstuurd_op) == ("gepland", True, vandaag())
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 2
    [gebeurtenis] = inburgeraar.gebeurtenissen.all()
    assert (gebeurtenis.soort, gebeurtenis.door) == ("afspraak", consulent)
    assert gebeurtenis.omschrijving == (
        f"Afspraak brede intake gepland op {morgen:%d-%m-%Y} 10:00 (Gemeentehuis Dronten)"
    )
    assert gebeurtenis.gegevens == {"afspraak": afspraak.pk}


def afspraak_geweigerd(inburgeraar, door, veld, **kwargs) -> list[str]:
    kwargs.setdefault("begint_op", om(vandaag() + timedelta(days=7)))
    kwargs.setdefault("locatie", "Gemeentehuis")
    with pytest.raises(ValidationError) as exc:
        afspraak_plannen(inburgeraar=inburgeraar, door=door, **kwargs)
    assert veld in exc.value.message_dict, exc.value.message_dict
    assert not Afspraak.objects.filter(inburgeraar=inburgeraar).exists()
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 1
    assert tijdlijn(inburgeraar) == []
    return exc.value.message_dict[veld]


def test_uitnodiging_na_de_afspraak_geweigerd(inburgeraar, consulent):
    """Wi 22: the written summons is sent before the appointment."""
    assert afspraak_geweigerd(
        inburgeraar,
        consulent,
        "uitnodiging_verstuurd_op",
        begint_op=om(vandaag() - timedelta(days=3)),
        uitnodiging_verstuurd_op=vandaag() - timedelta(days=2),
    ) == ["De uitnodiging moet voor de afspraak verstuurd zijn."]


def test_uitnodiging_op_de_dag_zelf_toegestaan(inburgeraar, consulent):
    afspraak = afspraak_plannen(
        inburgeraar=inburgeraar,
        door=consulent,
        begint_op=om(vandaag(), 16),
        locatie="Loket",
        uitnodiging_verstuurd_op=vandaag(),
    )
    assert afspraak.pk


def test_uitnodiging_in_de_toekomst_geweigerd(inburgeraar, consulent):
    assert afspraak_geweigerd(
        inburgeraar,
        consulent,
        "uitnodiging_verstuurd_op",
        uitnodiging_verstuurd_op=vandaag() + timedelta(days=1),
    ) == ["De datum van verzending mag niet in de toekomst liggen."]


def test_afspraak_zonder_locatie_geweigerd(inburgeraar, consulent):
    afspraak_geweigerd(inburgeraar, consulent, "locatie", locatie="")


def test_afspraak_vroeg_in_de_ochtend_telt_de_nederlandse_datum(inburgeraar, consulent):
    """00:30 in Amsterdam is the evening before in UTC (as an API may send it); the
    invitation sent that Dutch day is on time."""
    begint_op = timezone.make_aware(datetime.combine(vandaag(), time(0, 30))).astimezone(UTC)
    assert begint_op.date() < vandaag()
    afspraak = afspraak_plannen(
        inburgeraar=inburgeraar,
        door=consulent,
        begint_op=begint_op,
        locatie="Loket",
        uitnodiging_verstuurd_op=vandaag(),
    )
    assert afspraak.pk


@pytest.mark.parametrize("status", ["gehouden", "niet_verschenen", "afgezegd"])
def test_afspraak_status_wijzigen(inburgeraar, consulent, status):
    afspraak = afspraak_plannen(
        inburgeraar=inburgeraar,
        door=consulent,
        begint_op=om(vandaag()),
        locatie="Loket",
        uitnodiging_verstuurd_op=vandaag(),
    )
    afspraak_status_wijzigen(afspraak=afspraak, door=consulent, status=status)
    afspraak.refresh_from_db()
    assert afspraak.status == status
    gebeurtenis = inburgeraar.gebeurtenissen.order_by("-id").first()
    assert (gebeurtenis.soort, gebeurtenis.door, gebeurtenis.gegevens["status"]) == (
        "afspraak",
        consulent,
        status,
    )
    assert gebeurtenis.omschrijving.endswith(afspraak.get_status_display().lower())
    inburgeraar.refresh_from_db()
    assert inburgeraar.versie == 3


def test_afspraak_ongeldige_status(inburgeraar, consulent):
    afspraak = afspraak_plannen(
        inburgeraar=inburgeraar, door=consulent, begint_op=om(vandaag()), locatie="Loket"
    )
    with pytest.raises(ValidationError) as exc:
        afspraak_status_wijzigen(afspraak=afspraak, door=consulent, status="weg")
    assert exc.value.message_dict == {"status": ["Kies een geldige status voor de afspraak."]}
    afspraak.refresh_from_db()
    assert afspraak.status == "gepland"
    assert [s for s, _ in tijdlijn(inburgeraar)] == ["afspraak"]

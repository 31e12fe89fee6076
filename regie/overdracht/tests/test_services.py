"""Moves between organisations on one installation, by file between installations, and within one
organisation (regie.overdracht.services)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from regie.accounts.models import Rol
from regie.bewaartermijnen.selectors import gesloten_dossiers
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import inburgeraar_voor, inburgeraars_voor
from regie.inburgeraars.status import Status
from regie.organisaties.models import Gemeente
from regie.overdracht import services
from regie.overdracht.models import Bron, OntvangenPakket, Overdracht
from regie.overdracht.models import Status as OverdrachtStatus
from regie.overdracht.selectors import inbox_voor, wachtend_voor
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog.models import Actie, Resultaat, Verwerking


def test_verhuizing_van_dronten_naar_noordoostpolder_in_regie(
    dossier, consulent, consulent_nop, noordoostpolder
):
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    assert overdracht.status == OverdrachtStatus.VERZONDEN
    # The sharing is on the old case's timeline and in the processing log (exporteren, overdracht).
    assert dossier.gebeurtenissen.filter(soort=Soort.OVERDRACHT).exists()
    assert Verwerking.objects.filter(
        actie=Actie.EXPORTEREN, onderdeel="overdracht", betrokkenen__inburgeraar_id=dossier.pk
    ).exists()
    assert list(wachtend_voor(consulent_nop)) == [overdracht]
    assert not inbox_voor(consulent).exists()

    nieuw = services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop)

    assert nieuw.pk != dossier.pk and nieuw.gemeente == noordoostpolder and nieuw.bsn == dossier.bsn
    assert nieuw.consulent == consulent_nop
    assert nieuw.leerroute_vorige_gemeente == "b1"
    assert nieuw.dagtekening_eerste_pip_elders == dossier.dagtekening_eerste_eigen_pip
    assert OntvangenPakket.objects.get(inburgeraar=nieuw).bron == Bron.REGIE
    dossier.refresh_from_db()
    assert dossier.status == Status.VERHUISD
    # Kept with its history; the retention period runs from the status change.
    assert dossier.gebeurtenissen.count() > 3
    assert gesloten_dossiers().get(pk=dossier.pk).gesloten_op is not None
    overdracht.refresh_from_db()
    assert overdracht.status == OverdrachtStatus.GEACCEPTEERD and overdracht.nieuw_dossier == nieuw


def test_geen_van_beide_organisaties_ziet_het_dossier_van_de_ander(
    dossier, consulent, consulent_nop, noordoostpolder, teamleider
):
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    nieuw = services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop)
    teamleider_nop = UserFactory(organisatie=noordoostpolder.organisatie, rol=Rol.TEAMLEIDER)
    assert not inburgeraars_voor(consulent_nop).filter(pk=dossier.pk).exists()
    assert not inburgeraars_voor(teamleider_nop).filter(pk=dossier.pk).exists()
    assert not inburgeraars_voor(teamleider).filter(pk=nieuw.pk).exists()
    with pytest.raises(Http404):
        inburgeraar_voor(teamleider, nieuw.uuid)
    with pytest.raises(Http404):
        inburgeraar_voor(teamleider_nop, dossier.uuid)
    # The old case's timeline names no user of the other organisation.
    assert not dossier.gebeurtenissen.filter(door__organisatie=noordoostpolder.organisatie).exists()


def test_pakket_geexporteerd_bij_de_een_ingelezen_bij_de_ander(
    dossier, consulent, consulent_nop, noordoostpolder
):
    """Two installations: Dronten sends the JSON file, Noordoostpolder reads it into the case it
    registered from DUO's notice."""
    overdracht = services.pakket_maken(
        inburgeraar=dossier, door=consulent, naar_gemeente_naam="Noordoostpolder", naar_cbs_code="0171"
    )
    assert overdracht.status == OverdrachtStatus.GEMAAKT and not wachtend_voor(consulent_nop).exists()
    bestand = json.dumps(overdracht.pakket).encode("utf-8")

    nieuw = InburgeraarFactory(
        gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn, datum_melding_duo=None
    )
    from regie.overdracht.schema import lees_json

    pakket, fouten = lees_json(bestand)
    assert not fouten
    ontvangen = services.pakket_inlezen(
        inburgeraar=nieuw, door=consulent_nop, pakket=pakket, bron=Bron.BESTAND
    )
    nieuw.refresh_from_db()
    assert ontvangen.van_gemeente_naam == "Dronten"
    assert nieuw.leerroute_vorige_gemeente == "b1"
    assert nieuw.dagtekening_eerste_pip_elders == dossier.dagtekening_eerste_eigen_pip
    gebeurtenis = nieuw.gebeurtenissen.filter(soort=Soort.OVERDRACHT).get()
    assert "Dronten" in gebeurtenis.omschrijving


def _stand():
    return (
        sorted(Inburgeraar.objects.values_list("pk", "versie", "leerroute_vorige_gemeente")),
        OntvangenPakket.objects.count(),
        Gebeurtenis.objects.count(),
    )


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda p: p["persoon"].update(bsn=geldig_bsn(81_999)), "ander BSN"),
        (lambda p: p.update(schema_versie="2"), "schemaversie '2'"),
        (lambda p: p["termijn"].update(dagtekening_eerste_pip="gisteren"), "JJJJ-MM-DD"),
    ],
)
def test_slecht_pakket_niets_opgeslagen_reden_in_het_log(
    dossier, consulent, consulent_nop, noordoostpolder, wijzig, melding
):
    pakket = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente_naam="Elders").pakket
    wijzig(pakket)
    nieuw = InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn)
    voor = _stand()
    with pytest.raises(ValidationError) as fout:
        services.pakket_inlezen(inburgeraar=nieuw, door=consulent_nop, pakket=pakket, bron=Bron.API)
    assert melding in " ".join(fout.value.messages)
    assert _stand() == voor
    regel = Verwerking.objects.filter(handeling="overdracht_geweigerd").get()
    assert regel.resultaat == Resultaat.GEWEIGERD and melding in regel.reden
    assert regel.namens_organisatie_id == noordoostpolder.organisatie_id
    assert dossier.bsn not in regel.reden


def test_pakket_maken_weigert_eigen_organisatie_en_dubbel(dossier, consulent, noordoostpolder):
    lelystad_dronten = Gemeente.objects.filter(organisatie=dossier.organisatie).exclude(
        pk=dossier.gemeente_id
    )
    if lelystad_dronten.exists():  # pragma: no cover - Dronten is one municipality in the demo
        pytest.fail("De test gaat uit van één gemeente in de organisatie Dronten")
    with pytest.raises(ValidationError, match="Kies de nieuwe gemeente"):
        services.pakket_maken(inburgeraar=dossier, door=consulent)
    with pytest.raises(ValidationError, match="vier cijfers"):
        services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente_naam="X", naar_cbs_code="12")
    services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    with pytest.raises(ValidationError, match="wacht al"):
        services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    assert Overdracht.objects.count() == 1


def test_overnemen_kan_maar_een_keer_en_alleen_door_de_nieuwe_gemeente(
    dossier, consulent, consulent_nop, noordoostpolder, consulent_drechtsteden
):
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    with pytest.raises(ValidationError, match="niet voor een gemeente waarvoor u werkt"):
        services.overdracht_accepteren(overdracht=overdracht, door=consulent_drechtsteden)
    services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop)
    with pytest.raises(ValidationError, match="al overgenomen"):
        services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop)
    assert Inburgeraar.objects.filter(bsn=dossier.bsn).count() == 2


def test_overnemen_vult_een_bestaand_dossier_aan(dossier, consulent, consulent_nop, noordoostpolder):
    bestaand = InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn)
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    assert services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop) == bestaand


# --- Within one organisation -----------------------------------------------------------------------


@pytest.fixture
def zwijndrecht(organisaties):
    return Gemeente.objects.get(cbs_code="0642")


def test_verhuizen_binnen_drechtsteden(dordrecht, zwijndrecht, consulent_drechtsteden):
    inburgeraar = InburgeraarFactory(gemeente=dordrecht, consulent=consulent_drechtsteden)
    services.verhuizen_binnen_organisatie(
        inburgeraar=inburgeraar, door=consulent_drechtsteden, naar_gemeente=zwijndrecht
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.gemeente == zwijndrecht and inburgeraar.consulent == consulent_drechtsteden
    regel = inburgeraar.gebeurtenissen.filter(soort=Soort.OVERDRACHT).get()
    assert "van Dordrecht naar Zwijndrecht" in regel.omschrijving
    assert str(consulent_drechtsteden) in regel.omschrijving


def test_teamleider_kiest_bij_verhuizen_een_andere_consulent(dordrecht, zwijndrecht, consulent_drechtsteden):
    teamleider = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    collega = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    inburgeraar = InburgeraarFactory(gemeente=dordrecht, consulent=consulent_drechtsteden)
    services.verhuizen_binnen_organisatie(
        inburgeraar=inburgeraar, door=teamleider, naar_gemeente=zwijndrecht, consulent=collega
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.consulent == collega
    assert inburgeraar.gebeurtenissen.filter(soort=Soort.CONSULENT_TOEGEWEZEN).exists()


def test_verhuizen_binnen_organisatie_weigert_andere_organisatie(dossier, consulent, noordoostpolder):
    voor = _stand()
    with pytest.raises(ValidationError, match="hoort niet bij uw organisatie"):
        services.verhuizen_binnen_organisatie(
            inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder
        )
    assert _stand() == voor


def test_consulent_van_alleen_dordrecht_kan_niet_naar_zwijndrecht_verhuizen(dordrecht, zwijndrecht):
    beperkt = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    beperkt.gemeenten.set([dordrecht])
    inburgeraar = InburgeraarFactory(gemeente=dordrecht, consulent=beperkt)
    with pytest.raises(ValidationError, match="U werkt niet voor Zwijndrecht"):
        services.verhuizen_binnen_organisatie(
            inburgeraar=inburgeraar, door=beperkt, naar_gemeente=zwijndrecht
        )


def test_boete_van_de_vorige_gemeente_telt_mee(
    dossier, consulent, teamleider, consulent_nop, noordoostpolder
):
    """Wi 23 repeat and cap per termijn, Wi 15 lid 4: the termijn runs on after a move, so a fine of
    Dronten makes the next Wi 23 fine in Noordoostpolder a repeat (EUR 50 doubled to EUR 100)."""
    import datetime as dt

    from regie.handhaving import boete_services
    from regie.handhaving import services as handhaving
    from regie.handhaving.models import Boetebeleid
    from regie.handhaving.selectors import boetes_vorige_gemeente
    from regie.klok import vandaag

    def boete(inburgeraar, door, pleegdatum):
        Boetebeleid.objects.get_or_create(
            gemeente=inburgeraar.gemeente, defaults={"asielstatushouders_beboeten": True}
        )
        w = handhaving.waarschuwing_opstellen(
            inburgeraar=inburgeraar,
            door=door,
            aanleiding="ongeoorloofd_afwezig",
            omschrijving="Kom.",
            datum=pleegdatum,
        )
        handhaving.waarschuwing_verzonden(
            waarschuwing=w, door=door, verzonden_op=pleegdatum - dt.timedelta(days=7)
        )
        b = boete_services.voornemen_opstellen(
            inburgeraar=inburgeraar,
            door=door,
            waarschuwing=w,
            grond="wi23",
            pleegdatum=pleegdatum,
            feiten="Drie weken niet op les.",
            rapport_datum=pleegdatum + dt.timedelta(days=5),
            zienswijze_uiterlijk=pleegdatum + dt.timedelta(days=10),
        )
        boete_services.zienswijze_vastleggen(boete=b, door=door, vorm="geen_reactie", datum=vandaag())
        return boete_services.besluiten(boete=b, door=door, opleggen=True)

    eerste = boete(dossier, consulent, vandaag() - dt.timedelta(days=90))
    boete_services.goedkeuren(boete=eerste, door=teamleider)
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    nieuw = services.overdracht_accepteren(overdracht=overdracht, door=consulent_nop)
    assert [b["bedrag_centen"] for b in boetes_vorige_gemeente(nieuw)] == [5_000]

    tweede = boete(nieuw, consulent_nop, vandaag() - dt.timedelta(days=20))
    assert tweede.bedrag_centen == 10_000
    assert boete_services.berekening_voor(tweede).uitleg[1].startswith("Dit is de 2e keer")


def test_een_verhuizing_is_een_regel_op_de_tijdlijn(dordrecht, zwijndrecht, consulent_drechtsteden):
    """A move within the organisation, as DUO reports it, is one timeline entry that also names the
    changed DUO notice date; not a second 'Gegevens gewijzigd' for the same change."""
    import datetime as dt

    inburgeraar = InburgeraarFactory(
        gemeente=dordrecht, consulent=consulent_drechtsteden, datum_melding_duo=dt.date(2026, 1, 5)
    )
    voor = inburgeraar.gebeurtenissen.count()
    services.verhuizen_binnen_organisatie(
        inburgeraar=inburgeraar,
        door=consulent_drechtsteden,
        naar_gemeente=zwijndrecht,
        datum_melding_duo=dt.date(2026, 11, 2),
    )
    (regel,) = inburgeraar.gebeurtenissen.all()[: inburgeraar.gebeurtenissen.count() - voor]
    assert regel.soort == Soort.OVERDRACHT
    assert regel.gegevens["wijzigingen"]["datum melding DUO"] == ["2026-01-05", "2026-11-02"]
    assert regel.gegevens["wijzigingen"]["gemeente"] == ["Dordrecht", "Zwijndrecht"]


def test_pakket_inlezen_is_een_regel_op_de_tijdlijn(dossier, consulent, consulent_nop, noordoostpolder):
    overdracht = services.pakket_maken(
        inburgeraar=dossier, door=consulent, naar_gemeente_naam="Noordoostpolder", naar_cbs_code="0171"
    )
    nieuw = InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn)
    voor = nieuw.gebeurtenissen.count()
    services.pakket_inlezen(inburgeraar=nieuw, door=consulent_nop, pakket=overdracht.pakket, bron=Bron.API)
    assert nieuw.gebeurtenissen.count() == voor + 1
    assert nieuw.gebeurtenissen.filter(soort=Soort.OVERDRACHT).count() == 1

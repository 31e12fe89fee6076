"""The delivery on the database: scope, a fixed number of queries, the file against the schema,
immutability, corrections, the processing log, and the page (role, tenant, bad input)."""

import hashlib
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Rol
from regie.cbs.definitie import schema_fouten
from regie.cbs.kwartaal import Kwartaal, laatste_afgesloten
from regie.cbs.models import Levering
from regie.cbs.selectors import berichtgever_voor, berichtgevers_voor, in_scope, personen
from regie.cbs.services import levering_maken
from regie.demo.factories import InburgeraarFactory, IntakeFactory, UserFactory, pip_vastgesteld
from regie.inburgeraars.models import Doelgroep
from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis, Soort
from regie.verwerkingslog.models import Betrokkene, Verwerking

K2, K3, K4 = Kwartaal(2025, 2), Kwartaal(2025, 3), Kwartaal(2025, 4)


def gezinsmigrant(gemeente, melding=date(2025, 5, 10), **velden):
    return InburgeraarFactory(
        gemeente=gemeente, doelgroep=Doelgroep.GEZINSMIGRANT, datum_melding_duo=melding, **velden
    )


def afgesloten(inburgeraar, op: date, status="afgerond", reden="diploma"):
    """A case closed on `op`, as the timeline records it."""
    inburgeraar.status, inburgeraar.einde_reden = status, reden
    inburgeraar.save(update_fields=["status", "einde_reden"])
    g = Gebeurtenis.objects.create(
        inburgeraar=inburgeraar,
        soort=Soort.STATUS_GEWIJZIGD,
        omschrijving="afgesloten",
        gegevens={"van": "in_uitvoering", "naar": status, "reden": reden},
    )
    Gebeurtenis.objects.filter(pk=g.pk).update(
        op=timezone.make_aware(datetime(op.year, op.month, op.day, 12))
    )


@pytest.mark.django_db
def test_eerst_in_het_kwartaal_van_koppeling_dan_elk_kwartaal_tot_het_einde(dronten, dordrecht):
    nieuw = gezinsmigrant(dronten)
    klaar = gezinsmigrant(dronten, melding=date(2024, 11, 1))
    afgesloten(klaar, date(2025, 8, 15))
    coa_eerder = InburgeraarFactory(
        gemeente=dronten, datum_melding_duo=date(2025, 9, 1), datum_koppeling_coa=date(2025, 3, 20)
    )
    gezinsmigrant(dordrecht)  # another municipality

    def scope(k):
        return set(in_scope([dronten], k).values_list("pk", flat=True))

    assert scope(Kwartaal(2025, 1)) == {klaar.pk, coa_eerder.pk}  # linked by COA before DUO's notice
    assert scope(K2) == {nieuw.pk, klaar.pk, coa_eerder.pk}
    assert scope(K3) == {nieuw.pk, klaar.pk, coa_eerder.pk}  # closed in K3: delivered once more
    assert scope(K4) == {nieuw.pk, coa_eerder.pk}
    eerste = {p.id: p for p in personen([dronten], K2)}
    assert eerste[nieuw.pk].koppeldatum == date(2025, 5, 10)
    einde = {p.id: p for p in personen([dronten], K3)}[klaar.pk]
    assert (einde.einddatum, einde.eindstatus, einde.einde_reden) == (
        date(2025, 8, 15),
        "afgerond",
        "diploma",
    )


@pytest.mark.django_db
def test_feiten_na_het_kwartaal_tellen_niet_mee(dronten, consulent):
    p = InburgeraarFactory(gemeente=dronten, datum_melding_duo=date(2025, 5, 1), consulent=consulent)
    IntakeFactory(inburgeraar=p, afgerond_op=date(2025, 6, 1))
    pip_vastgesteld(p, consulent, dagtekening=date(2025, 7, 2))
    voor, na = personen([dronten], K2)[0], personen([dronten], K3)[0]
    assert voor.eerste_pip is None and voor.intake_afgerond == date(2025, 6, 1)
    assert na.eerste_pip == date(2025, 7, 2) and na.leerroute == "b1"


@pytest.mark.django_db
def test_vast_aantal_queries(dronten, consulent):
    def tel():
        with CaptureQueriesContext(connection) as q:
            personen([dronten], K3)
        return len(q.captured_queries)

    p = InburgeraarFactory(gemeente=dronten, datum_melding_duo=date(2025, 5, 1), consulent=consulent)
    pip_vastgesteld(p, consulent, dagtekening=date(2025, 7, 2))
    een = tel()
    for _ in range(4):
        q = InburgeraarFactory(gemeente=dronten, datum_melding_duo=date(2025, 5, 1), consulent=consulent)
        pip_vastgesteld(q, consulent, dagtekening=date(2025, 7, 2))
    assert tel() == een == 6


@pytest.fixture
def gezinnen(dronten):
    return [gezinsmigrant(dronten) for _ in range(3)]


@pytest.mark.django_db
def test_bestand_klopt_met_het_schema_en_blijft_zoals_het_is(teamleider, dronten, gezinnen):
    levering = levering_maken(
        door=teamleider, berichtgever=berichtgever_voor(teamleider, "0303"), kwartaal=K3
    )
    inhoud = bytes(levering.bestand)
    assert schema_fouten(inhoud) == []
    assert levering.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert levering.aantal_records == 3 and not levering.correctie
    assert sorted(levering.inburgeraars) == sorted(p.pk for p in gezinnen)
    assert gezinnen[0].bsn.encode() in inhoud
    kapot = inhoud.replace(b"<doelgroep>G</doelgroep>", b"<doelgroep>X</doelgroep>", 1)
    assert any("doelgroep" in f for f in schema_fouten(kapot))
    assert schema_fouten(b"<geen xml") != []
    levering.aantal_records = 99
    with pytest.raises(ValidationError):
        levering.save()
    with pytest.raises(ValidationError):
        Levering.objects.filter(pk=levering.pk).update(aantal_records=99)
    with pytest.raises(ValidationError):
        Levering.objects.filter(pk=levering.pk).delete()
    assert Levering.objects.get().aantal_records == 3


@pytest.mark.django_db
def test_correctie_van_een_eerder_kwartaal(teamleider, gezinnen):
    berichtgever = berichtgever_voor(teamleider, "0303")
    eerste = levering_maken(door=teamleider, berichtgever=berichtgever, kwartaal=K3)
    correctie = levering_maken(door=teamleider, berichtgever=berichtgever, kwartaal=K3)
    assert correctie.correctie and correctie.vervangt == eerste
    assert f"<vervangt>{eerste.sha256}</vervangt>".encode() in bytes(correctie.bestand)
    assert b"<correctie>J</correctie>" in bytes(correctie.bestand)


@pytest.mark.django_db
def test_verplichte_gegevens_ontbreken_dan_niets_of_zonder_die_personen(teamleider, dronten, gezinnen):
    InburgeraarFactory(gemeente=dronten, datum_melding_duo=date(2025, 5, 1), datum_koppeling_coa=None)
    berichtgever = berichtgever_voor(teamleider, "0303")
    with pytest.raises(ValidationError, match="Bij 1 persoon ontbreken verplichte gegevens"):
        levering_maken(door=teamleider, berichtgever=berichtgever, kwartaal=K3)
    assert not Levering.objects.exists()
    levering = levering_maken(
        door=teamleider, berichtgever=berichtgever, kwartaal=K3, onvolledig_weglaten=True
    )
    assert (levering.aantal_records, levering.aantal_uitgesloten) == (3, 1)


@pytest.mark.django_db
def test_een_kwartaal_dat_niet_voorbij_is_wordt_geweigerd(teamleider, gezinnen):
    with pytest.raises(ValidationError, match="nog niet voorbij"):
        levering_maken(
            door=teamleider,
            berichtgever=berichtgever_voor(teamleider, "0303"),
            kwartaal=Kwartaal.van_datum(vandaag()),
        )
    assert not Levering.objects.exists()


@pytest.mark.django_db
def test_berichtgevers_gedeelde_dienst_en_beperkte_medewerker(dordrecht, dronten):
    teamleider = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    assert [b.sleutel for b in berichtgevers_voor(teamleider)][0] == "alle"
    assert len(berichtgevers_voor(teamleider)) == 5
    beperkt = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    beperkt.gemeenten.set([dordrecht])
    assert [b.sleutel for b in berichtgevers_voor(beperkt)] == ["0505"]


@pytest.mark.django_db
def test_maken_en_downloaden_komen_in_het_verwerkingslog(client, teamleider, gezinnen):
    client.force_login(teamleider)
    antwoord = client.post(reverse("cbs:leveren"), {"berichtgever": "0303", "kwartaal": str(K3)})
    assert antwoord.status_code == 302
    levering = Levering.objects.get()
    gemaakt = Verwerking.objects.get(handeling="cbs_levering_gemaakt")
    assert (gemaakt.onderdeel, gemaakt.gebruiker, gemaakt.object_id) == (
        "cbs",
        teamleider,
        str(levering.uuid),
    )
    assert set(Betrokkene.objects.filter(verwerking=gemaakt).values_list("inburgeraar_id", flat=True)) == {
        p.pk for p in gezinnen
    }
    antwoord = client.get(reverse("cbs:download", args=[levering.uuid]))
    assert antwoord.status_code == 200 and antwoord.content == bytes(levering.bestand)
    assert levering.bestandsnaam in antwoord["Content-Disposition"]
    gedownload = Verwerking.objects.get(handeling="cbs_levering_gedownload")
    assert Betrokkene.objects.filter(verwerking=gedownload).count() == 3
    pagina = client.get(reverse("cbs:overzicht"))
    assert levering.sha256[:12] in pagina.content.decode()


@pytest.mark.django_db
def test_de_pagina_weigert_slechte_invoer(client, teamleider, consulent, dronten):
    InburgeraarFactory(gemeente=dronten, datum_melding_duo=date(2025, 5, 1), datum_koppeling_coa=None)
    client.force_login(teamleider)
    toekomst = Kwartaal.van_datum(vandaag())
    antwoord = client.get(reverse("cbs:controle"), {"berichtgever": "0303", "kwartaal": str(toekomst)})
    assert antwoord.status_code == 400 and "nog niet voorbij" in antwoord.content.decode()
    antwoord = client.get(reverse("cbs:controle"), {"berichtgever": "0505", "kwartaal": "2025-K3"})
    assert antwoord.status_code == 404  # Dordrecht: not a municipality this team lead works for
    antwoord = client.get(reverse("cbs:controle"), {"berichtgever": "0303", "kwartaal": "2025-K3"})
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Datum koppeling COA" in tekst and "Voorlopige definitie" in tekst
    gelezen = Verwerking.objects.filter(onderdeel="cbs", actie="lezen").count()
    assert gelezen == 1
    antwoord = client.post(reverse("cbs:leveren"), {"berichtgever": "0303", "kwartaal": "2025-K3"})
    assert antwoord.status_code == 400 and "Er is niets geleverd" in antwoord.content.decode()
    assert not Levering.objects.exists()
    assert Verwerking.objects.filter(onderdeel="cbs", actie="lezen").count() == 2  # the report shown again
    client.force_login(consulent)
    assert client.get(reverse("cbs:overzicht")).status_code == 403
    beleid = UserFactory(organisatie=dronten.organisatie, rol=Rol.BELEIDSMEDEWERKER)
    client.force_login(beleid)
    assert (
        client.get(reverse("cbs:controle"), {"berichtgever": "0303", "kwartaal": "2025-K3"}).status_code
        == 403
    )


@pytest.mark.django_db
def test_laatste_kwartaal_is_de_standaardkeuze(client, teamleider):
    client.force_login(teamleider)
    tekst = client.get(reverse("cbs:overzicht")).content.decode()
    assert f'value="{laatste_afgesloten(vandaag())}" selected' in tekst


@pytest.mark.django_db
def test_de_geschiedenis_kost_evenveel_queries_bij_meer_leveringen(client, teamleider, gezinnen):
    berichtgever = berichtgever_voor(teamleider, "0303")
    client.force_login(teamleider)

    ctx = []

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse("cbs:overzicht")).status_code == 200
        ctx[:] = q.captured_queries
        return len(q.captured_queries)

    levering_maken(door=teamleider, berichtgever=berichtgever, kwartaal=K2)
    tel()  # the first request of a session does more (the session, the two-step check)
    een = tel()
    for kwartaal in (K3, K3, K4, Kwartaal(2026, 1)):
        levering_maken(door=teamleider, berichtgever=berichtgever, kwartaal=kwartaal)
    assert tel() == een, [q["sql"][:150] for q in ctx]

"""Notices Regie cannot process are parked with a Dutch reason, never dropped; DUO failing means
trying again later; a batch sent twice changes nothing the second time; a person handles parked
notices on the page "DUO-meldingen"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from regie.demo.factories import InburgeraarFactory, geldig_bsn
from regie.duo import wachttijden
from regie.duo.inkomend import services
from regie.duo.inkomend.models import Notificatie
from regie.duo.inkomend.models import Status as NStatus
from regie.duo.tests.inkomend.conftest import melding, stuur
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import Status
from regie.organisaties.models import Gemeente
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis

pytestmark = pytest.mark.django_db

BSN = geldig_bsn(710_001)


def _enige():
    return Notificatie.objects.get()


def test_onbekend_bsn_bij_nieuwe_plicht_geparkeerd_om_te_registreren(client, dronten, duo_simulator):
    duo_simulator.persoon_toevoegen(BSN, "0303")
    assert stuur(client, dronten.oin, melding(BSN, "SS101")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    assert "nog niet in Regie" in n.reden and "Registreer" in n.reden
    assert not Inburgeraar.objects.exists()


def test_onbekend_bsn_bij_andere_gebeurtenis_geparkeerd(client, dronten, duo_simulator):
    assert stuur(client, dronten.oin, melding(BSN, "SS111")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    assert "geen inburgeraar met dit BSN" in n.reden
    assert duo_simulator.ontvangen() == []  # nothing asked of DUO for an unknown person


def test_onbekende_gebeurteniscode_geparkeerd(client, dronten, inburgeraar):
    assert stuur(client, dronten.oin, melding(inburgeraar.bsn, "SS999")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    assert "kent de gebeurtenis SS999 niet" in n.reden


@pytest.mark.parametrize("code", ["SS111", "SS101"])
def test_persoon_van_andere_organisatie_is_hier_onbekend(client, dronten, dordrecht, duo_simulator, code):
    """A BSN that lives in another organisation is treated exactly as one Regie does not know:
    the same reason, no link, nothing changed (no oracle, issue 9)."""
    duo_simulator.persoon_toevoegen(BSN, "0303")
    ander = InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    voor = list(Inburgeraar.objects.values_list())
    assert stuur(client, dronten.oin, melding(BSN, code)).status_code == 201
    werk_taken_af()
    n = _enige()
    assert list(Inburgeraar.objects.values_list()) == voor
    assert not Gebeurtenis.objects.filter(inburgeraar=ander).exists()
    ander.delete()  # the same notice for a BSN no one knows
    assert stuur(client, dronten.oin, melding(BSN, code)).status_code == 201
    werk_taken_af()
    onbekend = Notificatie.objects.exclude(pk=n.pk).get()
    assert (n.status, n.reden, n.inburgeraar) == (onbekend.status, onbekend.reden, None)
    assert n.status == NStatus.GEPARKEERD


def test_persoon_van_andere_gemeente_zelfde_organisatie_geparkeerd(client, dordrecht, duo_simulator):
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    InburgeraarFactory(bsn=BSN, gemeente=dordrecht)
    assert stuur(client, zwijndrecht.oin, melding(BSN, "SS111")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    assert "bij de gemeente Dordrecht" in n.reden


def test_duo_storing_later_opnieuw_en_melding_niet_kwijt(client, dronten, inburgeraar, duo_simulator):
    duo_simulator.persoon_toevoegen(inburgeraar.bsn, "0303")
    duo_simulator.storing(503, aantal=1)
    assert stuur(client, dronten.oin, melding(inburgeraar.bsn, "SS111")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.ONTVANGEN
    assert n.pogingen == 1
    assert "storing" in n.reden and "opnieuw" in n.reden
    # The same first wait as a message to DUO (regie.duo.wachttijden, one policy for both).
    assert n.volgende_poging - timezone.now() == pytest.approx(
        wachttijden.WACHTTIJDEN[0], abs=timedelta(seconds=30)
    )
    inburgeraar.refresh_from_db()
    assert inburgeraar.status != Status.BEEINDIGD

    # The retry is queued for later; when it is due, the notice is processed.
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
    werk_taken_af()
    n.refresh_from_db()
    assert n.status == NStatus.VERWERKT, n.reden
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.BEEINDIGD


def test_duo_blijft_onbereikbaar_dan_geparkeerd(dronten, inburgeraar, settings):
    settings.DUO_BASE_URL = ""  # DUO not reachable at all
    n = Notificatie.objects.create(
        bericht_id="b",
        bron=settings.DUO_OIN,
        doel=dronten.oin,
        gemeente=dronten,
        bsn=inburgeraar.bsn,
        gebeurtenis_id="SS111",
        registratie_datum_tijd=timezone.now(),
        pogingen=wachttijden.MAX_POGINGEN - 1,
    )
    services.verwerk(n)
    assert n.status == NStatus.GEPARKEERD
    assert "onbereikbaar" in n.reden


def test_duo_wijst_af_geparkeerd_met_reden_van_duo(client, dronten, inburgeraar, duo_simulator):
    duo_simulator.persoon_toevoegen(inburgeraar.bsn, "0303")
    duo_simulator.storing(400, aantal=1, fouttekst="Verzoek niet toegestaan")
    assert stuur(client, dronten.oin, melding(inburgeraar.bsn, "SS111")).status_code == 201
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    assert "Verzoek niet toegestaan" in n.reden


def test_zelfde_batch_twee_keer_verandert_niets(client, dronten, consulent, duo_simulator):
    bsns = [geldig_bsn(720_000 + i) for i in range(5)]
    for bsn in bsns:
        InburgeraarFactory(bsn=bsn, gemeente=dronten, consulent=consulent)
        duo_simulator.persoon_toevoegen(bsn, "0303", doelgroep="Gezinsmigrant en overige migrant")
    batch = []
    for bsn in bsns:
        for code in ("SS124", "SS137", "SS199"):
            r = duo_simulator.gebeurtenis(bsn, code)
            batch.append(r)

    def stuur_batch():
        for r in batch:
            assert duo_simulator.notificatie_afleveren(r).status_code == 201
        werk_taken_af()

    def toestand():
        return (
            Notificatie.objects.count(),
            sorted(Notificatie.objects.values_list("bericht_id", "status", "effect")),
            sorted(Inburgeraar.objects.values_list()),
            Gebeurtenis.objects.count(),
        )

    stuur_batch()
    eerst = toestand()
    assert eerst[0] == len(batch)
    assert {s for _, s, _ in eerst[1]} == {NStatus.VERWERKT}
    stuur_batch()
    assert toestand() == eerst


def test_registreren_en_opnieuw_verwerken(client, dronten, teamleider, duo_simulator):
    duo_simulator.persoon_toevoegen(BSN, "0303")
    stuur(client, dronten.oin, melding(BSN, "SS101"))
    werk_taken_af()
    n = _enige()
    assert n.status == NStatus.GEPARKEERD
    inburgeraar = InburgeraarFactory(bsn=BSN, gemeente=dronten, datum_melding_duo=None)

    client.force_login(teamleider)
    antwoord = client.post(f"/duo-meldingen/{n.uuid}/", {"actie": "opnieuw"})
    assert antwoord.status_code == 302
    werk_taken_af()
    n.refresh_from_db()
    assert n.status == NStatus.VERWERKT, n.reden
    assert n.inburgeraar == inburgeraar
    inburgeraar.refresh_from_db()
    assert inburgeraar.datum_melding_duo is not None


def test_koppelen_aan_dossier_met_bsn(client, dronten, consulent, inburgeraar, duo_simulator):
    duo_simulator.persoon_toevoegen(BSN, "0303")
    stuur(client, dronten.oin, melding(BSN, "SS111"))
    werk_taken_af()
    n = _enige()
    client.force_login(consulent)
    fout = client.post(f"/duo-meldingen/{n.uuid}/", {"actie": "koppelen", "bsn": "123456782"})
    assert fout.status_code == 400
    assert "Er is geen dossier met dit BSN" in fout.content.decode()
    assert (
        client.post(f"/duo-meldingen/{n.uuid}/", {"actie": "koppelen", "bsn": inburgeraar.bsn}).status_code
        == 302
    )
    werk_taken_af()
    n.refresh_from_db()
    assert n.status == NStatus.VERWERKT, n.reden
    inburgeraar.refresh_from_db()
    assert inburgeraar.status == Status.BEEINDIGD


def test_afhandelen_vraagt_een_notitie(client, dronten, consulent):
    stuur(client, dronten.oin, melding(BSN, "SS999"))
    werk_taken_af()
    n = _enige()
    client.force_login(consulent)
    antwoord = client.post(f"/duo-meldingen/{n.uuid}/", {"actie": "afhandelen", "notitie": " "})
    assert antwoord.status_code == 400
    assert "Schrijf kort op" in antwoord.content.decode()
    n.refresh_from_db()
    assert n.status == NStatus.GEPARKEERD
    assert (
        client.post(
            f"/duo-meldingen/{n.uuid}/", {"actie": "afhandelen", "notitie": "Nagevraagd bij DUO"}
        ).status_code
        == 302
    )
    n.refresh_from_db()
    assert n.status == NStatus.AFGEHANDELD
    assert n.afgehandeld_door == consulent
    assert "Nagevraagd bij DUO" in n.notitie


def test_lijst_toont_geparkeerd_alleen_van_eigen_gemeenten(
    client, dronten, dordrecht, consulent, consulent_drechtsteden
):
    stuur(client, dronten.oin, melding(BSN, "SS999"))
    stuur(client, dordrecht.oin, melding(geldig_bsn(710_002), "SS998"))
    werk_taken_af()
    client.force_login(consulent)
    inhoud = client.get("/duo-meldingen/?filter=geparkeerd").content.decode()
    assert "SS999" in inhoud and "SS998" not in inhoud
    andere = Notificatie.objects.get(gebeurtenis_id="SS998")
    assert client.get(f"/duo-meldingen/{andere.uuid}/").status_code == 404

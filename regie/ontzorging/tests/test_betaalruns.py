"""The monthly payment run: preview totals, four eyes, the pain.001 file valid against the
schema, idempotent (nothing paid twice, also when a run is made again), a returned payment paid
again in the next run."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from lxml import etree

from regie.ontzorging import betaalruns, selectors, sepa, services
from regie.ontzorging.models import Betaalrun, Betaling, Betalingstatus, Runstatus
from regie.verwerkingslog.models import Resultaat, Verwerking

pytestmark = pytest.mark.django_db
NS = {"p": sepa.NAAMRUIMTE}
MAART = date(2027, 3, 1)


def test_vooruitblik_telt_en_somt(dronten, vaste_lasten, rekening):
    v = selectors.vooruitblik(dronten, MAART)
    assert (v.aantal, v.totaal, v.huishoudens) == (3, 64550 + 12000 + 14250, 1)


def test_run_voorbereiden_en_totalen(dronten, vaste_lasten, rekening, financieel):
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    assert (run.aantal, run.totaal) == (3, 90800)
    assert sum(run.betalingen.values_list("bedrag", flat=True)) == run.totaal
    assert {s for s, _, _ in selectors.totalen_van(run).per_soort} == {
        "Huur (verhuurder)",
        "Energie (gas en stroom)",
        "Zorgverzekering",
    }


def test_vier_ogen_voorbereider_keurt_niet_goed(
    dronten, vaste_lasten, rekening, financieel, financieel2, statushouder
):
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    with pytest.raises(ValidationError, match="vier ogen"):
        betaalruns.run_goedkeuren(run=run, door=financieel)
    run.refresh_from_db()
    assert run.status == Runstatus.VOORBEREID and not run.bestand
    geweigerd = Verwerking.objects.filter(resultaat=Resultaat.GEWEIGERD).latest("pk")
    assert "vier ogen" in geweigerd.reden
    assert list(geweigerd.betrokkenen.values_list("inburgeraar_id", flat=True)) == [statushouder.pk]
    betaalruns.run_goedkeuren(run=run, door=financieel2)
    run.refresh_from_db()
    assert run.status == Runstatus.GEEXPORTEERD and run.goedgekeurd_door == financieel2


def test_sepa_bestand_valideert_tegen_pain_001_en_sommen_kloppen(
    dronten, vaste_lasten, rekening, financieel, financieel2
):
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    betaalruns.run_goedkeuren(run=run, door=financieel2)
    run.refresh_from_db()
    inhoud = bytes(run.bestand)
    assert sepa.schemafouten(inhoud) == []
    doc = etree.fromstring(inhoud)
    assert doc.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", namespaces=NS) == "3"
    assert doc.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", namespaces=NS) == "908.00"
    bedragen = [e.text for e in doc.iterfind(".//p:InstdAmt", NS)]
    assert sorted(bedragen) == ["120.00", "142.50", "645.50"]
    assert doc.findtext(".//p:Dbtr/p:Nm", namespaces=NS) == "Gemeente Dronten"
    assert doc.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == "NL14BNGH0285001234"
    assert {e.text for e in doc.iterfind(".//p:EndToEndId", NS)} == set(
        run.betalingen.values_list("end_to_end", flat=True)
    )


def test_schema_weigert_een_kapot_bestand():
    kapot = (
        b'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">'
        b"<CstmrCdtTrfInitn><GrpHdr><MsgId>x</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>"
    )
    assert sepa.schemafouten(kapot)


def test_niets_twee_keer_ook_als_de_run_opnieuw_wordt_gemaakt(
    dronten, vaste_lasten, rekening, financieel, financieel2
):
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    with pytest.raises(ValidationError, match="wacht al"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel2, maand=MAART)
    betaalruns.run_verwijderen(run=run, door=financieel)
    opnieuw = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel2, maand=MAART)
    assert opnieuw.aantal == 3
    betaalruns.run_goedkeuren(run=opnieuw, door=financieel)
    with pytest.raises(ValidationError, match="niets"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    assert Betaling.objects.count() == 3


def test_database_weigert_een_tweede_betaling_van_dezelfde_last_en_maand(
    dronten, vaste_lasten, rekening, financieel
):
    run = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    eerste = run.betalingen.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Betaling.objects.create(
            run=run,
            inburgeraar_id=eerste.inburgeraar_id,
            vaste_last_id=eerste.vaste_last_id,
            maand=eerste.maand,
            soort=eerste.soort,
            begunstigde=eerste.begunstigde,
            iban=eerste.iban,
            bedrag=eerste.bedrag,
            omschrijving="dubbel",
            end_to_end="ONTZdubbel",
        )


def test_teruggekomen_betaling_gaat_mee_in_de_volgende_run(
    dronten, vaste_lasten, rekening, financieel, financieel2, statushouder, consulent
):
    maart = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    betaalruns.run_goedkeuren(run=maart, door=financieel2)
    betaalruns.run_betaald(run=maart, door=financieel)
    huur = maart.betalingen.get(soort="huur")
    with pytest.raises(ValidationError):
        betaalruns.betaling_teruggekomen(betaling=huur, door=financieel, reden=" ")
    betaalruns.betaling_teruggekomen(betaling=huur, door=financieel, reden="Rekening opgeheven (AC04)")
    assert Verwerking.objects.filter(
        resultaat=Resultaat.GEWEIGERD, betrokkenen__inburgeraar_id=statushouder.pk
    ).exists()
    # The consultant corrects the IBAN; the next run pays April and March's rent again.
    vaste_last = huur.vaste_last
    statushouder.refresh_from_db()
    services.vaste_last_wijzigen(
        vaste_last=vaste_last,
        door=consulent,
        soort="huur",
        begunstigde=vaste_last.begunstigde,
        iban="NL18RABO0123459876",
        bedrag=vaste_last.bedrag,
        van=vaste_last.van,
        kenmerk=vaste_last.kenmerk,
    )
    april = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel2, maand=date(2027, 4, 1))
    opnieuw = april.betalingen.get(soort="huur", maand=MAART)
    assert opnieuw.iban == "NL18RABO0123459876" and opnieuw.bedrag == huur.bedrag
    assert april.aantal == 4
    assert selectors.totalen_van(maart).teruggekomen_aantal == 1
    assert (
        Betaling.objects.filter(vaste_last=vaste_last, maand=MAART)
        .exclude(status=Betalingstatus.TERUGGEKOMEN)
        .count()
        == 1
    )


def test_na_einde_ontzorging_niets_meer_te_betalen(
    dronten, vaste_lasten, rekening, financieel, ontzorging, consulent, vandaag, monkeypatch
):
    # June 2027 is month six; July is not paid.
    monkeypatch.setattr("regie.ontzorging.betaalruns.vandaag", lambda: date(2027, 7, 1))
    assert selectors.vooruitblik(dronten, date(2027, 6, 1)).aantal == 3
    assert selectors.vooruitblik(dronten, date(2027, 7, 1)).aantal == 0
    with pytest.raises(ValidationError, match="niets"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 7, 1))


def test_zonder_betaalrekening_geen_run(dronten, vaste_lasten, financieel):
    with pytest.raises(ValidationError, match="betaalrekening"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    assert not Betaalrun.objects.exists()


def test_betaalrekening_met_ongeldig_iban(dronten, financieel):
    with pytest.raises(ValidationError) as fout:
        betaalruns.betaalrekening_vastleggen(
            gemeente=dronten, door=financieel, naam="Gemeente", iban="NL00BNGH0000000000"
        )
    assert "IBAN" in fout.value.message_dict["iban"][0]


def test_alleen_financieel_medewerker_van_de_gemeente(dordrecht, vaste_lasten, consulent, financieel):
    with pytest.raises(ValidationError):
        betaalruns.betaalrekening_vastleggen(
            gemeente=dordrecht, door=financieel, naam="X", iban="NL14BNGH0285001234"
        )
    with pytest.raises(ValidationError):
        betaalruns.run_voorbereiden(
            gemeente=vaste_lasten[0].ontzorging.inburgeraar.gemeente, door=consulent, maand=MAART
        )


@pytest.mark.parametrize("status", ["verhuisd", "afgerond", "beeindigd"])
def test_gesloten_dossier_gaat_niet_meer_mee_in_een_run(dronten, vaste_lasten, rekening, financieel, status):
    """A case closed within the six months (e.g. moved to Noordoostpolder): the old municipality
    no longer pays its fixed costs (Pw 56a, regie.wet.ontzorging.loopt_op)."""
    from regie.inburgeraars.models import Inburgeraar

    assert selectors.vooruitblik(dronten, MAART).aantal == 3
    Inburgeraar.objects.filter(pk=vaste_lasten[0].ontzorging.inburgeraar_id).update(status=status)
    assert selectors.vooruitblik(dronten, MAART).aantal == 0
    with pytest.raises(ValidationError, match="niets"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)


def test_geweigerde_run_laat_niets_achter(dronten, vaste_lasten, rekening, financieel, monkeypatch):
    """A run refused for having nothing to pay is not kept: it would block the next run as 'waiting'."""
    monkeypatch.setattr("regie.ontzorging.betaalruns.vandaag", lambda: date(2027, 7, 1))
    with pytest.raises(ValidationError, match="niets"):
        betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 7, 1))
    assert not Betaalrun.objects.filter(gemeente=dronten).exists()
    juni = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 6, 1))
    assert juni.aantal == 3


def test_twee_keer_teruggekomen_telt_een_keer_in_vooruitblik_en_run(
    dronten, vaste_lasten, rekening, financieel, financieel2, monkeypatch
):
    """A month of rent that came back twice is paid once more, and the preview says so too."""
    maart = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=MAART)
    betaalruns.run_goedkeuren(run=maart, door=financieel2)
    betaalruns.run_betaald(run=maart, door=financieel)
    betaalruns.betaling_teruggekomen(
        betaling=maart.betalingen.get(soort="huur"), door=financieel, reden="AC04"
    )
    april = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 4, 1))
    betaalruns.run_goedkeuren(run=april, door=financieel2)
    betaalruns.run_betaald(run=april, door=financieel)
    opnieuw = april.betalingen.get(soort="huur", maand=MAART)
    betaalruns.betaling_teruggekomen(betaling=opnieuw, door=financieel, reden="AC04")

    monkeypatch.setattr("regie.ontzorging.betaalruns.vandaag", lambda: date(2027, 5, 1))
    vooruit = selectors.vooruitblik(dronten, date(2027, 5, 1))
    mei = betaalruns.run_voorbereiden(gemeente=dronten, door=financieel, maand=date(2027, 5, 1))
    assert mei.betalingen.filter(maand=MAART).count() == 1
    assert (vooruit.aantal, vooruit.totaal, vooruit.opnieuw) == (mei.aantal, mei.totaal, 1)

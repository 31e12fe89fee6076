"""The queue processes DUO's notices a batch at a time (regie.duo.inkomend.batch) and keeps every
guarantee of one notice per task: each processed notice has its timeline entry and its
processing-log entry, a notice is processed once however often its task runs, an error in one
notice costs the others nothing and leaves it retryable, a crash before the commit loses nothing,
and notices about one person are processed in the order received."""

import pytest
from django_tasks_db.models import DBTaskResult

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.duo.inkomend import batch, gebeurtenissen
from regie.duo.inkomend.models import Notificatie
from regie.duo.inkomend.models import Status as NStatus
from regie.duo.inkomend.services import verwerk_notificatie
from regie.inburgeraars.models import Inburgeraar
from regie.taken.services import opnieuw_proberen
from regie.taken.werk import werk_taken_af
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog.models import Betrokkene

pytestmark = pytest.mark.django_db

AANTAL = 6


@pytest.fixture
def meldingen(duo_simulator, dronten):
    """AANTAL cases, each with one event at DUO (an exam result) whose notice Regie received."""
    resultaat = []
    for i in range(AANTAL):
        bsn = geldig_bsn(720_000 + i)
        InburgeraarFactory(bsn=bsn, gemeente=dronten)
        duo_simulator.persoon_toevoegen(bsn, "0303")
        verzonden = duo_simulator.gebeurtenis(bsn, "SS199", notificeer=True)
        assert verzonden["response"].status_code == 201
        resultaat.append(Notificatie.objects.get(bericht_id=verzonden["headers"]["berichtId"]))
    return resultaat


def _taak(notificatie) -> DBTaskResult:
    return DBTaskResult.objects.get(task_path=batch.TAAK, args_kwargs__args=[notificatie.pk])


def _verwerkt_met_sporen(notificatie) -> bool:
    """Processed, with its timeline entry and its processing-log entry for the case."""
    notificatie.refresh_from_db()
    return (
        notificatie.status == NStatus.VERWERKT
        and Gebeurtenis.objects.filter(inburgeraar=notificatie.inburgeraar_id, soort="duo_melding").count()
        == 1
        and Betrokkene.objects.filter(inburgeraar_id=notificatie.inburgeraar_id).exists()
    )


def test_een_taak_neemt_de_wachtende_meldingen_mee(meldingen, monkeypatch):
    gestart = []
    origineel = batch.verwerk_batch
    monkeypatch.setattr(batch, "verwerk_batch", lambda *a, **k: gestart.append(a) or origineel(*a, **k))
    werk_taken_af()
    assert len(gestart) == 1  # one task ran the whole batch
    assert all(_verwerkt_met_sporen(n) for n in meldingen)
    taken = DBTaskResult.objects.filter(task_path=batch.TAAK)
    assert {(t.status, t.return_value) for t in taken} == {("SUCCESSFUL", NStatus.VERWERKT)}
    assert all(len(t.worker_ids) == 1 and t.started_at and t.finished_at for t in taken)


def test_batches_zijn_begrensd(meldingen, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_GROOTTE", 4)
    gestart = []
    origineel = batch.verwerk_batch
    monkeypatch.setattr(batch, "verwerk_batch", lambda *a, **k: gestart.append(a) or origineel(*a, **k))
    werk_taken_af()
    assert len(gestart) == 2  # 4 + 2
    assert all(_verwerkt_met_sporen(n) for n in meldingen)


def test_dezelfde_melding_twee_keer_in_de_wachtrij_wordt_een_keer_verwerkt(meldingen):
    verwerk_notificatie.enqueue(meldingen[2].pk)
    verwerk_notificatie.enqueue(meldingen[0].pk)
    werk_taken_af()
    assert all(_verwerkt_met_sporen(n) for n in meldingen)  # one timeline entry each
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.parametrize("fout_bij", [0, 3], ids=["de-eigen-taak", "een-meegenomen-taak"])
def test_een_fout_in_een_melding_kost_de_andere_niets_en_blijft_opnieuw_te_proberen(
    meldingen, monkeypatch, dronten, fout_bij
):
    kapot = meldingen[fout_bij]
    origineel = gebeurtenissen.GEBEURTENISSEN["SS199"]

    def handler(v):
        origineel.handler(v)  # writes the timeline entry first: it must be rolled back
        if v.notificatie.pk == kapot.pk:
            raise RuntimeError("onverwacht")

    monkeypatch.setitem(
        gebeurtenissen.GEBEURTENISSEN,
        "SS199",
        gebeurtenissen.Gebeurtenis(**{**vars(origineel), "handler": handler}),
    )
    werk_taken_af()

    kapot.refresh_from_db()
    assert kapot.status == NStatus.ONTVANGEN  # visible as not yet processed
    persoon = Inburgeraar.objects.get(bsn=kapot.bsn)
    assert not Gebeurtenis.objects.filter(inburgeraar=persoon).exists()
    assert not Betrokkene.objects.filter(inburgeraar_id=persoon.pk).exists()  # its log entry went too
    taak = _taak(kapot)
    assert taak.status == "FAILED" and taak.exception_class_path == "builtins.RuntimeError"
    assert all(_verwerkt_met_sporen(n) for n in meldingen if n != kapot)

    monkeypatch.setitem(gebeurtenissen.GEBEURTENISSEN, "SS199", origineel)
    beheerder = UserFactory(organisatie=dronten.organisatie, rol=Rol.FUNCTIONEEL_BEHEERDER)
    opnieuw_proberen(taak_id=taak.id, door=beheerder)
    werk_taken_af()
    assert _verwerkt_met_sporen(kapot)


def test_een_geparkeerde_melding_laat_geen_tijdlijn_of_log_achter(meldingen, monkeypatch):
    """A handler that wrote its timeline entry and then parks the notice (DUO's data do not fit):
    the entry and its processing-log entry go with the handler's rollback, also in a batch."""
    geparkeerd = meldingen[2]
    origineel = gebeurtenissen.GEBEURTENISSEN["SS199"]

    def handler(v):
        origineel.handler(v)
        if v.notificatie.pk == geparkeerd.pk:
            raise gebeurtenissen.Parkeren("Past niet")

    monkeypatch.setitem(
        gebeurtenissen.GEBEURTENISSEN,
        "SS199",
        gebeurtenissen.Gebeurtenis(**{**vars(origineel), "handler": handler}),
    )
    werk_taken_af()
    geparkeerd.refresh_from_db()
    assert geparkeerd.status == NStatus.GEPARKEERD and geparkeerd.reden == "Past niet"
    persoon = Inburgeraar.objects.get(bsn=geparkeerd.bsn)
    assert not Gebeurtenis.objects.filter(inburgeraar=persoon).exists()
    assert not Betrokkene.objects.filter(inburgeraar_id=persoon.pk).exists()
    assert all(_verwerkt_met_sporen(n) for n in meldingen if n != geparkeerd)


def test_een_crash_voor_de_commit_verliest_niets(meldingen, monkeypatch):
    """The first batch dies before its commit: nothing of it is kept (no notice half processed),
    the tasks it took along are still ready and the next task processes them."""
    origineel = batch._afmelden
    gecrasht = []

    def eenmaal_crash(*args, **kwargs):
        if not gecrasht:
            gecrasht.append(True)
            raise ConnectionError("verbinding met de database weg")
        return origineel(*args, **kwargs)

    monkeypatch.setattr(batch, "_afmelden", eenmaal_crash)
    werk_taken_af()
    assert gecrasht
    eigen = meldingen[0]
    eigen.refresh_from_db()
    assert eigen.status == NStatus.ONTVANGEN and _taak(eigen).status == "FAILED"
    assert not Gebeurtenis.objects.filter(inburgeraar=eigen.inburgeraar_id or -1).exists()
    assert all(_verwerkt_met_sporen(n) for n in meldingen[1:])
    assert {_taak(n).status for n in meldingen[1:]} == {"SUCCESSFUL"}


def test_meldingen_over_een_persoon_in_de_volgorde_van_ontvangst(duo_simulator, dronten, client):
    bsn = geldig_bsn(721_000)
    inburgeraar = InburgeraarFactory(bsn=bsn, gemeente=dronten)
    duo_simulator.persoon_toevoegen(bsn, "0303")
    codes = ["SS137", "SS199", "SS124"]
    for code in codes:
        assert duo_simulator.gebeurtenis(bsn, code, notificeer=True)["response"].status_code == 201
    werk_taken_af()
    notificaties = list(Notificatie.objects.order_by("pk"))
    assert [n.status for n in notificaties] == [NStatus.VERWERKT] * 3
    verwerkt = sorted(notificaties, key=lambda n: n.verwerkt_op)
    assert [n.gebeurtenis_id for n in verwerkt] == codes
    tijdlijn = Gebeurtenis.objects.filter(inburgeraar=inburgeraar).order_by("pk")
    assert [g.gegevens.get("gebeurtenis") for g in tijdlijn if g.soort == "duo_melding"] == ["SS137", "SS199"]


def test_verwerken_leest_per_batch_en_niet_per_melding(meldingen, django_assert_max_num_queries):
    """Per notice: two savepoints (SAVEPOINT and RELEASE each), the stand and the notice itself;
    the cases, stands, notices and tasks are read and marked, and the timeline and processing-log
    entries written, once per batch."""
    with django_assert_max_num_queries(6 * AANTAL + 25):
        werk_taken_af()
    assert all(_verwerkt_met_sporen(n) for n in meldingen)

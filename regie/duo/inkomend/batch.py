"""Processing DUO's notices a batch at a time.

Every notice keeps its own task (enqueued with it in one transaction, shown and retried on the page
'Achtergrondtaken'). The worker that runs one of them takes up to BATCH_GROOTTE - 1 other ready
notice tasks along (FOR UPDATE SKIP LOCKED: a second worker takes other ones) and processes them
all in one transaction. What every notice would read on its own is read once for the batch: the
notices with their municipality, the cases (locked, in one query), their DuoStand and the DUO
account per organisation; the timeline and processing-log entries are written together at the end. The look-ups at DUO run in threads, one connection each, while the
notices before them are being written.

What stays as it was, per notice:
- each in its own savepoint: an error rolls back that notice only; its task is marked failed (to
  retry on 'Achtergrondtaken') and the notice stays 'ontvangen'; the others are committed;
- the tasks taken along are marked done in the transaction that processed their notices: a crash
  before the commit leaves them ready for the next worker, so nothing is lost or done twice;
- the order of the queue, so two notices about one person are processed in the order received;
- a processed notice is left alone (a repeat of a task, or two tasks for one notice).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager

from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from regie.duo.inkomend import services
from regie.duo.inkomend.models import DuoStand, Notificatie, Status
from regie.inburgeraars.models import Inburgeraar
from regie.tijdlijn import bundel as tijdlijn
from regie.verwerkingslog.log import gebundeld

# Notices per transaction. Larger saves little more and keeps SQLite's one writer lock longer
# (a notice arriving meanwhile waits for it).
BATCH_GROOTTE = 50
# Look-ups at DUO at the same time, per worker.
DUO_THREADS = 4

TAAK = "regie.duo.inkomend.services.verwerk_notificatie"

_pool: ThreadPoolExecutor | None = None
_pool_slot = threading.Lock()


def _threads() -> ThreadPoolExecutor:
    global _pool
    with _pool_slot:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=DUO_THREADS, thread_name_prefix="duo-opzoeken")
        return _pool


def verwerk_batch(eerste: int, *, worker_id: str) -> str:
    """Process notice `eerste` (its task is the worker's) and a batch of waiting ones; the status
    of `eerste`, or its error raised (the worker then marks its task failed)."""
    begin = timezone.now()
    with exclusive_transaction(DBTaskResult.objects.all().db):
        taken = list(
            DBTaskResult.objects.ready()
            .filter(task_path=TAAK, backend_name="default")
            .select_for_update(skip_locked=True)[: BATCH_GROOTTE - 1]
        )
        ids = [eerste, *(taak.args_kwargs["args"][0] for taak in taken)]
        uitkomsten = _verwerk(ids)
        _afmelden(taken, uitkomsten, worker_id=worker_id, begin=begin)
    eigen = uitkomsten[eerste]
    if isinstance(eigen, Exception):
        raise eigen
    return eigen


class Voorraad:
    """What a batch has read and looked up, for regie.duo.inkomend.services.verwerk, and the
    bundles its timeline and processing-log entries are collected in."""

    def __init__(self, notificaties: list[Notificatie], *, bundels=()):
        self._bundels = bundels
        te_doen = [
            n for n in notificaties if n.status == Status.ONTVANGEN and not services.niet_te_verwerken(n)
        ]
        paren = {(n.bsn, n.gemeente.organisatie_id) for n in te_doen}
        # Locked in one query, in id order: two workers never wait for each other crosswise.
        gevonden = (
            Inburgeraar.objects.select_for_update(of=("self",))
            .select_related("gemeente")
            .filter(bsn__in={bsn for bsn, _ in paren}, organisatie_id__in={o for _, o in paren})
            .order_by("pk")
        )
        self._inburgeraars = {
            (i.bsn, i.organisatie_id): i for i in gevonden if (i.bsn, i.organisatie_id) in paren
        }
        self._standen = {
            s.inburgeraar_id: s
            for s in DuoStand.objects.select_for_update().filter(
                inburgeraar_id__in=[i.pk for i in self._inburgeraars.values()]
            )
        }
        # Before the notices' savepoints: an account made inside one would be rolled back with it.
        organisaties = {n.gemeente.organisatie_id: n.gemeente.organisatie for n in te_doen}
        self._gebruikers = {pk: services.duo_gebruiker(o) for pk, o in organisaties.items()}
        # Only what the notice would look up itself: nothing is asked of DUO about a person the
        # notice will be parked for (unknown here, or in another municipality).
        self._gegevens: dict[int, Future] = {
            n.pk: _threads().submit(services.opzoeken, n)
            for n in te_doen
            if (inburgeraar := self.inburgeraar(n)) and not services.niet_voor_dit_dossier(n, inburgeraar)
        }

    def inburgeraar(self, notificatie: Notificatie) -> Inburgeraar | None:
        return self._inburgeraars.get((notificatie.bsn, notificatie.gemeente.organisatie_id))

    def gegevens(self, notificatie: Notificatie) -> dict:
        toekomst = self._gegevens.pop(notificatie.pk, None)
        return toekomst.result() if toekomst else services.opzoeken(notificatie)

    def stand(self, inburgeraar: Inburgeraar) -> DuoStand:
        if inburgeraar.pk not in self._standen:
            # unsaved: the handler's save() inserts it, inside the notice's savepoint
            self._standen[inburgeraar.pk] = DuoStand(inburgeraar=inburgeraar)
        return self._standen[inburgeraar.pk]

    def gebruiker(self, organisatie):
        return self._gebruikers[organisatie.pk]

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A savepoint whose rollback also drops the timeline and processing-log entries written
        inside it from the batch's bundles."""
        with ExitStack() as stack:
            for bundel in self._bundels:
                stack.enter_context(bundel.deel())
            stack.enter_context(transaction.atomic())
            yield

    def vergeet(self, inburgeraar: Inburgeraar) -> None:
        """A notice's changes were rolled back: read the case and its stand again."""
        inburgeraar.refresh_from_db()
        stand = DuoStand.objects.filter(inburgeraar=inburgeraar).first()
        if stand is None:
            self._standen.pop(inburgeraar.pk, None)
        else:
            self._standen[inburgeraar.pk] = stand


def _verwerk(ids: list[int]) -> dict[int, str | Exception]:
    gelezen = Notificatie.objects.select_related("gemeente__organisatie").in_bulk(ids)
    volgorde = [gelezen[i] for i in dict.fromkeys(ids) if i in gelezen]
    uitkomsten: dict[int, str | Exception] = {
        i: Notificatie.DoesNotExist(f"DUO-melding {i} bestaat niet.") for i in ids if i not in gelezen
    }
    # The timeline and processing-log entries of the whole batch go in with four INSERTs at its
    # end; those of a notice (or a handler) rolled back to its savepoint are dropped with it.
    with gebundeld() as logboek, tijdlijn.gebundeld() as gebeurtenissen:
        voorraad = Voorraad(volgorde, bundels=(logboek, gebeurtenissen))
        for notificatie in volgorde:
            try:
                with voorraad.savepoint():
                    uitkomsten[notificatie.pk] = services.verwerk(notificatie, voorraad=voorraad).status
            except Exception as fout:  # noqa: BLE001 - one notice's error must not cost the others
                uitkomsten[notificatie.pk] = fout
                notificatie.refresh_from_db()
                if inburgeraar := voorraad.inburgeraar(notificatie):
                    voorraad.vergeet(inburgeraar)
    return uitkomsten


def _afmelden(taken: list[DBTaskResult], uitkomsten: dict, *, worker_id: str, begin) -> None:
    """Mark the tasks taken along as django-tasks' worker would: done (by status, a few UPDATEs
    for the whole batch) or failed with the notice's error."""
    klaar = timezone.now()
    per_status = defaultdict(list)
    for taak in taken:
        uitkomst = uitkomsten[taak.args_kwargs["args"][0]]
        if isinstance(uitkomst, Exception):
            taak.set_failed(uitkomst)
            DBTaskResult.objects.filter(pk=taak.pk).update(
                started_at=begin, worker_ids=[*taak.worker_ids, worker_id]
            )
        else:
            per_status[uitkomst].append(taak.pk)
    for status, pks in per_status.items():
        DBTaskResult.objects.filter(pk__in=pks).update(
            status="SUCCESSFUL",
            started_at=begin,
            finished_at=klaar,
            return_value=status,
            worker_ids=[worker_id],
            exception_class_path="",
            traceback="",
        )

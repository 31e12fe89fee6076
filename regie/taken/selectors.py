"""Reading the background queue (django_tasks_db) for the page 'Achtergrondtaken'.

What is shown is technical: the task's name, queue, times, attempts, the exception class and
where it was raised. Arguments and return values are never shown, and the exception's message
only with numbers, e-mail addresses and quoted text masked, so no personal data leaks into the
page even when a task put some in its error.

A functioneel beheerder sees the tasks of the own organisation only (`taken_voor`, recorded when
each task was enqueued: regie.taken.organisatie); a superuser sees all, also the tasks that work
for the whole installation.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import Count, QuerySet
from django.http import Http404
from django_tasks_db.models import DBTaskResult, get_date_max

from regie.accounts.rechten import log_weigering
from regie.taken.models import HerhaaldeTaak

NIET_GEVONDEN = "Deze taak bestaat niet (meer) of hoort niet bij uw organisatie."

STATUS_LABELS = {
    "READY": "Wachtend",
    "RUNNING": "Bezig",
    "FAILED": "Mislukt",
    "SUCCESSFUL": "Gelukt",
}
MAX_RIJEN = 100

_GETAL = re.compile(r"\d{4,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_CITAAT = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
_PLAATS = re.compile(r'^\s*File "(?P<bestand>[^"]+)", line (?P<regel>\d+), in (?P<functie>\S+)')


def veilig(tekst: str, lengte: int = 200) -> str:
    """A text without what could be personal data: long numbers (BSN, phone), e-mail addresses
    and anything in quotes (names, addresses) are replaced."""
    tekst = _EMAIL.sub("[e-mailadres]", tekst)
    tekst = _CITAAT.sub("‘…’", tekst)
    tekst = _GETAL.sub("[getal]", tekst)
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _kort_pad(pad: str) -> str:
    for merk in ("/site-packages/", "/regie/", "/duo_simulator/"):
        if merk in pad:
            begin = pad.rindex(merk)
            deel = pad[begin + 1 :] if merk != "/site-packages/" else pad[begin + len(merk) :]
            return deel
    return pad.rsplit("/", 1)[-1]


def fout_samenvatting(traceback: str) -> tuple[str, str]:
    """(last line of the traceback, masked; where it was raised: file:line in function)."""
    regels = [r for r in (traceback or "").strip().splitlines() if r.strip()]
    if not regels:
        return "", ""
    plaats = ""
    for regel in reversed(regels):
        if m := _PLAATS.match(regel):
            plaats = f"{_kort_pad(m['bestand'])}:{m['regel']} in {m['functie']}"
            break
    return veilig(regels[-1].strip()), plaats


@dataclass
class Taakregel:
    id: str
    naam: str
    wachtrij: str
    status: str
    ingepland_op: datetime
    uitvoeren_na: datetime | None
    gestart_op: datetime | None
    klaar_op: datetime | None
    pogingen: int
    foutklasse: str
    laatste_regel: str
    plaats: str
    opnieuw: HerhaaldeTaak | None = None

    @property
    def status_tekst(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _regel(rij: DBTaskResult, opnieuw: dict) -> Taakregel:
    laatste, plaats = fout_samenvatting(rij.traceback) if rij.status == "FAILED" else ("", "")
    return Taakregel(
        id=str(rij.id),
        naam=rij.task_path,
        wachtrij=rij.queue_name,
        status=rij.status,
        ingepland_op=rij.enqueued_at,
        uitvoeren_na=None if rij.run_after == get_date_max() else rij.run_after,
        gestart_op=rij.started_at,
        klaar_op=rij.finished_at,
        pogingen=len(rij.worker_ids or []),
        foutklasse=rij.exception_class_path,
        laatste_regel=laatste,
        plaats=plaats,
        opnieuw=opnieuw.get(rij.id),
    )


def _regels(qs) -> list[Taakregel]:
    rijen = list(qs.defer("args_kwargs", "return_value")[:MAX_RIJEN])
    opnieuw = {
        h.origineel_id: h
        for h in HerhaaldeTaak.objects.filter(origineel_id__in=[r.id for r in rijen]).select_related("door")
    }
    return [_regel(rij, opnieuw) for rij in rijen]


def taken_voor(user) -> QuerySet[DBTaskResult]:
    """The tasks the user may see: a superuser all, anyone else those of the own organisation."""
    if user.is_superuser:
        return DBTaskResult.objects.all()
    if user.organisatie_id is None:
        return DBTaskResult.objects.none()
    return DBTaskResult.objects.filter(regie_organisatie__organisatie_id=user.organisatie_id)


def taak_voor(user, taak_id) -> DBTaskResult:
    """One task the user may see; 404 for one that does not exist or belongs to another
    organisation (the same answer, so nothing tells them apart), and the attempt is logged."""
    try:
        return taken_voor(user).get(id=UUID(str(taak_id)))
    except (DBTaskResult.DoesNotExist, ValueError, TypeError, AttributeError) as exc:
        log_weigering(None, f"Achtergrondtaak: {NIET_GEVONDEN}", object_id=str(taak_id)[:64])
        raise Http404(NIET_GEVONDEN) from exc


def aantallen_per_status(user) -> list[tuple[str, int]]:
    tellingen = dict(taken_voor(user).values_list("status").annotate(n=Count("id")).order_by())
    return [(label, tellingen.get(status, 0)) for status, label in STATUS_LABELS.items()]


def wachtende_taken(user) -> list[Taakregel]:
    return _regels(taken_voor(user).filter(status="READY").order_by("run_after", "enqueued_at"))


def lopende_taken(user) -> list[Taakregel]:
    return _regels(taken_voor(user).filter(status="RUNNING").order_by("started_at"))


def mislukte_taken(user) -> list[Taakregel]:
    return _regels(taken_voor(user).filter(status="FAILED").order_by("-finished_at", "-enqueued_at"))

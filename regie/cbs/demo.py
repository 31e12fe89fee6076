"""Demo: the deliveries of every past quarter, as the team leads made them, so the delivery history
lists them and each file downloads. Each berichtgever of the demo (Dronten, Noordoostpolder, and
Sociale Dienst Drechtsteden for its four municipalities in one file) delivered every quarter since
the quarter of its first case, within the 4 weeks, leaving out the persons with missing items; a few
quarters got a correction some weeks later."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from regie.accounts.models import Rol, User
from regie.cbs.kwartaal import EERSTE_JAAR, Kwartaal, kwartalen, laatste_afgesloten
from regie.cbs.selectors import ALLE, berichtgevers_voor, koppeldatum
from regie.cbs.services import levering_maken
from regie.inburgeraars.models import Inburgeraar
from regie.verwerkingslog import log as verwerkingslog

SEED = 2022
CORRECTIE_KANS = 0.15


def _moment(dag, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(9, 0)) + timedelta(minutes=rng.randint(0, 420)))


def cbs_demo(*, vandaag) -> int:
    """Make the demo's past deliveries; returns how many files."""
    rng = random.Random(SEED)
    gemaakt = 0
    teamleiders = User.objects.filter(rol=Rol.TEAMLEIDER, username__startswith="teamleider.").select_related(
        "organisatie"
    )
    for teamleider in teamleiders.order_by("username"):
        berichtgevers = berichtgevers_voor(teamleider)
        # A shared service delivers for all its municipalities in one file; the others per municipality.
        if any(b.sleutel == ALLE for b in berichtgevers):
            berichtgevers = [b for b in berichtgevers if b.sleutel == ALLE]
        for berichtgever in berichtgevers:
            eerste = (
                Inburgeraar.objects.filter(gemeente__in=berichtgever.gemeenten)
                .annotate(k=koppeldatum())
                .order_by("k")
                .values_list("k", flat=True)
                .first()
            )
            if eerste is None:
                continue
            begin = max(Kwartaal.van_datum(eerste), Kwartaal(EERSTE_JAAR, 1))
            for kwartaal in kwartalen(begin, laatste_afgesloten(vandaag)):
                dag = kwartaal.einde + timedelta(days=rng.randint(8, 25))
                if dag >= vandaag:
                    continue  # not delivered yet: the team lead still has time
                momenten = [_moment(dag, rng)]
                if rng.random() < CORRECTIE_KANS and dag + timedelta(days=45) < vandaag:
                    momenten.append(_moment(dag + timedelta(days=rng.randint(20, 45)), rng))
                for op in momenten:
                    with verwerkingslog.gebundeld(tijdstip=lambda op=op: op):
                        levering_maken(
                            door=teamleider,
                            berichtgever=berichtgever,
                            kwartaal=kwartaal,
                            onvolledig_weglaten=True,
                            op=op,
                        )
                    gemaakt += 1
    return gemaakt

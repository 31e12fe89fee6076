"""Demo data: progress talks for the demo cases whose PIP names a number of them.

The talks are spread over the inburgeringstermijn as `planning.spreiden` does (Regie's policy);
those before today are recorded as held, with an outcome (mostly "op koers"), the rest stay
planned. History is bulk-loaded (no service: a service only plans from today on); each case gets
one timeline entry. The outcomes come from `random.Random(seed)`, so the same seed gives the same
data. Cases that already have talks are left alone. Called from `regie.demo.opbouw.bouw_demo`.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from regie import klok
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.selectors import dagtekening_eerste_pip
from regie.inburgeraars.status import ACTIEF
from regie.pip.services import huidig_pip
from regie.tijdlijn import events
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog
from regie.voortgangsgesprekken.models import Aanleiding, Uitkomst, Voortgangsgesprek
from regie.voortgangsgesprekken.planning import spreiden
from regie.wet.termijnen import inburgeringstermijn, termijn_start

UITKOMSTEN = [
    (Uitkomst.OP_KOERS, "Gaat goed. De lessen en het vrijwilligerswerk lopen zoals afgesproken."),
    (Uitkomst.OP_KOERS, "Komt op tijd, maakt huiswerk. Volgende stap: examen lezen aanvragen."),
    (Uitkomst.BIJSTUREN, "Mist soms lessen door afspraken. Afgesproken: afspraken buiten lestijd plannen."),
    (Uitkomst.BIJSTUREN, "Spreken gaat moeizaam. De taalschool zet extra spreekuren in."),
]


def gesprekken_demo(*, vandaag: date | None = None, seed: int = 2021) -> int:
    """Plan (and for the past: record) the PIP's talks of every active demo case. Returns how
    many talks were made."""
    vandaag = vandaag or klok.vandaag()
    rng = random.Random(seed)
    gisteravond = timezone.make_aware(datetime.combine(vandaag - timedelta(days=1), time(17)))
    gemaakt = 0
    personen = (
        Inburgeraar.objects.filter(
            status__in=list(ACTIEF), consulent__isnull=False, voortgangsgesprekken__isnull=True
        )
        .select_related("consulent")
        .order_by("pk")
    )
    moment = None
    with transaction.atomic(), verwerkingslog.gebundeld(tijdstip=lambda: moment):
        for persoon in personen:
            pip = huidig_pip(persoon)
            if pip is None or not pip.aantal_voortgangsgesprekken:
                continue
            eerste = dagtekening_eerste_pip(persoon) or pip.dagtekening
            datums = spreiden(
                aantal=pip.aantal_voortgangsgesprekken,
                vanaf=termijn_start(eerste),
                tot=inburgeringstermijn(eerste).datum,
            )
            gesprekken = []
            for dag in datums:
                gesprek = Voortgangsgesprek(
                    inburgeraar=persoon,
                    gepland_op=dag,
                    consulent=persoon.consulent,
                    aanleiding=Aanleiding.PIP,
                    aanleiding_toelichting=f"PIP versie {pip.versie}",
                )
                if dag < vandaag:
                    uitkomst, notitie = rng.choice(UITKOMSTEN)
                    gesprek.gevoerd_op = dag
                    gesprek.uitkomst = uitkomst
                    gesprek.notities = notitie
                    gesprek.met_wie = "Inburgeraar" + (" en tolk" if persoon.tolk_nodig else "")
                gesprekken.append(gesprek)
            Voortgangsgesprek.objects.bulk_create(gesprekken)
            # Planned right after the PIP was decided (and never today: the demo's history is past);
            # the timeline entry and its processing-log entry get that moment.
            moment = min(pip.vastgesteld_op + timedelta(minutes=5), gisteravond)
            gebeurtenis = events.voortgangsgesprekken_gepland(
                persoon, persoon.consulent, gesprekken, Aanleiding.PIP
            )
            Gebeurtenis.objects.filter(pk=gebeurtenis.pk).update(op=moment)
            gemaakt += len(gesprekken)
    return gemaakt

"""Demo data: each municipality's fine policy, and a few cases with a written warning and fines in
every step, one with a bezwaar. Fines are rare in practice (a handful per municipality per year),
so this is a handful: 13 cases over the three organisations.

The steps go through the services (the same checks and timeline as a consultant's), then the dates
the services stamp with today are set back to the story's moments, and so are the timeline and
processing-log entries. The same seed picks the same cases. Called from
`regie.demo.opbouw.bouw_demo`, after the progress talks.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from regie import klok
from regie.accounts.models import User
from regie.handhaving import boete_services as s
from regie.handhaving import services
from regie.handhaving.models import Boete, Boetebeleid
from regie.inburgeraars.models import Doelgroep, Inburgeraar
from regie.inburgeraars.status import ACTIEF
from regie.organisaties.models import Gemeente
from regie.tijdlijn.models import Gebeurtenis
from regie.verwerkingslog import log as verwerkingslog

# Per municipality (CBS code): fines for asielstatushouders, set-off against bijstand (verordening).
BELEID = {
    "0303": (False, True, "Verordening inburgering Dronten 2022"),
    "0505": (False, False, ""),
    "0642": (False, False, ""),
    "0590": (False, False, ""),
    "0531": (False, False, ""),
    "0171": (True, True, "Verordening Wet inburgering 2021 Noordoostpolder"),
}

# How far each case goes: the last step, per organisation (by the short name of its team lead).
VERHALEN = {
    "dronten": ["waarschuwing", "concept", "opgelegd_regeling", "ter_goedkeuring"],
    "drechtsteden": ["betaald_wi22", "bezwaar_deels", "geen_boete", "voornemen", "waarschuwing"],
    "noordoostpolder": ["verrekend", "zienswijze", "bezwaar_gegrond", "waarschuwing"],
}
FEITEN = (
    "Niet op les geweest in drie weken achter elkaar, zonder bericht aan de taalschool of aan ons. De taalschool"
    " heeft twee keer gebeld; de inburgeraar nam niet op."
)


@dataclass
class _Klok:
    moment: datetime | None = None
    dag: date | None = None
    entries: dict | None = None

    def op(self, dag: date) -> None:
        self.dag = dag
        self.moment = timezone.make_aware(datetime.combine(dag, time(10)))

    def bewaard(self, sender, instance, created, **kwargs):
        if created:
            self.entries[instance.pk] = self.moment


def beleid_demo() -> None:
    for cbs_code, (asiel, verrekenen, verordening) in BELEID.items():
        gemeente = Gemeente.objects.filter(cbs_code=cbs_code).first()
        if gemeente is not None:
            Boetebeleid.objects.update_or_create(
                gemeente=gemeente,
                defaults={
                    "asielstatushouders_beboeten": asiel,
                    "verrekenen_met_bijstand": verrekenen,
                    "verordening": verordening,
                },
            )


def _kandidaten(organisatie_kort: str, vandaag: date, rng: random.Random) -> list[Inburgeraar]:
    """Active cases with a PIP of at least eight months, whom the municipality may fine."""
    qs = (
        Inburgeraar.objects.filter(
            status__in=list(ACTIEF),
            consulent__username__endswith=f".{organisatie_kort}",
            pips__dagtekening__lte=vandaag - timedelta(days=240),
        )
        .select_related("gemeente", "consulent")
        .distinct()
        .order_by("pk")
    )
    mag = {b.gemeente_id for b in Boetebeleid.objects.filter(asielstatushouders_beboeten=True)}
    gekozen = [i for i in qs if i.doelgroep != Doelgroep.ASIELSTATUSHOUDER or i.gemeente_id in mag]
    rng.shuffle(gekozen)
    return gekozen


def handhaving_demo(*, vandaag: date | None = None, seed: int = 2021) -> int:
    """The policies and the demo's warnings and fines; returns the number of fines made."""
    vandaag = vandaag or klok.vandaag()
    rng = random.Random(seed)
    beleid_demo()
    tijd = _Klok(entries={})
    post_save.connect(tijd.bewaard, sender=Gebeurtenis, weak=False)
    try:
        with transaction.atomic(), verwerkingslog.gebundeld(tijdstip=lambda: tijd.moment):
            for kort, verhalen in VERHALEN.items():
                teamleider = User.objects.filter(username=f"teamleider.{kort}").first()
                kandidaten = _kandidaten(kort, vandaag, rng)
                for verhaal, inburgeraar in zip(verhalen, kandidaten, strict=False):
                    _verhaal(verhaal, inburgeraar, teamleider, vandaag, tijd)
                    # neem_versie stamped the real clock; the case changed last at the story's moment.
                    Inburgeraar.objects.filter(pk=inburgeraar.pk).update(gewijzigd_op=tijd.moment)
    finally:
        post_save.disconnect(tijd.bewaard, sender=Gebeurtenis)
    Gebeurtenis.objects.bulk_update(
        [Gebeurtenis(pk=pk, op=op) for pk, op in tijd.entries.items()], ["op"], batch_size=500
    )
    return Boete.objects.count()


def _terugdateren(boete: Boete, **datums) -> None:
    """A date a service stamped with today, set to the story's day."""
    for veld, dag in datums.items():
        setattr(boete, veld, dag)
    boete.save(update_fields=list(datums))


def _verhaal(verhaal: str, inburgeraar: Inburgeraar, teamleider: User, vandaag: date, k: _Klok) -> None:
    consulent = inburgeraar.consulent
    recent = verhaal in ("voornemen", "concept")
    begin = vandaag - timedelta(days=40 if recent else 150)
    k.op(begin)
    waarschuwing = services.waarschuwing_opstellen(
        inburgeraar=inburgeraar,
        door=consulent,
        aanleiding="ongeoorloofd_afwezig",
        omschrijving="U was drie weken niet op les. Vanaf nu verwachten wij u bij elke les.",
        datum=begin,
    )
    if verhaal == "concept":
        return
    services.waarschuwing_verzonden(waarschuwing=waarschuwing, door=consulent, verzonden_op=begin)
    if verhaal == "waarschuwing":
        return
    grond = "wi22" if verhaal == "betaald_wi22" else "wi23"
    rapport = begin + timedelta(days=30)
    k.op(rapport)
    boete = s.voornemen_opstellen(
        inburgeraar=inburgeraar,
        door=consulent,
        waarschuwing=waarschuwing,
        grond=grond,
        pleegdatum=begin + timedelta(days=21),
        feiten=FEITEN,
        rapport_datum=rapport,
        zienswijze_uiterlijk=s.zienswijze_termijn_voorstel(rapport),
    )
    if verhaal == "voornemen":
        return
    k.op(rapport + timedelta(days=10))
    if verhaal in ("zienswijze", "geen_boete", "bezwaar_gegrond"):
        s.zienswijze_vastleggen(
            boete=boete,
            door=consulent,
            vorm="hoorzitting",
            datum=k.dag,
            samenvatting="Zegt dat de kinderen ziek waren en dat er geen opvang was. Heeft geen briefje.",
        )
    else:
        k.op(rapport + timedelta(weeks=2, days=1))
        s.zienswijze_vastleggen(boete=boete, door=consulent, vorm="geen_reactie", datum=k.dag)
    if verhaal == "zienswijze":
        return
    k.op(k.dag + timedelta(days=3))
    if verhaal == "geen_boete":
        s.besluiten(
            boete=boete,
            door=consulent,
            opleggen=False,
            reden_geen_boete="De huisarts bevestigt dat de kinderen in die weken ziek waren.",
        )
        _terugdateren(boete, besloten_op=k.dag)
        return
    matiging = 50 if verhaal == "bezwaar_deels" else 100
    s.besluiten(
        boete=boete,
        door=consulent,
        opleggen=True,
        matiging=matiging,
        matiging_reden="Weinig geld: alleen een bijstandsuitkering en vier kinderen."
        if matiging < 100
        else "",
    )
    _terugdateren(boete, besloten_op=k.dag)
    if verhaal == "ter_goedkeuring":
        return
    k.op(k.dag + timedelta(days=2))
    s.goedkeuren(boete=boete, door=teamleider)
    _terugdateren(boete, dagtekening=k.dag)
    dagtekening = k.dag
    if verhaal == "opgelegd_regeling":
        k.op(dagtekening + timedelta(days=12))
        s.betaling_vastleggen(boete=boete, door=consulent, betaalwijze="regeling", aantal_termijnen=4)
    elif verhaal in ("betaald_wi22", "verrekend"):
        k.op(dagtekening + timedelta(days=20))
        s.betaling_vastleggen(
            boete=boete,
            door=consulent,
            betaalwijze="verrekening" if verhaal == "verrekend" else "ineens",
            betaald_op=k.dag,
        )
    elif verhaal in ("bezwaar_deels", "bezwaar_gegrond"):
        k.op(dagtekening + timedelta(days=25))
        s.bezwaar_registreren(boete=boete, door=consulent, ontvangen_op=k.dag)
        k.op(dagtekening + timedelta(days=60))
        deels = verhaal == "bezwaar_deels"
        s.bezwaar_beslissen(
            boete=boete,
            door=teamleider,
            uitkomst="deels_gegrond" if deels else "gegrond",
            beslist_op=k.dag,
            toelichting=(
                "De boete is verlaagd: de inburgeraar volgt nu alle lessen."
                if deels
                else "De waarschuwing ging naar een oud adres: de inburgeraar wist het niet."
            ),
            nieuw_bedrag_centen=1_500 if deels else None,
        )

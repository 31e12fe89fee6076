"""Reconciliation: per person, what Regie holds against what DUO holds, with what to do about each
difference (leerroute, dagtekening of the PIP and of the first PIP, end of the termijn, whether the
obligation runs, doelgroep).

`vergelijk` asks DUO (through the client) for one person; `afstemming_uitvoeren` (a task) does it
for every active case of an organisation and stores the result (model Afstemming) for the team
lead's page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from regie.duo.client import DuoFout
from regie.duo.codes import Opzoeker, laatste_dag_termijn
from regie.duo.inkomend.gebeurtenissen import LEERROUTE_DUO, doelgroep_uit
from regie.duo.inkomend.models import Afstemming, AfstemmingRegel
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Leerroute
from regie.inburgeraars.status import ACTIEF, Status
from regie.verwerkingslog.context import systeemcontext
from regie.wet.termijnen import Soort


@dataclass(frozen=True)
class Verschil:
    onderdeel: str
    regie: str
    duo: str
    actie: str


def _nl(dag) -> str:
    if not dag:
        return "(niets)"
    if isinstance(dag, str):
        dag = date.fromisoformat(dag)
    return f"{dag:%d-%m-%Y}"


def _label(keuzes, waarde) -> str:
    return dict(keuzes.choices).get(waarde, waarde) if waarde else "(niets)"


def vergelijk(inburgeraar: Inburgeraar, opzoeker: Opzoeker | None = None) -> list[Verschil]:
    """The differences for one person. Raises the DUO client's errors when DUO cannot answer."""
    from regie.inburgeraars.selectors import dagtekening_eerste_pip, termijnen_voor
    from regie.pip.services import huidig_pip

    opzoeker = opzoeker or Opzoeker(inburgeraar.gemeente)
    bsn = inburgeraar.bsn
    plicht = opzoeker.haal("inburgeringsplicht", bsn)
    doelgroep = opzoeker.haal("doelgroep", bsn)
    termijn = opzoeker.haal("inburgeringstermijn", bsn)
    duo_pip = opzoeker.haal("pip", bsn)
    verschillen: list[Verschil] = []

    # Obligation status
    actief = inburgeraar.status in ACTIEF
    duo_plicht = bool(plicht and plicht.get("indicatorInburgeringsplicht"))
    if actief and not duo_plicht:
        reden = (plicht or {}).get("redenGeenInburgeringsplicht") or "DUO kent geen lopende plicht"
        verschillen.append(
            Verschil(
                "Inburgeringsplicht",
                f"loopt (status {inburgeraar.status_enum.label})",
                f"loopt niet ({reden})",
                "Rond het dossier af of beëindig het met de reden van DUO, of vraag DUO waarom de plicht niet loopt.",
            )
        )
    elif not actief and duo_plicht and inburgeraar.status != Status.VERHUISD:
        verschillen.append(
            Verschil(
                "Inburgeringsplicht",
                f"loopt niet (status {inburgeraar.status_enum.label})",
                "loopt",
                "Controleer bij DUO of de plicht nog loopt; zet het dossier zo nodig weer op 'aangemeld'.",
            )
        )

    # Doelgroep
    duo_doelgroep = doelgroep_uit(doelgroep, inburgeraar.doelgroep)
    if duo_doelgroep and duo_doelgroep != inburgeraar.doelgroep:
        verschillen.append(
            Verschil(
                "Doelgroep",
                _label(Doelgroep, inburgeraar.doelgroep),
                _label(Doelgroep, duo_doelgroep),
                "Pas de doelgroep in het dossier aan, of meld DUO dat de doelgroep niet klopt.",
            )
        )

    # PIP: leerroute and dagtekening of the current PIP
    pip = huidig_pip(inburgeraar)
    eigen_duo_pip = (
        duo_pip if duo_pip and duo_pip.get("gemeentecode") == inburgeraar.gemeente.cbs_code else None
    )
    if pip and not eigen_duo_pip:
        verschillen.append(
            Verschil(
                "PIP",
                f"versie {pip.versie}, dagtekening {_nl(pip.dagtekening)}",
                "geen PIP van deze gemeente",
                "Stuur het huidige PIP naar DUO (tab DUO van het dossier).",
            )
        )
    elif pip and eigen_duo_pip:
        duo_route = LEERROUTE_DUO.get((eigen_duo_pip.get("pip") or {}).get("leerroute"))
        if duo_route and duo_route != pip.leerroute:
            verschillen.append(
                Verschil(
                    "Leerroute",
                    _label(Leerroute, pip.leerroute),
                    _label(Leerroute, duo_route),
                    "Stuur het huidige PIP opnieuw naar DUO; klopt het PIP niet, stel dan een nieuwe versie vast.",
                )
            )
        duo_dagtekening = (eigen_duo_pip.get("pip") or {}).get("dagtekeningPip")
        if duo_dagtekening and date.fromisoformat(duo_dagtekening) != pip.dagtekening:
            verschillen.append(
                Verschil(
                    "Dagtekening PIP",
                    _nl(pip.dagtekening),
                    _nl(duo_dagtekening),
                    "Stuur het huidige PIP opnieuw naar DUO.",
                )
            )

    # Termijn: start (= day after the first PIP, Wi 11 lid 2) and end
    eerste = dagtekening_eerste_pip(inburgeraar)
    if termijn and termijn.get("startdatum"):
        duo_eerste = date.fromisoformat(termijn["startdatum"]) - timedelta(days=1)
        if eerste != duo_eerste:
            verschillen.append(
                Verschil(
                    "Dagtekening eerste PIP",
                    _nl(eerste),
                    f"{_nl(duo_eerste)} (termijn begint {_nl(termijn['startdatum'])})",
                    "Controleer de dagtekening van het eerste PIP, ook van een vorige gemeente (Wi 11 lid 2 en 3),"
                    " en vul die in bij het dossier.",
                )
            )
    regie_einde = next(
        (t.datum for t in termijnen_voor(inburgeraar) if t.soort == Soort.INBURGERINGSTERMIJN), None
    )
    duo_einde = laatste_dag_termijn(termijn)
    if regie_einde and not duo_einde:
        verschillen.append(
            Verschil(
                "Einde termijn",
                _nl(regie_einde),
                "(geen termijn bij DUO)",
                "DUO kent nog geen termijn: stuur het eerste PIP naar DUO.",
            )
        )
    elif duo_einde and duo_einde != regie_einde:
        if termijn.get("verlengingsgrondcode") or termijn.get("verlengingsgrondomschrijving"):
            actie = (
                "DUO heeft de termijn verlengd, maar Regie kent die verlenging nog niet. Verwerk de melding"
                " van DUO over de verlenging (DUO-meldingen) of vraag DUO om die opnieuw te sturen."
            )
        else:
            actie = (
                "Controleer de dagtekening van het eerste PIP; klopt die, vraag DUO dan naar de einddatum."
            )
        verschillen.append(Verschil("Einde termijn", _nl(regie_einde), _nl(duo_einde), actie))
    return verschillen


def te_vergelijken(organisatie) -> list[Inburgeraar]:
    return list(
        Inburgeraar.objects.filter(gemeente__organisatie=organisatie, status__in=list(ACTIEF))
        .select_related("gemeente")
        .order_by("geslachtsnaam", "pk")
    )


def afstemming_starten(*, organisatie, door) -> Afstemming:
    """Store a new run and enqueue it (in the same transaction)."""
    with transaction.atomic():
        afstemming = Afstemming.objects.create(organisatie=organisatie, gestart_door=door)
        afstemming_uitvoeren.enqueue(afstemming.pk)
    return afstemming


@task(queue_name="duo")
def afstemming_uitvoeren(afstemming_id: int) -> int:
    """Compare every active case of the organisation with DUO; returns the number with differences."""
    afstemming = Afstemming.objects.select_related("organisatie").get(pk=afstemming_id)
    opzoekers: dict[int, Opzoeker] = {}
    regels = []
    with systeemcontext():
        for inburgeraar in te_vergelijken(afstemming.organisatie):
            opzoeker = opzoekers.setdefault(inburgeraar.gemeente_id, Opzoeker(inburgeraar.gemeente))
            try:
                verschillen = [asdict(v) for v in vergelijk(inburgeraar, opzoeker)]
                fout = ""
            except DuoFout as e:
                verschillen, fout = [], f"DUO gaf geen antwoord: {e}"
            if verschillen or fout:
                regels.append(
                    AfstemmingRegel(
                        afstemming=afstemming, inburgeraar=inburgeraar, verschillen=verschillen, fout=fout
                    )
                )
            opzoeker._cache.clear()
    with transaction.atomic():
        AfstemmingRegel.objects.bulk_create(regels, batch_size=500)
        afstemming.klaar_op = timezone.now()
        afstemming.save(update_fields=["klaar_op"])
    return len(regels)
